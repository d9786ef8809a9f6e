// Markdown (from the templates) → the document model, with a well-kept parser (mdast).
// Directives: ::omslag, ::innehall, ::sidbrytning, ::diagram{typ="…" titel="…"}, :::samman (kept on one page).
// A custom template (--mallar) may hold any Markdown: every kind of mdast node either maps to
// the model or gives a warning that names where it stands (the heading it falls under and the
// line of the generated Markdown); nothing is dropped silently. Both switches below are
// exhaustive over mdast's node types, so a parser extension that adds a type fails to compile
// until it is handled here.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import type { BlockContent, DefinitionContent, Node, PhrasingContent, Root, Table } from 'mdast';
import type { Block, HeadingLevel, Inline } from './model.js';
import type { RenderContext } from './context.js';
import { splitChart } from './charts.js';
import { emptyChart } from './empty.js';
import { keepDatesInWords } from './hyphen.js';
import { PLATS, backToLines, fewerEmptyLines, takeBlocks } from './fast-blocks.js';

type Style = Omit<Inline, 'text'>;
const same = (a: Inline, b: Inline) => a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.href === b.href;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-').replace(/^-|-$/g, '');

export function markdownToBlocks(md: string, ctx: RenderContext, warn: (m: string) => void): Block[] {
  // Plain blocks are read without micromark (fast-blocks.ts); a directive line stands in their place.
  const { md: rest, blocks: taken } = takeBlocks(md);
  // What is left, with the empty lines of what was taken made few; positions back on the template's lines.
  const short = taken.size ? fewerEmptyLines(rest) : undefined;
  const tree: Root = fromMarkdown(short?.md ?? rest, {
    extensions: [gfmTable(), gfmStrikethrough({ singleTilde: false }), directive()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), directiveFromMarkdown()],
  });
  if (short) backToLines(tree, short.lines);
  // Reference links ([text][ref]) get their URL from the definitions, wherever they stand.
  const defs = new Map<string, string>();
  const collect = (n: Node) => {
    if (n.type === 'definition') { const d = n as unknown as { identifier: string; url: string }; if (!defs.has(d.identifier)) defs.set(d.identifier, d.url); }
    for (const c of (n as { children?: Node[] }).children ?? []) collect(c);
  };
  collect(tree);

  let under = ''; // the text of the last heading, for warnings and table captions
  let tablesUnder = 0; // tables since that heading: the second one's caption says "tabell 2"
  const where = (n: Node) => {
    const line = n.position?.start.line;
    const head = under ? `under rubriken "${under.slice(0, 60)}"` : 'före första rubriken';
    return `${head}${line ? ` (rad ${line} i mallens Markdown)` : ''}`;
  };
  const warnAt = (n: Node, m: string) => warn(`mallen, ${where(n)}: ${m}`);

  const inlines = (nodes: PhrasingContent[], style: Style = {}): Inline[] => {
    const out: Inline[] = [];
    const walk = (ns: PhrasingContent[], st: Style) => {
      for (const n of ns) {
        switch (n.type) {
          case 'text': out.push({ text: keepDatesInWords(n.value.replace(/\s*\n\s*/g, ' ')), ...st }); break;
          case 'strong': walk(n.children, { ...st, bold: true }); break;
          case 'emphasis': walk(n.children, { ...st, italic: true }); break;
          case 'delete': walk(n.children, { ...st, strike: true }); break;
          case 'inlineCode': out.push({ text: n.value, ...st, code: true }); break;
          case 'break': out.push({ text: ' ', ...st }); break;
          case 'link': walk(n.children.length ? n.children : [{ type: 'text', value: n.url }], { ...st, href: n.url }); break;
          case 'linkReference': {
            const url = defs.get(n.identifier);
            if (url === undefined) {
              // Not a link after all (CommonMark keeps "[x]" as text when nothing defines it).
              out.push({ text: '[', ...st }); walk(n.children, st); out.push({ text: ']', ...st });
            } else walk(n.children, { ...st, href: url });
            break;
          }
          case 'image': case 'imageReference':
            out.push({ text: n.alt ?? '', ...st });
            warnAt(n, `bilden "${(n.alt ?? '').slice(0, 40)}" kan inte visas (bara diagram med ::diagram); dess alt-text skrivs ut`);
            break;
          case 'footnoteReference': out.push({ text: `[^${n.identifier}]`, ...st }); warnAt(n, 'fotnoter stöds inte; hänvisningen skrivs ut som text'); break;
          case 'html': out.push({ text: n.value, ...st }); warnAt(n, 'HTML skrivs ut som text'); break;
          case 'textDirective':
            // "kl:a" and the like: a colon before a word, not meant as a directive.
            if (!n.children.length && !Object.keys(n.attributes ?? {}).length) out.push({ text: `:${n.name}`, ...st });
            else { warnAt(n, `okänt textdirektiv :${n.name}; bara dess text skrivs ut`); walk(n.children, st); }
            break;
          default: {
            const never: never = n;
            warnAt(never as Node, `okänd textdel "${(never as Node).type}" skrivs inte ut`);
          }
        }
      }
    };
    walk(nodes, style);
    // Merge neighbours with the same style (keeps writers simple and output small).
    return out.reduce<Inline[]>((acc, x) => {
      const last = acc.at(-1);
      if (last && same(last, x)) last.text += x.text;
      else acc.push({ ...x });
      return acc;
    }, []);
  };

  const table = (n: Table): Block => {
    const [head, ...rows] = n.children;
    const header = head!.children.map((c) => inlines(c.children, { bold: true }));
    // "| | |" over the rows: a label/value table, whose labels head their rows.
    const labels = header.every((h) => !h.some((x) => x.text.trim()));
    const body = rows.map((r) => r.children.map((c, i) => inlines(c.children, labels && i === 0 ? { bold: true } : {})));
    return { kind: 'table', header, rows: body, ...(labels ? { labels: true } : {}), ...(under ? { caption: ++tablesUnder > 1 ? `${under}, tabell ${tablesUnder}` : under } : {}) };
  };

  const ids = new Map<string, number>();
  let fig = 0;
  const blocks = (nodes: (BlockContent | DefinitionContent)[]): Block[] => {
    const out: Block[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'heading': {
          const text = inlines(n.children);
          under = text.map((t) => t.text).join('');
          tablesUnder = 0;
          let id = slug(under) || 'rubrik';
          const k = ids.get(id) ?? 0;
          ids.set(id, k + 1);
          if (k) id += `-${k + 1}`;
          out.push({ kind: 'heading', level: n.depth as HeadingLevel, text, id });
          break;
        }
        case 'paragraph': out.push({ kind: 'paragraph', text: inlines(n.children) }); break;
        case 'list':
          out.push({ kind: 'list', ordered: Boolean(n.ordered), start: n.start ?? 1, items: n.children.map((li) => blocks(li.children)) });
          break;
        case 'blockquote': out.push({ kind: 'quote', blocks: blocks(n.children) }); break;
        case 'table': out.push(table(n)); break;
        case 'leafDirective':
          if (n.name === PLATS && taken.has(n.position?.start.line ?? 0)) out.push(...blocks(taken.get(n.position!.start.line)! as BlockContent[]));
          else if (n.name === 'omslag') out.push({ kind: 'cover' });
          else if (n.name === 'innehall') out.push({ kind: 'toc' });
          else if (n.name === 'sidbrytning') out.push({ kind: 'pagebreak' });
          else if (n.name === 'diagram') {
            const typ = n.attributes?.typ ?? '';
            const c = ctx.charts[typ];
            if (!c) { warnAt(n, `okänt diagram "${typ}"`); break; }
            // An empty chart is left out: the document says why instead (empty.ts says it, and render warns).
            if (c.tom) {
              out.push(emptyChart(n.attributes?.titel ?? '', c.tom, typ));
              break;
            }
            // A long timeline or indicator chart in parts of at most a page each; the first part's alt text tells the whole chart.
            const parts = splitChart(c.chart);
            const first = fig + 1;
            for (const [k, part] of parts.entries()) {
              fig++;
              const del = parts.length > 1 ? ` (rad ${part.från}–${part.till} av ${'rader' in c.chart ? c.chart.rader.length : 1})` : '';
              const alt = k === 0 ? c.alt : `Fortsättning av figur ${first}, rad ${part.från}–${part.till}; alt-texten till figur ${first} beskriver hela diagrammet.`;
              out.push({ kind: 'figure', chart: part.chart, alt, caption: `Figur ${fig}. ${n.attributes?.titel ?? ''}${del}`.trim(), nummer: fig });
            }
          } else warnAt(n, `okänt direktiv ::${n.name} skrivs inte ut`);
          break;
        case 'containerDirective': {
          const inner = blocks(n.children);
          // :::samman keeps its blocks on one page: each stays with the next (headings, paragraphs and lists; the last need not).
          if (n.name === 'samman') inner.slice(0, -1).forEach((b) => { if (b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'list') b.keepNext = true; });
          else warnAt(n, `okänt direktiv :::${n.name}; bara dess innehåll skrivs ut`);
          out.push(...inner);
          break;
        }
        case 'thematicBreak': out.push({ kind: 'pagebreak' }); break;
        case 'code': out.push({ kind: 'paragraph', text: [{ text: n.value, code: true }] }); break;
        case 'html': out.push({ kind: 'paragraph', text: [{ text: n.value }] }); warnAt(n, 'HTML skrivs ut som text'); break;
        case 'definition': break; // read above: its URL goes with the links that refer to it
        case 'footnoteDefinition': warnAt(n, `fotnoten [^${n.identifier}] stöds inte; dess text skrivs ut som stycke`); out.push(...blocks(n.children)); break;
        default: {
          const never: never = n;
          warnAt(never as Node, `okänd del "${(never as Node).type}" skrivs inte ut`);
        }
      }
    }
    return out;
  };
  return blocks(tree.children as (BlockContent | DefinitionContent)[]);
}
