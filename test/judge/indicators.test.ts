// The indicator judgement, table by table: reached against the target in the indicator's
// direction, and on track (reached, or moving the right way since the round before or the baseline).
import { describe, expect, it } from 'vitest';
import { judgeIndicator, judgeIndicators, reached, type IndikatorLäge } from '../../src/judge/indicators.js';

describe('reached', () => {
  it.each<[number | undefined, number | undefined, 'öka' | 'minska' | undefined, boolean | null]>([
    [75, 75, 'öka', true], [74, 75, 'öka', false], [80, 75, undefined, true],
    [10, 12, 'minska', true], [12, 12, 'minska', true], [13, 12, 'minska', false],
    [undefined, 75, 'öka', null], [75, undefined, 'öka', null],
  ])('%s against %s (%s) → %s', (v, m, r, want) => expect(reached(v, m, r)).toBe(want));
});

const round = (värde?: number) => ({ id: 'U', utfall: värde === undefined ? [] : [{ indikator: 'IND1', värde }] });

describe('judgeIndicator: läge and påRättSpår', () => {
  it.each<[string, Record<string, unknown>, unknown[], IndikatorLäge, boolean]>([
    ['no target', { id: 'IND1', utgångsvärde: 50 }, [round(60)], 'utan målvärde', false],
    ['no rounds', { id: 'IND1', målvärde: 75 }, [], 'ej mätt', false],
    ['last round without a value', { id: 'IND1', målvärde: 75 }, [round(80), round()], 'ej mätt', false],
    ['reached', { id: 'IND1', målvärde: 75 }, [round(76)], 'nått', true],
    ['up from the baseline', { id: 'IND1', utgångsvärde: 58, målvärde: 75 }, [round(63)], 'på väg', true],
    ['down from the baseline', { id: 'IND1', utgångsvärde: 58, målvärde: 75 }, [round(50)], 'ej på väg', false],
    ['up since the round before (baseline ignored)', { id: 'IND1', utgångsvärde: 70, målvärde: 75 }, [round(60), round(65)], 'på väg', true],
    ['down since the round before', { id: 'IND1', utgångsvärde: 50, målvärde: 75 }, [round(70), round(65)], 'ej på väg', false],
    ['minska: down from the baseline', { id: 'IND1', riktning: 'minska', utgångsvärde: 30, målvärde: 20 }, [round(25)], 'på väg', true],
    ['minska: reached', { id: 'IND1', riktning: 'minska', utgångsvärde: 30, målvärde: 20 }, [round(19)], 'nått', true],
    ['nothing to compare with', { id: 'IND1', målvärde: 75 }, [round(60)], 'ej på väg', false],
    ['a value that is not a number', { id: 'IND1', målvärde: 75 }, [{ utfall: [{ indikator: 'IND1', värde: 'hög' }] }], 'ej mätt', false],
  ])('%s', (_n, ind, rounds, läge, på) => {
    const j = judgeIndicator(ind, rounds);
    expect(j.läge).toBe(läge);
    expect(j.påRättSpår).toBe(på);
  });

  it('judgeIndicators reads the plan and the rounds; data not matching the schema gives nothing', () => {
    const data = { handlingsplan: { uppföljningsplan: { indikatorer: [{ id: 'IND1', målvärde: 10 }, 'x', { id: 'IND2' }] } }, uppföljningar: [round(12)] };
    expect(judgeIndicators(data).map((x) => [x.id, x.läge])).toEqual([['IND1', 'nått'], ['IND2', 'utan målvärde']]);
    expect(judgeIndicators({ handlingsplan: 'x' })).toEqual([]);
    expect(judgeIndicators(null)).toEqual([]);
  });
});
