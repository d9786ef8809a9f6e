// The project file against schemas/projekt.schema.json (the same check as fsstöd validate).
import type { Rule } from '../types.js';

export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  beskrivning: 'Projektfilen följer filformatet: rätt fält, rätt typer, tillåtna värden och giltiga datum.',
  avsnitt: 'Hela metoden (projektfilens format)',
  steg: [],
  dokument: [],
  docs: 'docs/regler/schema.md',
  // The validator's message (src/project/validate.ts, shared with fsstöd validate) as it stands.
  messages: { invalid: '{{fel}}' },
  check: (ctx) => ctx.problems().filter((p) => p.rule === 'schema').map((p) => ({ path: p.path, messageId: 'invalid', data: { fel: p.message }, line: p.line, col: p.col })),
};
