// The indicator judgement, table by table: baseline, target, target date and the measurement's day.
import { describe, expect, it } from 'vitest';
import { bedömIndikator, bedömningText, iRätt, type IndikatorLike, type Indikatorbedömning, type MätningLike } from '../../src/judge/indikator.js';

// Plan from 2025-01-01; target 2027-12-31 (three years).
const öka: IndikatorLike = { utgångsvärde: 58, målvärde: 75, riktning: 'öka', måldatum: '2027-12-31' };
const minska: IndikatorLike = { utgångsvärde: 20, målvärde: 10, riktning: 'minska', måldatum: '2027-12-31' };
const start = 2025;

describe('bedömIndikator', () => {
  it.each<[string, IndikatorLike, MätningLike | undefined, { start?: unknown; när?: string }, Indikatorbedömning]>([
    ['no measurement', öka, undefined, { start }, 'ingen mätning'],
    ['a measurement without a value', öka, { datum: '2025-12-31' }, { start }, 'ingen mätning'],
    ['no target value', { utgångsvärde: 1 }, { värde: 3, datum: '2025-12-31' }, { start }, 'målvärde saknas'],
    ['target reached early', öka, { värde: 75, datum: '2025-06-30' }, { start }, 'nått'],
    ['target passed (öka)', öka, { värde: 80, datum: '2028-01-10' }, { start }, 'nått'],
    ['minska: at or below the target', minska, { värde: 9, datum: '2025-12-31' }, { start }, 'nått'],
    // 2025-12-31 is a third of the time; 64 is 6/17 = 35 % of the way.
    ['a third of the time, a third of the way', öka, { värde: 64, datum: '2025-12-31' }, { start }, 'på väg'],
    ['a third of the time, a fifth of the way (≥ half the pace)', öka, { värde: 61.5, datum: '2025-12-31' }, { start }, 'på väg'],
    ['a third of the time, a tenth of the way', öka, { värde: 59.7, datum: '2025-12-31' }, { start }, 'inte på väg'],
    ['a third of the time, no change', öka, { värde: 58, datum: '2025-12-31' }, { start }, 'inte på väg'],
    ['a third of the time, the wrong way', öka, { värde: 50, datum: '2025-12-31' }, { start }, 'inte på väg'],
    ['minska: a third of the time, on its way', minska, { värde: 16, datum: '2025-12-31' }, { start }, 'på väg'],
    ['minska: the wrong way', minska, { värde: 22, datum: '2025-12-31' }, { start }, 'inte på väg'],
    ['less than a quarter of the time', öka, { värde: 58, datum: '2025-06-30' }, { start }, 'för tidigt att bedöma'],
    ['target date passed, not reached', öka, { värde: 74, datum: '2028-01-31' }, { start }, 'inte på väg'],
    ['measured on the target date, not reached', öka, { värde: 74, datum: '2027-12-31' }, { start }, 'inte på väg'],
    ['target date as a year: its last day counts', { ...öka, måldatum: 2027 }, { värde: 74, datum: '2027-06-30' }, { start }, 'på väg'],
    ['no date on the measurement: the round\'s end', öka, { värde: 64 }, { start, när: '2025-12-31' }, 'på väg'],
    ['no date at all, no baseline', { målvärde: 75, måldatum: '2027-12-31' }, { värde: 60 }, { start }, 'för tidigt att bedöma'],
    ['no baseline, before the target date', { målvärde: 75, måldatum: '2027-12-31' }, { värde: 60, datum: '2026-12-31' }, { start }, 'för tidigt att bedöma'],
    ['no baseline, after the target date', { målvärde: 75, måldatum: '2027-12-31' }, { värde: 60, datum: '2028-02-01' }, { start }, 'inte på väg'],
    ['no target date, moving toward the target', { utgångsvärde: 58, målvärde: 75 }, { värde: 60, datum: '2025-12-31' }, { start }, 'på väg'],
    ['no target date, not moving', { utgångsvärde: 58, målvärde: 75 }, { värde: 58, datum: '2025-12-31' }, { start }, 'inte på väg'],
    ['no start: only the direction', öka, { värde: 59, datum: '2025-12-31' }, {}, 'på väg'],
    ['riktning missing means öka', { utgångsvärde: 10, målvärde: 20, måldatum: '2027-12-31' }, { värde: 20, datum: '2026-01-01' }, { start }, 'nått'],
  ])('%s', (_n, ind, m, opts, want) => expect(bedömIndikator(ind, m, opts).bedömning).toBe(want));

  it('gives the shares it judged by', () => {
    const r = bedömIndikator(öka, { värde: 64, datum: '2025-12-31' }, { start });
    expect(r.andelVägen).toBeCloseTo(6 / 17);
    expect(r.andelTiden).toBeCloseTo(364 / 1095, 2);
    expect(r.skäl).toBe('35 % av vägen till målet efter 33 % av tiden.');
  });

  it.each<[Indikatorbedömning, string, boolean]>([
    ['nått', 'Nått', true], ['på väg', 'På väg', true], ['inte på väg', 'Inte på väg', false],
    ['för tidigt att bedöma', 'För tidigt att bedöma', false], ['ingen mätning', 'Ingen mätning', false], ['målvärde saknas', 'Målvärde saknas', false],
  ])('%s reads "%s", on track: %s', (b, text, on) => {
    expect(bedömningText(b)).toBe(text);
    expect(iRätt(b)).toBe(on);
  });
});
