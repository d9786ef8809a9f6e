// Typed answers read the way the schema shapes the value (values.ts): a tal from the schema's
// anyOf, dates of each precision, numbers with spaces, commas and "kr".
import { describe, expect, it } from 'vitest';
import { schemaAt } from '../../src/project/schema-words.js';
import { formatValue, parseValue } from '../../src/interview/values.js';

const tal = schemaAt(['analys', 'målgruppsanalys', 'nyckeltal', 0, 'värde'])!;
const datum = schemaAt(['handlingsplan', 'insatser', 0, 'start'])!;
const belopp = schemaAt(['handlingsplan', 'insatser', 0, 'kostnader', 0, 'belopp_kr'])!;
const år = schemaAt(['handlingsplan', 'insatser', 0, 'kostnader', 0, 'år'])!;

describe('a tal (nyckeltal.värde) from the schema\'s anyOf', () => {
  it.each([
    ['85 000 kr', 85000],
    ['ca 40', { ca: 40 }],
    ['ca 52 000', { ca: 52000 }],
    ['40–50', { från: 40, till: 50 }],
    ['40-50', { från: 40, till: 50 }],
    ['hög', { bedömning: 'hög' }],
    ['högre än i jämförbara kommuner', { bedömning: 'högre än i jämförbara kommuner' }],
    ['ej angivet', 'ej angivet'],
    ['1,5', 1.5],
    ['12', 12],
  ])('%s → %j', (raw, want) => {
    expect(parseValue(tal, raw)).toEqual(want);
  });

  it.each([[85000, '85000'], [{ ca: 40 }, 'ca 40'], [{ från: 40, till: 50 }, '40–50'], [{ bedömning: 'hög' }, 'hög'], ['ej angivet', 'ej angivet'], [1.5, '1,5']])('%j is edited as %s', (v, text) => {
    expect(formatValue(v)).toBe(text);
    expect(parseValue(tal, text)).toEqual(v);
  });
});

describe('dates of each precision', () => {
  it.each(['2026', '2026-09', '2026-09-30', '2024-02-29'])('%s is kept as it is', (raw) => {
    expect(parseValue(datum, raw)).toBe(raw);
  });
  it.each([
    ['2026-13', /inget giltigt datum/],
    ['2026-02-30', /"2026-02-30" är inget giltigt datum/],
    ['2025-02-29', /inget giltigt datum/],
    ['30/9 2026', /ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD/],
  ])('%s is refused', (raw, msg) => {
    expect(parseValue(datum, raw)).toEqual({ error: expect.stringMatching(msg) });
  });
});

describe('a kostnad: år and belopp_kr with "ej angivet"', () => {
  it.each([['45 000', 45000], ['ca 45 000 kr', { ca: 45000 }], ['ej angivet', 'ej angivet']])('belopp %s → %j', (raw, want) => {
    expect(parseValue(belopp, raw)).toEqual(want);
  });
  it('a text is not an amount', () => {
    expect(parseValue(belopp, 'mycket')).toEqual({ error: expect.stringMatching(/Skriv ett tal/) });
  });
  it.each([['2027', 2027], ['ej angivet', 'ej angivet']])('år %s → %j', (raw, want) => {
    expect(parseValue(år, raw)).toEqual(want);
  });
});
