// Charts as data, drawn once as SVG: inline in HTML, as vectors in the PDF (its shapes read back by
// chart-svg.ts and drawn with pdfkit), and
// in DOCX as SVG with a PNG fallback (resvg, with the chart's font). Every chart carries alt text
// in the document model. The SVG is laid out in points at print size (CHART_WIDTH fits the text
// width of the PDF and the DOCX), so 9 in the SVG is 9 pt on paper; text is measured with the
// font's own advance widths — the bundled font's from font-metrics.json (scripts/font-metrics.mjs),
// a profile's font from its files (chartFont) — and wrapped, never cut. Only text is used as a marker (no ✓/✗): every glyph is in the font.
import zlib from 'node:zlib';
import { xmlChars, xmlEscape } from './xml.js';
import metrics from './font-metrics.json' with { type: 'json' };
import type { Indikatorbedömning } from '../judge/indikator.js';
import { bedömningText } from '../judge/indikator.js';
import { numText } from './values.js';
import { medEnhet } from '../text.js';

/** A coverage cell as the chart draws it: the names in each kind (src/judge/coverage.ts). */
export interface TäckningCell { befintligt: string[]; planerat: string[]; utvecklas?: string[]; avvecklas?: string[]; ejAngivet?: boolean; utanför?: boolean }
export interface IndikatorRad {
  etikett: string; utgångsvärde?: number; målvärde?: number; utfall?: number;
  /** Earlier rounds' measurements, oldest first. */
  tidigare?: number[];
  riktning: 'öka' | 'minska'; bedömning: Indikatorbedömning; enhet?: string;
  /** Share of the time to the target date gone by (judge/indikator.ts), drawn as a tick. */
  andelTiden?: number;
}
export type Chart =
  | { typ: 'faktorer'; rader: { etikett: string; värde: number | null }[]; skala: string[] }
  // ejAngivet: some support for the row's ages has a level the source does not state, so an empty cell there is not known to be a gap.
  | { typ: 'täckning'; rader: string[]; kolumner: string[]; celler: TäckningCell[][]; visaPlanerat: boolean; kartlagt?: boolean }
  | { typ: 'tidslinje'; från: string; till: string; rader: { etikett: string; start?: string; slut?: string; åtgärd?: string }[] }
  | { typ: 'indikatorer'; rader: IndikatorRad[] }
  | OversiktChart;

/** The översikt's charts (many kommuner at once). andelar: per step in per cent, null = no project file. */
export type OversiktChart =
  // utanTal: the cells without their per cent (a compact översikt has them in the table below; resvg lays out each text, ~1 ms apiece).
  | { typ: 'stegPerKommun'; kolumner: string[]; rader: { etikett: string; andelar: (number | null)[] }[]; utanTal?: boolean }
  // Per age band and level: how many kommuner have support, a gap, or cannot tell (not mapped, level not stated, outside the plan).
  | { typ: 'täckningLän'; rader: string[]; kolumner: string[]; celler: { stöd: number; luckor: number; okänt: number }[][]; kommuner: number }
  | { typ: 'planstatus'; staplar: { etikett: string; antal: number }[]; kommuner: number };

/** The chart's width in points: the PDF's text width (A4, 62 pt margins) and the DOCX's (9306 twips) both hold it. */
export const CHART_WIDTH = 460;
/** The smallest text a chart draws, in points at print size. */
export const MIN_SIZE = 9;

const BLUE = '#1f5fa8';
const LIGHT = '#dbe7f5';
const GREEN = '#2e7d32';
const RED = '#b3261e';
const GREY = '#595959';
const INK = '#1a1a1a';

const esc = xmlEscape;

/** A chart text's style (each has its font file). */
export type Style = 'Regular' | 'Bold' | 'Italic';
type Metrics = Record<Style, { unitsPerEm: number; widths: Record<string, number> }>;

/**
 * The font a chart's text is set in and measured with: the bundled Liberation Sans, or the
 * kommun's profile font (chartFont), measured with its own files so that wrapping fits.
 */
export interface ChartFont {
  /** The family's name, and the SVG's font-family (the name, then fallbacks). */
  name: string;
  family: string;
  metrics: Metrics;
  /** The files per style, for resvg (the DOCX's PNG); the bundled font's when absent. */
  files?: Record<Style, string>;
}
const BUNDLED: ChartFont = { name: 'Liberation Sans', family: 'Liberation Sans, Arial, sans-serif', metrics: metrics as Metrics };
/** The font of the chart being drawn: chartSvg sets it for one synchronous drawing. */
let font: ChartFont = BUNDLED;

/** A profile's font for charts: its family and its own advance widths (from the files, with fontkit). */
export async function chartFont(t: { familj: string; filer: Record<'R' | 'B' | 'I' | 'BI', string> }): Promise<ChartFont> {
  const { openFont } = await import('./font-files.js');
  const files: Record<Style, string> = { Regular: t.filer.R, Bold: t.filer.B, Italic: t.filer.I };
  const m = {} as Metrics;
  for (const style of ['Regular', 'Bold', 'Italic'] as const) {
    const f = openFont(files[style]);
    const widths: Record<string, number> = {};
    for (const cp of f.characterSet) if (cp >= 0x20 && cp <= 0xffff) widths[cp] = f.glyphForCodePoint(cp).advanceWidth;
    m[style] = { unitsPerEm: f.unitsPerEm, widths };
  }
  const name = t.familj.replace(/['"]/g, '');
  return { name, family: `'${name}', ${BUNDLED.family}`, metrics: m, files };
}

/** Width of text in points, from the font's advance widths; a character the font lacks counts as wide as "M". */
export function textWidth(s: string, size: number, style: Style = 'Regular', with_: ChartFont = font): number {
  const f = with_.metrics[style];
  const wide = f.widths[77]!;
  let w = 0;
  for (const ch of s) w += f.widths[ch.codePointAt(0)!] ?? wide;
  return (w * size) / f.unitsPerEm;
}
/** Room for what kerning and rounding may add. */
const SLACK = 1.02;
const fits = (s: string, size: number, max: number, style: Style) => textWidth(s, size, style) * SLACK <= max;

/** Text broken into lines that fit max points: at spaces, and a word wider than a line at characters. Nothing is cut. */
export function wrap(text: string, size: number, max: number, style: Style = 'Regular'): string[] {
  const lines: string[] = [];
  let line = '';
  // Breakable spaces only: a no-break space keeps "255 000 kr" and a date in words together.
  for (const word of text.split(/[ \t\n\r]+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next, size, max, style)) { line = next; continue; }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest, size, max, style)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n), size, max, style)) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

interface TextOpts { size?: number; style?: Style; fill?: string; anchor?: 'start' | 'middle' | 'end' }
/** One line of text; y is the baseline. */
function text(x: number, y: number, s: string, o: TextOpts = {}): string {
  const size = o.size ?? MIN_SIZE, style = o.style ?? 'Regular';
  const attrs = `${fontAttr()} font-size="${size}"${style === 'Bold' ? ' font-weight="bold"' : ''}${style === 'Italic' ? ' font-style="italic"' : ''} fill="${o.fill ?? INK}"${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}`;
  return `<text x="${r(x)}" y="${r(y)}" ${attrs}>${esc(s)}</text>`;
}
/** Lines of text from the first baseline y, size × 1.2 apart. */
const lines = (x: number, y: number, ls: string[], o: TextOpts = {}) => ls.map((l, i) => text(x, y + i * (o.size ?? MIN_SIZE) * 1.2, l, o)).join('');
const lineH = (size: number) => size * 1.2;
const r = (n: number) => Math.round(n * 100) / 100;
const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') => `<rect x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, w))}" height="${r(h)}" fill="${fill}"${extra}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, extra = '') => `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${stroke}" stroke-width="${width}"${extra}/>`;

/** A legend: swatches with their text, wrapped over lines; returns the SVG and its height. */
function legend(x: number, y: number, w: number, items: { fill?: string; stroke?: string; dash?: boolean; text: string }[], note?: string): { svg: string; h: number } {
  const size = MIN_SIZE, lh = lineH(size) + 2;
  let cx = x, cy = y, svg = '';
  for (const it of items) {
    const tw = textWidth(it.text, size) * SLACK;
    const need = 14 + tw + 12;
    if (cx > x && cx + need > x + w) { cx = x; cy += lh; }
    svg += rect(cx, cy - 8, 10, 10, it.fill ?? '#ffffff', it.stroke ? ` stroke="${it.stroke}" stroke-width="1.5"${it.dash ? ' stroke-dasharray="3 2"' : ''}` : '');
    // A text too wide for a line of its own wraps under its swatch.
    const ls = wrap(it.text, size, x + w - cx - 14);
    svg += lines(cx + 14, cy, ls, { size, fill: INK });
    cy += (ls.length - 1) * lineH(size);
    cx += 14 + Math.max(...ls.map((l) => textWidth(l, size) * SLACK)) + 12;
  }
  let h = cy - y + lh;
  if (note) {
    const ls = wrap(note, size, w);
    svg += lines(x, y + h, ls, { size, fill: GREY });
    h += ls.length * lineH(size);
  }
  return { svg, h };
}

function svgDoc(h: number, title: string, body: string): string {
  const w = CHART_WIDTH;
  // Unitless (user units): the PDF draws one unit as one point (assumePt), HTML as one CSS pixel.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${r(h)}" viewBox="0 0 ${w} ${r(h)}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><rect width="${w}" height="${r(h)}" fill="#ffffff"/>${body}</svg>`;
}

const PAD = 4;
/** The label column: as wide as the widest label needs, at most max. */
const labelColumn = (labels: string[], size: number, max: number, style: Style = 'Regular') => Math.min(max, Math.max(40, ...labels.map((l) => textWidth(l, size, style) * SLACK)));

function faktorer(c: Extract<Chart, { typ: 'faktorer' }>, title: string): string {
  const W = CHART_WIDTH, size = 9.5, max = c.skala.length;
  const lab = labelColumn(c.rader.map((x) => x.etikett), size, 190);
  const valueTexts = [...c.skala.map((s, i) => `${i + 1} ${s}`), 'Ej bedömd'];
  const valueW = Math.max(...valueTexts.map((t) => textWidth(t, MIN_SIZE) * SLACK)) + 6;
  const left = lab + 8, bar = W - left - valueW - PAD;
  const top = 30;
  let b = text(left + bar / 2, 10, 'Bedömning (1 = lägst, 5 = högst)', { size: MIN_SIZE, style: 'Bold', anchor: 'middle' });
  let y = top;
  const rows = c.rader.map((x) => ({ x, ls: wrap(x.etikett, size, lab) }));
  const heights = rows.map(({ ls }) => Math.max(20, ls.length * lineH(size) + 6));
  const bottom = top + heights.reduce((a, h) => a + h, 0);
  for (let k = 0; k <= max; k++) {
    const x = left + (bar * k) / max;
    b += line(x, top - 4, x, bottom, '#c8c8c8');
    b += text(x, top - 8, String(k), { size: MIN_SIZE, fill: GREY, anchor: 'middle' });
  }
  rows.forEach(({ x: row, ls }, i) => {
    const h = heights[i]!;
    const mid = y + h / 2;
    b += lines(lab, mid - ((ls.length - 1) * lineH(size)) / 2 + size * 0.35, ls, { size, anchor: 'end' });
    if (row.värde == null) {
      b += text(left + 4, mid + 3, 'Ej bedömd', { size: MIN_SIZE, style: 'Italic', fill: GREY });
    } else {
      const w = (bar * row.värde) / max;
      const fill = row.värde <= 2 ? RED : row.värde === 3 ? '#a86400' : BLUE;
      b += rect(left, mid - 7, w, 14, fill);
      b += text(left + w + 4, mid + 3.2, `${row.värde} ${c.skala[row.värde - 1] ?? ''}`.trim(), { size: MIN_SIZE });
    }
    y += h;
  });
  b += line(left, bottom, left + bar, bottom, GREY);
  const lg = legend(PAD, bottom + 18, W - 2 * PAD, [{ fill: RED, text: '1–2' }, { fill: '#a86400', text: '3' }, { fill: BLUE, text: '4–5' }], `Skala: ${c.skala.map((s, i) => `${i + 1} ${s}`).join(', ')}.`);
  b += lg.svg;
  return svgDoc(bottom + 18 + lg.h, title, b);
}

/** The lines a coverage cell shows, each kind on its own line (defect 6 of #13: nothing counted twice). */
function cellLines(cell: TäckningCell, plan: boolean): { text: string; fill: string }[] {
  const out: { text: string; fill: string }[] = [];
  const n = cell.befintligt.length, u = cell.utvecklas?.length ?? 0, p = cell.planerat.length, a = cell.avvecklas?.length ?? 0;
  if (n) out.push({ text: `${n} befintlig${n === 1 ? 't' : 'a'}`, fill: INK });
  if (plan && u) out.push({ text: `${u} utvecklas`, fill: BLUE });
  if (plan && p) out.push({ text: `${p} ny${p === 1 ? 'tt' : 'a'}`, fill: GREEN });
  if (plan && a) out.push({ text: `${a} avvecklas`, fill: GREY });
  return out;
}

function täckning(c: Extract<Chart, { typ: 'täckning' }>, title: string): string {
  const W = CHART_WIDTH, size = 9.5;
  const lab = labelColumn(c.rader, size, 110, 'Bold');
  const left = lab + 10, colW = (W - left - PAD) / c.kolumner.length;
  const headLines = c.kolumner.map((k) => wrap(k, size, colW - 6, 'Bold'));
  const headH = Math.max(...headLines.map((l) => l.length)) * lineH(size) + 6;
  let b = '';
  headLines.forEach((ls, j) => { b += lines(left + j * colW + colW / 2, size + 2, ls, { size, style: 'Bold', anchor: 'middle' }); });
  const top = headH + 4;
  const cellsOf = (i: number) => c.celler[i]!.map((cell) => cellLines(cell, c.visaPlanerat));
  const rowHs = c.rader.map((name, i) => Math.max(wrap(name, size, lab, 'Bold').length, ...cellsOf(i).map((l) => Math.max(1, l.length + ((l.length === 0 || l.every((x) => x.text.endsWith('avvecklas'))) ? 1 : 0)))) * lineH(size) + 14);
  let y = top;
  c.rader.forEach((name, i) => {
    const rowH = rowHs[i]!;
    const ls = wrap(name, size, lab, 'Bold');
    b += lines(lab, y + rowH / 2 - ((ls.length - 1) * lineH(size)) / 2 + size * 0.35, ls, { size, style: 'Bold', anchor: 'end' });
    c.kolumner.forEach((_, j) => {
      const cell = c.celler[i]![j]!;
      const x = left + j * colW;
      const shown = cellLines(cell, c.visaPlanerat);
      const counted = shown.filter((l) => !l.text.endsWith('avvecklas'));
      // Not mapped at all, a level not stated, or ages outside the plan's scope: not a gap.
      const unknown = !counted.length && (c.kartlagt === false || cell.ejAngivet === true || cell.utanför === true);
      const gap = !counted.length && !unknown;
      const cx = x + colW / 2;
      if (unknown) {
        b += rect(x + 2, y + 2, colW - 4, rowH - 4, '#f0f0f0', ` stroke="${GREY}" stroke-width="1" stroke-dasharray="4 3"`);
        const why = c.kartlagt === false ? 'Ej kartlagt ännu' : cell.utanför ? 'Utanför planen' : 'Nivå eller ålder ej angiven';
        b += lines(cx, y + rowH / 2 + size * 0.35, wrap(why, size, colW - 8, 'Italic'), { size, style: 'Italic', fill: GREY, anchor: 'middle' });
        return;
      }
      b += rect(x + 2, y + 2, colW - 4, rowH - 4, gap ? '#fbe4e2' : LIGHT, ` stroke="${gap ? RED : '#9fb6d3'}" stroke-width="${gap ? 2 : 1}"`);
      const all = gap ? [{ text: 'Saknas', fill: RED, bold: true }, ...shown] : shown;
      const y0 = y + rowH / 2 - ((all.length - 1) * lineH(size)) / 2 + size * 0.35;
      all.forEach((l, k) => { b += text(cx, y0 + k * lineH(size), l.text, { size, fill: l.fill, anchor: 'middle', style: 'bold' in l ? 'Bold' : 'Regular' }); });
    });
    y += rowH;
  });
  const items = [
    { fill: LIGHT, stroke: '#9fb6d3', text: 'Stöd finns' },
    { fill: '#fbe4e2', stroke: RED, text: 'Saknas: inget stöd för åldern på nivån' },
    { fill: '#f0f0f0', stroke: GREY, dash: true, text: 'Ej kartlagt, nivå eller ålder ej angiven, eller utanför planens åldrar' },
  ];
  const note = c.visaPlanerat
    ? 'Varje stöd räknas en gång. Befintligt: stöd som finns och fortsätter som det är. Utvecklas: stöd som planen utvecklar (ett befintligt stöd som utvecklas räknas bara här). Nytt: insats som planen inför. Avvecklas: stöd som planen avvecklar; det räknas inte som stöd.'
    : 'Befintligt: kartlagt stöd som finns i dag.';
  const lg = legend(PAD, y + 16, W - 2 * PAD, items, note);
  b += lg.svg;
  return svgDoc(y + 16 + lg.h, title, b);
}

const toDays = (d: string) => Date.parse(d + 'T00:00:00Z') / 86400000;
const ÅTGÄRD: Record<string, { fill: string; text: string }> = {
  införa: { fill: BLUE, text: 'Införa' }, utveckla: { fill: '#5b9bd5', text: 'Utveckla' }, fortsätta: { fill: GREEN, text: 'Fortsätta' }, avveckla: { fill: '#8c8c8c', text: 'Avveckla' },
};

function tidslinje(c: Extract<Chart, { typ: 'tidslinje' }>, title: string): string {
  const W = CHART_WIDTH, size = 9.5;
  const lab = labelColumn(c.rader.map((x) => x.etikett), size, 170);
  const left = lab + 8, span = W - left - PAD - 4, top = 30;
  const a = toDays(c.från), z = toDays(c.till);
  const x = (d: string) => left + (span * (Math.min(Math.max(toDays(d), a), z) - a)) / Math.max(1, z - a);
  const rows = c.rader.map((row) => ({ row, ls: wrap(row.etikett, size, lab) }));
  const heights = rows.map(({ ls }) => Math.max(18, ls.length * lineH(size) + 6));
  const bottom = top + heights.reduce((s, h) => s + h, 0);
  let b = text(left + span / 2, 10, 'År', { size: MIN_SIZE, style: 'Bold', anchor: 'middle' });
  const y0 = Number(c.från.slice(0, 4)), y1 = Number(c.till.slice(0, 4));
  for (let yr = y0; yr <= y1 + 1; yr++) {
    const d = `${yr}-01-01`;
    if (toDays(d) < a || toDays(d) > z) continue;
    b += line(x(d), top - 4, x(d), bottom, '#c8c8c8');
    // The year's label in the middle of its span (or at its line when the span is cut off).
    const mid = Math.min(x(`${yr}-07-01`), W - PAD - 12);
    if (x(`${yr}-12-31`) - x(d) > 24) b += text(mid, top - 8, String(yr), { size: MIN_SIZE, fill: GREY, anchor: 'middle' });
  }
  let y = top;
  rows.forEach(({ row, ls }, i) => {
    const h = heights[i]!, mid = y + h / 2;
    b += lines(lab, mid - ((ls.length - 1) * lineH(size)) / 2 + size * 0.35, ls, { size, anchor: 'end' });
    if (!row.start) {
      b += text(left + 4, mid + 3, 'Startdatum ej ifyllt', { size: MIN_SIZE, style: 'Italic', fill: GREY });
    } else {
      const x1 = x(row.start), x2 = row.slut ? x(row.slut) : left + span;
      b += `<rect x="${r(x1)}" y="${r(mid - 6)}" width="${r(Math.max(3, x2 - x1))}" height="12" rx="2" fill="${(ÅTGÄRD[row.åtgärd ?? 'införa'] ?? ÅTGÄRD.införa!).fill}"/>`;
    }
    y += h;
  });
  b += line(left, bottom, left + span, bottom, GREY);
  const used = [...new Set(c.rader.map((x) => x.åtgärd ?? 'införa'))];
  const lg = legend(PAD, bottom + 18, W - 2 * PAD, Object.entries(ÅTGÄRD).filter(([k]) => used.includes(k)).map(([, v]) => v), c.rader.some((x) => x.start && !x.slut) ? 'En stapel utan slutdatum går till periodens slut (tills vidare).' : undefined);
  b += lg.svg;
  return svgDoc(bottom + 18 + lg.h, title, b);
}

const BEDÖMNING_FÄRG: Record<Indikatorbedömning, string> = {
  nått: GREEN, 'på väg': BLUE, 'inte på väg': RED, 'för tidigt att bedöma': '#8c8c8c', 'ingen mätning': '#8c8c8c', 'målvärde saknas': '#8c8c8c',
};
/** A value with its unit: "64 procent". */
const med = (v: number, enhet?: string) => medEnhet(numText(v), enhet);

/**
 * Indicators on one common axis: the share of the way from the baseline (0 %) to the target
 * (100 %), whatever their units; each row prints its own values and judgement in words.
 */
function indikatorer(c: Extract<Chart, { typ: 'indikatorer' }>, title: string): string {
  const W = CHART_WIDTH, size = 9.5;
  // Wide labels and a narrow value column: two lines of label a row keep ten indicators on one page.
  const lab = labelColumn(c.rader.map((x) => x.etikett), size, 190);
  const valueLines = (x: IndikatorRad) => [
    x.utfall === undefined ? 'Ingen mätning' : `${med(x.utfall, x.enhet)}${x.målvärde === undefined ? '' : ` (mål ${med(x.målvärde, x.enhet)})`}`,
    bedömningText(x.bedömning),
  ];
  const valW = Math.min(112, Math.max(40, ...c.rader.flatMap((x) => valueLines(x).map((l) => textWidth(l, MIN_SIZE, 'Bold') * SLACK)))) + 4;
  const left = lab + 8, right = W - PAD - valW - 6;
  const top = 44, MAXA = 1.2;
  const sx = (andel: number) => left + ((right - left) * Math.min(MAXA, Math.max(0, andel))) / MAXA;
  const rows = c.rader.map((x) => ({ x, ls: wrap(x.etikett, size, lab), vs: valueLines(x).map((l) => wrap(l, MIN_SIZE, valW, 'Bold')).flat() }));
  const heights = rows.map(({ ls, vs }) => Math.max(26, ls.length * lineH(size) + 8, vs.length * lineH(MIN_SIZE) + 8));
  const bottom = top + heights.reduce((s, h) => s + h, 0);
  let b = lines((left + right) / 2, 10, wrap('Andel av vägen från utgångsvärde (0 %) till målvärde (100 %)', MIN_SIZE, right - left + 40, 'Bold'), { size: MIN_SIZE, style: 'Bold', anchor: 'middle' });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    b += line(sx(t), top - 4, sx(t), bottom, t === 1 ? INK : '#c8c8c8', t === 1 ? 1.5 : 1);
    b += text(sx(t), top - 8, `${t * 100} %`, { size: MIN_SIZE, fill: GREY, anchor: 'middle' });
  }
  let y = top;
  rows.forEach(({ x: row, ls, vs }, i) => {
    const h = heights[i]!, mid = y + h / 2;
    b += lines(lab, mid - ((ls.length - 1) * lineH(size)) / 2 + size * 0.35, ls, { size, anchor: 'end' });
    const fill = BEDÖMNING_FÄRG[row.bedömning];
    vs.forEach((l, k) => { b += text(right + 6, mid - ((vs.length - 1) * lineH(MIN_SIZE)) / 2 + MIN_SIZE * 0.35 + k * lineH(MIN_SIZE), l, { size: MIN_SIZE, style: 'Bold', fill: k === vs.length - 1 ? fill : INK }); });
    const bas = row.utgångsvärde, mål = row.målvärde;
    const andel = (v: number) => (bas === undefined || mål === undefined || bas === mål ? undefined : (v - bas) / (mål - bas));
    const a = row.utfall === undefined ? undefined : row.bedömning === 'nått' && andel(row.utfall) === undefined ? 1 : andel(row.utfall);
    if (row.utfall !== undefined && a === undefined) {
      b += text(left + 4, mid + 3, mål === undefined ? 'Målvärde saknas' : 'Utgångsvärde saknas', { size: MIN_SIZE, style: 'Italic', fill: GREY });
    } else if (a !== undefined) {
      b += rect(left, mid - 6, sx(a) - left, 12, fill);
      if (a < 0) b += text(left + 4, mid + 3, 'Sämre än utgångsvärdet', { size: MIN_SIZE, style: 'Italic', fill: RED });
    }
    // Earlier rounds: open circles; the time gone by: a short dark tick.
    for (const v of row.tidigare ?? []) { const t = andel(v); if (t !== undefined) b += `<circle cx="${r(sx(t))}" cy="${r(mid)}" r="3.5" fill="#ffffff" stroke="${INK}" stroke-width="1.5"/>`; }
    if (row.andelTiden !== undefined && a !== undefined) b += line(sx(row.andelTiden), mid - 9, sx(row.andelTiden), mid + 9, INK, 2, ' stroke-dasharray="2 1.5"');
    y += h;
  });
  b += line(left, bottom, right, bottom, GREY);
  const used = [...new Set(c.rader.map((x) => x.bedömning))];
  const note = `Stapeln visar hur långt utfallet har kommit från utgångsvärdet mot målvärdet${c.rader.some((x) => x.andelTiden !== undefined) ? '; det streckade strecket visar hur stor del av tiden till måldatum som har gått' : ''}${c.rader.some((x) => x.tidigare?.length) ? '; ringarna är tidigare uppföljningar' : ''}.`;
  const lg = legend(PAD, bottom + 18, W - 2 * PAD, used.filter((u) => u !== 'ingen mätning' && u !== 'målvärde saknas').map((u) => ({ fill: BEDÖMNING_FÄRG[u], text: bedömningText(u) })), note);
  b += lg.svg;
  return svgDoc(bottom + 18 + lg.h, title, b);
}

// The översikt's charts are laid out on a 680-unit canvas and scaled to the chart width; their
// text sizes are set so that, scaled, none is under MIN_SIZE points.
const fontAttr = () => `font-family="${esc(font.family)}"`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
function svgDocWide(W: number, H: number, title: string, body: string): string {
  const k = CHART_WIDTH / W;
  return svgDoc(H * k, title, `<g transform="scale(${r(k)})">${body}</g>`);
}

/** Blue of a share 0–100 (light to dark), and the text colour that reads on it. */
function shade(p: number): { fill: string; text: string } {
  const t = Math.max(0, Math.min(100, p)) / 100;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return { fill: `#${hex(mix(0xf2, 0x1f))}${hex(mix(0xf6, 0x5f))}${hex(mix(0xfb, 0xa8))}`, text: t > 0.55 ? '#ffffff' : '#1a1a1a' };
}

function stegPerKommun(c: Extract<Chart, { typ: 'stegPerKommun' }>, title: string): string {
  const W = 680, left = 200, rowH = 20, top = 34, colW = (W - left - 20) / Math.max(1, c.kolumner.length);
  // The note under the grid, wrapped to the grid's width (one line of it was cut at the edge).
  const note = wrap(`Andel av stegets moment och checklista som är besvarad; mörkare = mer.${c.utanTal ? ' Talen står i tabellen.' : ''} Streckad = ingen projektfil.`, 13.5, W - left - 10);
  const H = top + c.rader.length * rowH + 22 + note.length * lineH(13.5);
  let b = '';
  c.kolumner.forEach((k, j) => {
    b += `<text x="${left + j * colW + colW / 2}" y="${top - 10}" ${fontAttr()} font-size="14.9" font-weight="bold" fill="#1a1a1a" text-anchor="middle">${esc(k)}</text>`;
  });
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 8}" y="${y + 14}" ${fontAttr()} font-size="14.9" fill="#1a1a1a" text-anchor="end">${esc(clip(r.etikett, 26))}</text>`;
    // A kommun without a project file: one dashed cell over the row, as "ingen projektfil" is wider than a cell
    // (in the first of six cells the next one hid its end).
    if (r.andelar.every((a) => a === null)) {
      b += `<rect x="${left + 1}" y="${y + 1}" width="${Math.max(0, colW * r.andelar.length - 2)}" height="${rowH - 2}" fill="#ffffff" stroke="${GREY}" stroke-width="1" stroke-dasharray="3 2"/>`;
      b += `<text x="${left + 4}" y="${y + 14}" ${fontAttr()} font-size="13.5" font-style="italic" fill="${GREY}">ingen projektfil</text>`;
      return;
    }
    r.andelar.forEach((a, j) => {
      const x = left + j * colW;
      if (a === null) {
        b += `<rect x="${x + 1}" y="${y + 1}" width="${colW - 2}" height="${rowH - 2}" fill="#ffffff" stroke="${GREY}" stroke-width="1" stroke-dasharray="3 2"/>`;
        return;
      }
      const s = shade(a);
      b += `<rect x="${x + 1}" y="${y + 1}" width="${colW - 2}" height="${rowH - 2}" fill="${s.fill}" stroke="#9fb6d3" stroke-width="0.5"/>`;
      if (!c.utanTal) b += `<text x="${x + colW / 2}" y="${y + 14}" ${fontAttr()} font-size="14.2" fill="${s.text}" text-anchor="middle">${a} %</text>`;
    });
  });
  b += lines(left, top + c.rader.length * rowH + 22, note, { size: 13.5, fill: GREY });
  return svgDocWide(W, H, title, b);
}

function täckningLän(c: Extract<Chart, { typ: 'täckningLän' }>, title: string): string {
  const W = 680, left = 120, colW = (W - left - 20) / Math.max(1, c.kolumner.length), rowH = 50, top = 34;
  const H = top + c.rader.length * rowH + 40;
  let b = '';
  c.kolumner.forEach((k, j) => {
    b += `<text x="${left + j * colW + colW / 2}" y="${top - 12}" ${fontAttr()} font-size="16.2" font-weight="bold" fill="#1a1a1a" text-anchor="middle">${esc(k)}</text>`;
  });
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 10}" y="${y + rowH / 2 + 4}" ${fontAttr()} font-size="16.2" font-weight="bold" fill="#1a1a1a" text-anchor="end">${esc(r)}</text>`;
    c.kolumner.forEach((_, j) => {
      const cell = c.celler[i]![j]!;
      const x = left + j * colW;
      const judged = cell.stöd + cell.luckor;
      // Red by the share of kommuner with a gap: white when none, dark red when all.
      const t = judged ? cell.luckor / judged : 0;
      const mix = (a: number, z: number) => Math.round(a + (z - a) * t).toString(16).padStart(2, '0');
      const fill = judged ? `#${mix(0xe8, 0xb3)}${mix(0xf3, 0x26)}${mix(0xe8, 0x1e)}` : '#f0f0f0';
      const ink = t > 0.5 ? '#ffffff' : '#1a1a1a';
      b += `<rect x="${x + 2}" y="${y + 2}" width="${colW - 4}" height="${rowH - 4}" fill="${fill}" stroke="${GREY}" stroke-width="0.5"/>`;
      b += `<text x="${x + colW / 2}" y="${y + 21}" ${fontAttr()} font-size="16.2" font-weight="bold" fill="${ink}" text-anchor="middle">${cell.luckor} av ${judged} saknar</text>`;
      if (cell.okänt) b += `<text x="${x + colW / 2}" y="${y + 38}" ${fontAttr()} font-size="14.2" fill="${ink}" text-anchor="middle">${cell.okänt} kan inte bedömas</text>`;
    });
  });
  b += `<text x="${left}" y="${H - 12}" ${fontAttr()} font-size="13.5" fill="${GREY}">Antal kommuner (av ${c.kommuner} med projektfil) utan stöd för åldern på nivån; rödare = fler luckor.</text>`;
  return svgDocWide(W, H, title, b);
}

function planstatus(c: Extract<Chart, { typ: 'planstatus' }>, title: string): string {
  const W = 680, left = 200, span = 380, rowH = 28, top = 16;
  const H = top + c.staplar.length * rowH + 30;
  const max = Math.max(1, c.kommuner);
  let b = '';
  c.staplar.forEach((s, i) => {
    const y = top + i * rowH;
    const w = (span * s.antal) / max;
    b += `<text x="${left - 8}" y="${y + 17}" ${fontAttr()} font-size="16.2" fill="#1a1a1a" text-anchor="end">${esc(clip(s.etikett, 30))}</text>`;
    b += `<rect x="${left}" y="${y + 5}" width="${Math.max(0, w)}" height="16" fill="${BLUE}"/>`;
    b += `<text x="${left + w + 6}" y="${y + 18}" ${fontAttr()} font-size="16.2" fill="#1a1a1a">${s.antal}</text>`;
  });
  b += `<text x="${left}" y="${H - 10}" ${fontAttr()} font-size="13.5" fill="${GREY}">Antal kommuner av ${c.kommuner}, efter handlingsplanens status.</text>`;
  return svgDocWide(W, H, title, b);
}

/** The chart as SVG (XML, for resvg and inline in HTML): only XML characters, whatever the labels hold. */

/** Rows per chart of a timeline or indicator chart: more and the chart would not fit a page at 9 pt. */
export const MAX_ROWS = 20;
/** A timeline or indicator chart of many rows as several charts of at most MAX_ROWS rows each (one per page at most). */
export function splitChart(c: Chart): { chart: Chart; från: number; till: number }[] {
  if ((c.typ !== 'tidslinje' && c.typ !== 'indikatorer') || c.rader.length <= MAX_ROWS) return [{ chart: c, från: 1, till: 'rader' in c ? c.rader.length : 1 }];
  const parts = Math.ceil(c.rader.length / MAX_ROWS), per = Math.ceil(c.rader.length / parts);
  return Array.from({ length: parts }, (_, k) => ({ chart: { ...c, rader: c.rader.slice(k * per, (k + 1) * per) } as Chart, från: k * per + 1, till: Math.min(c.rader.length, (k + 1) * per) }));
}

/** The chart as SVG (XML, for resvg, svg-to-pdfkit and inline in HTML): only XML characters, whatever the labels hold. */
export function chartSvg(c: Chart, title: string, f: ChartFont = BUNDLED): string {
  const was = font;
  font = f;
  try { return drawSvg(c, title); } finally { font = was; }
}

function drawSvg(c: Chart, title: string): string {
  switch (c.typ) {
    case 'faktorer': return xmlChars(faktorer(c, title));
    case 'täckning': return xmlChars(täckning(c, title));
    case 'tidslinje': return xmlChars(tidslinje(c, title));
    case 'indikatorer': return xmlChars(indikatorer(c, title));
    case 'stegPerKommun': return xmlChars(stegPerKommun(c, title));
    case 'täckningLän': return xmlChars(täckningLän(c, title));
    case 'planstatus': return xmlChars(planstatus(c, title));
  }
}

/** The SVG's size in points (its width and height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: CHART_WIDTH, height: CHART_WIDTH / 2 };
}

/** What identifies a chart's drawing: its data and its alt text (its title in the SVG). */
export const chartKey = (chart: Chart, alt: string): string => JSON.stringify([chart, alt]);

/** A chart ready for a writer: its SVG and size in points, and (for DOCX's fallback) a PNG. */
export interface ChartImage { svg: string; width: number; height: number; png?: Buffer }

/** The chart as vectors only (what the PDF draws). */
export function chartVector(c: Chart, title: string, f?: ChartFont): ChartImage {
  const svg = chartSvg(c, title, f);
  return { svg, ...svgSize(svg) };
}

/**
 * The chart with a PNG (2× the point size, 144 ppi) drawn by resvg with the chart's font only
 * (deterministic): the DOCX's fallback for readers without SVG (LibreOffice shows it). The text
 * reaches resvg as the font's glyph outlines (chart-raster.ts). Drawn synchronously, one chart
 * at a time: with renderAsync two charts drawn side by side came out with different pixels now
 * and then. The PNG's pixels are opaque (drawn on white).
 */
export async function chartPng(c: Chart, title: string, fontDir: string, f?: ChartFont): Promise<ChartImage & { png: Buffer }> {
  const { Resvg } = await import('@resvg/resvg-js');
  const { outlinedSvg } = await import('./chart-raster.js');
  const { bundledFontFiles } = await import('./font-files.js');
  const v = chartVector(c, title, f);
  const files = f?.files ?? bundledFontFiles(fontDir);
  const r = new Resvg(outlinedSvg(v.svg, files), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'width', value: Math.round(v.width * 2) },
    background: '#ffffff',
  });
  const img = r.render();
  return { ...v, png: rgbaPng(img.pixels, img.width, img.height) };
}

/** Loads what chartPng draws with and opens the bundled fonts' outlines, ahead of the first chart. */
export async function warmCharts(fontDir: string): Promise<void> {
  await import('@resvg/resvg-js');
  const { warmOutlines } = await import('./chart-raster.js');
  const { bundledFontFiles } = await import('./font-files.js');
  warmOutlines(Object.values(bundledFontFiles(fontDir)));
}

/**
 * An 8-bit RGBA PNG of resvg's pixels as they are: each row copied after its filter byte (none),
 * no work per pixel. Every image drawn here has a white background (resvg's `background`), so
 * every pixel is opaque already; flattening to RGB in a loop over the whole country's 21 Mpx cost
 * more than deflate then saves (docs/benchmarks.md).
 */
export function rgbaPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const raw = Buffer.allocUnsafe((stride + 1) * height);
  const src = Buffer.from(rgba.buffer, rgba.byteOffset, stride * height);
  for (let y = 0, o = 0; y < height; y++, o += stride + 1) {
    raw[o] = 0; // filter: none (deflate does well on flat chart colours)
    src.copy(raw, o + 1, y * stride, (y + 1) * stride);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, colour type 6 (RGBA), deflate, no filter method, not interlaced
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    // Level 3: a third of level 5's time and a ninth of level 9's (the whole country's översikt has 63 charts, 21 Mpx), some 20 % larger.
    chunk('IDAT', zlib.deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
