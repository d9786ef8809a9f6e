// The charts' SVG (charts.ts) read back as shapes, for the writers that draw a chart themselves
// instead of handing its SVG to a general SVG library: the PDF (pdf/chart.ts). The SVG stays
// the one description of a chart (HTML and DOCX embed it as it is); this reads only the few
// elements and attributes charts.ts writes, and anything else is an error here, not a chart
// drawn differently in one format.

import type { Style } from './charts.js';

interface Paint {
  /** '#rrggbb', or undefined for none. */
  fill?: string;
  stroke?: string;
  strokeWidth: number;
  dash?: number[];
}
export type Shape =
  | ({ kind: 'rect'; x: number; y: number; width: number; height: number; rx: number } & Paint)
  | ({ kind: 'line'; x1: number; y1: number; x2: number; y2: number } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  // at: where the <text> element stands in the SVG (from, to), for chart-raster.ts to replace it.
  | { kind: 'text'; x: number; y: number; size: number; fill: string; anchor: 'start' | 'middle' | 'end'; style: Style; text: string; at: [number, number] }
  | { kind: 'group'; scale: number; shapes: Shape[] };

export interface ChartScene {
  /** The size drawn (the root's width and height) and the user space it shows (its viewBox). */
  width: number;
  height: number;
  viewBox: { width: number; height: number };
  shapes: Shape[];
  /** Where the root's content starts in the SVG (after <svg …>). */
  bodyAt: number;
}

export class ChartSvgError extends Error {
  constructor(what: string) {
    super(`diagrammets SVG har ${what}, som diagramritaren inte känner (src/render/chart-svg.ts)`);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
  if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  const c = ENTITIES[e];
  if (c === undefined) throw new ChartSvgError(`entiteten ${all}`);
  return c;
});

const ATTRS: Record<string, readonly string[]> = {
  svg: ['xmlns', 'width', 'height', 'viewBox', 'role', 'aria-label'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray'],
  line: ['x1', 'y1', 'x2', 'y2', 'stroke', 'stroke-width', 'stroke-dasharray'],
  circle: ['cx', 'cy', 'r', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray'],
  text: ['x', 'y', 'font-family', 'font-size', 'font-weight', 'font-style', 'fill', 'text-anchor'],
  g: ['transform'],
  title: [],
};

function attributes(tag: string, s: string): Map<string, string> {
  const allowed = ATTRS[tag];
  if (!allowed) throw new ChartSvgError(`elementet <${tag}>`);
  const m = new Map<string, string>();
  const re = /\s+([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)"/gy;
  let a: RegExpExecArray | null;
  let end = 0;
  while ((a = re.exec(s))) {
    if (!allowed.includes(a[1]!)) throw new ChartSvgError(`attributet ${a[1]} på <${tag}>`);
    m.set(a[1]!, unescape(a[2]!));
    end = re.lastIndex;
  }
  if (s.slice(end).trim()) throw new ChartSvgError(`"${s.slice(end).trim()}" i <${tag}>`);
  return m;
}

const num = (m: Map<string, string>, k: string, dflt?: number): number => {
  const v = m.get(k);
  if (v === undefined) {
    if (dflt === undefined) throw new ChartSvgError(`ett element utan ${k}`);
    return dflt;
  }
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new ChartSvgError(`${k}="${v}"`);
  return n;
};
const color = (m: Map<string, string>, k: string, dflt?: string): string | undefined => {
  const v = m.get(k) ?? dflt;
  if (v === undefined || v === 'none') return undefined;
  if (!/^#[0-9a-f]{6}$/i.test(v)) throw new ChartSvgError(`${k}="${v}"`);
  return v;
};
function paint(m: Map<string, string>, fillDefault: string | undefined): Paint {
  const dash = m.get('stroke-dasharray');
  const d = dash === undefined || dash === 'none' ? undefined : dash.trim().split(/[\s,]+/).map(Number);
  if (d && !d.every((x) => Number.isFinite(x) && x > 0)) throw new ChartSvgError(`stroke-dasharray="${dash}"`);
  const fill = color(m, 'fill', fillDefault), stroke = color(m, 'stroke');
  return { ...(fill ? { fill } : {}), ...(stroke ? { stroke } : {}), strokeWidth: num(m, 'stroke-width', 1), ...(d ? { dash: d } : {}) };
}

/** The chart's shapes, in drawing order; throws ChartSvgError on anything charts.ts does not write. */
export function readChartSvg(svg: string): ChartScene {
  const tokens = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let scene: ChartScene | undefined;
  const stack: { tag: string; shapes: Shape[]; text?: { attrs: Map<string, string>; content: string; from: number } }[] = [];
  let t: RegExpExecArray | null;
  let done = false;
  while ((t = tokens.exec(svg))) {
    const [, close, tag, attrText, selfClose, chars, stray] = t;
    if (stray !== undefined) throw new ChartSvgError(`"${svg.slice(t.index, t.index + 20)}"`);
    const top = stack[stack.length - 1];
    if (chars !== undefined) {
      if (top?.text) top.text.content += chars;
      else if (top?.tag !== 'title' && chars.trim()) throw new ChartSvgError(`texten "${chars.trim().slice(0, 20)}" utanför <text>`);
      continue;
    }
    if (done) throw new ChartSvgError(`<${tag}> efter </svg>`);
    if (close) {
      if (top?.tag !== tag) throw new ChartSvgError(`</${tag}> utan sin början`);
      stack.pop();
      if (top.text) {
        const a = top.text.attrs;
        const anchor = a.get('text-anchor') ?? 'start';
        if (anchor !== 'start' && anchor !== 'middle' && anchor !== 'end') throw new ChartSvgError(`text-anchor="${anchor}"`);
        const weight = a.get('font-weight') ?? 'normal', fstyle = a.get('font-style') ?? 'normal';
        if (!['normal', 'bold'].includes(weight)) throw new ChartSvgError(`font-weight="${weight}"`);
        if (!['normal', 'italic'].includes(fstyle)) throw new ChartSvgError(`font-style="${fstyle}"`);
        // As SVG lays out text (no xml:space): breakable white space collapsed, none at the ends.
        const text = unescape(top.text.content).replace(/[ \t\n\r]+/g, ' ').trim();
        if (text) stack[stack.length - 1]!.shapes.push({ kind: 'text', x: num(a, 'x', 0), y: num(a, 'y', 0), size: num(a, 'font-size'), fill: color(a, 'fill', '#000000')!, anchor, style: weight === 'bold' ? 'Bold' : fstyle === 'italic' ? 'Italic' : 'Regular', text, at: [top.text.from, tokens.lastIndex] });
      }
      if (tag === 'svg') done = true;
      continue;
    }
    const a = attributes(tag!, attrText!);
    if (tag === 'svg') {
      if (stack.length) throw new ChartSvgError('en <svg> i en annan');
      const vb = (a.get('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
      if (vb.length !== 4 || vb[0] !== 0 || vb[1] !== 0 || !vb.every(Number.isFinite)) throw new ChartSvgError(`viewBox="${a.get('viewBox')}"`);
      scene = { width: num(a, 'width'), height: num(a, 'height'), viewBox: { width: vb[2]!, height: vb[3]! }, shapes: [], bodyAt: tokens.lastIndex };
      stack.push({ tag, shapes: scene.shapes });
    } else {
      if (!top) throw new ChartSvgError(`<${tag}> utanför <svg>`);
      if (top.text || top.tag === 'title') throw new ChartSvgError(`<${tag}> i <${top.tag}>`);
      if (tag === 'g') {
        const tr = /^\s*scale\(\s*([\d.]+)\s*\)\s*$/.exec(a.get('transform') ?? 'scale(1)');
        if (!tr) throw new ChartSvgError(`transform="${a.get('transform')}"`);
        const g: Shape = { kind: 'group', scale: Number(tr[1]), shapes: [] };
        top.shapes.push(g);
        stack.push({ tag, shapes: g.shapes });
      } else if (tag === 'text') stack.push({ tag, shapes: top.shapes, text: { attrs: a, content: '', from: t.index } });
      else if (tag === 'title') stack.push({ tag, shapes: top.shapes });
      else if (tag === 'rect') top.shapes.push({ kind: 'rect', x: num(a, 'x', 0), y: num(a, 'y', 0), width: num(a, 'width'), height: num(a, 'height'), rx: num(a, 'rx', 0), ...paint(a, '#000000') });
      else if (tag === 'line') top.shapes.push({ kind: 'line', x1: num(a, 'x1', 0), y1: num(a, 'y1', 0), x2: num(a, 'x2', 0), y2: num(a, 'y2', 0), ...paint(a, undefined) });
      else top.shapes.push({ kind: 'circle', cx: num(a, 'cx', 0), cy: num(a, 'cy', 0), r: num(a, 'r'), ...paint(a, '#000000') });
      if (selfClose && tag !== 'rect' && tag !== 'line' && tag !== 'circle') stack.pop();
      else if (!selfClose && (tag === 'rect' || tag === 'line' || tag === 'circle')) stack.push({ tag, shapes: [] });
    }
  }
  if (!scene || !done || stack.length) throw new ChartSvgError('ingen hel <svg>');
  return scene;
}
