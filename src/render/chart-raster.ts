// A chart's SVG made ready for resvg (the DOCX's PNG, charts.ts chartPng): each <text> element
// (found by chart-svg.ts, which reads the SVG) replaced by outlines of the font's glyphs. resvg
// shapes and outlines each text itself, which cost two thirds of drawing the whole country's 63
// charts (about 1 100 texts); here each glyph's outline is taken from the font once per process,
// put in the SVG's defs once, and placed with <use>. The text is set by the font's advance widths,
// as charts.ts measures it. Everything else stays as charts.ts wrote it.
import { readChartSvg, type Shape } from './chart-svg.js';
import type { Style } from './charts.js';
import { openFont, SAMPLE } from './font-files.js';

type Font = ReturnType<typeof openFont>;
/** The outlines taken so far, per font: glyph id → SVG path data in font units ('' for none, as a space). */
const taken = new WeakMap<Font, Map<number, string>>();

function outline(font: Font, glyph: ReturnType<Font['glyphForCodePoint']>): string {
  let paths = taken.get(font);
  if (!paths) taken.set(font, (paths = new Map()));
  let d = paths.get(glyph.id);
  if (d === undefined) paths.set(glyph.id, (d = glyph.path.toSVG()));
  return d;
}

const texts = (shapes: Shape[]): Extract<Shape, { kind: 'text' }>[] => shapes.flatMap((s) => (s.kind === 'text' ? [s] : s.kind === 'group' ? texts(s.shapes) : []));

/** The SVG with its text as glyph outlines from the style's font file. */
export function outlinedSvg(svg: string, files: Record<Style, string>): string {
  const scene = readChartSvg(svg);
  const defs: string[] = [];
  const used = new Set<string>();
  let out = '', from = scene.bodyAt;
  for (const s of texts(scene.shapes)) {
    const font = openFont(files[s.style]);
    let x = 0, uses = '';
    for (const ch of s.text) {
      const g = font.glyphForCodePoint(ch.codePointAt(0)!);
      const id = `${s.style[0]}${g.id}`, d = outline(font, g);
      if (d !== '') {
        if (!used.has(id)) { used.add(id); defs.push(`<path id="${id}" d="${d}"/>`); }
        uses += `<use href="#${id}" x="${x}"/>`;
      }
      x += g.advanceWidth;
    }
    const scale = s.size / font.unitsPerEm;
    const dx = s.anchor === 'end' ? -x * scale : s.anchor === 'middle' ? (-x * scale) / 2 : 0;
    // Font units, y up: flipped at the baseline.
    out += `${svg.slice(from, s.at[0])}<g transform="translate(${s.x + dx} ${s.y}) scale(${scale} ${-scale})" fill="${s.fill}">${uses}</g>`;
    from = s.at[1];
  }
  return `${svg.slice(0, scene.bodyAt)}<defs>${defs.join('')}</defs>${out}${svg.slice(from)}`;
}

/** Opens the fonts and takes the outlines of the common glyphs ahead of the first chart (the översikt's thread, while it waits for the charts). */
export function warmOutlines(files: string[]): void {
  for (const file of files) {
    const font = openFont(file);
    for (const ch of SAMPLE) outline(font, font.glyphForCodePoint(ch.codePointAt(0)!));
  }
}
