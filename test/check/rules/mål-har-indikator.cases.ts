// The table of mål-har-indikator: valid and invalid cases, run by mål-har-indikator.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { målHarIndikator } from '../../../src/check/rules/mål-har-indikator.js';
import { type Case } from '../helpers.js';

export const MÅL = `handlingsplan:
  mål:
    - id: M1
      text: Fler föräldrar fullföljer
`;

export const cases: Case[] = [
  {
    namn: 'indikator med målvärde och måldatum',
    yaml: MÅL + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel som fullföljer
        mål: [M1]
        målvärde: 75
        måldatum: 2027-12-31
`,
    fynd: [],
  },
  { namn: 'ingen indikator', yaml: MÅL, fynd: [[9, 7, 'noIndicator']] },
  {
    namn: 'indikatorn saknar måldatum',
    yaml: MÅL + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel som fullföljer
        mål: [M1]
        målvärde: 75
`,
    fynd: [[9, 7, 'noTarget']],
  },
  {
    namn: 'två ofullständiga indikatorer',
    yaml: MÅL + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: A
        mål: [M1]
      - id: IND2
        namn: B
        mål: [M1]
        måldatum: 2027-01-01
`,
    fynd: [[9, 7, 'noTarget']],
  },
  {
    namn: 'en komplett räcker',
    yaml: MÅL + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: A
        mål: [M1]
      - id: IND2
        namn: B
        mål: [M1]
        målvärde: 0
        måldatum: 2027-01-01
`,
    fynd: [],
  },
  {
    namn: 'indikatorn hör till ett annat mål',
    yaml: MÅL + `    - id: M2
      text: Annat
  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: A
        mål: [M2]
        målvärde: 1
        måldatum: 2027-01-01
`,
    fynd: [[9, 7, 'noIndicator']],
  },
];

export { målHarIndikator as rule };
