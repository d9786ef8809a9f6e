// fast-blocks.ts reads plain blocks (tables, headings, paragraphs, lists) without micromark. Its
// promise: the same mdast nodes as micromark, and the same document model, for every block it
// takes; any other block is left to micromark. Checked three ways: random documents built from
// the characters and lines that mean something in Markdown; every built-in document of every
// example, and the län's översikt, with and without the fast path (a second copy of the module
// where it takes nothing).
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { PLATS, backToLines, fewerEmptyLines, takeBlocks } from '../../src/render/fast-blocks.js';
import { markdownToBlocks } from '../../src/render/markdown.js';
import { buildModel } from '../../src/render/index.js';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import { renderMarkdown } from '../../src/render/template.js';
import type { Project } from '../../src/project/types.js';
import type { RenderContext } from '../../src/render/context.js';
import { ROOT } from '../helpers/cli.js';
import { länContext } from '../oversikt/lan.js';

const parse = (md: string) => fromMarkdown(md, {
  extensions: [gfmTable(), gfmStrikethrough({ singleTilde: false }), directive()],
  mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), directiveFromMarkdown()],
});
const noPos = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v) => (k === 'position' ? undefined : v)));

/**
 * The model without the fast path: markdown.ts with a fast-blocks.ts that takes no block. It
 * counts its calls, so a test can tell that this copy (not the real one) was used.
 */
async function slowBlocks(): Promise<typeof markdownToBlocks & { calls: () => number }> {
  let calls = 0;
  vi.resetModules();
  vi.doMock('../../src/render/fast-blocks.js', () => ({ PLATS, takeBlocks: (md: string) => { calls++; return { md, blocks: new Map() }; } }));
  const m = await import('../../src/render/markdown.js');
  vi.doUnmock('../../src/render/fast-blocks.js');
  vi.resetModules();
  return Object.assign((...a: Parameters<typeof markdownToBlocks>) => m.markdownToBlocks(...a), { calls: () => calls });
}

// Pieces of cell text: plain words, every escape the templates write, and what micromark reads as more than text.
const PIECES = ['Askersund', 'a', ' ', '  ', '100 \\%', '\\|', '\\\\', '\\-', '\\.', '\\*', 'å', '–', '2025\\-03\\-24', '24 mars 2025', '*', '**fet**', '_', '`kod`', '[länk](https://x.se)', '[x]', '<b>', '&amp;', '~~s~~', '~', '!', ':a', 'kl:a', ': ', '\t', '\u00a0', '\\a', '\\', 'http://x.se', '#', '1.', '- ', '>',
  // What micromark reads as a text directive, or almost: a colon and a name.
  'MFoF:s', 'kl 10:30', ':9', 'x:å', 'a:b-c', 'a:b_', 'a::b', ':s[x]', ':s{a=1}', '\\::b', 'a:b:c', ':', ':-a', 'x:😀'];

function rand(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

describe('fast-blocks: samma block som micromark', () => {
  it('slumpade tabeller: varje tabell som tas är micromarks, och de flesta vanliga tas', () => {
    const r = rand(15);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    let taken = 0, plain = 0;
    for (let n = 0; n < 3000; n++) {
      const cols = 1 + Math.floor(r() * 4);
      const simple = r() < 0.5; // half of them from plain pieces only
      const text = () => Array.from({ length: Math.floor(r() * 4) }, () => (simple ? pick(PIECES.slice(0, 13)) : pick(PIECES))).join('');
      // A whole cell in emphasis or strong, as the templates write "*Ej ifyllt*".
      const cell = () => { const k = r(); return k < 0.15 ? `*${text()}*` : k < 0.25 ? `**${text()}**` : text(); };
      const row = () => `|${Array.from({ length: cols }, () => ` ${cell()} `).join('|')}|`;
      const lines = [row(), `|${Array.from({ length: cols }, () => pick(['---', ':--', '--:', ':-:'])).join('|')}|`, ...Array.from({ length: Math.floor(r() * 4) }, row)];
      const md = `Text före.\n\n${lines.join('\n')}\n\nText efter.\n`;
      const { md: rest, blocks } = takeBlocks(md);
      const tables = [...blocks].flatMap(([line, bs]) => bs.filter((b) => b.type === 'table').map((b) => [line, b] as const));
      if (simple) plain++;
      if (!tables.length) continue;
      taken++;
      expect(tables.length).toBe(1);
      const [line, node] = tables[0]!;
      expect(rest.split('\n')[line - 1]).toBe(`::${PLATS}`);
      expect(rest.split('\n').length).toBe(md.split('\n').length);
      const theirs = parse(md).children.find((c) => c.type === 'table');
      expect(noPos(node), md).toEqual(noPos(theirs));
    }
    // Most plain tables are taken (else the test would prove nothing), and not every table.
    expect(taken).toBeGreaterThan(plain * 0.4);
    expect(taken).toBeLessThan(3000);
  });

  it.each([
    ['en rad text direkt efter tabellen (den blir en rad)', '| a |\n|---|\n| b |\nText\n'],
    ['text direkt före tabellen', 'Text\n| a |\n|---|\n| b |\n'],
    ['i ett kodblock', '```\n\n| a |\n|---|\n| b |\n\n```\n'],
    ['i en HTML-kommentar', '<!--\n\n| a |\n|---|\n\n-->\n'],
    ['olika antal celler', '| a | b |\n|---|---|\n| c |\n'],
    ['avgränsningsraden stämmer inte', '| a | b |\n|---|\n| c | d |\n'],
    ['i ett :::-direktiv', ':::samman\n\n| a |\n|---|\n| b |\n\n:::\n'],
    ['CRLF', '| a |\r\n|---|\r\n| b |\r\n'],
  ])('lämnar tabellen åt micromark: %s', (_namn, md) => {
    expect([...takeBlocks(md).blocks.values()].flat().filter((b) => b.type === 'table')).toEqual([]);
  });

  // Lines for random documents: plain text, text with what micromark reads as more than text,
  // and lines that open or continue other blocks (or the same block across a blank line).
  const LINES = ['Text', 'Askersund\\, Hjo och Tidaholm', '26 kommuner (Ale\\, Alingsås)', '100 \\% av stegen', 'Ej *ifyllt*', 'a  ', ' indragen', '    kod',
    '# Rubrik', '## Rubrik ##', '### Rubrik\\#', '#Ingen rubrik', '- punkt', '- punkt med \\- streck', '-  två mellanslag', '- ', '- - inre', '* stjärna', '+ plus', '1. ett', '2) två', '2025 var året',
    '---', '===', '***', '> citat', ':::samman', ':::', '::sidbrytning', '::diagram{typ="x"}', '| a | b |', '|---|---|', 'kl:a', 'a :b', '[x]: https://x.se', '[x]', 'a\\', '&amp;', '<b>', '~~s~~', '\u00a0a', 'a\tb', 'MFoF:s svaga punkter', 'kl 10:30', 'a:b_ c', 'a::b', 'x:s[y]', 'Hjo:Tidaholm', ''];
  it('slumpade dokument: varje block som tas är micromarks, och de flesta vanliga tas', () => {
    const r = rand(16);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    let taken = 0, runs = 0;
    const kinds = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      // Half of them from plain lines, headings and lists only, with blank lines between.
      const simple = r() < 0.5;
      const lines = Array.from({ length: 1 + Math.floor(r() * 8) }, () => (simple ? pick([...LINES.slice(0, 4), '# Rubrik', '- punkt', '', '']) : pick(LINES)));
      const md = `${lines.join('\n')}\n`;
      const { md: rest, blocks } = takeBlocks(md);
      expect(rest.split('\n').length).toBe(md.split('\n').length);
      if (!blocks.size) continue;
      taken += [...blocks.values()].flat().length;
      // The same document, read by micromark with each run of taken blocks put back in its place.
      const theirs = parse(md).children;
      const ours = parse(rest).children.flatMap((c) => (c.type === 'leafDirective' && c.name === PLATS ? blocks.get(c.position!.start.line)! : [c]));
      for (const b of [...blocks.values()].flat()) kinds.add(b.type);
      if ([...blocks.values()].some((run) => run.length > 1)) runs++;
      expect(noPos(ours), JSON.stringify(md)).toEqual(noPos(theirs));
    }
    expect(taken).toBeGreaterThan(1000);
    expect([...kinds]).toEqual(expect.arrayContaining(['heading', 'list', 'paragraph', 'leafDirective']));
    expect(runs).toBeGreaterThan(100); // blocks after one another, one placeholder for them all
  });

  it.each([
    ['en lista som fortsätter efter en tom rad (lös lista)', '- a\n\n- b\n'],
    ['en lista före en indragen rad', '- a\n\n  b\n'],
    ['ett stycke som blir rubrik (setext)', 'Text\n---\n'],
    ['ett stycke med en rad som kan vara tabell', 'a | b\n'],
    ['en rubrik med text direkt under', '# R\nText\n'],
    ['en rad med hårt radbrott', 'a  \nb\n'],
  ])('lämnar åt micromark: %s', (_namn, md) => {
    expect(takeBlocks(md).blocks.size).toBe(0);
  });

  it('en tabell som ett bladdirektiv avslutar utan tom rad tas med direktivet och rubriken efter, under en platshållare', () => {
    const md = '| a |\n|---|\n| b |\n::sidbrytning\n\n# R\n';
    const { md: rest, blocks } = takeBlocks(md);
    expect([...blocks].map(([line, bs]) => [line, bs.map((b) => b.type)])).toEqual([[1, ['table', 'leafDirective', 'heading']]]);
    expect(rest).toBe(`::${PLATS}\n\n\n\n\n\n`);
    expect(noPos(blocks.get(1))).toEqual(noPos(parse(md).children));
  });

  it.each([
    ['diagram med attribut', '::diagram{typ="plan01" titel="Handlingsplanernas status"}', true],
    ['utan attribut', '::sidbrytning', true],
    ['tomt värde, samma namn två gånger (det sista gäller)', '::a{x="" x="2"}', true],
    ['en entitet i värdet', '::a{x="&amp;"}', false],
    ['ett citattecken med omvänt snedstreck', '::a{x="a\\"b"}', false],
    ['värde utan citattecken', '::a{x=1}', false],
    ['etikett', '::a[text]', false],
    ['namn som slutar på -', '::a-', false],
    ['text direkt efter', '::sidbrytning\nText', false],
  ])('bladdirektiv: %s', (_namn, line, tas) => {
    const md = `Text\n\n${line}\n\nText efter.\n`;
    const { blocks } = takeBlocks(md);
    const leaves = [...blocks.values()].flat().filter((b) => b.type === 'leafDirective');
    expect(leaves.length).toBe(tas ? 1 : 0);
    if (tas) {
      expect(noPos(leaves[0])).toEqual(noPos(parse(md).children.find((c) => c.type === 'leafDirective')));
      expect(leaves[0]!.position?.start.line).toBe(3); // for the warnings about it ("rad 3 i mallens Markdown")
    }
  });
});

describe('fast-blocks: färre tomma rader åt micromark', () => {
  const noOffsets = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v) => (k === 'offset' ? undefined : v)));
  // Lines that mean something in Markdown next to empty ones: lists and their indented parts,
  // indented code, quotes, tables, headings, container directives, definitions and their use.
  // (Fenced code and HTML are not here: takeBlocks takes nothing in such a document, and then
  // markdown.ts gives micromark the text as it is.)
  const LINES = ['Text.', 'mer text', '- punkt', '-', '  fortsättning', '    kod', '\tkod', '        djup kod', '> citat', '| a | b |', '|---|---|', '| 1 | 2 |',
    '# Rubrik', 'Setext', '===', '---', '***', ':::samman', ':::', '::sidbrytning', '1. ett', '2) två', '   ', ' ', '[x]: https://x.se', 'se [x]', '  - inre', '*kursiv', 'fet**'];
  it('slumpade dokument: samma träd som micromark ger texten som den är, på samma rader och kolumner', () => {
    const r = rand(42);
    let shorter = 0;
    for (let n = 0; n < 1500; n++) {
      const lines: string[] = [];
      for (let k = 0, len = 1 + Math.floor(r() * 14); k < len; k++) {
        if (r() < 0.4) lines.push(...Array.from({ length: 1 + Math.floor(r() * 4) }, () => ''));
        else lines.push(LINES[Math.floor(r() * LINES.length)]!);
      }
      const md = lines.join('\n');
      const few = fewerEmptyLines(md);
      if (few.md.length < md.length) shorter++;
      expect(few.lines.length).toBe(few.md.split('\n').length);
      const tree = parse(few.md);
      backToLines(tree, few.lines);
      expect(noOffsets(tree), md).toEqual(noOffsets(parse(md)));
    }
    expect(shorter).toBeGreaterThan(500);
  });

  it('landets översikt: micromark får några hundra rader i stället för tusentals tomma', () => {
    const md = `Inledning.\n\n${Array.from({ length: 300 }, (_, i) => `| Kommun | Steg |\n|---|---|\n| K${i} | 3 |`).join('\n\n')}\n\nSlut *här*.\n`;
    const { md: rest, blocks } = takeBlocks(md);
    expect(blocks.size).toBe(1);
    const few = fewerEmptyLines(rest);
    expect(rest.split('\n').length).toBe(md.split('\n').length);
    expect(few.md.split('\n').length).toBeLessThan(10);
    const tree = parse(few.md);
    backToLines(tree, few.lines);
    const last = tree.children.at(-1)!;
    expect(last.position!.start.line).toBe(md.split('\n').indexOf('Slut *här*.') + 1);
  });
});

describe('fast-blocks: samma dokumentmodell med och utan', () => {
  const method = loadMethod();
  const when = new Date('2026-01-15T00:00:00Z');
  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(ROOT, 'examples', d.name, 'projekt.yaml'))).map((d) => d.name);

  it.each(examples)('exemplet %s: alla inbyggda dokument', async (ex) => {
    const slow = await slowBlocks();
    const project = loadProject(join(ROOT, 'examples', ex, 'projekt.yaml')).data as unknown as Project;
    let tables = 0;
    for (const dokument of ['förankring', 'lägesbild', 'handlingsplan', 'uppföljning'] as const) {
      const warns: string[] = [];
      const { model, markdown } = buildModel(project, method, dokument, when, undefined, (w) => warns.push(w));
      tables += [...takeBlocks(markdown).blocks.values()].flat().length;
      const ctx = { charts: new Proxy({}, { get: () => undefined }) } as unknown as RenderContext;
      const slowWarns: string[] = [];
      const fastWarns: string[] = [];
      expect(markdownToBlocks(markdown, ctx, (w) => fastWarns.push(w))).toEqual(slow(markdown, ctx, (w) => slowWarns.push(w)));
      expect(fastWarns).toEqual(slowWarns);
      expect(model.blocks.length).toBeGreaterThan(5);
    }
    expect(tables).toBeGreaterThan(3);
    expect(slow.calls()).toBe(4);
  });

  it('länets översikt (12 kommuner, med jämförelse)', async () => {
    const slow = await slowBlocks();
    const ctx = länContext(method);
    const md = renderMarkdown('översikt', ctx, undefined);
    // Most of it is taken, in runs of blocks under one placeholder each (the kommuner's lists with
    // bold labels are left to micromark).
    const { md: rest, blocks } = takeBlocks(md);
    const n = [...blocks.values()].flat().length;
    expect(n).toBeGreaterThan(20);
    expect(blocks.size).toBeLessThan(n / 3);
    expect(rest.split('\n').length).toBe(md.split('\n').length);
    const warns: string[][] = [[], []];
    expect(markdownToBlocks(md, ctx, (w) => warns[0]!.push(w))).toEqual(slow(md, ctx, (w) => warns[1]!.push(w)));
    expect(warns[0]).toEqual(warns[1]);
    expect(slow.calls()).toBe(1);
  });
});
