// Column widths for a table, shared by the PDF and DOCX writers: every column gets room for its
// longest word (ids, levels and dates stay whole), and what is left is shared out in proportion
// to how much text each column holds. When even the longest words do not fit side by side, the
// columns with long words give way (their words break) and the short ones keep their room.
import type { Inline } from './model.js';
import { plain } from './model.js';
import { NBSP } from '../text.js';

/** A word's width in average characters (Liberation Sans: capitals and digits are wider). */
export function wordWidth(w: string): number {
  let em = 0;
  for (const c of w) em += /[A-ZÅÄÖ@MW%]/.test(c) ? 0.72 : /[0-9–-]/.test(c) ? 0.56 : /[ijlft.,:;'|!()]/.test(c) ? 0.3 : 0.52;
  return em / 0.55;
}

/** A table's text size in points, as the PDF sets it: smaller when a table has many columns, so that words fit whole. */
export function tableTextSize(cols: number): number {
  return cols > 6 ? 7.5 : 8.5;
}

/** One average character's width in points at a text size (what columnWidths counts in). */
export const CHAR_EM = 0.6;

/** Widths in the caller's unit that add up to `total`. `charWidth` is one average character's width. */
export function columnWidths(header: Inline[][], rows: Inline[][][], total: number, charWidth: number, padding: number): number[] {
  const cols = header.length;
  const texts = Array.from({ length: cols }, (_, i) => [plain(header[i] ?? []), ...rows.map((r) => plain(r[i] ?? []))]);
  const weight = texts.map((ts) => Math.min(60, Math.max(3, ts.reduce((a, t) => a + t.length, 0) / ts.length)));
  // Header words are bold: a tenth wider. Words are what lies between breakable spaces: a
  // no-break space holds "255 000 kr" and "31 december 2026" together as one word.
  const words = texts.map((ts) => ts.flatMap((t, row) => t.split(/[ \t\n\r]+/).map((w) => ({ w, bold: row === 0 }))));
  const minW = words.map((ws) => Math.max(...ws.map(({ w, bold }) => wordWidth(w) * (bold ? 1.1 : 1))) * charWidth + padding);
  const minSum = minW.reduce((a, x) => a + x, 0);
  if (minSum > total) {
    // Short words (an id, a level, an ISO date: up to 11 characters) and what must not break (an
    // amount, a date in words: held by no-break spaces) never break; the columns with
    // longer words share what is left, above a floor where it fits: their own short words (a
    // header such as "Huvudman") stay whole too.
    const whole = (w: string) => w.length <= 11 || w.includes(NBSP);
    const fit = (ws: { w: string; bold: boolean }[]) => Math.max(0, ...ws.filter(({ w }) => whole(w)).map(({ w, bold }) => wordWidth(w) * (bold ? 1.1 : 1))) * charWidth + padding;
    const short = words.map((ws) => ws.every(({ w }) => whole(w)));
    const floor = words.map((ws, i) => (short[i] ? minW[i]! : fit(ws)));
    const floorSum = floor.reduce((a, x) => a + x, 0);
    const room = total - floorSum;
    const extra = minSum - floorSum;
    if (room > 0 && extra > 0) return minW.map((x, i) => (short[i] ? x : floor[i]! + ((x - floor[i]!) * room) / extra));
    const kept = minW.reduce((a, x, i) => a + (short[i] ? x : 0), 0);
    const long = minSum - kept;
    const left = Math.max(total - kept, 0);
    if (long > 0 && left > 0) return minW.map((x, i) => (short[i] ? x : (x * left) / long));
    return minW.map((x) => (x * total) / minSum);
  }
  const slack = total - minSum;
  const sum = weight.reduce((a, x) => a + x, 0);
  return minW.map((m, i) => m + (slack * weight[i]!) / sum);
}

/**
 * A label/value table's two columns: the labels (bold) as wide as the longest, at most 40 %; the
 * values the rest. The DOCX writer's estimate of what the PDF writer measures with its font.
 */
export function labelColumnWidths(rows: Inline[][][], total: number, charWidth: number, padding: number): number[] {
  const longest = Math.max(0, ...rows.map((r) => wordWidth(plain(r[0] ?? [])) * 1.1));
  const label = Math.min(total * 0.4, longest * charWidth + padding);
  return [label, total - label];
}
