// The reference data's lookups (src/kommuner.ts): by code and by exact name, in any case.
import { describe, expect, it } from 'vitest';
import { kommunByKod, kommunByNamn } from '../../src/kommuner.js';

describe('kommunByKod, kommunByNamn', () => {
  it.each([
    ['1885', 'Lindesberg', 'Örebro län'],
    ['0180', 'Stockholm', 'Stockholms län'],
    ['0980', 'Gotland', 'Gotlands län'],
  ])('%s är %s i %s, och namnet ger samma kommun', (kod, namn, län) => {
    const k = kommunByKod(kod);
    expect(k?.namn).toBe(namn);
    expect(k?.län).toBe(län);
    expect(kommunByNamn(namn.toLocaleUpperCase('sv-SE'))).toBe(k);
  });
  it.each([['9999'], [''], ['1885 ']])('okänd kod %j: ingen kommun', (kod) => expect(kommunByKod(kod)).toBeUndefined());
  it.each([['Lindesbergs kommun'], ['Lindesber'], ['']])('inte exakt namn %j: ingen kommun', (namn) => expect(kommunByNamn(namn)).toBeUndefined());
});
