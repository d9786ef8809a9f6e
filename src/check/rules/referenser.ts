// Every id is unique, and every reference (M1, I3, AK2 …) points at an item of the right kind.
import type { Rule } from '../types.js';

export const referenser: Rule = {
  id: 'referenser',
  severity: 'error',
  beskrivning: 'Varje id är unikt och varje hänvisning (t.ex. mål: [M1]) pekar på något som finns och är av rätt slag.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan (spårbarhet mellan behov, mål, insatser och indikatorer)',
  steg: [],
  dokument: [],
  docs: 'docs/regler/referenser.md',
  // The messages of src/project/refs.ts (shared with fsstöd validate) as they stand, by kind.
  messages: { brokenReference: '{{fel}}', duplicateId: '{{fel}}' },
  check: (ctx) => ctx.problems().filter((p) => p.rule === 'referens' || p.rule === 'unikt-id')
    .map((p) => ({ path: p.path, messageId: p.rule === 'unikt-id' ? 'duplicateId' : 'brokenReference', data: { fel: p.message }, line: p.line, col: p.col })),
};
