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
    namn: 'stöd utan åldrar täcker ingen ålder',
    yaml: `analys:
  kartläggning:
    befintligt_stöd:
    - id: S1
      namn: Föreläsning
      nivå: universell
${stöd('selektiv', ALLA, 'S2')}${stöd('indikerad', ALLA, 'S3')}`,
    steg: [3],
    fynd: [[9, 5, 'noSupportAtLevel', { data: { nivå: 'universell' }, severity: 'warning' }]],
  },
];

export { täckning as rule };
