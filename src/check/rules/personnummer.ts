// Plans become public documents (allmänna handlingar): a personnummer or samordningsnummer has
// no place anywhere in the project file, not even in a comment. The number is never shown.
import type { YamlPath } from '../../project/load.js';
import type { Rule, RuleFinding } from '../types.js';
import { findPnr, type PnrHit } from '../personnummer.js';

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
  messages: {
    inText: `Texten innehåller {{vad}} ({{maskerat}}). ${ADVICE}`,
    inKey: `Ett fältnamn innehåller {{vad}} ({{maskerat}}). ${ADVICE}`,
    inComment: `En kommentar innehåller {{vad}} ({{maskerat}}). ${ADVICE}`,
  },
  check(ctx) {
    const text = ctx.project.text;
    const out: RuleFinding[] = [];
    // Quick exit: no run of ten digits (with an optional separator) anywhere.
    if (!/\d{6}[-+ ]?\d{4}/.test(text) && !text.includes('\\')) return out;
    const dataHits: DataHit[] = [];
    walk(ctx.data, [], dataHits);
    const used = new Set<DataHit>();
    // Where the number stands in the text: exact line and column.
    const textHits = findPnr(text);
    let line = 1;
    let lineStart = 0;
    let at = 0;
    for (const h of textHits) {
      for (; at < h.index; at++) if (text.charCodeAt(at) === 10) { line++; lineStart = at + 1; }
      const col = h.index - lineStart + 1;
      // A "#" after a space or at the start of the line, before the number, starts a comment
      // (a quoted "#" is rare enough in project files to ignore here).
      const comment = /(^|\s)#/.test(text.slice(lineStart, h.index));
      const match = comment ? undefined : dataHits.find((d) => !used.has(d) && d.hit.digits === h.digits);
      if (match) used.add(match);
      const messageId = match ? (match.key ? 'inKey' : 'inText') : 'inComment';
      out.push({ path: match?.path ?? [], line, col, messageId, data: { vad: what(h), maskerat: h.masked } });
    }
    // Numbers the text scan cannot see as written (escapes, a number broken over two lines).
    for (const d of dataHits) {
      if (used.has(d)) continue;
      out.push({ path: d.path, key: d.key, messageId: d.key ? 'inKey' : 'inText', data: { vad: what(d.hit), maskerat: d.hit.masked } });
    }
    return out;
  },
};
