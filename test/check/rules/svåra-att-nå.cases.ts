// The table of svåra-att-nå: valid and invalid cases, run by svåra-att-nå.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { svåraAttNå } from '../../../src/check/rules/svåra-att-nå.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  { namn: 'ingen handlingsplan än', yaml: '', fynd: [] },
  {
    namn: 'nå_fler ifyllt',
    yaml: `handlingsplan:
  hållbarhet:
    nå_fler: Stöd i SFI på modersmål, och grupper för separerade föräldrar.
`,
    fynd: [],
  },
  {
    namn: 'en insats med anpassningar',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      anpassningar: Tolk och kvällstid
`,
    fynd: [],
  },
  {
    namn: 'anpassningar i en insats som avvecklas räknas inte',
    yaml: `handlingsplan:
  hållbarhet:
    nå_fler: ""
  insatser:
    - id: I1
      namn: Föräldrakvällar
      åtgärd: avveckla
      anpassningar: Tolk
`,
    fynd: [[8, 3, 'missing']],
  },
  {
    namn: 'varken nå_fler eller anpassningar',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
`,
    fynd: [[7, 1, 'missing']],
  },
];

export { svåraAttNå as rule };
