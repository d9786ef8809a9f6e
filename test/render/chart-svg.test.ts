// The charts' SVG read back as shapes (src/render/chart-svg.ts) and drawn into the PDF by
// src/render/pdf/chart.ts: every chart of every example (and the hard ones) reads, anything
// charts.ts does not write is refused, and the PDF drawing looks as svg-to-pdfkit drew the same
// SVG (both pages rasterised by pdftoppm, compared pixel by pixel).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { ROOT, have, runTool, tempDir } from '../helpers/cli.js';
import { allCharts } from '../helpers/charts.js';
import { chartSvg, textWidth } from '../../src/render/charts.js';
import { ChartSvgError, readChartSvg, type Shape } from '../../src/render/chart-svg.js';
import { drawChartScene } from '../../src/render/pdf/chart.js';

const charts = allCharts().filter((c) => !c.tom).map((c) => ({ ...c, svg: chartSvg(c.chart, c.alt || c.name) }));
const count = (shapes: Shape[], kind: Shape['kind']): number => shapes.reduce((n, s) => n + (s.kind === kind ? 1 : 0) + (s.kind === 'group' ? count(s.shapes, kind) : 0), 0);

describe('chart-svg: the charts read back as shapes', () => {
  it.each(charts.map((c) => [c.name, c.svg]))('%s: every element read, none left out', (_name, svg) => {
    const scene = readChartSvg(svg);
    expect(scene.width).toBeGreaterThan(0);
    expect(count(scene.shapes, 'text')).toBe((svg.match(/<text /g) ?? []).length);
    expect(count(scene.shapes, 'rect')).toBe((svg.match(/<rect /g) ?? []).length);
    expect(count(scene.shapes, 'line')).toBe((svg.match(/<line /g) ?? []).length);
    expect(count(scene.shapes, 'circle')).toBe((svg.match(/<circle /g) ?? []).length);
  });

  // A shape drawn after a text hides what it covers ("ingen projektfil" was cut to "ingen projek" by the next cell).
  it.each(charts.map((c) => [c.name, c.svg]))('%s: no text is covered by a filled shape drawn after it', (_name, svg) => {
    type Flat = { s: Shape; k: number };
    const flat = (shapes: Shape[], k = 1): Flat[] => shapes.flatMap((s) => (s.kind === 'group' ? flat(s.shapes, k * s.scale) : [{ s, k }]));
    const all = flat(readChartSvg(svg).shapes);
    for (const [i, { s: t, k }] of all.entries()) {
      if (t.kind !== 'text') continue;
      const w = textWidth(t.text, t.size, t.style);
      const x0 = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
      const box = { x0: x0 * k, x1: (x0 + w) * k, y0: (t.y - t.size * 0.75) * k, y1: t.y * k };
      for (const { s: r, k: kr } of all.slice(i + 1)) {
        if (r.kind !== 'rect' || !r.fill || r.width <= 0 || r.height <= 0) continue;
        const over = Math.min(box.x1, (r.x + r.width) * kr) - Math.max(box.x0, r.x * kr) > 0.5 && Math.min(box.y1, (r.y + r.height) * kr) - Math.max(box.y0, r.y * kr) > 0.5;
        expect(over, `"${t.text}" under a rect at ${r.x},${r.y}`).toBe(false);
      }
    }
  });

  it('text: entities and white space as SVG reads them', () => {
    const svg = '<svg width="10" height="10" viewBox="0 0 10 10"><text x="1" y="2" font-size="9" fill="#1a1a1a" text-anchor="end">  a &amp; &lt;b&gt;\u00a0&#x2013;  c </text></svg>';
    const s = readChartSvg(svg);
    const el = /<text[^]*<\/text>/.exec(svg)!;
    expect(s.shapes).toEqual([{ kind: 'text', x: 1, y: 2, size: 9, fill: '#1a1a1a', anchor: 'end', style: 'Regular', text: 'a & <b>\u00a0– c', at: [el.index, el.index + el[0].length] }]);
    // Where the root's content starts (chart-raster.ts puts its defs there).
    expect(svg.slice(0, s.bodyAt)).toBe('<svg width="10" height="10" viewBox="0 0 10 10">');
  });

  const base = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">${body}</svg>`;
  it.each([
    ['an element charts.ts does not write', base('<path d="M0 0L1 1"/>'), /<path>/],
    ['an attribute it does not write', base('<rect x="0" y="0" width="1" height="1" fill="#000000" opacity="0.5"/>'), /opacity/],
    ['a colour by name', base('<rect x="0" y="0" width="1" height="1" fill="red"/>'), /fill="red"/],
    ['a transform other than scale', base('<g transform="translate(3 4)"></g>'), /transform/],
    ['a number that is not one', base('<rect x="a" y="0" width="1" height="1" fill="#000000"/>'), /x="a"/],
    ['text outside <text>', base('hej'), /hej/],
    ['an unknown entity', base('<text x="0" y="0" font-size="9">&nbsp;</text>'), /&nbsp;/],
    ['an anchor SVG does not have', base('<text x="0" y="0" font-size="9" text-anchor="left">x</text>'), /text-anchor/],
    ['a viewBox not at 0 0', '<svg width="10" height="10" viewBox="1 0 10 10"></svg>', /viewBox/],
    ['no end', '<svg width="10" height="10" viewBox="0 0 10 10"><g>', /ingen hel/],
    ['an end without a start', base('</g>'), /<\/g> utan/],
  ])('refuses %s', (_what, svg, message) => {
    expect(() => readChartSvg(svg)).toThrow(ChartSvgError);
    expect(() => readChartSvg(svg)).toThrow(message);
  });
});

describe.skipIf(!have('pdftoppm'))('PDF: a chart drawn from its shapes looks as svg-to-pdfkit drew it', () => {
  const dir = tempDir('fsstod-chart-svg-');
  const FONT = (s: string) => join(ROOT, 'assets', 'fonts', `LiberationSans-${s}.ttf`);
  /** One page per chart, drawn at 1:1 in the page's top left corner. */
  async function pdfOf(draw: (pdf: PDFKit.PDFDocument, svg: string, w: number, h: number) => void): Promise<string> {
    const pdf = new PDFDocument({ autoFirstPage: false, size: 'A4' });
    for (const [n, f] of [['R', 'Regular'], ['B', 'Bold'], ['I', 'Italic']] as const) pdf.registerFont(n, FONT(f));
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => pdf.on('end', r));
    for (const c of charts) {
      const s = readChartSvg(c.svg);
      pdf.addPage({ size: [s.width + 20, s.height + 20], margin: 0 });
      draw(pdf, c.svg, s.width, s.height);
    }
    pdf.end();
    await done;
    const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.concat(chunks));
    return file;
  }
  /** A binary PGM (pdftoppm -gray): its size and grey values. */
  const pgm = (buf: Buffer) => {
    const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
    return { w: Number(m[1]), h: Number(m[2]), px: buf.subarray(m[0].length) };
  };
  const fontOf = (s: string) => (s === 'Bold' ? 'B' : s === 'Italic' ? 'I' : 'R');

  it('every chart, page by page: under 0.1 % of the pixels differ from the pixels around them there by more than a quarter of black', async () => {
    const ours = await pdfOf((pdf, svg, w, h) => drawChartScene(pdf, readChartSvg(svg), 10, 10, w, h, fontOf));
    const theirs = await pdfOf((pdf, svg, w, h) => SVGtoPDF(pdf, svg, 10, 10, { width: w, height: h, assumePt: true, fontCallback: (_f: string, bold: boolean, italic: boolean) => (bold ? 'B' : italic ? 'I' : 'R') }));
    for (const [i, c] of charts.entries()) {
      const page = async (file: string) => {
        const stem = `${file}-${i}`;
        await runTool('pdftoppm', ['-r', '100', '-gray', '-f', String(i + 1), '-l', String(i + 1), '-singlefile', file, stem]);
        return readFileSync(`${stem}.pgm`);
      };
      const [a, b] = [pgm(await page(ours)), pgm(await page(theirs))];
      expect([a.w, a.h], c.name).toEqual([b.w, b.h]);
      // A pixel differs when it is darker or lighter than every pixel around the same place in the
      // other drawing (a text a fraction of a pixel lower is the same text).
      let differ = 0, ink = 0;
      for (let y = 0; y < a.h; y++) for (let x = 0; x < a.w; x++) {
        let lo = 255, hi = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const yy = Math.min(a.h - 1, Math.max(0, y + dy)), xx = Math.min(a.w - 1, Math.max(0, x + dx));
          const v = b.px[yy * b.w + xx]!;
          lo = Math.min(lo, v); hi = Math.max(hi, v);
        }
        const v = a.px[y * a.w + x]!;
        if (v < lo - 64 || v > hi + 64) differ++;
        if (b.px[y * b.w + x]! < 128) ink++;
      }
      const n = a.w * a.h;
      // And the drawing is there: a chart has ink (text, bars) on at least 1 % of its page.
      expect(ink / n, c.name).toBeGreaterThan(0.01);
      expect(differ / n, c.name).toBeLessThan(0.001);
    }
  }, 120_000);
});
