// Issue 16: the rules behind `fsstöd nyckeltal`, table by table — which words Kolada's K/M get,
// the unit from the title, which comparisons Kolada can answer, which figures are Kolada's, the
// documented answer format, and where a broken JSON file breaks.
import { describe, expect, it } from 'vitest';
import { comparisonOf, genderWords, koladaEdits, koladaId, unitOf, type Member } from '../../src/kolada/apply.js';
import { FormatProblem, jsonErrorOffset, kindOf, readDataRow, readKpi, readPage } from '../../src/kolada/format.js';
import type { Project } from '../../src/project/types.js';

const LINDESBERG: Member = { kod: '1885', namn: 'Lindesberg', länskod: '18', län: 'Örebro län' };

describe('genderWords: K/M as flickor/pojkar when the figure concerns children, else kvinnor/män', () => {
  it.each([
    ['Barn i ekonomiskt utsatta hushåll, andel (%)', undefined, 'flickor'],
    ['Elever i åk 9 som är behöriga till ett yrkesprogram, andel (%)', undefined, 'flickor'],
    ['Gymnasieelever med examen inom 4 år, andel (%)', undefined, 'flickor'],
    ['Invånare 0-17 år, antal', undefined, 'flickor'],
    ['Andel i årskurs 5 som trivs, andel (%)', undefined, 'flickor'],
    ['Åk 9: kan prata med föräldrar, andel (%)', undefined, 'flickor'],
    ['Ungdomsarbetslöshet 18-24 år, andel (%)', undefined, 'kvinnor'],
    ['Arbetslösa 25-64 år, andel (%)', undefined, 'kvinnor'],
    ['Barnmorskebesök per kvinna', undefined, 'kvinnor'],
    ['Invånare 25-64 år med eftergymnasial utbildning, andel (%)', undefined, 'kvinnor'],
    ['Föräldrapenningdagar uttagna, andel (%)', undefined, 'kvinnor'],
    ['Förvärvsarbetande invånare 20-64 år, andel (%)', undefined, 'kvinnor'],
    // The file's own words win.
    ['Invånare 25-64 år', { flickor: 1 }, 'flickor'],
    ['Barn 0-17 år', { kvinnor: 1, män: 2 }, 'kvinnor'],
  ] as const)('%s (%o) → %s', (title, existing, K) => {
    const w = genderWords(title, existing as any);
    expect(w.K).toBe(K);
    expect(w.M).toBe(K === 'flickor' ? 'pojkar' : 'män');
  });
});

describe('unitOf: Kolada\'s unit, else what the title ends with', () => {
  it.each([
    [{ title: 'Barn i ekonomiskt utsatta hushåll, andel (%)' }, 'procent'],
    [{ title: 'Invånare 0-17 år, antal' }, 'antal'],
    [{ title: 'Nettokostnad individ- och familjeomsorg, kr/inv' }, 'kr per invånare'],
    [{ title: 'Något utan enhet' }, undefined],
    [{ title: 'Barn, andel (%)', unit: 'procent av barn 0–17 år' }, 'procent av barn 0–17 år'],
  ])('%o → %s', (meta, unit) => expect(unitOf(meta)).toBe(unit));
});

describe('comparisonOf: what Kolada can answer of a comparison named in the file', () => {
  it.each([
    ['riket', { id: '0000', label: 'riket' }],
    ['Riket', { id: '0000', label: 'riket' }],
    ['länet', { id: '0018', label: 'Örebro län' }],
    ['Örebro', { id: '1880', label: 'Örebro kommun' }],
    ['Lindesbergs kommun', { id: '1885', label: 'Lindesbergs kommun' }],
    ['liknande kommuner', undefined],
    ['ej angivet', undefined],
    ['Atlantis', undefined],
  ])('%s → %o', (med, want) => {
    const c = comparisonOf(med, LINDESBERG);
    expect(c ? { id: c.id, label: c.label } : undefined).toEqual(want);
  });
});

describe('koladaId: a figure fsstöd wrote from Kolada, or one written by hand', () => {
  it.each([
    ['Kolada (RKA), N00901, hämtad 2025-10-09', 'N00901'],
    ['Kolada (RKA), U21468, importerad 2025-10-09 från svar.json', 'U21468'],
    ['SCB via Kolada', undefined],
    ['Kolada', undefined],
    [undefined, undefined],
  ])('%s → %s', (källa, id) => expect(koladaId({ källa })).toBe(id));
});

describe('the documented answer format (Hypergene/kolada README, v2)', () => {
  it('reads the envelope, next_page, metadata and data; is_divided_by_gender 0/1 or true/false', () => {
    expect(readPage({ values: [], count: 0, next_page: 'http://x/v2/kpi?page=2' })).toEqual({ values: [], nextPage: 'http://x/v2/kpi?page=2' });
    expect(readKpi({ id: 'N1', title: 'T', is_divided_by_gender: 1, municipality_type: 'K', publ_period: 2023 }, 0)).toMatchObject({ id: 'N1', isDividedByGender: true, publPeriod: '2023' });
    expect(readKpi({ id: 'N1', title: 'T', is_divided_by_gender: false }, 0).isDividedByGender).toBe(false);
    expect(readDataRow({ kpi: 'N1', municipality: '1885', period: '2023', values: [{ gender: 'T', value: null, status: 'Saknas', count: 1 }, { gender: 'X', value: 1 }] }, 0))
      .toEqual({ kpi: 'N1', municipality: '1885', period: 2023, values: [{ gender: 'T', value: null, status: 'Saknas' }] });
    expect(kindOf({ id: 'N1', title: 'T' })).toBe('kpi');
    expect(kindOf({ kpi: 'N1', municipality: '1885', period: 2023, values: [] })).toBe('data');
  });

  it.each([
    [[], 'svaret är inget JSON-objekt'],
    [{ values: 'x' }, 'svaret saknar listan "values"'],
    [{ values: [], count: 'två' }, '"count" ("två") stämmer inte'],
    [{ values: [], next_page: 3 }, '"next_page" är ingen adress'],
  ])('a broken envelope %o: %s', (body, msg) => {
    expect(() => readPage(body)).toThrow(FormatProblem);
    expect(() => readPage(body)).toThrow(msg);
  });

  it.each([
    [{ municipality: '1885', period: 2023, values: [] }, 'saknar "kpi"'],
    [{ kpi: 'N1', period: 2023, values: [] }, 'saknar "municipality"'],
    [{ kpi: 'N1', municipality: '1885', period: 23, values: [] }, '"period" är 23, inte ett år'],
    [{ kpi: 'N1', municipality: '1885', period: 2023 }, 'saknar listan "values"'],
    [{ kpi: 'N1', municipality: '1885', period: 2023, values: [{ value: 1 }] }, '"gender" saknas'],
    [{ kpi: 'N1', municipality: '1885', period: 2023, values: [{ gender: 'T' }] }, '"value" är undefined, varken ett tal eller null'],
    [{ kpi: 'N1', municipality: '1885', period: 2023, values: [{ gender: 'T', value: 'NaN' }] }, '"value" är "NaN"'],
  ])('a broken data row %o: %s', (v, msg) => expect(() => readDataRow(v, 0)).toThrow(msg));
});

describe('jsonErrorOffset: where a text stops being JSON', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2.5e3, "x\\u00e5", true, false, null, {}]', undefined],
    ['{"values": [1, }', 15],
    ['{\n"a": x}', 7],
    ['{"a": 1,,}', 8],
    ['[1,2', 4],
    ['{"a": 1} trailing', 9],
    ['{"a": 01}', 7],
    ['"\u0001"', 1],
  ])('%j → %s', (text, at) => expect(jsonErrorOffset(text)).toBe(at));
});

describe('koladaEdits: an update in place edits only what changed, at its own path', () => {
  const p = {
    formatversion: 2,
    projekt: { namn: 'x', kommuner: [{ kod: '1885', namn: 'Lindesberg', länskod: '18', län: 'Örebro län' }] },
    analys: { målgruppsanalys: { nyckeltal: [
      { id: 'N1', namn: 'För hand', värde: 3 },
      { id: 'N2', namn: 'Barn, andel (%)', värde: 10, enhet: 'procent', år: 2023, källa: 'Kolada (RKA), N9, hämtad 2025-01-01', område: 'Hela kommunen',
        per_kön: { flickor: 9, pojkar: 11 }, jämförelser: [{ med: 'riket', värde: 8, år: 2023, källa: 'Kolada (RKA), N9' }, { med: 'liknande kommuner', värde: 7 }] },
    ] } },
  } as unknown as Project;
  const meta = new Map([['N9', { id: 'N9', title: 'Barn, andel (%)', isDividedByGender: true }]]);
  const rows = [
    { kpi: 'N9', municipality: '1885', period: 2023, values: [{ gender: 'T' as const, value: 10.5 }, { gender: 'K' as const, value: 9 }, { gender: 'M' as const, value: 12 }] },
    { kpi: 'N9', municipality: '0000', period: 2023, values: [{ gender: 'T' as const, value: 8 }] },
  ];
  it('value, pojkar and the source change; flickor, riket and "liknande kommuner" (not in Kolada) stay', () => {
    const a = koladaEdits(p, ['N9'], meta, rows, { år: 2023, källa: () => 'Kolada (RKA), N9, hämtad 2025-10-09', origin: 'Kolada', hint: '' });
    const base = ['analys', 'målgruppsanalys', 'nyckeltal', 1];
    expect(a.edits).toEqual([
      { path: [...base, 'värde'], value: 10.5 },
      { path: [...base, 'per_kön', 'pojkar'], value: 12 },
      { path: [...base, 'källa'], value: 'Kolada (RKA), N9, hämtad 2025-10-09' },
    ]);
    expect(a.changes.map((c) => c.kind)).toEqual(['ändrad']);
    // Comparisons come from the file (riket only, here): no län asked for, none added.
    expect(a.notes).toEqual([]);
  });
});

describe('README: the three commands, and which of them need internet', () => {
  it('shows sök, hämta and importera, and says plainly that sök and hämta need internet and importera does not', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/cli.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sec = readme.slice(readme.indexOf('### Nyckeltal från Kolada'), readme.indexOf('### För CI'));
    for (const c of ['fsstöd nyckeltal sök ', 'fsstöd nyckeltal hämta ', 'fsstöd nyckeltal importera ']) expect(sec).toContain(c);
    expect(sec).toContain('**`sök` och `hämta` behöver internet**');
    expect(sec).toContain('**`importera`\nbehöver det inte**');
  });
});
