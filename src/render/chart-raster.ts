// A chart's SVG made ready for resvg (the DOCX's PNG, charts.ts chartPng): its shapes (chart-svg.ts)
// written again with every text as outlines of the font's glyphs. resvg shapes and outlines each
// text itself, which cost two thirds of drawing the whole country's 63 charts (about 1 100 texts);
// here each glyph's outline is taken from the font once per process, put in the SVG's defs once,
// and placed with <use>. The text is set by the font's advance widths, as charts.ts measures it.
import type { ChartScene, Shape } from './chart-svg.js';
import type { Style } from './charts.js';
import { openFont } from './font-files.js';

interface Outlines { font: ReturnType<typeof openFont>; paths: Map<number, string> }
/** The outlines taken so far, by font file (glyph id → SVG path data in font units). */
const taken = new Map<string, Outlines>();

function outlines(file: string): Outlines {
  let o = taken.get(file);
  if (!o) {
    o = { font: openFont(file), paths: new Map() };
    taken.set(file, o);
  }
  return o;
}

const n = (x: number) => String(Math.round(x * 1000) / 1000);

function paint(s: { fill?: string; stroke?: string; strokeWidth: number; dash?: number[] }): string {
  return ` fill="${s.fill ?? 'none'}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${n(s.strokeWidth)}"${s.dash ? ` stroke-dasharray="${s.dash.map(n).join(' ')}"` : ''}` : ''}`;
}

/** The scene as SVG for resvg, text as glyph outlines from the style's font file. */
export function outlinedSvg(scene: ChartScene, files: Record<Style, string>): string {
  const defs: string[] = [];
  const used = new Set<string>();
  const draw = (shapes: Shape[]): string => {
    let out = '';
    for (const s of shapes) {
      switch (s.kind) {
        case 'group': out += `<g transform="scale(${n(s.scale)})">${draw(s.shapes)}</g>`; break;
        case 'rect': out += `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}"${s.rx ? ` rx="${n(s.rx)}"` : ''}${paint(s)}/>`; break;
        case 'line': out += `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}"${paint({ ...s, fill: undefined })}/>`; break;
        case 'circle': out += `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}"${paint(s)}/>`; break;
        case 'text': {
          const o = outlines(files[s.style]);
          let x = 0, uses = '';
          for (const ch of s.text) {
            const g = o.font.glyphForCodePoint(ch.codePointAt(0)!);
            const id = `${s.style[0]}${g.id}`;
            let d = o.paths.get(g.id);
            if (d === undefined) { d = g.path.toSVG(); o.paths.set(g.id, d); }
            if (d !== '' && !used.has(id)) {
              used.add(id);
              defs.push(`<path id="${id}" d="${d}"/>`);
            }
            if (d !== '') uses += `<use href="#${id}" x="${x}"/>`; // a space has no outline
            x += g.advanceWidth;
          }
          const scale = s.size / o.font.unitsPerEm;
          const dx = s.anchor === 'end' ? -x * scale : s.anchor === 'middle' ? (-x * scale) / 2 : 0;
          // Font units, y up: flipped at the baseline.
          out += `<g transform="translate(${n(s.x + dx)} ${n(s.y)}) scale(${scale} ${-scale})" fill="${s.fill}">${uses}</g>`;
          break;
        }
      }
    }
    return out;
  };
  const body = draw(scene.shapes);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width)}" height="${n(scene.height)}" viewBox="0 0 ${n(scene.viewBox.width)} ${n(scene.viewBox.height)}"><defs>${defs.join('')}</defs>${body}</svg>`;
}
