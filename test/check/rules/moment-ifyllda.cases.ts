// The table of moment-ifyllda: valid and invalid cases, run by moment-ifyllda.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { expect } from 'vitest';
import { momentIfyllda } from '../../../src/check/rules/moment-ifyllda.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { methodView } from '../../../src/check/method.js';
import { ROOT } from '../../helpers/cli.js';
import { type Case } from '../helpers.js';

export const STEG1 = `förankring:
  motivering: Barn växer upp med ojämlika villkor.
  sammanhang: Hänger ihop med ANDTS-programmet.
  skiss: Lägesbild 2024, plan 2025.
  bedömning:
    typ: formellt beslut
  förankringsplan: Dialog varje kvartal.
  stödjande_organisation: Vi har gått igenom kännetecknen.
`;

export const cases: Case[] = [
  { namn: 'steg 1 ifyllt', yaml: STEG1, steg: [1], fynd: [] },
  {
    namn: 'ett fält saknas',
    yaml: STEG1.replace('  skiss: Lägesbild 2024, plan 2025.\n', ''),
    steg: [1],
    fynd: [[7, 1, 'notFilled', { data: { moment: 'Moment 1.1 Inledande förankringsprocess', fält: expect.stringMatching(/^Skiss över utvecklingsarbetet/) } }]],
  },
  {
    namn: 'tom text räknas som inte ifylld och visas där den står',
    yaml: STEG1.replace('  förankringsplan: Dialog varje kvartal.', '  förankringsplan: "  "'),
    steg: [1],
    fynd: [[13, 20, 'notFilled', { data: { moment: 'Moment 1.1 Inledande förankringsprocess' } }]],
  },
  {
    namn: 'ett helt steg saknas: ett fynd per moment, vid roten',
    yaml: '',
    steg: [1],
    fynd: [
      [1, 1, 'notFilled', { data: { moment: 'Moment 1.1 Inledande förankringsprocess', fält: expect.stringMatching(/.+, .+ och .+/) } }],
      [1, 1, 'notFilled', { data: { moment: 'Moment 1.2 Kunskap om en stödjande organisation' } }],
    ],
  },
  {
    namn: '--for lägesbild kräver 3.1–3.4 men inte 3.5',
    yaml: `analys:
  återkoppling:
    beskrivning: Presenterat för styrgruppen.
`,
    dokument: 'lägesbild',
    fynd: [
      [7, 1, 'notFilled', { data: { moment: 'Moment 3.1 Målgruppsanalys' } }],
      [7, 1, 'notFilled', { data: { moment: 'Moment 3.2 Kartlägg befintligt föräldraskapsstöd och aktörerna' } }],
      [7, 1, 'notFilled', { data: { moment: 'Moment 3.3 Kartlägg och bedöm organisatoriska förutsättningar' } }],
      [7, 1, 'notFilled', { data: { moment: 'Moment 3.4 Gör en sammanfattande lägesbild och analysera' } }],
    ],
  },
];

export { momentIfyllda as rule };
