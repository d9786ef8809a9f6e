// The table of fullföljande-indikator: valid and invalid cases, run by fullföljande-indikator.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { fullföljandeIndikator } from '../../../src/check/rules/fullföljande-indikator.js';
import { type Case } from '../helpers.js';

export const ind = (namn: string, typ = 'process') => `handlingsplan:
  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: ${namn}
        typ: ${typ}
`;

export const cases: Case[] = [
  { namn: 'ingen handlingsplan än', yaml: '', fynd: [] },
  { namn: 'andel som fullföljer', yaml: ind('Andel föräldrar som fullföljer programmet'), fynd: [] },
  { namn: 'slutför', yaml: ind('Antal deltagare som slutför kursen'), fynd: [] },
  { namn: 'avhopp', yaml: ind('Andel avhopp från grupperna'), fynd: [] },
  { namn: 'en annan processindikator', yaml: ind('Antal deltagare'), fynd: [[9, 5, 'missing']] },
  { namn: 'fel typ', yaml: ind('Andel som fullföljer', 'resultat'), fynd: [[12, 14, 'wrongType']] },
  { namn: 'inga indikatorer alls', yaml: `handlingsplan:\n  koppling: Strategin\n`, fynd: [[7, 1, 'missing']] },
];

export { fullföljandeIndikator as rule };
