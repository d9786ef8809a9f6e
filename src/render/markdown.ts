// Markdown (from the templates) → the document model, with a well-kept parser (mdast).
// Directives: ::omslag, ::innehall, ::sidbrytning, ::diagram{typ="…" titel="…"}.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { Block, Inline } from './model.js';
import type { RenderContext } from './context.js';

function inlines(nodes: PhrasingContent[], style: { bold?: boolean; italic?: boolean } = {}, warn: (m: string) => void): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ text: n.value.replace(/\s*\n\s*/g, ' '), ...style }); break;
      case 'strong': out.push(...inlines(n.children, { ...style, bold: true }, warn)); break;
      case 'emphasis': out.push(...inlines(n.children, { ...style, italic: true }, warn)); break;
      case 'inlineCode': out.push({ text: n.value, ...style }); break;
      case 'break': out.push({ text: ' ', ...style }); break;
      case 'link': out.push(...inlines(n.children, style, warn)); break;
      case 'delete': out.push(...inlines(n.children, style, warn)); break;
      case 'html': out.push({ text: n.value, ...style }); warn('HTML i en mall skrivs ut som text'); break;
      case 'textDirective': out.push({ text: `:${n.name}`, ...style }); break;
      default: warn(`okänd textdel "${n.type}" i mallen skrivs inte ut`);
    }
  }
  // Merge neighbours with the same style (keeps writers simple and output small).
  return out.reduce<Inline[]>((acc, x) => {
    const last = acc.at(-1);
    if (last && last.bold === x.bold && last.italic === x.italic) last.text += x.text;
    else acc.push({ ...x });
    return acc;
  }, []);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-').replace(/^-|-$/g, '');

export function markdownToBlocks(md: string, ctx: RenderContext, warn: (m: string) => void): Block[] {
  const tree: Root = fromMarkdown(md, {
    extensions: [gfmTable(), directive()],
    mdastExtensions: [gfmTableFromMarkdown(), directiveFromMarkdown()],
  });
  const blocks: Block[] = [];
  const ids = new Map<string, number>();
  let fig = 0;
  const visit = (n: RootContent) => {
    switch (n.type) {
      case 'heading': {
        const text = inlines(n.children, {}, warn);
        let id = slug(text.map((t) => t.text).join('')) || 'rubrik';
        const k = ids.get(id) ?? 0;
        ids.set(id, k + 1);
        if (k) id += `-${k + 1}`;
        blocks.push({ kind: 'heading', level: Math.min(4, n.depth) as 1 | 2 | 3 | 4, text, id });
        break;
      }
      case 'paragraph': blocks.push({ kind: 'paragraph', text: inlines(n.children, {}, warn) }); break;
      case 'list':
        blocks.push({ kind: 'list', ordered: Boolean(n.ordered), items: n.children.map((li) => li.children.flatMap((c) => (c.type === 'paragraph' ? inlines(c.children, {}, warn) : []))) });
        break;
      case 'table': {
        const [head, ...rows] = n.children;
        blocks.push({ kind: 'table', header: head!.children.map((c) => inlines(c.children, { bold: true }, warn).map((i) => ({ ...i, bold: true }))), rows: rows.map((r) => r.children.map((c) => inlines(c.children, {}, warn))) });
        break;
      }
      case 'leafDirective':
        if (n.name === 'omslag') blocks.push({ kind: 'cover' });
        else if (n.name === 'innehall') blocks.push({ kind: 'toc' });
        else if (n.name === 'sidbrytning') blocks.push({ kind: 'pagebreak' });
        else if (n.name === 'diagram') {
          const typ = n.attributes?.typ ?? '';
          const c = ctx.charts[typ];
          if (!c) { warn(`okänt diagram "${typ}" i mallen`); break; }
          fig++;
          blocks.push({ kind: 'figure', chart: c.chart, alt: c.alt, caption: `Figur ${fig}. ${n.attributes?.titel ?? ''}`.trim(), nummer: fig });
        } else warn(`okänt direktiv ::${n.name} i mallen`);
        break;
      case 'thematicBreak': blocks.push({ kind: 'pagebreak' }); break;
      case 'blockquote': for (const c of n.children) visit(c); break;
      case 'code': blocks.push({ kind: 'paragraph', text: [{ text: n.value }] }); break;
      case 'html': blocks.push({ kind: 'paragraph', text: [{ text: n.value }] }); warn('HTML i en mall skrivs ut som text'); break;
      default: warn(`okänd del "${n.type}" i mallen skrivs inte ut`);
    }
  };
  for (const n of tree.children) visit(n);
  return blocks;
}
