// The table of mål-har-insats: valid and invalid cases, run by mål-har-insats.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { målHarInsats } from '../../../src/check/rules/mål-har-insats.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  { namn: 'inga mål', yaml: '', fynd: [] },
  {
    namn: 'varje mål har en insats',
    yaml: `handlingsplan:
  mål:
    - id: M1
      text: Fler föräldrar nås
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
`,
    fynd: [],
  },
  {
    namn: 'ett mål utan insats',
    yaml: `handlingsplan:
  mål:
    - id: M1
      text: Fler föräldrar nås
    - id: M2
      text: Fler pappor deltar
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
`,
    fynd: [[11, 7, 'noInsats']],
  },
  {
    namn: 'insatser saknas helt',
    yaml: `handlingsplan:
  mål:
    - id: M1
      text: Fler föräldrar nås
`,
    fynd: [[9, 7, 'noInsats']],
  },
  {
    namn: 'utanför steg 4 körs regeln inte',
    yaml: `handlingsplan:
  mål:
    - id: M1
      text: Fler föräldrar nås
`,
    steg: [3],
    fynd: [],
  },
];

export { målHarInsats as rule };
