// Plans become public documents (allmänna handlingar): a personnummer or samordningsnummer has
// no place anywhere in the project file, not even in a comment. The number is never shown.
import type { YamlPath } from '../../project/load.js';
import type { Rule, RuleFinding } from '../types.js';
import { findPnr, SEPARATOR_CHARS, type PnrHit } from '../personnummer.js';
import { locator, type Pos } from '../positions.js';

interface DataHit { path: YamlPath; key: boolean; hit: PnrHit }

// Whether the data can hold a number at all, from the text alone (walking every value of a large
// file costs several times the rest of this rule). A superset, by how js-yaml makes a value's
// digits: from digits of the text, in order, with only whitespace and line breaks taken out
// between them (folding; a comment ends a plain scalar, and "#" in a block scalar is text), from
// an escape (a backslash), or from a number in another form that String() writes out (0x…,
// 1.98e11, 1.e11). So: 6 digits and 4 digits with only separators or whitespace between them, any
// amount of it (a folded blank line leaves less in the value than in the text), a backslash, a
// hex number or an exponent. Separate tests: one alternation costs twice as much.
const NEAR = new RegExp(`\\d{6}[-+\\s${SEPARATOR_CHARS}]*\\d{4}`);
const EXPONENT = /[\d.][eE][-+]?\d/;
const mayHold = (text: string, near: boolean): boolean =>
  near || text.includes('\\') || text.includes('0x') || text.includes('0X') || EXPONENT.test(text);

// The path is one array pushed and popped on the way, copied only for a hit.
function walk(v: unknown, path: YamlPath, out: DataHit[]): void {
  if (typeof v === 'string' || typeof v === 'number') {
    for (const hit of findPnr(String(v))) out.push({ path: [...path], key: false, hit });
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walk(v[i], path, out);
      path.pop();
    }
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      path.push(k);
      for (const hit of findPnr(k)) out.push({ path: [...path], key: true, hit });
      walk((v as Record<string, unknown>)[k], path, out);
      path.pop();
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
  messages: {
    inText: `Texten innehåller {{vad}} ({{maskerat}}). ${ADVICE}`,
    inKey: `Ett fältnamn innehåller {{vad}} ({{maskerat}}). ${ADVICE}`,
    inComment: `En kommentar innehåller {{vad}} ({{maskerat}}). ${ADVICE}`,
  },
  check(ctx) {
    const text = ctx.project.text;
    const out: RuleFinding[] = [];
    // Not the old shortcut that skipped the data when the text showed no number on one line: a
    // number a folded line splits is in the value, not in the text (see mayHold).
    // NEAR also holds every candidate findPnr looks for in the text.
    const near = NEAR.test(text);
    const dataHits: DataHit[] = [];
    if (mayHold(text, near)) walk(ctx.data, [], dataHits);
    const used = new Set<DataHit>();
    const report = (d: DataHit | undefined, h: PnrHit, line: number, col: number) => {
      const messageId = d ? (d.key ? 'inKey' : 'inText') : 'inComment';
      out.push({ path: d?.path ?? [], line, col, messageId, data: { vad: what(h), maskerat: h.masked } });
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
    for (const h of near ? findPnr(text) : []) {
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
      out.push({ path: d.path, key: d.key, messageId: d.key ? 'inKey' : 'inText', data: { vad: what(d.hit), maskerat: d.hit.masked } });
    }
    return out;
  },
};
