// The charts (defects 1, 2, 5, 6 and 10 of #13), read by real readers: every character a chart
// draws is in the bundled font's cmap (fontkit), every text fits inside the chart measured with
// the font's own shaping, no text under 9 pt; in the PDF the charts are vectors (pdfimages lists
// no image, pdftotext reads their labels, pdffonts: all embedded, the Figure keeps its alt text);
// in the DOCX an SVG with a PNG fallback that LibreOffice and pandoc read.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import zlib from 'node:zlib';
import * as fontkit from 'fontkit';
import { ROOT, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { allCharts } from '../helpers/charts.js';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import { buildContext, type DokumentId } from '../../src/render/context.js';
import { CHART_WIDTH, MIN_SIZE, chartPng, chartSvg, rgbaPng } from '../../src/render/charts.js';
import { outlinedSvg } from '../../src/render/chart-raster.js';
import { Resvg } from '@resvg/resvg-js';
import type { Project } from '../../src/project/types.js';
// @ts-expect-error: a build script, plain JavaScript
import { metricsText } from '../../scripts/font-metrics.mjs';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const lacks = (...cmds: string[]) => cmds.some((c) => !have(c));
const method = loadMethod();
const FONTS = Object.fromEntries((['Regular', 'Bold', 'Italic'] as const).map((s) => [s, fontkit.openSync(join(ROOT, 'assets', 'fonts', `LiberationSans-${s}.ttf`)) as fontkit.Font]));

interface SvgText { text: string; x: number; size: number; style: 'Regular' | 'Bold' | 'Italic'; anchor: string }
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
function texts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, body]) => {
    const a = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(attrs!)?.[1];
    return { text: unescape(body!), x: Number(a('x')), size: Number(a('font-size')), style: a('font-weight') === 'bold' ? 'Bold' : a('font-style') === 'italic' ? 'Italic' : 'Regular', anchor: a('text-anchor') ?? 'start' };
  });
}

describe('rgbaPng: the pixels as they are, read back by resvg', () => {
  it.each([
    ['opaque', [10, 200, 30, 255]],
    ['half', [0, 0, 0, 128]],
    ['transparent', [0, 0, 0, 0]],
  ])('%s', (_n, px) => {
    // Three pixels wide, two high: the pixel under test among opaque ones, so that rows and columns count.
    const rgba = new Uint8Array(3 * 2 * 4);
    for (let k = 0; k < 6; k++) rgba.set(k === 4 ? px : [k * 40, 0, 255 - k * 40, 255], k * 4);
    const png = rgbaPng(rgba, 3, 2);
    expect(png[25]).toBe(6); // colour type RGBA
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"><image width="3" height="2" image-rendering="optimizeSpeed" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const back = new Resvg(svg).render().pixels;
    for (let k = 0; k < 6; k++) {
      // resvg hands back premultiplied-then-unpremultiplied colour: exact where opaque, alpha exact everywhere.
      const want = k === 4 ? px : [k * 40, 0, 255 - k * 40, 255];
      expect(back[k * 4 + 3], `pixel ${k} alpha`).toBe(want[3]);
      if (want[3] === 255) for (let c = 0; c < 3; c++) expect(back[k * 4 + c], `pixel ${k} channel ${c}`).toBe(want[c]);
    }
  });

  it('a chart\'s PNG: every pixel opaque (drawn on white)', async () => {
    const { png } = await chartPng(allCharts()[0]!.chart, 'x', join(ROOT, 'assets', 'fonts'));
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
    expect(png[25]).toBe(6);
    // One IDAT chunk (rgbaPng), rows of filter byte 0 and RGBA pixels.
    const at = png.indexOf('IDAT', 0, 'latin1');
    const raw = zlib.inflateSync(png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4)));
    expect(raw.length).toBe((width * 4 + 1) * height);
    let transparent = 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (raw[y * (width * 4 + 1) + 1 + x * 4 + 3] !== 255) transparent++;
    expect(transparent).toBe(0);
  });
});

describe('the DOCX\'s PNG: text as the font\'s glyph outlines (chart-raster.ts)', () => {
  const fontDir = join(ROOT, 'assets', 'fonts');
  const files = { Regular: `${fontDir}/LiberationSans-Regular.ttf`, Bold: `${fontDir}/LiberationSans-Bold.ttf`, Italic: `${fontDir}/LiberationSans-Italic.ttf` };
  /** The chart as resvg draws its SVG with the text laid out by resvg itself (what the PNG was before). */
  const byResvg = (svg: string, width: number) => new Resvg(svg, { font: { fontFiles: Object.values(files), loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' }, fitTo: { mode: 'width', value: Math.round(width * 2) }, background: '#ffffff' }).render();
  const dark = (px: Uint8Array, i: number) => px[i]! + px[i + 1]! + px[i + 2]! < 600;

  it('has no text element left, and each glyph once in its defs', () => {
    const svg = outlinedSvg(chartSvg(allCharts().find((c) => c.chart.typ === 'faktorer')!.chart, 'x'), files);
    expect(svg).not.toMatch(/<text/);
    const ids = [...svg.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(svg).toMatch(/<use href="#R\d+"/);
    expect(svg).toMatch(/<use href="#B\d+"/);
  });

  it.each(allCharts().filter((c) => !c.tom).map((c) => [c.name, c] as const))('%s: the same picture as resvg\'s own text, within the edges of the glyphs', async (_n, c) => {
    const img = await chartPng(c.chart, c.alt, fontDir);
    const theirs = byResvg(chartSvg(c.chart, c.alt), img.width);
    // The PNG read back through resvg (an SVG of the image alone, pixel for pixel).
    const mine = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${theirs.width}" height="${theirs.height}"><image width="${theirs.width}" height="${theirs.height}" image-rendering="optimizeSpeed" href="data:image/png;base64,${img.png.toString('base64')}"/></svg>`).render();
    expect([mine.width, mine.height]).toEqual([theirs.width, theirs.height]);
    const a = mine.pixels, b = theirs.pixels;
    // Ink (a dark pixel) where resvg has ink: the text is there, where it was. resvg kerns and
    // the outlines do not (charts.ts measures without kerning): a glyph's edge moves by a pixel.
    let inkA = 0, inkB = 0, both = 0, differ = 0;
    for (let i = 0; i < a.length; i += 4) {
      const da = dark(a, i), db = dark(b, i);
      inkA += Number(da); inkB += Number(db); both += Number(da && db);
      if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 60) differ++;
    }
    expect(inkA / inkB).toBeGreaterThan(0.95);
    expect(inkA / inkB).toBeLessThan(1.05);
    expect(both / inkB).toBeGreaterThan(0.85);
    expect(differ / (a.length / 4)).toBeLessThan(0.04);
  });
});

describe('charts: glyphs, sizes and room', () => {
  const charts = allCharts();
  it('covers the charts of the examples', () => {
    for (const typ of ['faktorer', 'täckning', 'tidslinje', 'indikatorer', 'stegPerKommun', 'täckningLän', 'planstatus']) expect(charts.some((c) => c.chart.typ === typ && !c.tom), typ).toBe(true);
  });

  it('src/render/font-metrics.json matches the bundled fonts (node scripts/font-metrics.mjs)', () => {
    expect(readFileSync(join(ROOT, 'src', 'render', 'font-metrics.json'), 'utf8')).toBe(metricsText());
  });

  it.each(charts.map((c) => [c.name, c] as const))('%s: every character in the font, no text under 9 pt, every text inside the chart', (_n, c) => {
    const svg = chartSvg(c.chart, c.alt);
    const ts = texts(svg);
    expect(ts.length).toBeGreaterThan(0);
    // The översikt's wide charts are drawn wider and scaled down to the chart's width (svgDocWide).
    const k = Number(/<g transform="scale\(([\d.]+)\)">/.exec(svg)?.[1] ?? 1);
    for (const t of ts) {
      const font = FONTS[t.style]!;
      for (const ch of t.text) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${JSON.stringify(ch)} in ${t.style}: "${t.text}"`).toBe(true);
      expect(t.size * k, t.text).toBeGreaterThanOrEqual(MIN_SIZE - 0.05);
      // Measured with fontkit's own layout (kerning included), not the chart's table.
      const w = (font.layout(t.text).advanceWidth * t.size * k) / font.unitsPerEm;
      const x = t.x * k;
      const x0 = t.anchor === 'end' ? x - w : t.anchor === 'middle' ? x - w / 2 : x;
      expect(x0, `"${t.text}" starts at ${x0}`).toBeGreaterThanOrEqual(0);
      expect(x0 + w, `"${t.text}" ends at ${x0 + w}`).toBeLessThanOrEqual(CHART_WIDTH);
    }
  });

  it('the judgement is in words, no ✓ or ✗', () => {
    for (const c of charts) expect(chartSvg(c.chart, c.alt)).not.toMatch(/[✓✗]/);
  });

  it('axes are labelled', () => {
    const svg = (typ: string) => charts.filter((c) => c.chart.typ === typ && !c.tom).map((c) => chartSvg(c.chart, c.alt)).join('');
    expect(svg('faktorer')).toContain('>Bedömning (1 = lägst, 5 = högst)<');
    expect(svg('tidslinje')).toContain('>År<');
    expect(svg('indikatorer')).toMatch(/>Andel av vägen från utgångsvärde \(0 %\)( till)?</);
    expect(svg('indikatorer')).toMatch(/>(till )?målvärde \(100 %\)</);
  });
});

describe('chart contents and alt texts', () => {
  const p = loadProject(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml')).data as unknown as Project;
  const up = buildContext(p, method, 'uppföljning', '2026-11-20').charts;
  const hp = buildContext(p, method, 'handlingsplan', '2025-03-24').charts;

  it('the indicator alt text carries baseline, earlier rounds, outcome, target, target date, unit and judgement', () => {
    // Numbers, units and dates are joined by no-break spaces (values.ts); a screen reader reads them as spaces.
    const alt = up.indikatorer!.alt.replace(/\u00a0/g, ' ');
    expect(alt).toContain('IND1 Andel föräldrar som fullföljer programmet (minst 75 procent av träffarna): utgångsvärde 58 %, U1 64 %, utfall 72 %, målvärde 75 % till 31 december 2027; på väg (82 % av vägen till målet efter 58 % av tiden)');
    expect(alt).toContain('IND2 Andel deltagare som är nöjda med stödet: utgångsvärde 79 %, U1 84 %, utfall 88 %, målvärde 85 % till 31 december 2026; nått');
    expect(up.indikatorer!.alt).not.toMatch(/: \.|, \.|ej nått/);
  });

  it('the timeline alt text says införa, utveckla, fortsätta or avveckla for each insats', () => {
    for (const å of ['införa', 'utveckla', 'fortsätta', 'avveckla']) expect(hp.tidslinje!.alt).toContain(`, ${å}, `);
  });

  it('the plan\'s coverage alt text names each cell\'s kinds, counted once', () => {
    const alt = hp.täckningPlan!.alt;
    expect(alt).toMatch(/utvecklas/);
    expect(alt).toMatch(/ny(tt|a)/);
    expect(alt).toContain('stöd som avvecklas räknas inte');
    const words = texts(chartSvg(hp.täckningPlan!.chart, hp.täckningPlan!.alt)).map((t) => t.text).join(' ');
    expect(words).toContain('Utvecklas: stöd som planen utvecklar');
    expect(words).toContain('Avvecklas: stöd som planen avvecklar; det räknas inte som stöd.');
  });

  it.each<[string, unknown, DokumentId, string, string]>([
    ['no insatser', {}, 'handlingsplan', 'tidslinje', 'Inga insatser är planerade ännu.'],
    ['no indicators', {}, 'uppföljning', 'indikatorer', 'Handlingsplanen har inga indikatorer ännu.'],
    ['indicators, none measured', { handlingsplan: { uppföljningsplan: { indikatorer: [{ id: 'IND1', namn: 'X', målvärde: 5 }] } } }, 'uppföljning', 'indikatorer', 'Ingen indikator är mätt ännu.'],
    ['no factor assessed', {}, 'lägesbild', 'faktorer', 'Ingen av de elva faktorerna är bedömd ännu.'],
    ['nothing mapped, nothing planned', {}, 'handlingsplan', 'täckningPlan', 'Stödet är ej kartlagt ännu och inga insatser är planerade.'],
  ])('an empty chart is left out and says why: %s', (_n, extra, doc, key, tom) => {
    const c = buildContext({ formatversion: 2, projekt: { namn: 'x', kommuner: [{ kod: '1497', namn: 'Hjo' }] }, ...(extra as object) } as unknown as Project, method, doc, '2026-01-01').charts[key]!;
    expect(c.tom).toBe(tom);
    expect(c.alt).toBe(tom);
  });
});

describe.skipIf(lacks('pdfimages', 'pdftotext', 'pdffonts', 'pdfinfo'))('PDF: charts as vectors', () => {
  it('no raster image, the labels as text, every font embedded, the Figure tagged with its alt text', async () => {
    const out = tempDir('fsstod-charts-');
    const r = await runCliAsync(['render', 'alla', join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), '--format', 'pdf', '--ut', out]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = (doc: string) => join(out, readdirSync(out).find((f) => f.includes(doc) && f.endsWith('.pdf'))!);
    for (const doc of ['lägesbild', 'handlingsplan', 'uppföljning']) {
      const images = (await runTool('pdfimages', ['-list', pdf(doc)])).split('\n').slice(2).filter((l) => l.trim());
      expect(images, doc).toEqual([]);
      const fonts = (await runTool('pdffonts', [pdf(doc)])).split('\n').slice(2).filter((l) => l.trim());
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f, doc).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    }
    const text = (doc: string) => runTool('pdftotext', [pdf(doc), '-']);
    const up = await text('uppföljning');
    for (const s of ['Andel av vägen från utgångsvärde (0 %)', 'målvärde (100 %)', '72 % (mål 75', 'På väg', 'Nått', 'IND10 Antal program med stöd i']) expect(up).toContain(s);
    const hp = await text('handlingsplan');
    for (const s of ['I12 Komet för föräldrar till barn 3–11 år', 'Utveckla', 'Avveckla', 'utvecklas', 'Saknas']) expect(hp).toContain(s);
    const lb = await text('lägesbild');
    for (const s of ['Bedömning (1 = lägst, 5 = högst)', '2. Stöd från ledningen', '4 God']) expect(lb).toContain(s);
    // The chart's text is inside the Figure element, which keeps its alt text.
    const struct = await runTool('pdfinfo', ['-struct-text', pdf('uppföljning')]);
    expect(struct).toMatch(/Figure[^\n]*\n\s*"Andel av vägen/);
    const tree = await runTool('pdfinfo', ['-struct', pdf('uppföljning')]);
    expect(tree).toMatch(/Figure/);
    const raw = readFileSync(pdf('uppföljning')).toString('latin1');
    expect(raw).toMatch(/\/Alt \(/);
  });
});

describe.skipIf(lacks('unzip', 'pandoc', 'soffice', 'pdftotext', 'pdfimages'))('DOCX: SVG with a PNG fallback', () => {
  it('word/media holds both; pandoc reads the image; LibreOffice shows the chart', async () => {
    const out = tempDir('fsstod-charts-docx-');
    const r = await runCliAsync(['render', 'uppföljning', join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), '--format', 'docx', '--ut', out]);
    expect(r.code, r.stderr).toBe(0);
    const docx = join(out, readdirSync(out).find((f) => f.endsWith('.docx'))!);
    const list = await runTool('unzip', ['-l', docx]);
    expect(list).toMatch(/word\/media\/\S+\.svg/);
    expect(list).toMatch(/word\/media\/\S+\.png/);
    const xml = await runTool('unzip', ['-p', docx, 'word/document.xml']);
    expect(xml).toMatch(/<asvg:svgBlip [^>]*r:embed="rId\d+"/);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Diagram över indikatorernas utfall i uppföljning U2[^"]*"/);
    const md = await runTool('pandoc', ['-f', 'docx', '-t', 'gfm', docx]);
    expect(md).toMatch(/!\[[^\]]*\]\([^)]+\.png\)|<img [^>]*src="[^"]+\.png"/);
    const conv = tempDir('fsstod-charts-lo-');
    const profile = tempDir('fsstod-charts-lo-profile-');
    await runTool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', conv, docx], { timeout: 180_000 });
    const lo = join(conv, readdirSync(conv).find((f) => f.endsWith('.pdf'))!);
    // LibreOffice places the chart (the PNG fallback, at 144 ppi) by its caption.
    const images = (await runTool('pdfimages', ['-list', lo])).split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image'); // type column: an smask row also says "image" under enc
    expect(images.length).toBe(1);
    expect(Number(images[0]!.trim().split(/\s+/)[12])).toBeGreaterThanOrEqual(144);
    expect(await runTool('pdftotext', [lo, '-'])).toContain('Figur 1. Indikatorernas utfall mot målvärden');
  }, 300_000);
});
