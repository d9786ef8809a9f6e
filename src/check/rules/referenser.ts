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
  check: (ctx) => ctx.problems().filter((p) => p.rule === 'referens' || p.rule === 'unikt-id').map((p) => ({ path: p.path, message: p.message, line: p.line, col: p.col })),
};
