// The table of schema: valid and invalid cases, run by schema.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { expect } from 'vitest';
import { schema } from '../../../src/check/rules/schema.js';
import { type Case } from '../helpers.js';

export const cases: Case[] = [
  { namn: 'giltig fil', yaml: `förankring:\n  motivering: Varför\n`, fynd: [] },
  { namn: 'okänt fält', yaml: `förankring:\n  motiveringen: Varför\n`, fynd: [[8, 3, 'invalid', { data: { fel: expect.stringMatching(/okänt fält "motiveringen" – menade du "motivering"\?/) } }]] },
  { namn: 'fel nivå', yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: X\n      nivå: generell\n`, fynd: [[11, 13, 'invalid', { data: { fel: expect.stringMatching(/Preventionsnivå: texten "generell" är inte tillåtet/) } }]] },
  { namn: 'omöjligt datum', yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: X\n      start: 2026-13-01\n`, fynd: [[11, 14, 'invalid', { data: { fel: expect.stringMatching(/Start: texten "2026-13-01" /) } }]] },
  { namn: 'datum med år, månad eller dag är giltiga', yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: X\n      start: "2026"\n      slut: 2026-09\n    - id: I2\n      namn: Y\n      start: 2026-09-30\n`, fynd: [] },
];

export { schema as rule };
