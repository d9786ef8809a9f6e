// The table of checklista-besvarad: valid and invalid cases, run by checklista-besvarad.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { checklistaBesvarad } from '../../../src/check/rules/checklista-besvarad.js';
import { type Case } from '../helpers.js';

export const STEG1_JA = `checklistor:
  steg1:
    c1:
      status: ja
    c2:
      status: ja
    c3:
      status: ej aktuellt
    c4:
      status: ja
`;

export const cases: Case[] = [
  { namn: 'alla frågor i steg 1 besvarade', yaml: STEG1_JA, steg: [1], fynd: [] },
  {
    namn: 'en fråga obesvarad',
    yaml: `checklistor:
  steg1:
    c1:
      status: ja
    c2:
      status: ja
    c4:
      status: ja
`,
    steg: [1],
    fynd: [[8, 3, 'questionUnanswered', { data: { steg: 1, fråga: 'c3' } }]],
  },
  {
    namn: 'ingen checklista alls: ett fynd för hela checklistan, vid roten',
    yaml: '',
    steg: [1],
    fynd: [[1, 1, 'checklistUnanswered', { data: { steg: 1, antal: 4, frågor: 'c1, c2, c3, c4' } }]],
  },
  {
    namn: 'checklista 3 saknas men 1 finns: vid nyckeln checklistor',
    yaml: STEG1_JA,
    steg: [1, 3],
    fynd: [[7, 1, 'checklistUnanswered', { data: { steg: 3, antal: 11, frågor: 'c1, c2, c3, c4, c5a, c5b, c5c, c5d, c5e, c5f, c6' } }]],
  },
  {
    namn: 'delvis utan nästa steg',
    yaml: STEG1_JA.replace('    c2:\n      status: ja', '    c2:\n      status: delvis\n      kommentar: Regionen har inte tagit ställning'),
    steg: [1],
    fynd: [[12, 15, 'noNextStep', { data: { fråga: 'c2', status: 'delvis' } }]],
  },
  {
    namn: 'nej med tom åtgärd',
    yaml: STEG1_JA.replace('    c2:\n      status: ja', '    c2:\n      status: nej\n      åtgärd:\n        vem: Styrgruppen'),
    steg: [1],
    fynd: [[13, 7, 'noNextStep', { data: { fråga: 'c2', status: 'nej' } }]],
  },
  {
    namn: 'nej med nästa steg',
    yaml: STEG1_JA.replace('    c2:\n      status: ja', '    c2:\n      status: nej\n      åtgärd:\n        vad: Bjud in regionen till styrgruppen'),
    steg: [1],
    fynd: [],
  },
  {
    namn: 'delfrågorna i checklista 3 räknas var för sig',
    yaml: `checklistor:
  steg3:
    c1: { status: ja }
    c2: { status: ja }
    c3: { status: ja }
    c4: { status: ja }
    c5a: { status: ja }
    c5b: { status: ja }
    c5c: { status: ja }
    c5d: { status: ja }
    c5e: { status: ja }
    c6: { status: ja }
`,
    steg: [3],
    fynd: [[8, 3, 'questionUnanswered', { data: { steg: 3, fråga: 'c5f' } }]],
  },
  {
    namn: 'en okänd fråga är schemats sak (regeln schema), inte den här regelns',
    yaml: STEG1_JA + `    c9:
      status: ja
`,
    steg: [1],
    fynd: [],
  },
  { namn: 'steg utanför det som kontrolleras', yaml: '', steg: [], fynd: [] },
];

export { checklistaBesvarad as rule };
