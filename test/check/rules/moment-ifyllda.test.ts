import { describe, expect, it } from 'vitest';
import { momentIfyllda } from '../../../src/check/rules/moment-ifyllda.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { methodView } from '../../../src/check/method.js';
import { ROOT } from '../../helpers/cli.js';
import { expectCase, runRule, type Case } from '../helpers.js';

const STEG1 = `förankring:
  motivering: Barn växer upp med ojämlika villkor.
  sammanhang: Hänger ihop med ANDTS-programmet.
  skiss: Lägesbild 2024, plan 2025.
  bedömning:
    typ: formellt beslut
  förankringsplan: Dialog varje kvartal.
  stödjande_organisation: Vi har gått igenom kännetecknen.
`;

const cases: Case[] = [
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

describe('moment-ifyllda', () => {
  it.each(cases)('$namn', (c) => expectCase(momentIfyllda, c));

  it('the example Lindesberg has every moment of all six steps filled in; an empty file misses them all', () => {
    const example = readFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), 'utf8');
    const got = runRule(momentIfyllda, example, { steg: [1, 2, 3, 4, 5, 6], head: false });
    expect(got.map((x) => `${x.line}:${x.col} ${x.message}`)).toEqual([]);
    const total = methodView().steps.reduce((n, s) => n + s.moment.length, 0);
    expect(runRule(momentIfyllda, '', { steg: [1, 2, 3, 4, 5, 6] }).length).toBeGreaterThanOrEqual(total);
  });
});
