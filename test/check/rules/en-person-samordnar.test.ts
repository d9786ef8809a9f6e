import { describe, it } from 'vitest';
import { enPersonSamordnar } from '../../../src/check/rules/en-person-samordnar.js';
import { expectCase, type Case } from '../helpers.js';

const cases: Case[] = [
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

describe('en-person-samordnar', () => {
  it.each(cases)('$namn', (c) => expectCase(enPersonSamordnar, c));
});
