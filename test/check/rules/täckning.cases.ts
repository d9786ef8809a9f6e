// The table of täckning: valid and invalid cases, run by täckning.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { täckning } from '../../../src/check/rules/täckning.js';
import { type Case } from '../helpers.js';

export const stöd = (nivå: string, åldrar: string, id = 'S1') => `    - id: ${id}
      namn: Stöd ${id}
      nivå: ${nivå}
      åldrar: ${åldrar}
`;
export const ALLA = '{graviditet: true, från: 0, till: 18}';
export const FULL = `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', ALLA, 'S1')}${stöd('selektiv', ALLA, 'S2')}${stöd('indikerad', ALLA, 'S3')}`;

export const cases: Case[] = [
  { namn: 'inget kartlagt ännu', yaml: '', steg: [3], fynd: [] },
  { namn: 'full täckning', yaml: FULL, steg: [3], fynd: [] },
  {
    namn: 'luckor i befintligt stöd (lägesbilden)',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', '{från: 0, till: 5}', 'S1')}${stöd('universell', '{från: 6, till: 12}', 'S2')}${stöd('selektiv', ALLA, 'S3')}`,
    steg: [3],
    fynd: [
      [9, 5, 'noSupportAtLevel', { data: { vad: 'befintligt stöd', nivå: 'indikerad' }, severity: 'warning' }],
      [9, 5, 'gap', { data: { vad: 'befintligt stöd', nivå: 'universell', åldrar: 'graviditet och 13–18 år' }, severity: 'warning' }],
    ],
  },
  {
    namn: 'planerade insatser fyller luckan i handlingsplanen',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', ALLA, 'S1')}${stöd('selektiv', ALLA, 'S2')}handlingsplan:
  insatser:
    - id: I1
      namn: Connect
      nivå: indikerad
      åldrar: {graviditet: true, från: 0, till: 18}
`,
    steg: [3, 4],
    fynd: [],
  },
  {
    namn: 'stöd som avvecklas räknas inte i planen',
    yaml: `${FULL}handlingsplan:
  insatser:
    - id: I1
      namn: Avveckla S3
      åtgärd: avveckla
      befintligt_stöd: S3
      nivå: indikerad
      åldrar: ${ALLA}
`,
    steg: [4],
    fynd: [[23, 3, 'noSupportAtLevel', { data: { vad: 'befintligt eller planerat stöd', nivå: 'indikerad' }, severity: 'warning' }]],
  },
  {
    namn: 'åldrar som överlappar bandet räknas',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', '{graviditet: true, från: 4, till: 14}', 'S1')}${stöd('selektiv', ALLA, 'S2')}${stöd('indikerad', '{graviditet: true, från: 0, till: 18}', 'S3')}`,
    steg: [3],
    fynd: [],
  },
  {
    // Ages not given: whom it reaches is not known, so no cell at its level is known to be a gap
    // (as nivå "ej angivet"; issue 13 defect 5: real plans such as Borås give no ages).
    namn: 'stöd utan åldrar är ålder ej angiven, ingen lucka',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
    - id: S1
      namn: Föreläsning
      nivå: universell
${stöd('selektiv', ALLA, 'S2')}${stöd('indikerad', ALLA, 'S3')}`,
    steg: [3],
    fynd: [],
  },
  {
    namn: 'stöd med nivå "ej angivet" är ej angivet, ingen lucka',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', ALLA, 'S1')}${stöd('ej angivet', ALLA, 'S2')}`,
    steg: [3],
    fynd: [],
  },
  {
    namn: 'nivå "ej angivet" för en del av åldrarna: resten är luckor',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', ALLA, 'S1')}${stöd('selektiv', ALLA, 'S2')}${stöd('ej angivet', '{från: 0, till: 5}', 'S3')}`,
    steg: [3],
    fynd: [[9, 5, 'gap', { data: { nivå: 'indikerad', åldrar: 'graviditet, 6–12 år och 13–18 år' }, severity: 'warning' }]],
  },
  {
    namn: 'planens omfattning 0–17 år utan graviditet: graviditet är ingen lucka',
    yaml: `  omfattning:
    åldrar: {från: 0, till: 17}
analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', '{från: 0, till: 18}', 'S1')}${stöd('selektiv', '{från: 0, till: 18}', 'S2')}${stöd('indikerad', '{från: 0, till: 18}', 'S3')}`,
    steg: [3],
    fynd: [],
  },
  {
    namn: 'åldrar utanför omfattningen är inga luckor; inom den är de det',
    yaml: `  omfattning:
    åldrar: {från: 6, till: 17}
analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', '{från: 6, till: 18}', 'S1')}${stöd('selektiv', '{från: 13, till: 18}', 'S2')}`,
    steg: [3],
    fynd: [
      [11, 5, 'noSupportAtLevel', { data: { nivå: 'indikerad' }, severity: 'warning' }],
      [11, 5, 'gap', { data: { nivå: 'selektiv', åldrar: '6–12 år' }, severity: 'warning' }],
    ],
  },
  {
    namn: 'en insats som fortsätter räknas som stöd',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', ALLA, 'S1')}${stöd('selektiv', ALLA, 'S2')}handlingsplan:
  insatser:
    - id: I1
      namn: Familjecentralen fortsätter
      åtgärd: fortsätta
      status: pågår
      nivå: indikerad
      åldrar: ${ALLA}
`,
    steg: [4],
    fynd: [],
  },
  ...(['pausad', 'avslutad'] as const).map((status): Case => ({
    namn: `en insats som är ${status} täcker inte`,
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
${stöd('universell', ALLA, 'S1')}${stöd('selektiv', ALLA, 'S2')}handlingsplan:
  insatser:
    - id: I1
      namn: Gruppstöd
      åtgärd: införa
      status: ${status}
      nivå: indikerad
      åldrar: ${ALLA}
`,
    steg: [4],
    fynd: [[19, 3, 'noSupportAtLevel', { data: { vad: 'befintligt eller planerat stöd', nivå: 'indikerad' }, severity: 'warning' }]],
  })),
];

export { täckning as rule };
