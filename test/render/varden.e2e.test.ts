// Values and sentences that read wrong in every document (issue 13, helper F), read back by
// pdftotext (PDF) and pandoc (DOCX, HTML) from the examples: the budget's text, cells and totals
// agree on what a cost without a year means; one cost line per insats; reach as a phrase; the
// län by name; a group's existence as a sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, documentText, have, hasStackTrace, runCliAsync, tempDir } from '../helpers/cli.js';

const ex = (x: string) => join(ROOT, 'examples', x, 'projekt.yaml');
const tools = ['pandoc', 'pdftotext'].every(have);
const env = { SOURCE_DATE_EPOCH: '1760000000' };
const FORMATS = ['pdf', 'docx', 'html'] as const;
/** The document's text on one line: no-break spaces and soft hyphens as a reader sees them. */
async function text(dir: string, part: string, fmt: (typeof FORMATS)[number]): Promise<string> {
  const t = await documentText(dir, part, fmt);
  return t.replace(/\u00ad/g, '').replace(/[\s\u00a0]+/g, ' ');
}

let out: string;
beforeAll(async () => {
  if (!tools) return;
  out = tempDir('fsstod-varden-');
  const runs = await Promise.all([
    runCliAsync(['render', 'handlingsplan', ex('lindesberg'), '--format', 'docx,pdf,html', '--ut', join(out, 'lin')], { env }),
    runCliAsync(['render', 'lägesbild', ex('lindesberg'), '--format', 'docx,pdf,html', '--ut', join(out, 'lin')], { env }),
    runCliAsync(['render', 'handlingsplan', ex('boras'), '--format', 'docx,pdf,html', '--ut', join(out, 'bor')], { env }),
    runCliAsync(['render', 'förankring', ex('hjo-tidaholm'), '--format', 'docx,pdf,html', '--ut', join(out, 'hjo')], { env }),
    runCliAsync(['render', 'handlingsplan', ex('hjo-tidaholm'), '--format', 'docx,pdf,html', '--ut', join(out, 'hjo')], { env }),
  ]);
  for (const r of runs) if (r.code !== 0 || hasStackTrace(r.stderr)) throw new Error(r.stderr + r.stdout);
}, 300_000);

const kr = (s: string) => Number(s.replace(/ca |kr|\s/g, ''));

describe.skipIf(!tools)('values that read right (issue 13; needs pandoc and pdftotext)', () => {
  it.each(FORMATS)('lindesberg handlingsplan %s: the budget\'s text says what its cells and totals do with a cost without a year', async (fmt) => {
    const t = await text(join(out, 'lin'), 'handlingsplan', fmt);
    expect(t).toContain('En kostnad som gäller varje år står under vart och ett av åren 2025–2028 och räknas med varje år i totalen.');
    expect(t).toContain('En kostnad där källan inte anger år står under ”År ej angivet” och räknas en gång i totalen.');
    expect(t).not.toMatch(/En kostnad utan år gäller varje år|och – att|; – betyder/);
    // The row's total is its years plus the amount without a year, once.
    const row = /Ordinarie budget ((?:\d[\d ]* kr ){5})(\d[\d ]* kr)/.exec(t);
    expect(row, 'the Ordinarie budget row').not.toBeNull();
    const cells = row![1]!.trim().split(/(?<=kr) /).map(kr);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(kr(row![2]!));
    expect(cells[4]).toBe(300000); // I4 90 000 + I5 150 000 + I9 60 000, under "År ej angivet"
  });

  it.each(FORMATS)('lindesberg handlingsplan %s: one cost line per insats, reach as a phrase, a group that exists in a sentence', async (fmt) => {
    const t = await text(join(out, 'lin'), 'handlingsplan', fmt);
    expect(t).toContain('Kostnader: 90 000 kr (ordinarie budget), år ej angivet');
    expect(t).toContain('Kostnader: 2025–2028: 210 000 kr per år (ordinarie budget) – Inom');
    expect(t).toContain('projektmedel från länsstyrelsen. 2026: 280 000 kr (ordinarie budget)');
    expect(t).not.toMatch(/\.;|år ej angivet:|varje år 2025|0 kr \(ingen kostnad\)/);
    expect(t).toContain('Förväntad räckvidd: 96 föräldrar (5 % av målgruppen) år 2027');
    expect(t).not.toMatch(/föräldrar \d+ % av målgruppen/);
    expect(t).toContain('Gruppen finns redan.');
    expect(t).not.toMatch(/Finns redan\. (ja|nej)/);
  });

  it.each(FORMATS)('lindesberg lägesbild %s: reach in the table of existing support as a phrase', async (fmt) => {
    const t = await text(join(out, 'lin'), 'lägesbild', fmt);
    expect(t).not.toMatch(/föräldrar \d+ % av målgruppen|föräldrar \(\d{4}\)/);
    expect(t).not.toMatch(/varje år 2025–2028:/);
  });

  it.each(FORMATS)('borås handlingsplan %s: costs of which nothing is stated read "ej angivna"', async (fmt) => {
    const t = await text(join(out, 'bor'), 'handlingsplan', fmt);
    expect(t).toContain('Kostnader: ej angivna');
    expect(t).not.toContain('ej angivet (ej angivet)');
  });

  it.each(FORMATS)('hjo-tidaholm förankring %s: the län by its name, enum values capitalised where they start a cell', async (fmt) => {
    const t = await text(join(out, 'hjo'), 'förankring', fmt);
    expect(t).toMatch(/Hjo 1497 Västra Götalands län Samverkande/);
    expect(t).toMatch(/Tidaholm 1498 Västra Götalands län Huvudkommun/);
    expect(t).not.toMatch(/län \(14\)/);
  });
});
