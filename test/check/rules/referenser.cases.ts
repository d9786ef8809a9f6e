// The table of referenser: valid and invalid cases, run by referenser.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { expect } from 'vitest';
import { referenser } from '../../../src/check/rules/referenser.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  {
    namn: 'hänvisningar som finns',
    yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: X\n  insatser:\n    - id: I1\n      namn: Y\n      mål: [M1]\n`,
    fynd: [],
  },
  {
    namn: 'mål som inte finns',
    yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: Y\n      mål: [M9]\n`,
    fynd: [[11, 13, 'brokenReference', { data: { fel: expect.stringMatching(/hänvisningen till M9 pekar inte på något som finns: ingen mål har id M9/) } }]],
  },
  {
    namn: 'fel slags id',
    yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: X\n  insatser:\n    - id: I1\n      namn: Y\n      ansvarig: M1\n`,
    fynd: [[14, 17, 'brokenReference', { data: { fel: expect.stringMatching(/M1 är en mål, men här ska det stå id för en aktör/) } }]],
  },
  {
    namn: 'samma id två gånger',
    yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: X\n    - id: M1\n      text: Y\n`,
    fynd: [[11, 11, 'duplicateId', { data: { fel: expect.stringMatching(/id M1 används redan \(rad 9\)/) } }]],
  },
];

export { referenser as rule };
