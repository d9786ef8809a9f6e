// PDF writer (pdfkit): tagged PDF (headings, paragraphs, lists, tables with header cells,
// figures with alt text), sv-SE, title displayed, bookmarks, the bundled font embedded, page
// numbers and a running header as artifacts. Dates come from the project, so output is stable.
import PDFDocument from 'pdfkit';
import type { Block, DocModel, Inline } from '../model.js';
import { contents, headingShift, plain } from '../model.js';
import { coverRows } from '../cover.js';
import { CHAR_EM, columnWidths } from '../columns.js';
import { hyphenateForColumn } from '../hyphen.js';
import type { ChartImage } from '../charts.js';
import { readChartSvg } from '../chart-svg.js';
import { drawChartScene } from './chart.js';
import { xmlChars, xmlEscape } from '../xml.js';
import { batchedWrites, escapeXmpInfo, softHyphensUnseen } from './adapter.js';
import { PAD, tableDrawer, type Cell } from './table.js';
import { bundledFontFile, documentFont } from '../font-files.js';
import { footerText, headerText, type Profil } from '../profil.js';

const NEUTRAL_BLUE = '#1f5fa8';
const NEUTRAL_LIGHT = '#e8eef7';
const LINK = '#0b57b0';
/** Inline code: the bundled font has no monospace cut, so code is set apart by colour. */
const CODE = '#7a2e0e';
const BULLETS = ['•', '◦', '▪'];
/** Where a block is drawn: its left edge and width (lists and quotes move in). */
interface Box { x: number; w: number }
const MARGIN = 62;
/** Where the table of contents starts below its heading, and the height of its lines per level. */
const TOC_TOP = MARGIN + 50;
const TOC_LINE: Record<number, number> = { 1: 20, 2: 16 };
const FONTS = [['R', 'Regular'], ['B', 'Bold'], ['I', 'Italic'], ['BI', 'BoldItalic']] as const;

export async function writePdf(doc: DocModel, images: Map<Block, ChartImage>, fontDir: string, warn: (m: string) => void, profil?: Profil): Promise<Buffer> {
  const m = doc.meta;
  // The kommun's profile, if any: its colours and fonts replace the neutral ones.
  const BLUE = profil?.färger.primär ?? NEUTRAL_BLUE;
  const LIGHT = profil?.färger.ljus ?? NEUTRAL_LIGHT;
  const DARK = profil?.färger.mörk ?? BLUE;
  // An SVG logo is drawn as vectors; the library is loaded only for one.
  const svgToPdf = profil?.logotyp?.typ === 'svg' ? (await import('svg-to-pdfkit')).default : undefined;
  const fontFile = (name: (typeof FONTS)[number][0], file: (typeof FONTS)[number][1]) => profil?.typsnitt?.filer[name] ?? bundledFontFile(fontDir, file);
  const info = { Title: xmlChars(`${m.titel} – ${m.kommun}`, warn, 'PDF:ens metadata'), Author: xmlChars(m.kommun), Subject: xmlChars(m.projekt), Creator: 'fsstöd', Producer: 'fsstöd', CreationDate: m.tid, ModDate: m.tid };
  const pdf = new PDFDocument({
    size: 'A4', margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    // PDF/UA-1: pdfuaid in the XMP metadata; what it asks (tags, Lang, title shown, fonts embedded) follows below.
    tagged: true, lang: m.lang, displayTitle: true, pdfVersion: '1.7', bufferPages: true, autoFirstPage: false, subset: 'PDF/UA' as never,
    info: info as PDFKit.DocumentInfo,
  });
  // pdfkit writes the info into the XMP metadata (XML) as it is: give it escaped strings there.
  escapeXmpInfo(pdf, xmlEscape);
  softHyphensUnseen(pdf);
  batchedWrites(pdf);
  // With a cover the title is the one H1; the template's chapters are H2 (as in the HTML).
  const shift = headingShift(doc.blocks);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => pdf.on('end', () => res()));
  // A font of its own that shares the tables decoded so far (font-files.ts); pdfkit's types know only a path or bytes.
  for (const [name, file] of FONTS) pdf.registerFont(name, documentFont(fontFile(name, file)) as unknown as string);
  pdf.addPage();
  pdf.font('R').fontSize(10.5);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const width = pdf.page.width - 2 * MARGIN;
  const FULL: Box = { x: MARGIN, w: width };
  /** A chart as vectors, its text in the document's fonts (embedded, found by pdftotext), inside the Figure's marked content. */
  const drawChart = (img: ChartImage, x: number, y: number, w: number, h: number) => {
    drawChartScene(pdf, readChartSvg(img.svg), x, y, w, h, (s) => (s === 'Bold' ? 'B' : s === 'Italic' ? 'I' : 'R'));
    pdf.font('R');
  };
  const fontOf = (x: Inline) => (x.bold && x.italic ? 'BI' : x.bold ? 'B' : x.italic ? 'I' : 'R');

  /** Mixed-style text as one tagged element: links underlined with a link annotation (the URL kept), struck text struck. */
  const textBlock = (tag: string, xs: Inline[], size: number, opts: PDFKit.Mixins.TextOptions = {}, color = '#1a1a1a', box: Box = FULL, parent: PDFKit.PDFStructureElement = root) => {
    const parts = xs.length ? xs : [{ text: '' }];
    const el = pdf.struct(tag);
    parent.add(el);
    pdf.fontSize(size);
    parts.forEach((x, i) => {
      const o = { ...opts, width: box.w, continued: i < parts.length - 1, underline: x.href !== undefined, strike: Boolean(x.strike), link: x.href ?? null } as PDFKit.Mixins.TextOptions;
      const run = () => {
        pdf.font(fontOf(x)).fillColor(x.href !== undefined ? LINK : x.code ? CODE : color);
        // Only the first run sets the position: pdfkit reads text(s, undefined, undefined, o) as text(s, {}) and drops o.
        if (i === 0) pdf.text(x.text, box.x, pdf.y, o);
        else pdf.text(x.text, o);
      };
      // A link is its own Link element, which holds its annotation (PDF/UA).
      if (x.href !== undefined) el.add(pdf.struct('Link', {}, run));
      else el.add(run);
    });
    el.end();
    pdf.x = box.x;
  };
  // A new page only helps when we are not already at the top of one.
  const ensure = (h: number) => { if (pdf.y + h > pdf.page.height - MARGIN - 10 && pdf.y > pdf.page.margins.top + 1) pdf.addPage(); };
  /** Height of `text` set in `font` and `size`, wrapped at `w`. */
  // A block is measured more than once (keep-with-next, widows and orphans, its start): the
  // wrapping once per text, font, size, width and gap. The font is set either way (callers read it).
  const measured = new Map<string, number>();
  const measure = (text: string, font: string, size: number, w: number, lineGap = 0) => {
    pdf.font(font).fontSize(size);
    const key = `${font}\u0000${size}\u0000${w}\u0000${lineGap}\u0000${text}`;
    let h = measured.get(key);
    if (h === undefined) measured.set(key, (h = pdf.heightOfString(text || ' ', { width: w, lineGap })));
    return h;
  };
  const firstLines = (text: string, font: string, size: number, w: number, lineGap: number, n = 3) => Math.min(measure(text, font, size, w, lineGap), n * (pdf.currentLineHeight(true) + lineGap));

  type TableBlock = Extract<Block, { kind: 'table' }>;
  type TableLayout = ReturnType<typeof layTable>;
  // Laid out once: keep-with-next measures a table's start before the table itself is drawn.
  const layouts = new Map<TableBlock, TableLayout>();
  const tableLayout = (b: TableBlock, w: number): TableLayout => {
    let l = layouts.get(b);
    if (!l || l.width !== w) layouts.set(b, (l = layTable(b, w)));
    return l;
  };
  const layTable = (b: TableBlock, width: number) => {
    const cols = b.header.length;
    const size = cols > 6 ? 7.5 : 8.5;
    // A cell is set in one font, without link annotations: a link keeps its URL in the text.
    // Words too long for the column get soft hyphens (hyphen.ts, as in the DOCX); links and code do not.
    const cellText = (xs: Inline[], k?: number): string => xs.map((x) => {
      if (x.href !== undefined || x.code) return x.href !== undefined && x.href !== x.text ? `${x.text} (${x.href})` : x.text;
      return k === undefined ? x.text : hyphenateForColumn(x.text, widths[k]!, size * CHAR_EM, 2 * PAD);
    }).join('');
    const fontOfCell = (xs?: Inline[]) => (xs?.some((x) => x.bold) ? 'B' : xs?.some((x) => x.italic) ? 'I' : 'R');
    const widths: number[] = b.labels && cols === 2
      ? labelWidths(b.rows.map((r) => cellText(r[0] ?? [])), size, width)
      : columnWidths(b.header, b.rows, width, size * CHAR_EM, 10);
    const head: Cell[] = b.header.map((h, k) => ({ text: cellText(h, k), font: 'B', size, background: LIGHT, scope: 'Column' }));
    // A label/value table (Beslut, Rapportens status) has no header row: each row's label is its
    // header cell (TH, Scope Row), set bold on the header colour.
    const rows: Cell[][] = b.rows.map((r) => Array.from({ length: cols }, (_, i): Cell => (b.labels && i === 0
      ? { text: cellText(r[i] ?? [], i), font: 'B', size, background: LIGHT, scope: 'Row' }
      : { text: cellText(r[i] ?? [], i), font: fontOfCell(r[i]), size })));
    return { size, head, rows, widths, width };
  };
  /** A label/value table: the labels as wide as the longest (bold), at most 40 %; the values the rest. */
  const labelWidths = (labels: string[], size: number, width: number) => {
    const longest = Math.max(...labels.map((t) => pdf.font('B').fontSize(size).widthOfString(t)));
    const label = Math.min(width * 0.4, longest + 2 * PAD + 6);
    return [label, width - label];
  };
  const tables = tableDrawer(pdf);
  /** The header row and the first two rows: what must share a page with the table's heading. */
  const tableStart = (b: TableBlock, w: number) => {
    const { head, rows, widths } = tableLayout(b, w);
    return [...(b.labels ? [] : [head]), ...rows.slice(0, 2)].reduce((a, r) => a + tables.rowHeight(r, widths), 0);
  };
  /** A paragraph wholly in bold: a question or a lead-in that belongs with what follows. */
  const isLead = (b: Extract<Block, { kind: 'paragraph' }>) => b.text.length > 0 && b.text.every((x) => x.bold && x.href === undefined) && plain(b.text).trim() !== '';
  /**
   * Widows and orphans: where a paragraph would leave one line alone at the foot of the page, it
   * starts on the next page; where it would leave one line alone at the head of the next page, the
   * page ends a line earlier. Returns how much to raise the page's bottom for this paragraph.
   */
  const paragraphFlow = (b: Extract<Block, { kind: 'paragraph' }>, box: Box, tight: boolean): number => {
    const gap = tight ? 1.5 : 2;
    const font = b.text.every((x) => x.bold) ? 'B' : 'R';
    pdf.font(font).fontSize(10.5);
    const lh = pdf.currentLineHeight(true) + gap;
    const n = Math.round(measure(plain(b.text), font, 10.5, box.w, gap) / lh);
    const fit = Math.floor((pdf.page.height - pdf.page.margins.bottom - pdf.y) / lh);
    if (fit >= n || pdf.y <= pdf.page.margins.top + 1) return 0;
    if (fit < 2 || (n - fit === 1 && fit - 1 < 2)) { pdf.addPage(); return 0; }
    return n - fit === 1 ? lh : 0;
  };
  /** The height a paragraph needs at its start on a page before paragraphFlow would move it on. */
  const paragraphStart = (b: Extract<Block, { kind: 'paragraph' }>, box: Box, tight: boolean): number => {
    const gap = tight ? 1.5 : 2;
    const font = b.text.every((x) => x.bold) ? 'B' : 'R';
    pdf.font(font).fontSize(10.5);
    const lh = pdf.currentLineHeight(true) + gap;
    const n = Math.max(1, Math.round(measure(plain(b.text), font, 10.5, box.w, gap) / lh));
    return Math.max(20, (n <= 3 ? n : 2) * lh + 2);
  };
  /** A page less than 15 % full: an asked-for page break there would leave it 85 % empty. */
  const nearlyEmpty = () => (pdf.y - pdf.page.margins.top) / (pdf.page.height - pdf.page.margins.top - pdf.page.margins.bottom) < 0.15;
  const figureSize = (b: Extract<Block, { kind: 'figure' }>, width: number) => {
    const img = images.get(b);
    if (!img) return undefined;
    // Drawn at its print size (the SVG is laid out in points), smaller only where the box is narrower.
    // A chart taller than a page (a timeline of many insatser) is scaled to fit one, with its caption.
    const room = pdf.page.height - pdf.page.margins.top - pdf.page.margins.bottom - 40;
    const w = Math.min(width, img.width, (img.width * room) / img.height), h = (img.height / img.width) * w;
    return { w, h, total: h + 6 + measure(b.caption, 'I', 9, width) + 10 };
  };
  const headingSize = (level: number) => [18, 14, 12, 11, 10.5, 10.5][level - 1]!;
  /** Room a block needs to keep its start together, and a heading to stay with the start of what follows it ("keep with next"). */
  const keepWithNext = (blocks: Block[], i: number, width: number): number => {
    const b = blocks[i];
    // A block kept with the next (:::samman): all of it, and the start of the next.
    if (b && 'keepNext' in b && b.keepNext) return fullHeight(b, width) + keepWithNext(blocks, i + 1, width);
    switch (b?.kind) {
      // The heading's lines, the space around it, and the start of the block after it.
      case 'heading': { const size = headingSize(b.level); return measure(plain(b.text), 'B', size, width) + 12 + size * 0.5 + keepWithNext(blocks, i + 1, width); }
      // At least the room the paragraph itself asks for before it starts (its ensure below).
      // A lead (all bold) keeps its own next block, so a heading above it goes along too.
      case 'paragraph': return isLead(b) && i + 1 < blocks.length ? measure(plain(b.text), 'B', 10.5, width, 2) + 6 + keepWithNext(blocks, i + 1, width) : Math.max(firstLines(plain(b.text), 'R', 10.5, width, 2), 30);
      case 'list': return b.items.length ? keepWithNext(b.items[0]!, 0, width - 24) : 0;
      case 'quote': return keepWithNext(b.blocks, 0, width - 14);
      case 'table': return tableStart(b, width) + 10;
      case 'figure': return figureSize(b, width)?.total ?? 0;
      default: return 0;
    }
  };
  /** The whole height of a heading, paragraph or list of paragraphs (the room :::samman keeps). */
  const fullHeight = (b: Block, width: number): number => {
    switch (b.kind) {
      case 'heading': { const size = headingSize(b.level); return measure(plain(b.text), 'B', size, width) + 12 + size * 0.5; }
      case 'paragraph': return measure(plain(b.text), isLead(b) ? 'B' : 'R', 10.5, width, 2) + 8;
      case 'list': return b.items.reduce((a, it) => a + it.reduce((h, c) => h + fullHeight(c, width - 24), 0), 0);
      default: return keepWithNext([b], 0, width);
    }
  };
  /** The page each heading landed on, for the contents. */
  const pageOf = new Map<Block, number>();
  let tocPage = -1;
  let tocStruct: PDFKit.PDFStructureElement | undefined;
  const outlineStack: PDFKit.PDFOutline[] = [pdf.outline];
  let tableNo = 0;
  /** The text, shortened with an ellipsis to fit maxWidth in the current font. */
  const fitWidth = (text: string, maxWidth: number) => {
    if (pdf.widthOfString(text) <= maxWidth) return text;
    let t = text;
    while (t.length > 1 && pdf.widthOfString(`${t}…`) > maxWidth) t = t.slice(0, -1);
    return `${t.trimEnd()}…`;
  };
  /**
   * One line of the contents: TOCI holding a Link (the title, with the link annotation to the
   * heading over the whole line) and a Reference (the page number), so the two are apart in the tags.
   */
  const tocEntry = (toc: PDFKit.PDFStructureElement, h: Extract<Block, { kind: 'heading' }>, indent: number, size: number, y: number) => {
    const item = pdf.struct('TOCI');
    toc.add(item);
    const link = pdf.struct('Link');
    item.add(link);
    link.add(() => {
      pdf.font(h.level === 1 ? 'B' : 'R').fontSize(size).fillColor('#1a1a1a');
      pdf.text(fitWidth(plain(h.text), width - indent - 50), MARGIN + indent, y, { lineBreak: false });
    });
    pdf.goTo(MARGIN + indent, y, width - indent, pdf.currentLineHeight(true), h.id, { structParent: link } as never);
    link.end();
    item.add(pdf.struct('Reference', {}, () => {
      pdf.font('R').fontSize(size).fillColor('#1a1a1a').text(String(pageOf.get(h) ?? ''), MARGIN + width - 40, y, { width: 40, align: 'right', lineBreak: false });
    }));
    item.end();
  };
  /** Where each line of the contents goes: page (counted from the first contents page) and y. */
  const tocPlaces = (levels: number[]) => {
    const bottom = pdf.page.height - MARGIN - 20;
    // Contents a few lines too long for one page get closer lines rather than a page of their own
    // that is nearly empty (and one more page to turn); no closer than 85 % of the usual spacing.
    const total = levels.reduce((sum, level) => sum + TOC_LINE[level]!, 0);
    const scale = total > bottom - TOC_TOP && total * 0.85 <= bottom - TOC_TOP ? (bottom - TOC_TOP) / total : 1;
    let page = 0;
    let y = TOC_TOP;
    return levels.map((level) => {
      const line = TOC_LINE[level]! * scale;
      if (y + line > bottom + 0.01) { page++; y = pdf.page.margins.top; }
      const at = { page, y };
      y += line;
      return at;
    });
  };

  /**
   * Draws blocks into `box`, their structure elements into `parent`. `top`: the document's own
   * level (headings there get bookmarks and the contents); `tight`: inside a list item.
   */
  const draw = (blocks: Block[], box: Box, parent: PDFKit.PDFStructureElement, top: boolean, tight: boolean, depth: number): void => {
    for (const [i, b] of blocks.entries()) {
      pdf.x = box.x;
      switch (b.kind) {
        case 'cover': {
          if (profil?.logotyp) drawLogo(pdf, root, profil.logotyp, MARGIN, 70, svgToPdf);
          pdf.y = 190;
          root.add(pdf.struct('P', {}, () => { pdf.font('B').fontSize(14).fillColor(BLUE).text(m.kommun.toUpperCase(), { width, characterSpacing: 1 }); }));
          pdf.moveDown(0.6);
          root.add(pdf.struct('H1', {}, () => { pdf.font('B').fontSize(30).fillColor('#1a1a1a').text(m.titel, { width }); }));
          pdf.outline.addItem(m.titel);
          pdf.moveDown(0.4);
          root.add(pdf.struct('P', {}, () => { pdf.font('R').fontSize(14).fillColor('#333333').text(m.projekt, { width }); }));
          pdf.moveDown(2);
          pdf.save().rect(MARGIN, pdf.y, width, 3).fill(BLUE).restore();
          pdf.moveDown(1);
          for (const [k, v] of coverRows(m)) root.add(pdf.struct('P', {}, () => { pdf.fillColor('#1a1a1a').fontSize(11.5).font('B').text(`${k}: `, { continued: true }).font('R').text(v); }));
          if (m.exempel) {
            pdf.moveDown(1.5);
            root.add(pdf.struct('P', {}, () => { pdf.font('B').fontSize(12).fillColor('#8a5300').text('Exempel – påhittade uppgifter.', { width }); }));
          }
          pdf.addPage();
          break;
        }
        case 'toc': {
          // Filled in at the end, when the pages of the headings are known; the pages it needs
          // are kept now, since the number of headings is known.
          // "Innehåll" names the contents; it is not a chapter of the document (no heading).
          root.add(pdf.struct('P', {}, () => { pdf.font('B').fontSize(18).fillColor(BLUE).text('Innehåll', { width }); }));
          tocPage = pdf.bufferedPageRange().count - 1;
          tocStruct = pdf.struct('TOC');
          root.add(tocStruct);
          const places = tocPlaces(contents(doc.blocks).map((h) => h.level));
          for (let p = 0; p <= (places.at(-1)?.page ?? 0); p++) pdf.addPage();
          break;
        }
        case 'heading': {
          const size = headingSize(b.level);
          ensure(keepWithNext(blocks, i, box.w));
          if (b.level === 1) pdf.moveDown(0.6);
          pdf.moveDown(0.3);
          // The contents link here.
          pdf.addNamedDestination(b.id, 'XYZ', box.x, pdf.y, null);
          textBlock(`H${Math.min(6, b.level + shift)}`, b.text.map((x) => ({ ...x, bold: true })), size, {}, b.level === 1 ? BLUE : b.level === 2 ? DARK : '#1a1a1a', box, parent);
          pdf.moveDown(0.3);
          const text = plain(b.text);
          pageOf.set(b, pdf.bufferedPageRange().count);
          if (top && b.level <= 2) {
            const up = outlineStack[Math.min(b.level - 1, outlineStack.length - 1)]!;
            const item = up.addItem(text);
            outlineStack.length = b.level;
            outlineStack[b.level] = item;
          }
          break;
        }
        case 'paragraph': {
          ensure(tight ? 20 : 30);
          if (b.keepNext) ensure(keepWithNext(blocks, i, box.w));
          // A question (a paragraph all in bold) stays with the start of its answer.
          if (isLead(b) && i + 1 < blocks.length) ensure(measure(plain(b.text), 'B', 10.5, box.w, 2) + 6 + keepWithNext(blocks, i + 1, box.w));
          const page = pdf.page, extra = paragraphFlow(b, box, tight);
          page.margins.bottom += extra;
          textBlock('P', b.text, 10.5, { lineGap: tight ? 1.5 : 2 }, '#1a1a1a', box, parent);
          page.margins.bottom -= extra;
          pdf.moveDown(tight ? 0.15 : 0.5);
          break;
        }
          break;
        case 'list': {
          if (b.keepNext) ensure(keepWithNext(blocks, i, box.w));
          const list = pdf.struct('L');
          parent.add(list);
          const inner: Box = { x: box.x + 24, w: box.w - 24 };
          b.items.forEach((it, k) => {
            // The marker goes where its text starts: room for as many lines of the first paragraph
            // as paragraphFlow keeps together, or the marker is left alone at the foot of a page.
            const first = it[0];
            ensure(first?.kind === 'paragraph' ? paragraphStart(first, inner, true) : 20);
            const li = pdf.struct('LI');
            list.add(li);
            const y = pdf.y;
            li.add(pdf.struct('Lbl', {}, () => { pdf.font('R').fontSize(10.5).fillColor('#1a1a1a').text(b.ordered ? `${b.start + k}.` : BULLETS[depth % 3]!, box.x + 6, y, { width: 18 }); }));
            pdf.y = y;
            const body = pdf.struct('LBody');
            li.add(body);
            draw(it.length ? it : [{ kind: 'paragraph', text: [] }], inner, body, false, true, depth + 1);
            body.end();
            li.end();
            pdf.x = box.x;
          });
          list.end();
          if (!tight) pdf.moveDown(0.5);
          break;
        }
        case 'quote': {
          const quote = pdf.struct('BlockQuote');
          parent.add(quote);
          const page = pdf.page, y0 = pdf.y;
          draw(b.blocks, { x: box.x + 14, w: box.w - 14 }, quote, false, tight, depth);
          quote.end();
          // A rule on the left, on the page where the quote ends (decoration: an artifact).
          const from = pdf.page === page ? y0 : pdf.page.margins.top;
          pdf.markContent('Artifact', { type: 'Layout' });
          pdf.save().rect(box.x + 2, from, 2.5, Math.max(pdf.y - from - 4, 4)).fill('#c9d6e8').restore();
          pdf.endMarkedContent();
          pdf.x = box.x;
          break;
        }
        case 'table': {
          ensure(tableStart(b, box.w));
          const { head, rows, widths } = tableLayout(b, box.w);
          tableNo++;
          // An id per document (pdfkit's default counts across documents in one process).
          tables.drawTable({ id: `tabell-${tableNo}`, parent, x: box.x, widths, ...(b.labels ? {} : { head }), rows });
          pdf.font('R').fontSize(10.5).fillColor('#1a1a1a');
          pdf.moveDown(0.8);
          break;
        }
        case 'figure': {
          const img = images.get(b), fig = figureSize(b, box.w);
          if (!img || !fig) { warn(`diagrammet "${b.caption}" kunde inte ritas i PDF`); break; }
          const { w, h } = fig;
          ensure(fig.total);
          const y = pdf.y;
          // The caption is inside its figure (PDF/UA): Figure holds the chart (vectors) and its Caption.
          const figure = pdf.struct('Figure', { alt: b.alt });
          parent.add(figure);
          figure.add(() => { drawChart(img, box.x + (box.w - w) / 2, y, w, h); });
          pdf.y = y + h + 6;
          textBlock('Caption', [{ text: b.caption, italic: true }], 9, { align: 'center' }, '#444444', box, figure);
          figure.end();
          pdf.moveDown(0.8);
          break;
        }
        case 'pagebreak':
          if (pdf.y > pdf.page.margins.top + 5 && !nearlyEmpty()) pdf.addPage();
          break;
        default: {
          const never: never = b;
          warn(`PDF kan inte återge ${(never as Block).kind}`);
        }
      }
    }
  };
  draw(doc.blocks, FULL, root, true, false, 0);

  const range = pdf.bufferedPageRange();
  if (tocPage >= 0 && tocStruct) {
    // Chapters (level 1) and their sections (level 2), on the pages kept for them.
    const entries = contents(doc.blocks);
    const places = tocPlaces(entries.map((h) => h.level));
    entries.forEach((h, k) => {
      const { page, y } = places[k]!;
      pdf.switchToPage(tocPage + page);
      const indent = h.level === 1 ? 0 : 14;
      const size = h.level === 1 ? 11 : 10;
      tocEntry(tocStruct!, h, indent, size, y);
    });
    tocStruct.end();
  }
  // Running header and page numbers, marked as artifacts so screen readers skip them.
  for (let i = 1; i < range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('R').fontSize(8).fillColor('#6b6b6b');
    pdf.text(headerText(profil, m.titel, m.kommun), MARGIN, 32, { width, align: 'right', lineBreak: false });
    const sidfot = footerText(profil, m.titel, m.kommun);
    if (sidfot) {
      // The kommun's footer line on the left, the page number on the right.
      pdf.text(sidfot, MARGIN, pdf.page.height - 40, { width: width - 90, align: 'left', lineBreak: false });
      pdf.text(`Sida ${i + 1} av ${range.count}`, MARGIN + width - 90, pdf.page.height - 40, { width: 90, align: 'right', lineBreak: false });
    } else pdf.text(`Sida ${i + 1} av ${range.count}`, MARGIN, pdf.page.height - 40, { width, align: 'center', lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
  root.end();
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

/** The profile's logo on the cover, at most 200 × 64 pt, as a figure with its alt text (SVG drawn as vectors). */
function drawLogo(pdf: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, logo: NonNullable<Profil['logotyp']>, x: number, y: number, svgToPdf?: typeof import('svg-to-pdfkit').default): void {
  const scale = Math.min(200 / logo.bredd, 64 / logo.höjd);
  const w = logo.bredd * scale, h = logo.höjd * scale;
  root.add(pdf.struct('Figure', { alt: logo.text }, () => {
    if (logo.typ === 'png') pdf.image(logo.data, x, y, { width: w, height: h });
    else svgToPdf?.(pdf, logo.data.toString('utf8'), x, y, { width: w, height: h, assumePt: false, preserveAspectRatio: 'xMinYMin meet' });
  }));
}
