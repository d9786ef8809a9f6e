// Writer tests from hand-built document models and a Markdown sample, against golden files (as
// pandoc's writer tests do), beside the real-client tests in render.e2e and pdf-layout:
// - golden/markdown.md → golden/markdown-model.json: the model and warnings Markdown gives;
// - the hand-built MODEL (every node kind) → golden/document.xml (DOCX's word/document.xml,
//   pretty-printed) and golden/page.html.
// Output is deterministic (no ids to drop: docx's random hyperlink ids are numbered by the writer).
// To regenerate the goldens after an intended change, run
//   FSSTOD_GOLDEN=skriv npx vitest run test/render/writers.test.ts
// and read the diff (git diff test/render/golden) before committing it.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import JSZip from 'jszip';
import { markdownToBlocks } from '../../src/render/markdown.js';
import { writeDocx } from '../../src/render/docx/write.js';
import { writeHtml } from '../../src/render/html/write.js';
import { writePdf } from '../../src/render/pdf/write.js';
import { chartPng } from '../../src/render/charts.js';
import type { Block, DocModel, Inline } from '../../src/render/model.js';
import type { RenderContext } from '../../src/render/context.js';
import { ROOT } from '../helpers/cli.js';

const GOLDEN = join(ROOT, 'test', 'render', 'golden');
const WRITE = process.env.FSSTOD_GOLDEN === 'skriv';
const fontDir = join(ROOT, 'assets', 'fonts');

/** The golden file's text; with FSSTOD_GOLDEN=skriv, writes `actual` there first. */
function golden(name: string, actual: string): string {
  const path = join(GOLDEN, name);
  if (WRITE) { mkdirSync(GOLDEN, { recursive: true }); writeFileSync(path, actual); }
  if (!existsSync(path)) throw new Error(`golden/${name} saknas: kör FSSTOD_GOLDEN=skriv npx vitest run test/render/writers.test.ts`);
  return readFileSync(path, 'utf8');
}

/** XML pretty-printed one element per line (text stays beside its tags), for readable diffs. */
export function prettyXml(xml: string): string {
  let depth = 0;
  return xml.replace(/>\s*</g, '>\n<').split('\n').map((line) => {
    const close = /^<\//.test(line);
    const open = /^<[^/?!][^>]*[^/]>$|^<[^/?!]>$/.test(line) && !/<\/[^>]+>$/.test(line);
    if (close) depth--;
    const out = '  '.repeat(Math.max(depth, 0)) + line;
    if (open) depth++;
    return out;
  }).join('\n') + '\n';
}

const chart = { typ: 'faktorer' as const, skala: ['låg', 'hög'], rader: [{ etikett: 'Stöd', värde: 2 }] };
const t = (text: string, s: Omit<Inline, 'text'> = {}): Inline => ({ text, ...s });
const p = (...text: Inline[]): Block => ({ kind: 'paragraph', text });
const table: Block = { kind: 'table', header: [[t('Kolumn', { bold: true })], [t('Värde', { bold: true })]], rows: [[[t('a')], [t('länk', { href: 'https://example.se/t' })]]] };

/** Every kind of node, and the nestings issue 11 names: lists 3 deep, a quote and a table in a list. */
export const MODEL: DocModel = {
  meta: { dokument: 'lägesbild', titel: 'Lägesbild', projekt: 'Projekt', kommun: 'Hjo', period: '2025', version: '1', status: 'utkast', diarienummer: 'KS 1', datum: '2025-10-09', tid: new Date('2025-10-09T00:00:00Z'), exempel: false, lang: 'sv-SE' },
  blocks: [
    { kind: 'cover' },
    { kind: 'toc' },
    { kind: 'heading', level: 1, text: [t('Kapitel')], id: 'kapitel' },
    p(t('Text med '), t('fet', { bold: true }), t(', '), t('kursiv', { italic: true }), t(', '), t('båda', { bold: true, italic: true }), t(', '), t('struken', { strike: true }), t(', '), t('kod', { code: true }), t(' och en '), t('länk', { href: 'https://example.se/a?b=1&c=2' }), t('.')),
    { kind: 'heading', level: 2, text: [t('Avsnitt')], id: 'avsnitt' },
    { kind: 'list', ordered: false, start: 1, items: [
      [p(t('nivå 1')), { kind: 'list', ordered: false, start: 1, items: [[p(t('nivå 2')), { kind: 'list', ordered: true, start: 1, items: [[p(t('nivå 3 numrerad'))], [p(t('nivå 3 två'))]] }]] }],
      [p(t('punkt med citat')), { kind: 'quote', blocks: [p(t('citat i lista'))] }],
      [p(t('punkt med tabell')), table],
    ] },
    { kind: 'list', ordered: true, start: 3, items: [[p(t('tre'))], [p(t('fyra'))]] },
    { kind: 'quote', blocks: [p(t('Ett citat med '), t('fet', { bold: true }), t(' text.')), { kind: 'quote', blocks: [p(t('Nästlat citat.'))] }] },
    { kind: 'heading', level: 3, text: [t('Nivå 3')], id: 'niva-3' },
    { kind: 'heading', level: 4, text: [t('Nivå 4')], id: 'niva-4' },
    { kind: 'heading', level: 5, text: [t('Nivå 5')], id: 'niva-5' },
    { kind: 'heading', level: 6, text: [t('Nivå 6')], id: 'niva-6' },
    table,
    p(t('kodblock\nrad två', { code: true })),
    { kind: 'figure', chart, alt: 'Stöd: hög', caption: 'Figur 1. Faktorer', nummer: 1 },
    { kind: 'pagebreak' },
    p(t('Slut.')),
  ],
};

const ctx = { charts: { faktorer: { chart, alt: 'Stöd: hög' } } } as unknown as RenderContext;
const documentXml = async (docx: Buffer) => (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string'));
const images = async (m: DocModel) => {
  const out = new Map<Block, Awaited<ReturnType<typeof chartPng>>>();
  for (const b of m.blocks) if (b.kind === 'figure') out.set(b, await chartPng(b.chart, b.alt, fontDir));
  return out;
};

describe('Markdown → model', () => {
  const md = readFileSync(join(GOLDEN, 'markdown.md'), 'utf8');
  const warns: string[] = [];
  const blocks = markdownToBlocks(md, ctx, (w) => warns.push(w));

  it('matches golden/markdown-model.json', () => {
    const actual = `${JSON.stringify({ blocks, warns }, null, 2)}\n`;
    expect(actual).toBe(golden('markdown-model.json', actual));
  });

  it('keeps nested lists, quotes and tables in lists, links, ##### and strikethrough', () => {
    const json = JSON.stringify(blocks);
    const list = blocks.find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>;
    const l2 = list.items[0]!.find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>;
    const l3 = l2.items[0]!.find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>;
    expect(l3.items[0]![0]).toMatchObject({ kind: 'paragraph', text: [{ text: 'nivå 3' }] });
    expect(list.items[1]!.map((b) => b.kind)).toEqual(['paragraph', 'quote']);
    expect(list.items[2]!.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(json).toContain('"href":"https://example.se/a?b=1&c=2"');
    expect(json).toContain('"text":"referens","href":"https://example.se/ref"');
    expect(json).toContain('"text":"struken","strike":true');
    expect(json).toContain('"text":"kursiv inuti","bold":true,"italic":true');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(blocks.find((b) => b.kind === 'list' && b.ordered)).toMatchObject({ start: 3 });
  });

  it('warns for what it cannot show, naming the heading and the line', () => {
    expect(warns.some((w) => /^mallen, under rubriken "Nivå 6" \(rad \d+ i mallens Markdown\): bilden "alt-text" kan inte visas/.test(w))).toBe(true);
    expect(warns.some((w) => /under rubriken "Nivå 6" .*: HTML skrivs ut som text/.test(w))).toBe(true);
    expect(warns.some((w) => /okänt textdirektiv :abbr/.test(w))).toBe(true);
    expect(warns.some((w) => /okänt direktiv :::ruta; bara dess innehåll/.test(w))).toBe(true);
    expect(warns.some((w) => /okänt direktiv ::okand/.test(w))).toBe(true);
    // What was warned about still shows its text.
    const text = JSON.stringify(blocks);
    for (const s of ['alt-text', 'FN', 'Innehåll i okänd ruta', 'kl:a']) expect(text).toContain(s);
  });
});

describe('writers, from a hand-built model', () => {
  it('DOCX: word/document.xml matches golden/document.xml', async () => {
    const warns: string[] = [];
    const xml = prettyXml(await documentXml(await writeDocx(MODEL, await images(MODEL), (w) => warns.push(w))));
    expect(xml).toBe(golden('document.xml', xml));
    expect(warns).toEqual([]);
  });

  it('DOCX: links are hyperlinks to their URL, lists nest with numbering, strike and Heading 5–6', async () => {
    const docx = await writeDocx(MODEL, await images(MODEL), () => {});
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rIdLink1"[^>]*>.*?länk/);
    expect(rels).toMatch(/Id="rIdLink1"[^>]*Target="https:\/\/example.se\/a\?b=1&amp;c=2"[^>]*TargetMode="External"|Target="https:\/\/example.se\/a\?b=1&amp;c=2"[^>]*Id="rIdLink1"/);
    expect(xml).toContain('<w:ilvl w:val="2"/>');
    expect(xml).toContain('<w:strike/>');
    expect(xml).toContain('<w:pStyle w:val="Heading5"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading6"/>');
    expect(xml).toContain('<w:pStyle w:val="Quote"/>');
    expect(xml).toContain('<w:tblInd');
  });

  it('HTML matches golden/page.html, with <a>, <del>, <code>, h5, lists three deep, a quote and a table in a list', () => {
    const warns: string[] = [];
    const html = writeHtml(MODEL, (w) => warns.push(w));
    expect(html).toBe(golden('page.html', html));
    expect(warns).toEqual([]);
    expect(html).toContain('<a href="https://example.se/a?b=1&amp;c=2">länk</a>');
    expect(html).toContain('<del>struken</del>');
    expect(html).toContain('<code>kod</code>');
    // With a cover the title is the one h1: the model's level 1 is h2, level 5 is h6 (issue 13).
    expect(html).toContain('<h1>Lägesbild</h1>');
    expect(html).toContain('<h2 id="kapitel" class="n1">Kapitel</h2>');
    expect(html).toContain('<h6 id="niva-5">Nivå 5</h6>');
    expect(html).toMatch(/<ul><li>nivå 1<ul><li>nivå 2<ol><li>nivå 3 numrerad<\/li>/);
    expect(html).toMatch(/<li>punkt med citat<blockquote><p>citat i lista<\/p><\/blockquote><\/li>/);
    expect(html).toMatch(/<li>punkt med tabell<div class="tabell" role="region" tabindex="0" aria-labelledby="tabell-1"><table><caption id="tabell-1">/);
    expect(html).toContain('<ol start="3">');
  });

  it('HTML: the printed running header holds the title as a CSS string that neither ends early nor closes <style>', () => {
    const titel = 'Plan "A" \\ </style><script>x</script>\nrad';
    const html = writeHtml({ ...MODEL, meta: { ...MODEL.meta, titel } }, () => {});
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).toContain('@top-right{content:"Plan \\22 A\\22  \\5c  \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \\a rad – Hjo";');
    expect(html.match(/<script/g)).toBeNull();
  });

  it('PDF: a link annotation with the URL, H5/H6, BlockQuote and nested L in the structure', async () => {
    const warns: string[] = [];
    const pdf = (await writePdf(MODEL, await images(MODEL), fontDir, (w) => warns.push(w))).toString('latin1');
    expect(warns).toEqual([]);
    expect(pdf).toMatch(/\/URI \(https:\/\/example\.se\/a\?b=1&c=2\)/);
    for (const tag of ['H5', 'H6', 'BlockQuote', 'L', 'LI', 'LBody']) expect(pdf).toContain(`/S /${tag}`);
  });

  const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
  it.skipIf(!hasPdftotext)('PDF: pdftotext reads the nested items, the quote and the code (needs pdftotext)', async () => {
    const pdf = await writePdf(MODEL, await images(MODEL), fontDir, () => {});
    const text = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }).stdout;
    for (const s of ['nivå 3 numrerad', '3. tre', 'citat i lista', 'Nästlat citat.', 'Nivå 6', 'kodblock', 'struken']) expect(text).toContain(s);
  });
});
