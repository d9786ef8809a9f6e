// The indicator judgement, table by table: baseline, target, target date and the measurement's day.
import { describe, expect, it } from 'vitest';
import { bedömIndikator, bedömIndikatorer, bedömningText, iRätt, type IndikatorLike, type Indikatorbedömning, type MätningLike } from '../../src/judge/indikator.js';

import { join } from 'node:path';
import { loadProject } from '../../src/project/load.js';
import { ROOT } from '../helpers/cli.js';

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
    expect(r.skäl).toBe('35\u00a0% av vägen till målet efter 33\u00a0% av tiden.');
  });

  it.each<[Indikatorbedömning, string, boolean]>([
    ['nått', 'Nått', true], ['på väg', 'På väg', true], ['inte på väg', 'Inte på väg', false],
    ['för tidigt att bedöma', 'För tidigt att bedöma', false], ['ingen mätning', 'Ingen mätning', false], ['målvärde saknas', 'Målvärde saknas', false],
  ])('%s reads "%s", on track: %s', (b, text, on) => {
    expect(bedömningText(b)).toBe(text);
    expect(iRätt(b)).toBe(on);
  });
});

describe('bedömIndikatorer: a project file at its latest round (what the report prints and the översikt counts)', () => {
  it('the Lindesberg example, round U2', () => {
    const data = loadProject(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml')).data;
    const r = bedömIndikatorer(data, '2026-11-20');
    expect(r.map((x) => [x.id, x.resultat.bedömning])).toEqual([
      ['IND1', 'på väg'], ['IND2', 'nått'], ['IND3', 'på väg'], ['IND4', 'på väg'], ['IND5', 'nått'],
      ['IND6', 'på väg'], ['IND7', 'nått'], ['IND8', 'på väg'], ['IND9', 'på väg'], ['IND10', 'nått'],
    ]);
    expect(r.filter((x) => iRätt(x.resultat.bedömning))).toHaveLength(10);
  });

  it.each<[string, unknown, [string, Indikatorbedömning][]]>([
    ['not a project', 'text', []],
    ['no rounds: no measurement', { handlingsplan: { uppföljningsplan: { indikatorer: [{ id: 'IND1', namn: 'X', målvärde: 5 }] } } }, [['IND1', 'ingen mätning']]],
    ['the latest round counts, not an earlier one', {
      projekt: { period: { från: 2025, till: 2027 } },
      handlingsplan: { uppföljningsplan: { indikatorer: [{ id: 'IND1', namn: 'X', utgångsvärde: 0, målvärde: 10, måldatum: '2027-12-31' }] } },
      uppföljningar: [{ id: 'U1', utfall: [{ indikator: 'IND1', värde: 10, datum: '2025-12-31' }] }, { id: 'U2', period: { till: '2026-12-31' }, utfall: [{ indikator: 'IND1', värde: 1 }] }],
    }, [['IND1', 'inte på väg']]],
    ['a value of the wrong type is no measurement', { handlingsplan: { uppföljningsplan: { indikatorer: [{ id: 'IND1', målvärde: 5 }] } }, uppföljningar: [{ id: 'U1', utfall: [{ indikator: 'IND1', värde: 'fem' }] }] }, [['IND1', 'ingen mätning']]],
  ])('%s', (_n, data, want) => expect(bedömIndikatorer(data, '2026-01-01').map((x) => [x.id, x.resultat.bedömning])).toEqual(want));
});
