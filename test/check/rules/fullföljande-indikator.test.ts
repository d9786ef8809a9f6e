import { describe, it } from 'vitest';
import { fullföljandeIndikator } from '../../../src/check/rules/fullföljande-indikator.js';
import { expectCase, type Case } from '../helpers.js';

const ind = (namn: string, typ = 'process') => `handlingsplan:
  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: ${namn}
        typ: ${typ}
`;

const cases: Case[] = [
  { namn: 'ingen handlingsplan än', yaml: '', fynd: [] },
  { namn: 'andel som fullföljer', yaml: ind('Andel föräldrar som fullföljer programmet'), fynd: [] },
  { namn: 'slutför', yaml: ind('Antal deltagare som slutför kursen'), fynd: [] },
  { namn: 'avhopp', yaml: ind('Andel avhopp från grupperna'), fynd: [] },
  { namn: 'en annan processindikator', yaml: ind('Antal deltagare'), fynd: [[9, 5, 'missing']] },
  { namn: 'fel typ', yaml: ind('Andel som fullföljer', 'resultat'), fynd: [[12, 14, 'wrongType']] },
  { namn: 'inga indikatorer alls', yaml: `handlingsplan:\n  koppling: Strategin\n`, fynd: [[7, 1, 'missing']] },
];

describe('fullföljande-indikator', () => {
  it.each(cases)('$namn', (c) => expectCase(fullföljandeIndikator, c));
});
