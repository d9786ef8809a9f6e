// Smaller defects in the documents' text (issue 13), each read back by a program we did not write:
// pdftotext (PDF), pandoc (DOCX and HTML) and LibreOffice (the DOCX as Word users see it laid out).
// The uppföljning's steps 5 and 6 in one heading hierarchy; an empty indicator part says once that
// it is empty; sources in their numbers' order with the number on its text's line; the
// tjänsteskrivelse of a lägesbild or an uppföljning without the plan's cost per insats; budget
// heads capitalised.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, documentText, have, hasStackTrace, pick, runCliAsync, runTool, tempDir } from '../helpers/cli.js';

const ex = (x: string) => join(ROOT, 'examples', x, 'projekt.yaml');
const tools = ['pandoc', 'pdftotext'].every(have);
const env = { SOURCE_DATE_EPOCH: '1760000000' };
const FORMATS = ['pdf', 'docx', 'html'] as const;

/** The document as plain text, one paragraph a line (pdftotext keeps the page's lines). */
const text = documentText;

/** The headings with their levels, as pandoc reads them from the DOCX or the HTML. */
async function headings(file: string, from: 'docx' | 'html'): Promise<{ level: number; text: string }[]> {
  const md = await runTool('pandoc', ['-f', from, '-t', 'markdown', '--wrap=none', '--markdown-headings=atx', file]);
  return [...md.matchAll(/^(#{1,6}) (.*?)(?: \{[^}]*\})?$/gm)].map((m) => ({ level: m[1]!.length, text: m[2]! }));
}

let out: string;
beforeAll(async () => {
  if (!tools) return;
  out = tempDir('fsstod-text-');
  const runs = await Promise.all([
    runCliAsync(['render', 'uppföljning', ex('boras'), '--format', 'docx,pdf,html', '--ut', join(out, 'boras')], { env }),
    runCliAsync(['render', 'förankring', ex('boras'), '--format', 'docx,pdf,html', '--ut', join(out, 'boras')], { env }),
    runCliAsync(['render', 'uppföljning', ex('hjo-tidaholm'), '--format', 'docx,pdf,html', '--ut', join(out, 'hjo')], { env }),
  ]);
  const tj = ['handlingsplan', 'lägesbild', 'uppföljning'].map((för) =>
    runCliAsync(['render', 'tjänsteskrivelse', ex('lindesberg'), '--for', för, '--format', 'docx,pdf,html', '--ut', join(out, 'tj')], { env }));
  for (const r of [...runs, ...(await Promise.all(tj))]) if (r.code !== 0 || hasStackTrace(r.stderr)) throw new Error(r.stderr + r.stdout);
}, 300_000);

describe.skipIf(!tools)('the documents\' text (needs pandoc and pdftotext)', () => {
  it.each(['boras', 'hjo'])('%s uppföljning: 5.1–5.3 on the level of 6.1–6.4 in the headings (DOCX, HTML) and the contents (PDF)', async (x) => {
    for (const fmt of ['docx', 'html'] as const) {
      const hs = await headings(pick(join(out, x), 'uppföljning', fmt), fmt);
      const level = (nr: string) => hs.find((h) => h.text.startsWith(`${nr} `))?.level;
      expect(level('6.1'), fmt).toBeDefined();
      for (const nr of ['5.1', '5.2', '5.3', '6.2', '6.3', '6.4']) expect(level(nr), `${fmt}: ${nr}`).toBe(level('6.1'));
      // A part does not repeat its moment's title ("6.4 Anpassa och sprida", then "Anpassa och sprida").
      const titles = hs.map((h) => h.text.replace(/^\d\.\d /, ''));
      expect(titles.filter((t, i) => titles.indexOf(t) !== i), fmt).toEqual([]);
    }
    // The PDF's contents indent a section under its chapter: every moment at the same indent.
    const toc = (await runTool('pdftotext', ['-layout', '-f', '2', '-l', '2', pick(join(out, x), 'uppföljning', 'pdf'), '-'])).split('\n');
    const indent = (nr: string) => toc.find((l) => l.trimStart().startsWith(`${nr} `))?.match(/^ */)![0].length;
    expect(indent('6.1')).toBeDefined();
    for (const nr of ['5.1', '5.2', '5.3', '6.2', '6.3', '6.4']) expect(indent(nr), nr).toBe(indent('6.1'));
  });

  it.each(FORMATS)('%s: the empty indicator part (Hjo–Tidaholm) says once that it is empty, chart and table together', async (fmt) => {
    const t = (await text(join(out, 'hjo'), 'uppföljning', fmt)).replace(/\s+/g, ' ');
    // The section itself (the contents name it first), up to the next heading.
    const from = t.lastIndexOf('Indikatorer: utfall mot mål');
    const part = t.slice(from, t.indexOf('Hur föräldrar och personal upplever stödet', from));
    expect(part).toContain('Handlingsplanen har inga indikatorer ännu.');
    expect(part.match(/visas när det finns uppgifter|Inga uppgifter är ifyllda/g), part).toEqual(['visas när det finns uppgifter']);
    expect(part).toContain('Diagrammet och tabellen visas när det finns uppgifter.');
  });

  it.each(FORMATS)('%s: Borås\'s sources are listed in their numbers\' order, each number with its text', async (fmt) => {
    const t = await text(join(out, 'boras'), 'förankring', fmt);
    const flat = t.replace(/\s+/g, ' ');
    for (const [from, to, nrs] of [['Källor för steg 1', '2.1 Identifiera', [3, 8, 10, 11]], ['Källor för steg 2', 'Ärenden och referenser', [1, 2, 7, 12]]] as const) {
      const a = flat.indexOf(from), b = flat.indexOf(to, a);
      expect(a, from).toBeGreaterThan(0);
      expect([...flat.slice(a, b).matchAll(/\[(\d+)\] http/g)].map((m) => Number(m[1])), from).toEqual(nrs);
    }
    // pdftotext keeps the PDF's lines: no line is a number alone.
    expect(t.split('\n').filter((l) => /^\W*\[\d+\]\W*$/.test(l))).toEqual([]);
  });

  it.skipIf(!have('soffice'))('DOCX as LibreOffice lays it out: no source number alone on its line', async () => {
    const conv = tempDir('fsstod-text-lo-');
    const profile = tempDir('fsstod-text-lo-profil-');
    await runTool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', conv, pick(join(out, 'boras'), 'förankring', 'docx')], { timeout: 180_000 });
    const lines = (await runTool('pdftotext', ['-layout', pick(conv, 'förankring', 'pdf'), '-'])).split('\n');
    expect(lines.filter((l) => /\[\d+\]/.test(l)).length).toBeGreaterThanOrEqual(8);
    expect(lines.filter((l) => /^\W*\[\d+\]\W*$/.test(l))).toEqual([]);
  }, 240_000);

  it.each(FORMATS)('%s: the tjänsteskrivelse has the cost per insats for the handlingsplan only; budget heads are capitalised', async (fmt) => {
    const dir = join(out, 'tj');
    const plan = (await text(dir, 'tjänsteskrivelse-handlingsplan', fmt)).replace(/\s+/g, ' ');
    expect(plan).toContain('Kostnaderna per insats och för samordningen');
    expect(plan).toContain('I1 Connect för föräldrar till tonåringar');
    for (const för of ['lägesbild', 'uppföljning']) {
      const t = (await text(dir, `tjänsteskrivelse-${för}`, fmt)).replace(/\s+/g, ' ');
      expect(t, för).toContain('Ekonomiska konsekvenser');
      expect(t, för).not.toContain('Kostnaderna per insats');
      expect(t, för).not.toContain('I1 Connect för föräldrar till tonåringar');
    }
    expect(plan).toMatch(/2028 År ej angivet Totalt/);
    expect(plan).not.toMatch(/år ej angivet/);
  });
});
