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
      start: "${start}"
      slut: "${slut}"
`;

/** One follow-up round (U<n>) as an item of uppföljningar, indented under the list. */
const omgång = (id: string, från: string, till: string) => `  - id: ${id}
    period:
      från: "${från}"
      till: "${till}"
`;

/**
 * Dates at their precision (year, year-month, day): a start and an end, and whether the end is
 * wholly before the start. "2026" is neither before nor after "2026-05-01".
 */
const PRECISION: [string, string, boolean][] = [
  ['2026', '2026-05-01', false],
  ['2026-05-01', '2026', false],
  ['2026', '2026-05', false],
  ['2026-05', '2026-05-01', false],
  ['2026-05-02', '2026-05', false],
  ['2026-05', '2026-04-30', true],
  ['2026-05', '2026-04', true],
  ['2026', '2025-12', true],
  ['2026', '2025-12-31', true],
  ['2027', '2026', true],
  ['2026-01-02', '2026-01-01', true],
];

export const cases: Case[] = [
  { namn: 'rimliga datum', yaml: PERIOD + insats('2025-04-01', '2028-12-31'), fynd: [] },
  { namn: 'slut före start', yaml: PERIOD + insats('2026-04-01', '2026-01-31'), fynd: [[15, 13, 'insatsEndsBeforeStart', { data: { insats: 'I1 ”ABC”', slut: '2026-01-31', start: '2026-04-01' } }]] },
  ...PRECISION.map(([start, slut, fel]): Case => ({
    namn: `start ${start}, slut ${slut}: ${fel ? 'slut före start' : 'varken före eller efter'}`,
    yaml: PERIOD + insats(start, slut),
    fynd: fel ? [[15, 13, 'insatsEndsBeforeStart', { data: { slut, start } }]] : [],
  })),
  { namn: 'start ett år efter planperioden', yaml: PERIOD + insats('2029', '2029'), fynd: [[14, 14, 'insatsAfterPeriod', 'warning']] },
  { namn: 'start planperiodens sista år (år)', yaml: PERIOD + insats('2028', '2028-12'), fynd: [] },
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
    namn: 'måldatum ett år som insatsen startar under är inte före starten',
    yaml: PERIOD + insats('2026-06-01', '2028-12-31') + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel som fullföljer
        insatser: [I1]
        måldatum: "2026"
`,
    fynd: [],
  },
  {
    namn: 'måldatum en månad före insatsens start',
    yaml: PERIOD + insats('2026-06-01', '2028-12-31') + `  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel som fullföljer
        insatser: [I1]
        måldatum: "2026-05"
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
    yaml: PERIOD + insats('2025-04-01', '2028-12-31') + `uppföljningar:
` + omgång('U1', '2025-09-30', '2025-03-01'),
    fynd: [
      [20, 13, 'followUpReversed'],
      [20, 13, 'followUpBeforeStart'],
    ],
  },
  {
    namn: 'uppföljningsperioden året insatsen startar (år) är inte före starten',
    yaml: PERIOD + insats('2025-04-01', '2028-12-31') + `uppföljningar:
` + omgång('U1', '2025', '2025'),
    fynd: [],
  },
  {
    namn: 'den aktuella omgången är den sista: en tidigare omgång bedöms inte',
    yaml: PERIOD + insats('2025-04-01', '2028-12-31') + `uppföljningar:
` + omgång('U1', '2025-09-30', '2025-03-01') + omgång('U2', '2026', '2026'),
    fynd: [],
  },
  {
    namn: 'den aktuella omgången före den förra',
    yaml: PERIOD + insats('2025-04-01', '2028-12-31') + `uppföljningar:
` + omgång('U1', '2026', '2026') + omgång('U2', '2025-04', '2025-12'),
    fynd: [[24, 13, 'roundBeforePrevious', { severity: 'warning', data: { omgång: 'U2', förra: 'U1' } }]],
  },
  {
    namn: 'omgångarna i tidsordning',
    yaml: PERIOD + insats('2025-04-01', '2028-12-31') + `uppföljningar:
` + omgång('U1', '2025', '2025') + omgång('U2', '2026-01', '2026-12'),
    fynd: [],
  },
  {
    namn: 'genomförd insats som inte hunnit starta',
    yaml: PERIOD + insats('2027-01-01', '2028-12-31') + `uppföljningar:
  - id: U1
    period:
      från: "2025-01-01"
      till: "2026-06-30"
    insatser:
      - insats: I1
        status: genomförd
`,
    fynd: [
      [20, 13, 'followUpBeforeStart'],
      [23, 17, 'followedUpBeforeStart'],
    ],
  },
  {
    namn: 'utfall mätt före uppföljningsperioden',
    yaml: `uppföljningar:
  - id: U1
    period:
      från: "2025-01-01"
      till: "2026-06-30"
    utfall:
      - indikator: IND1
        värde: 3
        datum: "2024-11-30"
`,
    fynd: [[15, 16, 'measuredBeforeFollowUp', 'warning']],
  },
  {
    namn: 'utfall mätt under uppföljningsperiodens första år (år) är inte före',
    yaml: `uppföljningar:
  - id: U1
    period:
      från: "2025-03-01"
      till: "2025-12-31"
    utfall:
      - indikator: IND1
        värde: 3
        datum: "2025"
`,
    fynd: [],
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
  {
    namn: 'beslut ett år och en dag samma år: varken före eller efter',
    yaml: `beslut:
  lägesbild:
    status: beslutad
    datum: "2025"
  handlingsplan:
    status: beslutad
    datum: "2025-03-24"
`,
    fynd: [],
  },
  {
    namn: 'beslut på månad i fel ordning',
    yaml: `beslut:
  lägesbild:
    status: beslutad
    datum: "2025-05"
  handlingsplan:
    status: beslutad
    datum: "2025-04"
`,
    fynd: [[13, 12, 'decisionsOutOfOrder', 'warning']],
  },
  { namn: 'med --steg 3 kontrolleras inte insatsernas datum', yaml: PERIOD + insats('2026-04-01', '2026-01-31'), steg: [3], fynd: [] },
];

export { datumRimliga as rule };
