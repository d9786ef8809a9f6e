// The table of insats-komplett: valid and invalid cases, run by insats-komplett.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { insatsKomplett } from '../../../src/check/rules/insats-komplett.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  {
    namn: 'komplett insats',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvarig: AK1
      arenor: [AR1]
      målgrupp: Alla föräldrar med barn 3–12 år
      nivå: universell
      start: 2025-04-01
`,
    fynd: [],
  },
  {
    namn: 'allt saknas',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
`,
    fynd: [[9, 7, 'incomplete']],
  },
  {
    namn: 'tom arenalista och tom målgrupp',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvarig: AK1
      arenor: []
      målgrupp: ""
      nivå: universell
      start: 2025-04-01
`,
    fynd: [[9, 7, 'incomplete']],
  },
  {
    namn: 'en insats som avvecklas behöver bara ansvarig och start',
    yaml: `handlingsplan:
  insatser:
    - id: I8
      namn: Föräldrakvällar
      åtgärd: avveckla
      ansvarig: AK3
      start: 2025-04-01
`,
    fynd: [],
  },
  {
    namn: 'en insats som avvecklas utan ansvarig',
    yaml: `handlingsplan:
  insatser:
    - id: I8
      namn: Föräldrakvällar
      åtgärd: avveckla
`,
    fynd: [[9, 7, 'incomplete']],
  },
  {
    namn: 'ogiltigt datum räknas som saknat',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvarig: AK1
      arenor: [AR1]
      målgrupp: Alla
      nivå: universell
      start: våren 2025
`,
    fynd: [[9, 7, 'incomplete']],
  },
];

export { insatsKomplett as rule };
