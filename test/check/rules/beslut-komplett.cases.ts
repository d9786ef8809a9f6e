// The table of beslut-komplett: valid and invalid cases, run by beslut-komplett.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { beslutKomplett } from '../../../src/check/rules/beslut-komplett.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  {
    namn: 'komplett beslut',
    yaml: `beslut:
  handlingsplan:
    status: beslutad
    organ: Kommunfullmäktige
    datum: 2025-03-24
    diarienummer: KS 2025/123
`,
    fynd: [],
  },
  {
    namn: 'beslutad utan diarienummer',
    yaml: `beslut:
  handlingsplan:
    status: beslutad
    organ: Kommunfullmäktige
    datum: 2025-03-24
`,
    fynd: [[9, 5, 'incomplete']],
  },
  {
    namn: 'beslutad utan något',
    yaml: `beslut:
  lägesbild:
    status: beslutad
`,
    fynd: [[9, 5, 'incomplete']],
  },
  {
    namn: 'utkast behöver inget beslut',
    yaml: `beslut:
  handlingsplan:
    status: utkast
  uppföljning:
    status: remiss
`,
    fynd: [],
  },
  {
    namn: 'med --for lägesbild kontrolleras bara lägesbildens beslut',
    yaml: `beslut:
  lägesbild:
    status: beslutad
    organ: KS
    datum: 2024-12-10
    diarienummer: KS 2024/1
  handlingsplan:
    status: beslutad
`,
    dokument: 'lägesbild',
    fynd: [],
  },
  {
    namn: 'med --for handlingsplan',
    yaml: `beslut:
  handlingsplan:
    status: beslutad
`,
    dokument: 'handlingsplan',
    fynd: [[9, 5, 'incomplete']],
  },
];

export { beslutKomplett as rule };
