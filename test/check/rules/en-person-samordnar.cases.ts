// The table of en-person-samordnar: valid and invalid cases, run by en-person-samordnar.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { enPersonSamordnar } from '../../../src/check/rules/en-person-samordnar.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  { namn: 'inget sagt om samordning ännu', yaml: '', fynd: [] },
  {
    namn: 'två samordnare',
    yaml: `organisation:
  samordning:
    personer:
      - roll: Strategisk samordnare
        aktör: AK1
      - roll: Operativ samordnare
        aktör: AK5
`,
    fynd: [],
  },
  {
    namn: 'en samordnare',
    yaml: `organisation:
  samordning:
    personer:
      - roll: Folkhälsostrateg
        aktör: AK1
        tjänstgöringsgrad: 20
`,
    fynd: [[9, 5, 'single']],
  },
  {
    namn: 'samma person två gånger är en person',
    yaml: `organisation:
  samordning:
    personer:
      - roll: Folkhälsostrateg
        aktör: AK1
      - roll: folkhälsostrateg
        aktör: AK1
`,
    fynd: [[9, 5, 'single']],
  },
  {
    namn: 'bara projektets samordnare',
    yaml: `  samordnare:
    roll: Folkhälsostrateg
`,
    fynd: [[7, 3, 'single']],
  },
];

export { enPersonSamordnar as rule };
