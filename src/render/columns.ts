// Column widths for a table, shared by the PDF and DOCX writers: proportional to how much text
// each column holds, but never narrower than its longest word (ids, levels and dates stay whole).
import type { Inline } from './model.js';
import { plain } from './model.js';

/** Widths in the caller's unit that add up to `total`. `charWidth` is one character's width. */
export function columnWidths(header: Inline[][], rows: Inline[][][], total: number, charWidth: number, padding: number): number[] {
  const cols = header.length;
  const texts = Array.from({ length: cols }, (_, i) => [plain(header[i] ?? []), ...rows.map((r) => plain(r[i] ?? []))]);
  const weight = texts.map((ts) => Math.min(60, Math.max(5, ts.reduce((a, t) => a + t.length, 0) / ts.length)));
  const rawMin = texts.map((ts) => Math.max(...ts.flatMap((t) => t.split(/\s+/).map((w) => w.length))) * charWidth + padding);
  const minSum = rawMin.reduce((a, x) => a + x, 0);
  const minW = minSum > total * 0.9 ? rawMin.map((x) => (x * total * 0.9) / minSum) : rawMin;
  const sum = weight.reduce((a, x) => a + x, 0);
  const widths = weight.map((w) => (w / sum) * total);
  for (let pass = 0; pass < 3; pass++) {
    const deficit = widths.reduce((a, w, i) => a + Math.max(0, minW[i]! - w), 0);
    if (deficit < 0.5) break;
    const spare = widths.reduce((a, w, i) => a + Math.max(0, w - minW[i]!), 0);
    widths.forEach((w, i) => { widths[i] = w < minW[i]! ? minW[i]! : w - (deficit * (w - minW[i]!)) / Math.max(spare, 1); });
  }
  const got = widths.reduce((a, x) => a + x, 0);
  return widths.map((w) => (w * total) / got);
}
