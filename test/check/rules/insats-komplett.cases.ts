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
      ansvariga: [AK1]
      arenor: [AR1]
      målgrupp: Alla föräldrar med barn 3–12 år
      nivå: universell
      start: "2025-04-01"
      kostnader:
        - år: 2025
          belopp_kr: 120000
          källa: projektmedel
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
    fynd: [[9, 7, 'incomplete', { data: { saknas: 'mål, ansvarig aktör, arena, målgrupp, preventionsnivå, startdatum och kostnad' } }]],
  },
  {
    namn: 'tom arenalista och tom målgrupp',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvariga: [AK1]
      arenor: []
      målgrupp: ""
      nivå: universell
      start: "2025-04-01"
`,
    fynd: [[9, 7, 'incomplete', { data: { saknas: 'arena, målgrupp och kostnad' } }]],
  },
  {
    namn: 'en insats som avvecklas behöver bara ansvarig och start',
    yaml: `handlingsplan:
  insatser:
    - id: I8
      namn: Föräldrakvällar
      åtgärd: avveckla
      ansvariga: [AK3]
      start: "2025-04-01"
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
    namn: 'kostnad och källa "ej angivet" är ett svar, start ett år räcker',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      åtgärd: fortsätta
      status: pågår
      mål: [M1]
      ansvariga: [AK1, AK2]
      arenor: [AR1]
      målgrupp: Alla föräldrar
      nivå: ej angivet
      start: "2024"
      kostnader:
        - år: ej angivet
          belopp_kr: ej angivet
          källa: ej angivet
`,
    fynd: [],
  },
  {
    namn: 'tom lista ansvariga och tom lista kostnader',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvariga: []
      arenor: [AR1]
      målgrupp: Alla
      nivå: universell
      start: "2025-09"
      kostnader: []
`,
    fynd: [[9, 7, 'incomplete', { data: { saknas: 'ansvarig aktör och kostnad' } }]],
  },
  {
    namn: 'ogiltigt datum räknas som saknat',
    yaml: `handlingsplan:
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvariga: [AK1]
      arenor: [AR1]
      målgrupp: Alla
      nivå: universell
      start: våren 2025
      kostnader:
        - källa: ordinarie budget
`,
    fynd: [[9, 7, 'incomplete', { data: { saknas: 'startdatum' } }]],
  },
];

export { insatsKomplett as rule };
