// The table of ordinarie-budget: valid and invalid cases, run by ordinarie-budget.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { ordinarieBudget } from '../../../src/check/rules/ordinarie-budget.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  { namn: 'ingen handlingsplan än', yaml: '', fynd: [] },
  {
    namn: 'planen anger ordinarie budget',
    yaml: `handlingsplan:
  hållbarhet:
    ordinarie_budget: true
`,
    fynd: [],
  },
  {
    namn: 'en insats i ordinarie budget',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      finansiering: ordinarie budget
`,
    fynd: [],
  },
  {
    namn: 'bara projektmedel',
    yaml: `handlingsplan:
  hållbarhet:
    ordinarie_budget: false
  insatser:
    - id: I1
      namn: ABC
      finansiering: projektmedel
`,
    fynd: [[9, 5, 'missing']],
  },
  {
    namn: 'insatser utan finansiering och ingen hållbarhet',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
`,
    fynd: [[7, 1, 'missing']],
  },
];

export { ordinarieBudget as rule };
