// Column widths shared by the PDF and DOCX writers: short words (ids, levels, dates) keep their
// room, widths always add up to the page, and text-heavy columns get the most.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { columnWidths, labelColumnWidths } from '../../src/render/columns.js';
import { hyphenateForColumn, keepDatesInWords, SHY } from '../../src/render/hyphen.js';
import { ROOT } from '../helpers/cli.js';

// Words are measured with the real font (fontkit), at the PDF writer's table size (7.5 pt for
// wide tables; it passes 0.6 em as the average character and pads cells 3 pt on each side).
const SIZE = 7.5;
const fonts = ['Regular', 'Bold'].map((s) => fontkit.openSync(join(ROOT, 'assets', 'fonts', `LiberationSans-${s}.ttf`)) as fontkit.Font);
const measure = (word: string, bold: boolean) => { const f = fonts[bold ? 1 : 0]!; return (f.layout(word).advanceWidth / f.unitsPerEm) * SIZE; };

const cell = (text: string) => [{ text }];
const table = (header: string[], rows: string[][]) => [header.map(cell), rows.map((r) => r.map(cell))] as const;
const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

describe('columnWidths', () => {
  const cases: { namn: string; header: string[]; rows: string[][]; total: number; kort: number[] }[] = [
    { namn: 'mål', header: ['Id', 'Mål', 'Tidshorisont'], rows: [['M10', 'Minst 40 nyanlända föräldrar per år ska delta i föräldraskapsstöd', 'medellång sikt']], total: 470, kort: [0, 2] },
    { namn: 'nio kolumner med långa ord', header: ['Id', 'Insats', 'Åtgärd', 'Ansvarig', 'Arenor', 'Målgrupp', 'Nivå', 'Åldrar', 'Tid'],
      rows: [['I10', 'Föräldraskapsstödjande arbetssätt', 'utveckla', 'Kommunledningsförvaltningen', 'Socialtjänsten – individ- och familjeomsorg', 'Förstagångsföräldrar', 'Universell', 'graviditet, 0–18 år', '2025-04-01 – 2025-12-31']],
      total: 470, kort: [0, 2, 6, 7, 8] },
    // An amount and a date in words are held by no-break spaces: measured whole, kept whole in a squeezed table.
    { namn: 'belopp och datum i ord', header: ['Kostnad för', '2025', '2026', '2027', '2028', 'Totalt', 'Måldatum'],
      rows: [['I5 Anpassat föräldraskapsstöd för föräldrar med kognitiva svårigheter', 'ca 1\u00a0255\u00a0000\u00a0kr', '1\u00a0785\u00a0000\u00a0kr', '–', '–', '8\u00a0540\u00a0000\u00a0kr', '31\u00a0december\u00a02027']],
      total: 470, kort: [1, 2, 5, 6] },
  ];
  it.each(cases)('$namn: summan är sidbredden och korta ord får plats hela', ({ header, rows, total, kort }) => {
    const [h, r] = table(header, rows);
    const w = columnWidths(h, r, total, SIZE * 0.6, 10);
    expect(w).toHaveLength(header.length);
    expect(sum(w)).toBeCloseTo(total, 6);
    for (const i of kort) {
      const widest = Math.max(measure(header[i]!, true), ...rows.flatMap((x) => x[i]!.split(/[ \t\n]+/)).map((x) => measure(x, false)));
      expect(w[i]!, `kolumn ${header[i]}`).toBeGreaterThanOrEqual(widest + 6);
    }
  });

  it('kolumnen med mest text blir bredast när allt får plats', () => {
    const [h, r] = table(['Id', 'Beskrivning', 'Klart'], [['F1', 'En lång beskrivning av en förutsättning som kräver mycket plats i tabellen', '2026-06-30']]);
    const w = columnWidths(h, r, 470, SIZE * 0.6, 10);
    expect(w[1]).toBeGreaterThan(w[0]! * 3);
    expect(w[1]).toBeGreaterThan(w[2]!);
  });
});

describe('labelColumnWidths', () => {
  const rows = ['Status', 'Beslutande organ', 'Dokumentets datum', 'Expedieras till'].map((l) => [cell(l), cell('Ej ifyllt')]);
  it('the labels as wide as the longest (bold, whole), the values the rest', () => {
    const w = labelColumnWidths(rows, 470, SIZE * 0.6, 10);
    expect(sum(w)).toBeCloseTo(470, 6);
    expect(w[0]).toBeGreaterThanOrEqual(measure('Dokumentets datum', true) + 6);
    expect(w[0]).toBeLessThan(470 * 0.3);
  });
  it('at most 40 % for a long label', () => {
    const w = labelColumnWidths([[cell('En mycket lång etikett som inte ryms på en rad i någon rimlig kolumn alls'), cell('x')]], 470, SIZE * 0.6, 10);
    expect(w[0]).toBeCloseTo(470 * 0.4, 6);
  });
});

describe('where a word may break (hyphen.ts, for the PDF and the DOCX)', () => {
  it('a word the column was sized for stays whole; a longer one gets soft hyphens', () => {
    const [h, r] = table(['Indikator', 'Utgångsvärde'], [['Andel av samordningsfunktionens tid', '44 %']]);
    // Narrow, but room for each column's longest word (the header set in bold).
    const w = columnWidths(h, r, 170, SIZE * 0.6, 10);
    expect(hyphenateForColumn('Utgångsvärde', w[1]!, SIZE * 0.6, 6)).toBe('Utgångsvärde');
    expect(hyphenateForColumn('samordningsfunktionens', 60, SIZE * 0.6, 6)).toContain(SHY);
  });

  it.each([
    ['Startade i mars 2026 när', 'Startade i mars\u00a02026 när'],
    ['kommer den 2 september att', 'kommer den 2\u00a0september att'],
    ['till 31 december 2027.', 'till 31\u00a0december\u00a02027.'],
    ['Mars 2026', 'Mars\u00a02026'],
    ['3 barn i maj', '3 barn i maj'],
    ['omkring 22 000 invånare', 'omkring 22\u00a0000 invånare'],
    ['1 255 000 kr', '1\u00a0255\u00a0000 kr'],
    ['åren 2025 2026 och 12 34', 'åren 2025 2026 och 12 34'],
    ['I1, I2 och 5 100 barn', 'I1, I2 och 5\u00a0100 barn'],
  ])('a date in words or a grouped number typed in a text is held together: %j', (text, want) => expect(keepDatesInWords(text)).toBe(want));
});
