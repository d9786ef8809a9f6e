// Issue 12: values as the documents print them (src/render/values.ts) and the document's date
// when a decision date is only a year or a month.
import { describe, expect, it } from 'vitest';
import { budgetTable, talText, beloppText, enhetText } from '../../src/render/values.js';
import { documentDate } from '../../src/render/index.js';
import type { Project } from '../../src/project/types.js';

// Digit groups and number–unit are joined by no-break spaces (U+00A0): an amount never breaks.
describe('tal and belopp as the source gives them', () => {
  it.each([
    [12, undefined, '12'], [3.5, '%', '3,5\u00a0%'], [52000, undefined, '52\u00a0000'], [2150, undefined, '2\u00a0150'], [999, undefined, '999'], [1234.5, undefined, '1\u00a0234,5'],
    [{ ca: 52000 }, undefined, 'ca 52\u00a0000'], [{ från: 40, till: 50 }, '%', '40–50\u00a0%'], [{ bedömning: 'hög' }, undefined, 'hög'], ['ej angivet', 'st', 'ej angivet'],
  ] as const)('%j %s → %s', (t, enhet, text) => expect(talText(t as never, enhet)).toBe(text));
  it('belopp: "ca 85 000 kr", "ej angivet", never 0', () => {
    expect(beloppText({ ca: 85000 })).toBe('ca 85\u00a0000\u00a0kr');
    expect(beloppText(1500)).toBe('1\u00a0500\u00a0kr');
    expect(beloppText('ej angivet')).toBe('ej angivet');
  });
});

describe('units read as Swedish (issue 13, defect 7)', () => {
  it.each([
    ['antal', 'Antal barn 0–17 år', 'barn'], ['antal per år', 'Antal födda barn', 'födda per år'], ['antal', 'Barn i familjer', ''],
    ['procent', 'Andel', '%'], ['procent av svarande', 'Andel', '% av svarande'], ['%', undefined, '%'], ['kr', undefined, 'kr'], [undefined, 'x', ''],
  ] as const)('%s (%s) → "%s"', (enhet, namn, text) => expect(enhetText(enhet, namn)).toBe(text));
  it('a count with its noun: "2 150 barn", never "2150 antal"', () => expect(talText(2150, enhetText('antal', 'Antal barn 0–17 år'))).toBe('2\u00a0150\u00a0barn'));
});

describe('budgetTable', () => {
  it('without a plan period a cost without år is "varje år"; "ingen kostnad" is 0 kr; a missing amount is "ej ifyllt"', () => {
    const t = budgetTable([{ belopp_kr: 100, källa: 'ordinarie budget' }, { år: 2026, källa: 'ingen kostnad' }, { år: 2026, källa: 'projektmedel' }], [])!;
    expect(t.kolumner).toEqual(['2026', 'Varje år', 'Totalt']);
    expect(t.rader).toEqual([
      { källa: 'ordinarie budget', celler: ['–', '100\u00a0kr', '100\u00a0kr'] },
      { källa: 'projektmedel', celler: ['ej ifyllt', '–', 'ej ifyllt'] },
      { källa: 'ingen kostnad', celler: ['0\u00a0kr', '–', '0\u00a0kr'] },
      { källa: 'Totalt', celler: ['0\u00a0kr + ej ifyllt', '100\u00a0kr', '100\u00a0kr + ej ifyllt'] },
    ]);
  });
  it('a cost without källa is in the row "ej angivet"; no costs, no table', () => {
    expect(budgetTable([{ år: 2025, belopp_kr: 5 }], [2025])!.rader[0]).toEqual({ källa: 'ej angivet', celler: ['5\u00a0kr', '5\u00a0kr'] });
    expect(budgetTable([], [2025])).toBeUndefined();
  });
});

describe('documentDate', () => {
  const p = (beslut: object) => ({ formatversion: 2, projekt: { namn: 'x', kommuner: [] }, beslut: { handlingsplan: beslut } }) as unknown as Project;
  it('takes dokumentdatum first, then the decision date, each at its first day when only a year or month is given', () => {
    expect(documentDate(p({ datum: '2025', dokumentdatum: '2025-03' }), 'handlingsplan', {}).toISOString().slice(0, 10)).toBe('2025-03-01');
    expect(documentDate(p({ datum: '2025' }), 'handlingsplan', {}).toISOString().slice(0, 10)).toBe('2025-01-01');
    expect(documentDate(p({ datum: '2025-06-30' }), 'handlingsplan', {}).toISOString().slice(0, 10)).toBe('2025-06-30');
  });
});

describe('coverage text: not mapped is "ej kartlagt", not a row of gaps', () => {
  it('a lägesbild without mapped support says "ej kartlagt" in the chart and its alt text, never "inget stöd"/"Saknas"', async () => {
    const { loadMethod } = await import('../../src/content/load.js');
    const { buildContext } = await import('../../src/render/context.js');
    const { chartSvg } = await import('../../src/render/charts.js');
    const p = { formatversion: 2, projekt: { namn: 'x', kommuner: [{ kod: '1497', namn: 'Hjo' }] } } as unknown as Project;
    const c = buildContext(p, loadMethod(), 'lägesbild', '2026-01-01').charts.täckning!;
    expect(c.alt).toBe('Stödet är ej kartlagt ännu.');
    // Nothing to show: the document leaves the matrix out and says why (defect 5 of #13).
    expect(c.tom).toBe('Stödet är ej kartlagt ännu.');
    expect(c.alt).not.toMatch(/Luckor|inget stöd/);
    const svg = chartSvg(c.chart, 'x');
    expect(svg).toContain('Ej kartlagt');
    expect(svg).not.toContain('>Saknas<');
  });
});
