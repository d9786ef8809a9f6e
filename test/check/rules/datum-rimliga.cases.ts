// The table of datum-rimliga: valid and invalid cases, run by datum-rimliga.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { datumRimliga } from '../../../src/check/rules/datum-rimliga.js';
import { type Case } from '../helpers.js';

// HEAD ends on line 6; "  period:" lines come first so that handlingsplan starts on line 10.
export const PERIOD = `  period:
    från: 2025
    till: 2028
`;
export const insats = (start: string, slut: string) => `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      start: ${start}
      slut: ${slut}
`;

export const cases: Case[] = [
  { namn: 'rimliga datum', yaml: PERIOD + insats('2025-04-01', '2028-12-31'), fynd: [] },
  { namn: 'slut före start', yaml: PERIOD + insats('2026-04-01', '2026-01-31'), fynd: [[15, 13, 'insatsEndsBeforeStart', { data: { insats: 'I1 ”ABC”', slut: '2026-01-31', start: '2026-04-01' } }]] },
  { namn: 'samma dag är tillåtet', yaml: PERIOD + insats('2026-04-01', '2026-04-01'), fynd: [] },
  { namn: 'start efter planperioden', yaml: PERIOD + insats('2030-01-01', '2030-12-31'), fynd: [[14, 14, 'insatsAfterPeriod', 'warning']] },
  { namn: 'slut före planperioden', yaml: PERIOD + insats('2023-01-01', '2024-06-30'), fynd: [[15, 13, 'insatsBeforePeriod', 'warning']] },
  {
    namn: 'planperioden baklänges',
    yaml: `  period:
    från: 2028
    till: 2025
`,
    fynd: [[9, 11, 'periodReversed']],
  },
  {
    namn: 'måldatum före planperioden',
    yaml: PERIOD + `handlingsplan:
  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel som fullföljer
        måldatum: 2024-12-31
`,
    fynd: [[15, 19, 'targetBeforePeriod']],
  },
  {
    namn: 'måldatum innan insatserna startat',
    yaml: PERIOD + insats('2026-01-01', '2028-12-31') + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel som fullföljer
        insatser: [I1]
        måldatum: 2025-06-30
`,
    fynd: [[21, 19, 'targetBeforeStart', 'warning']],
  },
  {
    namn: 'måldatum efter planperioden är tillåtet',
    yaml: PERIOD + `handlingsplan:
  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Effekt
        måldatum: 2030-12-31
`,
    fynd: [],
  },
  {
    namn: 'uppföljningsperioden baklänges och före första insatsen',
    yaml: PERIOD + insats('2025-04-01', '2028-12-31') + `uppföljning:
  period:
    från: 2025-09-30
    till: 2025-03-01
`,
    fynd: [
      [19, 11, 'followUpReversed'],
      [19, 11, 'followUpBeforeStart'],
    ],
  },
  {
    namn: 'genomförd insats som inte hunnit starta',
    yaml: PERIOD + insats('2027-01-01', '2028-12-31') + `uppföljning:
  period:
    från: 2025-01-01
    till: 2026-06-30
  insatser:
    - insats: I1
      status: genomförd
`,
    fynd: [
      [19, 11, 'followUpBeforeStart'],
      [22, 15, 'followedUpBeforeStart'],
    ],
  },
  {
    namn: 'utfall mätt före uppföljningsperioden',
    yaml: `uppföljning:
  period:
    från: 2025-01-01
    till: 2026-06-30
  utfall:
    - indikator: IND1
      värde: 3
      datum: 2024-11-30
`,
    fynd: [[14, 14, 'measuredBeforeFollowUp', 'warning']],
  },
  {
    namn: 'beslut i fel ordning',
    yaml: `beslut:
  lägesbild:
    status: beslutad
    datum: 2025-05-01
  handlingsplan:
    status: beslutad
    datum: 2025-03-24
`,
    fynd: [[13, 12, 'decisionsOutOfOrder', 'warning']],
  },
  { namn: 'med --steg 3 kontrolleras inte insatsernas datum', yaml: PERIOD + insats('2026-04-01', '2026-01-31'), steg: [3], fynd: [] },
];

export { datumRimliga as rule };
