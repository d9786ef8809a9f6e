// The table of behov-adresserat: valid and invalid cases, run by behov-adresserat.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { behovAdresserat } from '../../../src/check/rules/behov-adresserat.js';
import { type Case } from '../helpers.js';

export const BEHOV = `analys:
  utvecklingsbehov:
    - id: B1
      rubrik: Stöd till tonårsföräldrar
    - id: B2
      rubrik: Digitalt stöd
`;

export const cases: Case[] = [
  { namn: 'inga behov', yaml: '', fynd: [] },
  {
    namn: 'alla behov har mål',
    yaml: BEHOV + `handlingsplan:
  mål:
    - id: M1
      text: X
      behov: [B1, B2]
`,
    fynd: [],
  },
  {
    namn: 'ett behov är uppskjutet med motivering',
    yaml: `analys:
  utvecklingsbehov:
    - id: B1
      rubrik: Stöd till tonårsföräldrar
    - id: B2
      rubrik: Digitalt stöd
      uppskjutet: Vi väntar på nationellt stöd till revideringen 2027.
handlingsplan:
  mål:
    - id: M1
      text: X
      behov: [B1]
`,
    fynd: [],
  },
  {
    namn: 'ett behov utan mål',
    yaml: BEHOV + `handlingsplan:
  mål:
    - id: M1
      text: X
      behov: [B1]
`,
    fynd: [[11, 7, 'unaddressed']],
  },
  {
    namn: 'tom motivering räknas inte',
    yaml: `analys:
  utvecklingsbehov:
    - id: B1
      rubrik: Stöd till tonårsföräldrar
      uppskjutet: "   "
`,
    fynd: [[9, 7, 'unaddressed']],
  },
  { namn: 'inte i lägesbilden (steg 3)', yaml: BEHOV, steg: [3], fynd: [] },
];

export { behovAdresserat as rule };
