// Where a word may break, for every writer. Soft hyphens (U+00AD) in words too long for their
// table column, so that Word, LibreOffice and pdfkit break "Kommunledningsförvaltningen" as
// "Kommunlednings-förvaltningen" with a hyphen instead of cutting it anywhere without one. A soft
// hyphen is invisible unless the line breaks there (pdfkit's LineWrapper draws it as "-" then).
// What never breaks: a number and its unit (no-break spaces from the formatters, text.ts), a date in
// words (dateInWords, and keepDatesInWords for dates typed in a text), and an ISO date at its hyphens (ISO_DATE: HTML nowrap, DOCX no-break hyphens;
// pdfkit's UAX #14 breaker keeps "2025-09-30" whole by itself, since a hyphen before a digit is no break).
// The break points: first the joins of a compound ("familje-omsorgen", "föräldraskaps-stöds-program"),
// found with the word parts of hyphen-leder.json, then the Swedish rule of thumb within each part: a new
// syllable starts with the last consonant before a vowel (för-valt-ning), a single one between vowels
// goes to the next syllable (pla-ne-ring); ng, ck, x and the sounds sj, tj, kj, lj are not split, and
// "st", "sk", "sp" after a consonant begin the syllable together (för-skola). The syllable rule alone
// breaks compounds at the wrong letter (webbp-lattform, föräldras-kaps, kommunde-lar): the joins win.

import { MONTHS } from '../project/dates.js';
import { wordWidth } from './columns.js';
import LEDER from './hyphen-leder.json' with { type: 'json' };

const VOWEL = /[aeiouyåäöéü]/i;
const KEEP_TOGETHER = new Set(['ng', 'ck', 'sj', 'tj', 'kj', 'lj', 'dj', 'gj', 'ch', 'sh', 'th', 'ph']);
export const SHY = '\u00ad';

/** A word part: its letters and, for a part written with "·" (pro·gram), its own break points. */
interface Led { text: string; points?: number[] }
const LED = new Map<string, Led>();
for (const entry of LEDER.leder) {
  const text = entry.replace(/·/g, '');
  const points: number[] = [];
  entry.split('·').slice(0, -1).reduce((at, piece) => (points.push(at + piece.length), at + piece.length), 0);
  LED.set(text, points.length ? { text, points } : { text });
}
const LONGEST = Math.max(...[...LED.keys()].map((k) => k.length));
const ENDINGS = new Set(LEDER.ändelser);

/** One stretch of a word: a known part (with its linking s, if any), an ending, or unknown letters. */
interface Bit { from: number; to: number; kind: 'led' | 'ändelse' | 'okänd'; led?: Led }

/** The word cut into known parts where it can be, as few unknown letters and then as few parts as possible. */
function segment(lower: string): Bit[] {
  const n = lower.length;
  const best: { cost: number; bits: Bit[] }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, bits: [] }));
  best[0] = { cost: 0, bits: [] };
  const offer = (to: number, cost: number, bits: Bit[]) => { if (cost < best[to]!.cost) best[to] = { cost, bits }; };
  for (let i = 0; i < n; i++) {
    const here = best[i]!;
    if (here.cost === Infinity) continue;
    const last = here.bits.at(-1);
    for (let len = Math.min(LONGEST, n - i); len >= 2; len--) {
      const led = LED.get(lower.slice(i, i + len));
      if (!led) continue;
      const to = i + len;
      offer(to, here.cost + 1, [...here.bits, { from: i, to, kind: 'led', led }]);
      // The linking s (föräldraskap-s-stöd) belongs to the part before it.
      if (lower[to] === 's' && to + 1 < n) offer(to + 1, here.cost + 1, [...here.bits, { from: i, to: to + 1, kind: 'led', led }]);
    }
    if (last?.kind === 'led' && ENDINGS.has(lower.slice(i))) offer(n, here.cost + 0.25, [...here.bits, { from: i, to: n, kind: 'ändelse' }]);
    const grow = last?.kind === 'okänd' ? [...here.bits.slice(0, -1), { ...last, to: i + 1 }] : [...here.bits, { from: i, to: i + 1, kind: 'okänd' as const }];
    offer(i + 1, here.cost + 3, grow);
  }
  return best[n]!.bits;
}

/** Syllable breaks inside one part [from, to) of the word, at least 3 letters from the part's ends (2 at the word's start). */
function syllables(word: string, from: number, to: number, led?: Led): number[] {
  const ok = (j: number) => j - from >= (from === 0 ? 2 : 3) && to - j >= 3;
  if (led?.points) return led.points.map((p) => from + p).filter(ok);
  const out: number[] = [];
  for (let j = from + 1; j < to - 1; j++) {
    const c = word[j]!, next = word[j + 1]!, prev = word[j - 1]!;
    if (VOWEL.test(c) || !VOWEL.test(next) || c.toLowerCase() === 'x') continue;
    if (!VOWEL.test(word.slice(from, j))) continue;
    const pair = (prev + c).toLowerCase();
    // "st", "sk", "sp" and the sounds sj, tj, kj after a consonant begin the syllable together:
    // för-skola, barn-sjuk, not förs-kola; ng, ck, lj, dj, gj stay whole where they are.
    const onset = /^(s[tkp]|[stk]j|ch)$/.test(pair) && j - 2 >= from && !VOWEL.test(word[j - 2]!);
    if (!onset && KEEP_TOGETHER.has(pair)) continue;
    const at = onset ? j - 1 : j;
    if (ok(at) && !out.includes(at)) out.push(at);
  }
  return out;
}

/** Break points in one word (indices before which a hyphen may stand): at least 2 letters before and 3 after each. */
export function breakPoints(word: string): number[] {
  const lower = [...word].map((ch) => ch.toLowerCase()).join('');
  if (lower.length !== word.length) return [];
  const bits = segment(lower);
  // A join counts between two known parts, and after unknown letters (3 or more, with a vowel) before a
  // known part of 4 letters or more that begins with a consonant (gymnasie-skolan; not medvet-enhet).
  // A known part followed by unknown letters may be a word that only begins like it (stöd-jande), so
  // those letters stay one part.
  const parts: { from: number; to: number; led?: Led }[] = [];
  for (const [k, bit] of bits.entries()) {
    const prev = bits[k - 1];
    const join = prev !== undefined && bit.kind !== 'ändelse' && (
      (prev.kind === 'led' && bit.kind === 'led')
      || (prev.kind === 'okänd' && bit.kind === 'led' && prev.to - prev.from >= 3 && VOWEL.test(lower.slice(prev.from, prev.to))
        && bit.led!.text.length >= 4 && !VOWEL.test(bit.led!.text[0]!)));
    const part = parts.at(-1);
    if (!part || join) parts.push({ from: bit.from, to: bit.to, ...(bit.kind === 'led' ? { led: bit.led! } : {}) });
    else { part.to = bit.to; if (bit.kind === 'okänd') delete part.led; }
  }
  const out = new Set<number>();
  for (const [k, part] of parts.entries()) {
    if (k > 0) out.add(part.from);
    // A known part with its own points keeps them when only an ending follows (stra·te·gi-n).
    for (const p of syllables(word, part.from, part.to, part.led)) out.add(p);
  }
  return [...out].filter((j) => j >= 2 && word.length - j >= 3).sort((a, b) => a - b);
}

/** The text with soft hyphens in each word longer than `maxLetters`, or that `tooLong` says does not fit (words that fit stay as they are). */
export function hyphenateLong(text: string, maxLetters: number | ((word: string) => boolean)): string {
  const tooLong = typeof maxLetters === 'number' ? (w: string) => w.length > Math.max(6, maxLetters) : maxLetters;
  return text.replace(/\p{L}+/gu, (w) => {
    if (w.length <= 6 || !tooLong(w)) return w;
    const points = breakPoints(w);
    if (!points.length) return w;
    let s = '';
    let from = 0;
    for (const p of points) { s += w.slice(from, p) + SHY; from = p; }
    return s + w.slice(from);
  });
}

/** An ISO date (ÅÅÅÅ-MM-DD): never broken at its hyphens. */
export const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * A table cell's text with soft hyphens where its column is too narrow for a word: the letters
 * that fit are the column's width less the cell's padding, in average characters (columns.ts).
 */
export function hyphenateForColumn(text: string, width: number, charWidth: number, padding: number): string {
  // Measured as columnWidths measures a word, so that a word the column was sized for stays whole.
  const room = (width - padding) / charWidth;
  return hyphenateLong(text, (w) => wordWidth(w) > room);
}

const MONTH = `(?:${MONTHS.join('|')})`;
/** "31 december 2027", "2 september", "mars 2026": a day or a year with its month. */
const DATE_IN_WORDS = new RegExp(`\\b\\d{1,2} ${MONTH}(?: \\d{4})?\\b|\\b${MONTH} \\d{4}\\b`, 'giu');

/** A number typed with digit groups ("22 000", "1 255 000"). */
const GROUPED_NUMBER = /\b\d{1,3}(?: \d{3})+\b/g;

/**
 * What is typed in a text and must not break: a date in words ("mars 2026", "den 2 september")
 * and a grouped number ("22 000 invånare"), joined by no-break spaces as dateInWords and
 * tusental join them.
 */
export function keepDatesInWords(text: string): string {
  return text.replace(DATE_IN_WORDS, (m) => m.replace(/ /g, '\u00a0')).replace(GROUPED_NUMBER, (m) => m.replace(/ /g, '\u00a0'));
}
