// Where a word may break, for every writer. Soft hyphens (U+00AD) in words too long for their
// table column, so that Word, LibreOffice and pdfkit break "Kommunledningsförvaltningen" as
// "Kommunlednings-förvaltningen" with a hyphen instead of cutting it anywhere without one. A soft
// hyphen is invisible unless the line breaks there (pdfkit's LineWrapper draws it as "-" then).
// What never breaks: a number and its unit (no-break spaces from the formatters, text.ts), a date in
// words (dateInWords, and keepDatesInWords for dates typed in a text), and an ISO date at its hyphens (ISO_DATE: HTML nowrap, DOCX no-break hyphens;
// pdfkit's UAX #14 breaker keeps "2025-09-30" whole by itself, since a hyphen before a digit is no break).
// The break points follow the Swedish rule of thumb: a new syllable starts with the last
// consonant before a vowel (för-valt-ning-en); ng, ck, sj, tj, kj and ch are not split.

import { MONTHS } from '../project/dates.js';
import { wordWidth } from './columns.js';

const VOWEL = /[aeiouyåäöéü]/i;
const LETTER = /\p{L}/u;
const KEEP_TOGETHER = new Set(['ng', 'ck', 'sj', 'tj', 'kj', 'ch', 'sh', 'th', 'ph']);
export const SHY = '\u00ad';

/** Break points in one word (indices before which a hyphen may stand), at least 3 letters from each end. */
export function breakPoints(word: string): number[] {
  const out: number[] = [];
  for (let j = 3; j <= word.length - 3; j++) {
    const c = word[j]!, next = word[j + 1]!, prev = word[j - 1]!;
    if (!LETTER.test(c) || !LETTER.test(prev) || VOWEL.test(c) || !VOWEL.test(next)) continue;
    if (KEEP_TOGETHER.has((prev + c).toLowerCase())) continue;
    // "st", "sk", "sp" after a consonant begin the syllable together: kaps-stöd, not kapss-töd.
    if (/^[s][tkp]$/i.test(prev + c) && j >= 4 && !VOWEL.test(word[j - 2]!)) {
      if (!out.includes(j - 1)) out.push(j - 1);
      continue;
    }
    if (!VOWEL.test(word.slice(0, j))) continue;
    out.push(j);
  }
  return out;
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

/** A date in words typed in a text ("mars 2026", "den 2 september"): joined by no-break spaces, as dateInWords joins them. */
export function keepDatesInWords(text: string): string {
  return text.replace(DATE_IN_WORDS, (m) => m.replace(/ /g, '\u00a0'));
}
