// The table of referenser: valid and invalid cases, run by referenser.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { expect } from 'vitest';
import { referenser } from '../../../src/check/rules/referenser.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  {
    namn: 'hänvisningar som finns',
    yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: X\n  insatser:\n    - id: I1\n      namn: Y\n      mål: [M1]\n`,
    fynd: [],
  },
  {
    namn: 'mål som inte finns',
    yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: Y\n      mål: [M9]\n`,
    fynd: [[11, 13, 'brokenReference', { data: { fel: expect.stringMatching(/hänvisningen till M9 pekar inte på något som finns: ingen mål har id M9/) } }]],
  },
  {
    namn: 'fel slags id',
    yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: X\n  insatser:\n    - id: I1\n      namn: Y\n      ansvariga: [M1]\n`,
    fynd: [[14, 19, 'brokenReference', { data: { fel: expect.stringMatching(/M1 är en mål, men här ska det stå id för en aktör/) } }]],
  },
  {
    namn: 'samma id två gånger',
    yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: X\n    - id: M1\n      text: Y\n`,
    fynd: [[11, 11, 'duplicateId', { data: { fel: expect.stringMatching(/id M1 används redan \(rad 9\)/) } }]],
  },
  {
    namn: 'v2: grupper, ansvariga, mål i hierarki, fokusområden, uppföljningar, referenser och bilagor som finns',
    yaml: `  referenser:
    - id: R1
      rubrik: Ansökan om statsbidrag
organisation:
  aktörer:
    - id: AK1
      namn: Socialtjänsten
  grupper:
    - id: G1
      typ: styrgrupp
      medlemmar:
        - roll: Ordförande
          aktör: AK1
handlingsplan:
  fokusområden:
    - id: F1
      namn: Tidiga insatser
  mål:
    - id: M1
      text: Övergripande
      fokusområde: F1
    - id: M2
      text: Delmål
      överordnat: M1
  insatser:
    - id: I1
      namn: ABC
      ansvariga: [AK1]
  uppföljningsplan:
    indikatorer:
      - id: IND1
        namn: Andel
uppföljningar:
  - id: U1
    insatser:
      - insats: I1
    utfall:
      - indikator: IND1
beslut:
  handlingsplan:
    bilagor:
      - namn: Ansökan om statsbidrag
        referens: R1
`,
    fynd: [],
  },
  {
    namn: 'v2: hänvisningar som inte finns eller är av fel slag',
    yaml: `organisation:
  grupper:
    - id: G1
      typ: arbetsgrupp
      medlemmar:
        - roll: Samordnare
          aktör: AK9
handlingsplan:
  mål:
    - id: M1
      text: X
      fokusområde: M1
      överordnat: G1
  insatser:
    - id: I1
      namn: Y
      ansvariga: [AK9]
uppföljningar:
  - id: U1
    insatser:
      - insats: M1
    utfall:
      - indikator: I1
beslut:
  lägesbild:
    bilagor:
      - namn: Bilaga
        referens: R7
`,
    fynd: [
      [13, 18, 'brokenReference', { data: { fel: expect.stringMatching(/ingen aktör har id AK9/) } }],
      [18, 20, 'brokenReference', { data: { fel: expect.stringMatching(/M1 är en mål, men här ska det stå id för en fokusområde/) } }],
      [19, 19, 'brokenReference', { data: { fel: expect.stringMatching(/G1 är en grupp, men här ska det stå id för en mål/) } }],
      [23, 19, 'brokenReference', { data: { fel: expect.stringMatching(/ingen aktör har id AK9/) } }],
      [27, 17, 'brokenReference', { data: { fel: expect.stringMatching(/M1 är en mål, men här ska det stå id för en insats/) } }],
      [29, 20, 'brokenReference', { data: { fel: expect.stringMatching(/I1 är en insats, men här ska det stå id för en indikator/) } }],
      [34, 19, 'brokenReference', { data: { fel: expect.stringMatching(/ingen referens har id R7/) } }],
    ],
  },
  {
    namn: 'v2: ett grupp-id, ett fokusområde och en uppföljningsomgång delar id-rymd med resten',
    yaml: `organisation:
  aktörer:
    - id: G1
      namn: Socialtjänsten
  grupper:
    - id: G1
      typ: styrgrupp
uppföljningar:
  - id: U1
  - id: U1
`,
    fynd: [
      [12, 11, 'duplicateId', { data: { fel: expect.stringMatching(/id G1 används redan \(rad 9\)/) } }],
      [16, 9, 'duplicateId', { data: { fel: expect.stringMatching(/id U1 används redan \(rad 15\)/) } }],
    ],
  },
];

export { referenser as rule };
