// The table of ordinarie-budget: valid and invalid cases, run by ordinarie-budget.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { ordinarieBudget } from '../../../src/check/rules/ordinarie-budget.js';
import { type Case } from '../helpers.js';

/** HEAD ends on line 6; with the period (lines 7–9) handlingsplan starts on line 10. */
const PERIOD = `  period:
    från: 2025
    till: 2027
`;

/** One insats (lines 10–13) with its kostnader ("år: källa" per line, from line 14). */
const insats = (...k: [number | undefined, string][]) => `handlingsplan:
  insatser:
    - id: I1
      kostnader:
${k.map(([år, källa]) => `        - ${år === undefined ? '' : `år: ${år}\n          `}källa: ${källa}\n`).join('')}`;

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
  { namn: 'en kostnad i ordinarie budget varje år (utan år)', yaml: PERIOD + insats([undefined, 'ordinarie budget']), fynd: [] },
  { namn: 'projektmedel först, ordinarie budget sista året', yaml: PERIOD + insats([2025, 'projektmedel'], [2026, 'statsbidrag'], [2027, 'ordinarie budget']), fynd: [] },
  {
    namn: 'ordinarie budget bara första året, sista året statsbidrag',
    yaml: PERIOD + insats([2025, 'ordinarie budget'], [2027, 'statsbidrag']),
    fynd: [[17, 18, 'lastYearTemporary', { data: { år: 2027, källor: 'statsbidrag' } }]],
  },
  {
    namn: 'utan planperiod: det sista år en kostnad nämner',
    yaml: insats([2025, 'ordinarie budget'], [2026, 'ordinarie budget'], [2028, 'extern finansiering']),
    fynd: [[16, 18, 'lastYearTemporary', { data: { år: 2028 } }]],
  },
  {
    namn: 'bara projektmedel',
    yaml: `handlingsplan:
  hållbarhet:
    ordinarie_budget: false
  insatser:
    - id: I1
      namn: ABC
      kostnader:
        - år: 2026
          belopp_kr: 300000
          källa: projektmedel
`,
    fynd: [[9, 5, 'missing']],
  },
  {
    namn: 'insatser utan kostnader och ingen hållbarhet',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
`,
    fynd: [[7, 1, 'missing']],
  },
  {
    namn: 'finansiering "ej angivet" är inte en saknad ordinarie budget',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      kostnader:
        - år: ej angivet
          belopp_kr: ej angivet
          källa: ej angivet
`,
    fynd: [],
  },
];

export { ordinarieBudget as rule };
