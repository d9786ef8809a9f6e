// PDF page layout, read back with poppler and qpdf (programs we did not write): a table that
// continues on a new page starts that page with its header row again, and no page ends with
// a heading whose text is on the next page ("keep with next").
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT, runCliAsync, runTool, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples/lindesberg/projekt.yaml');
const ENV = { SOURCE_DATE_EPOCH: '1760000000' };
const tools = ['pdftotext', 'pdfinfo', 'qpdf'];
const missing = tools.filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
if (missing.length) console.warn(`\n*** HOPPAR ÖVER PDF-layouttesterna: ${missing.join(', ')} saknas på den här datorn (apt-get install poppler-utils qpdf) ***\n`);

interface Struct { headings: string[]; tables: string[][]; headerRows: number[]; rows: number[] }

/** Headings and each table's header cells (TH), and how many rows of TH each table has, from the tag tree. */
async function structure(pdf: string): Promise<Struct> {
  const lines = (await runTool('pdfinfo', ['-struct-text', pdf])).split('\n');
  const s: Struct = { headings: [], tables: [], headerRows: [], rows: [] };
  let tag = '';
  let rowStart = false;
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('/')) continue; // an attribute of the element above
    if (t.startsWith('"')) {
      const text = t.slice(1, -1);
      if (/^H[1-6]$/.test(tag)) s.headings.push(text);
      if (tag === 'TH') s.tables.at(-1)!.push(text);
      tag = '';
      continue;
    }
    tag = t.split(/[\s:<]/)[0]!;
    if (tag === 'Table') { s.tables.push([]); s.headerRows.push(0); s.rows.push(0); }
    if (tag === 'TR') s.rows[s.rows.length - 1]!++;
    if (tag === 'TH' && rowStart) s.headerRows[s.headerRows.length - 1]!++;
    rowStart = tag === 'TR';
  }
  return s;
}

/** Each page's non-empty lines (trimmed), without the running header and the page number. */
async function pages(pdf: string): Promise<string[][]> {
  const n = Number(/Pages:\s+(\d+)/.exec(await runTool('pdfinfo', [pdf]))![1]);
  const out: string[][] = [];
  for (let p = 1; p <= n; p++) {
    const lines = (await runTool('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'])).split('\n').map((l) => l.trim()).filter(Boolean);
    // The cover has neither; every other page has the running header first and "Sida N av M" last.
    out.push(p === 1 ? lines : lines.slice(1, lines.at(-1)?.startsWith('Sida ') ? -1 : undefined));
  }
  return out;
}

/** A line of text laid out as a table row: at least three runs separated by wide gaps. */
const tabular = (line: string) => line.split(/\s{2,}/).length >= 3;
/** The table's header row as pdftotext lays it out: starts with the first header, holds most of them whole. */
const isHeaderOf = (line: string, ths: string[]) =>
  line.startsWith(ths[0]!) && ths.filter((t) => line.includes(t)).length >= Math.ceil(ths.length / 2);

/** The heading a page ends with, if its last one to three lines are exactly a heading. */
function endsWithHeading(lines: string[], headings: string[]): string | undefined {
  for (let k = 1; k <= 3 && k <= lines.length; k++) {
    const tail = lines.slice(-k).join(' ');
    if (headings.includes(tail)) return tail;
  }
  return undefined;
}

async function checkPdf(pdf: string) {
  expect(await runTool('pdfinfo', [pdf])).toMatch(/Tagged:\s+yes/);
  expect(await runTool('qpdf', ['--check', pdf])).toMatch(/No syntax or stream encoding errors/);
  const s = await structure(pdf);
  expect(s.headings.length).toBeGreaterThan(3);
  expect(s.tables.length).toBeGreaterThan(0);
  // The repeated header rows are artifacts: each table still has exactly one row of TH.
  // A label/value table (issue 13, defect 7) has no header row: each of its rows starts with its TH.
  expect(s.headerRows, pdf).toEqual(s.tables.map((_, k) => (s.headerRows[k] === s.rows[k] && s.rows[k]! > 1 ? s.rows[k] : 1)));
  const ps = await pages(pdf);
  ps.forEach((lines, i) => {
    const page = `${pdf.split('/').at(-1)} sida ${i + 1}`;
    expect(endsWithHeading(lines, s.headings), `${page} slutar med en rubrik:\n${lines.slice(-3).join('\n')}`).toBeUndefined();
    // A page that starts inside a table starts with that table's header row.
    // The coverage chart's column labels are a figure's text, not a table row: a figure may start a page.
    if (i > 0 && lines[0] && tabular(lines[0]) && !/^Universell\s+Selektiv\s+Indikerad$/.test(lines[0])) {
      expect(s.tables.some((ths) => isHeaderOf(lines[0]!, ths)), `${page} börjar mitt i en tabell utan rubrikrad:\n${lines[0]}`).toBe(true);
    }
  });
  return { s, ps };
}

describe.skipIf(missing.length > 0)('PDF layout (poppler, qpdf)', () => {
  let out: string;
  let long: string;
  let longInsatser: number;

  beforeAll(async () => {
    out = tempDir('fsstod-pdflayout-');
    // The example, and a copy with four times the insatser, so "Insatser" spans several pages.
    const data = parse(readFileSync(EXAMPLE, 'utf8'));
    const orig = data.handlingsplan.insatser as { id: string; namn: string }[];
    const more = [1, 2, 3].flatMap((k) => orig.map((x, j) => ({ ...x, id: `I${(k * orig.length) + j + 1}`, namn: `${x.namn} (omgång ${k + 1})` })));
    data.handlingsplan.insatser = [...orig, ...more];
    longInsatser = data.handlingsplan.insatser.length;
    const dir = tempDir('fsstod-pdflayout-lang-');
    writeFileSync(join(dir, 'projekt.yaml'), stringify(data));
    const [a, b] = await Promise.all([
      runCliAsync(['render', 'alla', EXAMPLE, '--format', 'pdf', '--ut', out], { env: ENV }),
      runCliAsync(['render', 'handlingsplan', 'projekt.yaml', '--format', 'pdf', '--ut', 'ut'], { cwd: dir, env: ENV }),
    ]);
    if (a.code !== 0) throw new Error(a.stderr + a.stdout);
    if (b.code !== 0) throw new Error(b.stderr + b.stdout);
    long = join(dir, 'ut', readdirSync(join(dir, 'ut')).find((f) => f.endsWith('.pdf'))!);
  }, 240_000);

  it('the example: tagged, qpdf clean, table headers repeated, no heading alone at the bottom of a page', async () => {
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(4);
    for (const f of pdfs) await checkPdf(join(out, f));
  }, 120_000);

  it('a long Insatser table repeats its header on every page it continues on', async () => {
    const { s, ps } = await checkPdf(long);
    const ths = s.tables.find((t) => t[0] === 'Id' && t[1] === 'Insats');
    expect(ths, 'tabellen Insatser').toBeDefined();
    // Rows of the table: an insats id, then a wide gap (the sections "I1 Namn" have one space).
    const row = /^I\d+\s{2,}\S/;
    const withRows = ps.map((lines, i) => ({ lines, i })).filter((p) => p.lines.some((l) => row.test(l)));
    expect(withRows.length, 'sidor med rader ur Insatser').toBeGreaterThanOrEqual(3);
    withRows.forEach(({ lines, i }, k) => {
      const first = lines.findIndex((l) => row.test(l));
      const header = lines.findIndex((l) => isHeaderOf(l, ths!));
      expect(header, `sida ${i + 1}: rubrikraden före första raden`).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(first);
      // Where the table continues, its header is the first thing on the page.
      if (k > 0) expect(header, `sida ${i + 1}: ${lines[0]}`).toBe(0);
    });
  }, 120_000);

  it('the table of contents lists chapters and sections over the pages it needs, each with the page it is on', async () => {
    const ps = await pages(long);
    const entry = /^(.*\S)\s{2,}(\d+)$/;
    expect(ps[1]![0]).toBe('Innehåll');
    const tocPages: string[][] = [];
    for (let i = 1; i < ps.length; i++) {
      const lines = (i === 1 ? ps[i]!.slice(1) : ps[i]!);
      if (!lines.length || !lines.every((l) => entry.test(l))) break;
      tocPages.push(lines);
    }
    const entries = tocPages.flat().map((l) => entry.exec(l)!).map((m) => ({ text: m[1]!.trim(), page: Number(m[2]) }));
    expect(tocPages.length, 'innehållet räcker över flera sidor').toBeGreaterThanOrEqual(2);
    // All insatser (four times the example's) are sections of "Insatser", and each entry points to the page its heading is on.
    expect(entries.filter((e) => /^I\d+ /.test(e.text))).toHaveLength(longInsatser);
    for (const e of entries) {
      const text = e.text.replace(/…$/, '');
      // A long heading wraps: look for it in the page's lines joined.
      expect(ps[e.page - 1]!.join(' ').includes(text), `${e.text} på sidan ${e.page}`).toBe(true);
    }
  }, 120_000);
});
