// Plans become public documents (allmänna handlingar): a personnummer or samordningsnummer has
// no place anywhere in the project file, not even in a comment. The number is never shown.
import type { YamlPath } from '../../project/load.js';
import type { Rule, RuleFinding } from '../types.js';
import { findPnr, type PnrHit } from '../personnummer.js';
import { locator, type Pos } from '../positions.js';

interface DataHit { path: YamlPath; key: boolean; hit: PnrHit }

function walk(v: unknown, path: YamlPath, out: DataHit[]): void {
  if (typeof v === 'string' || typeof v === 'number') {
    for (const hit of findPnr(String(v))) out.push({ path, key: false, hit });
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...path, i], out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      for (const hit of findPnr(k)) out.push({ path: [...path, k], key: true, hit });
      walk(x, [...path, k], out);
    }
  }
}

const what = (h: PnrHit) => (h.kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer');
const ADVICE = 'Projektfilen och dokumenten blir allmänna handlingar; ta bort numret och skriv roll i stället för person (ta också bort det ur versionshistoriken om filen ligger i git)';

export const personnummer: Rule = {
  id: 'personnummer',
  severity: 'error',
  beskrivning: 'Projektfilen innehåller inget personnummer eller samordningsnummer (kontrollerat med datum och kontrollsiffra), inte ens i en kommentar.',
  avsnitt: 'Steg 4 och 6 (handlingsplan och uppföljning blir allmänna handlingar); offentlighets- och sekretesslagen, GDPR',
  steg: [],
  dokument: [],
  docs: 'docs/regler/personnummer.md',
  check(ctx) {
    const text = ctx.project.text;
    const out: RuleFinding[] = [];
    // No shortcut on the raw text: a value can hold a number the text does not show as one (a
    // line folded into a space, an escape), so the data is always walked (about 0.1 ms on the example).
    const dataHits: DataHit[] = [];
    walk(ctx.data, [], dataHits);
    const used = new Set<DataHit>();
    const report = (d: DataHit | undefined, h: PnrHit, line: number, col: number) => {
      const where = d ? (d.key ? 'Ett fältnamn innehåller' : 'Texten innehåller') : 'En kommentar innehåller';
      out.push({ path: d?.path ?? [], line, col, message: `${where} ${what(h)} (${h.masked}). ${ADVICE}` });
    };
    // The value a number in the text belongs to: of the values holding the same number, the one
    // starting last before it (the same number can stand in several places, in another order
    // than the walk's). Positions are looked up only when the data holds a number at all.
    const locate = dataHits.length ? locator(ctx.project) : undefined;
    const starts = new Map<DataHit, Pos>();
    const startOf = (d: DataHit) => {
      let p = starts.get(d);
      if (!p) starts.set(d, (p = locate!(d.path, { key: d.key })));
      return p;
    };
    const claim = (h: PnrHit, line: number, col: number) => {
      let best: DataHit | undefined;
      let bestAt: Pos | undefined;
      for (const d of dataHits) {
        if (used.has(d) || d.hit.digits !== h.digits) continue;
        const p = startOf(d);
        if (p.line > line || (p.line === line && p.col > col)) continue;
        if (!bestAt || p.line > bestAt.line || (p.line === bestAt.line && p.col > bestAt.col)) { best = d; bestAt = p; }
      }
      best ??= dataHits.find((d) => !used.has(d) && d.hit.digits === h.digits);
      if (best) used.add(best);
      return best;
    };
    // Where the number stands in the text: exact line and column.
    const wrapped: { h: PnrHit; line: number; col: number }[] = [];
    let line = 1;
    let lineStart = 0;
    let at = 0;
    for (const h of findPnr(text)) {
      for (; at < h.index; at++) if (text.charCodeAt(at) === 10) { line++; lineStart = at + 1; }
      const col = h.index - lineStart + 1;
      // A "#" after a space or at the start of the line, before the number, starts a comment
      // (a quoted "#" is rare enough in project files to ignore here).
      const comment = /(^|\s)#/.test(text.slice(lineStart, h.index));
      // Over a line break: only a value's wrapped line, never a comment's (a comment ends at the line).
      if (text.slice(h.index, h.index + h.length).includes('\n')) {
        if (!comment) wrapped.push({ h, line, col });
        continue;
      }
      report(comment ? undefined : claim(h, line, col), h, line, col);
    }
    // A number over two lines of the text is reported only where a value holds it: the text alone
    // joins things a value does not (two items of a list, a key on the next line).
    for (const w of wrapped) {
      const d = claim(w.h, w.line, w.col);
      if (d) report(d, w.h, w.line, w.col);
    }
    // Numbers the text scan cannot see as written (escapes, a blank line inside a folded block).
    for (const d of dataHits) {
      if (used.has(d)) continue;
      out.push({ path: d.path, key: d.key, message: `${d.key ? 'Ett fältnamn innehåller' : 'Texten innehåller'} ${what(d.hit)} (${d.hit.masked}). ${ADVICE}` });
    }
    return out;
  },
};
