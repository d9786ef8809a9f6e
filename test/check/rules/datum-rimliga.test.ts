import { describe, it } from 'vitest';
import { datumRimliga } from '../../../src/check/rules/datum-rimliga.js';
import { expectCase, type Case } from '../helpers.js';

// HEAD ends on line 6; "  period:" lines come first so that handlingsplan starts on line 10.
const PERIOD = `  period:
    från: 2025
    till: 2028
`;
const insats = (start: string, slut: string) => `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      start: ${start}
      slut: ${slut}
`;

const cases: Case[] = [
  { namn: 'rimliga datum', yaml: PERIOD + insats('2025-04-01', '2028-12-31'), fynd: [] },
  { namn: 'slut före start', yaml: PERIOD + insats('2026-04-01', '2026-01-31'), fynd: [[15, 13, /Insatsen I1 ”ABC” slutar 2026-01-31, före sitt startdatum 2026-04-01/]] },
  { namn: 'samma dag är tillåtet', yaml: PERIOD + insats('2026-04-01', '2026-04-01'), fynd: [] },
  { namn: 'start efter planperioden', yaml: PERIOD + insats('2030-01-01', '2030-12-31'), fynd: [[14, 14, /startar 2030-01-01, efter planperioden 2025–2028/, 'warning']] },
  { namn: 'slut före planperioden', yaml: PERIOD + insats('2023-01-01', '2024-06-30'), fynd: [[15, 13, /slutar 2024-06-30, före planperioden 2025–2028/, 'warning']] },
  {
    namn: 'planperioden baklänges',
    yaml: `  period:
    från: 2028
    till: 2025
`,
    fynd: [[9, 11, /Planperioden slutar \(2025\) före den börjar \(2028\)/]],
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
    fynd: [[15, 19, /Indikatorn IND1 .* har måldatum 2024-12-31, före planperioden 2025–2028/]],
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
    fynd: [[21, 19, /måldatum 2025-06-30, innan någon av dess insatser har startat \(första start 2026-01-01\)/, 'warning']],
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
      [19, 11, /Uppföljningsperioden slutar 2025-03-01, före den börjar 2025-09-30/],
      [19, 11, /Uppföljningsperioden slutar 2025-03-01, innan den första insatsen startade \(2025-04-01\)/],
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
      [19, 11, /Uppföljningsperioden slutar 2026-06-30, innan den första insatsen startade/],
      [22, 15, /Insatsen I1 följs upp som genomförd, men startar först 2027-01-01/],
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
    fynd: [[14, 14, /Utfallet för IND1 är mätt 2024-11-30, före uppföljningsperioden/, 'warning']],
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
    fynd: [[13, 12, /Beslutet om handlingsplanen \(2025-03-24\) är daterat före beslutet om lägesbilden \(2025-05-01\)/, 'warning']],
  },
  { namn: 'med --steg 3 kontrolleras inte insatsernas datum', yaml: PERIOD + insats('2026-04-01', '2026-01-31'), steg: [3], fynd: [] },
];

describe('datum-rimliga', () => {
  it.each(cases)('$namn', (c) => expectCase(datumRimliga, c));
});
