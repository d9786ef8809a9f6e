// DOCX writer (docx): real Heading styles with outline levels, sv-SE, a table of contents that
// links to the headings with PAGEREF page numbers, tables with repeating header rows, charts as
// images with alt text, page numbers and a running header. The parts are zipped once, in name
// order and with fixed dates, so the same project gives byte-identical files.
import {
  AlignmentType, Bookmark, Document, ExternalHyperlink, InternalHyperlink, LeaderType, LevelFormat, PageReference, Tab, TabStopType, Footer, Header, HeadingLevel, ImageRun, PageBreak, PageNumber, Paragraph,
  NoBreakHyphen, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, TableLayoutType,
} from 'docx';
import { ZipFile } from 'yazl';
import { randomUUID } from 'node:crypto';
import type { Block, DocModel, Inline } from '../model.js';
import { contents, linkGroups, plain } from '../model.js';
import { docxParts, imageRun } from './adapter.js';
import { BORDER, CELL_MARGINS, CELL_SPACING, fastTableXml, type CellSpec, type TableSpec } from './fast-table.js';
import { coverRows } from '../cover.js';
import { CHAR_EM, columnWidths, labelColumnWidths, tableTextSize } from '../columns.js';
import { xmlChars } from '../xml.js';
import { hyphenateForColumn, ISO_DATE } from '../hyphen.js';
import { footerText, headerText, type Profil } from '../profil.js';
import { withReferenceStyles, withWidowControl } from './reference.js';
import { withFieldRuns } from './fields.js';

import type { ChartImage } from '../charts.js';
export type { ChartImage };

const NEUTRAL_FONT = 'Arial'; // LibreOffice maps Arial to the metric-compatible Liberation Sans.
const NEUTRAL_BLUE = '1F5FA8';
const NEUTRAL_DARK = '17457A';
const NEUTRAL_LIGHT = 'E8EEF7';
const PAGE_MARGIN = 1300; // twips
const TEXT_WIDTH = 11906 - 2 * PAGE_MARGIN; // A4 is 11906 twips wide
const MONO = 'Courier New'; // LibreOffice: Liberation Mono
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
/** How far each list level and each quote moves its text in (twips). */
const LIST_STEP = 360;
const QUOTE_STEP = 567;
const BULLETS = ['•', '◦', '▪'];

/** A run's text: an ISO date's hyphens as no-break hyphens (Word breaks after "2025-"; hyphen.ts). */
const textOf = (line: string): { text: string } | { children: (string | NoBreakHyphen)[] } => {
  if (!line.match(ISO_DATE)) return { text: line };
  const children: (string | NoBreakHyphen)[] = [];
  let from = 0;
  for (const m of line.matchAll(ISO_DATE)) {
    if (m.index > from) children.push(line.slice(from, m.index));
    m[0].split('-').forEach((part, i) => { if (i) children.push(new NoBreakHyphen()); children.push(part); });
    from = m.index + m[0].length;
  }
  if (from < line.length) children.push(line.slice(from));
  return { children };
};

/** Runs for inline text: links as real hyperlinks (the URL kept), line breaks in code kept. */
const runs = (xs: Inline[], size?: number) => linkGroups(xs).flatMap(({ href, runs: rs }): (TextRun | ExternalHyperlink)[] => {
  const out = rs.flatMap((x) => x.text.split('\n').map((line, k) => new TextRun({
    ...textOf(line), break: k ? 1 : undefined, bold: x.bold, italics: x.italic, strike: x.strike, font: x.code ? MONO : undefined, size, style: href === undefined ? undefined : 'Hyperlink',
  })));
  return href === undefined ? out : [new ExternalHyperlink({ link: href, children: out })];
});

/**
 * Page flow as Word and LibreOffice lay it out: a heading, and a paragraph that is all bold (a
 * question, a label) before its answer, stay on the page of what follows them and are not split
 * (set on the paragraph, so that a kommun's Word template cannot lose it); widow control is in
 * the styles' paragraph defaults (pack()).
 */
const KEEP = { keepNext: true, keepLines: true } as const;
const isLeadIn = (xs: Inline[]) => xs.some((x) => x.text.trim()) && xs.every((x) => x.bold || !x.text.trim());

/**
 * A label/value table (Beslut, Rapportens status): no empty header row; each row's label is set
 * as a header cell (bold, on the header colour), as the row headers of the PDF and HTML.
 */
const labelRows = (rows: Inline[][][], cols: number, cell: (xs: Inline[], header: boolean, i: number, keep: boolean) => CellSpec, keep: (k: number) => boolean): TableSpec['rows'] =>
  rows.map((r, k) => ({ header: false, cells: Array.from({ length: cols }, (_, i) => cell(r[i] ?? [], i === 0, i, keep(k))) }));

/** A table built with docx, as fastTableXml writes it when it can. */
function docxTable(t: TableSpec, indent: number): Table {
  const border = { style: BorderStyle.SINGLE, ...BORDER };
  return new Table({
    width: { size: t.total, type: WidthType.DXA },
    indent: indent ? { size: indent, type: WidthType.DXA } : undefined,
    columnWidths: t.widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: t.rows.map((r) => new TableRow({ ...(r.header ? { tableHeader: true } : {}), cantSplit: true, children: r.cells.map((c, i) => new TableCell({
      width: { size: t.widths[i]!, type: WidthType.DXA },
      // Spacing set on the paragraph: a kommun's Word template whose paragraphs have space after
      // (examples/profil/mall.docx: 10 pt) would otherwise put a tall empty band under every row.
      children: [new Paragraph({ spacing: CELL_SPACING, ...(c.keepNext ? { keepNext: true } : {}), children: runs(c.runs, t.size) })],
      shading: c.header ? { type: ShadingType.CLEAR, fill: t.fill, color: 'auto' } : undefined,
      margins: CELL_MARGINS,
    })) })),
  });
}

/**
 * A table of at most this many rows and about this height (points; a quarter of the page's text)
 * stands whole on one page, with its heading: split, the rest of a short table (Beslut, Rapportens
 * status) leaves a page almost empty. A taller table moved whole would leave the page before it half empty.
 */
const KEEP_TABLE_ROWS = 12;
const KEEP_TABLE_HEIGHT = 200;

/**
 * A chart at its print size (the SVG is laid out in points; docx sizes images in 96 ppi pixels):
 * the SVG itself, with the PNG as the fallback Word's older readers and pandoc show.
 */
function chartRun(img: ChartImage & { png?: Buffer }, b: Extract<Block, { kind: 'figure' }>): ImageRun {
  const transformation = { width: Math.round((img.width * 96) / 72), height: Math.round((img.height * 96) / 72) };
  const altText = { name: `Figur ${b.nummer}`, title: b.caption, description: b.alt };
  return imageRun({ type: 'svg', data: Buffer.from(img.svg, 'utf8'), fallback: { type: 'png', data: img.png! }, transformation, altText });
}

/** Where a block stands: its left edge, the list level it is in, and whether inside a quote. */
interface At { indent: number; level: number; quote: boolean }
const TOP: At = { indent: 0, level: 0, quote: false };

export async function writeDocx(doc: DocModel, images: Map<Block, ChartImage>, warn: (m: string) => void, profil?: Profil): Promise<Buffer> {
  const m = doc.meta;
  // The kommun's profile, if any: its font and colours replace the neutral ones (a Word template's styles go in at pack()).
  const FONT = profil?.typsnitt?.familj ?? NEUTRAL_FONT;
  const hex = (c: string | undefined) => c?.slice(1).toUpperCase();
  const BLUE = hex(profil?.färger.primär) ?? NEUTRAL_BLUE;
  const DARK = hex(profil?.färger.mörk) ?? NEUTRAL_DARK;
  const LIGHT = hex(profil?.färger.ljus) ?? NEUTRAL_LIGHT;
  const logo = profil?.logotyp ? await logoRun(profil.logotyp) : undefined;
  const children: (Paragraph | Table)[] = [];
  /** The paragraph of the last ::sidbrytning, which a heading right after it takes over as its page break before. */
  let pendingBreak: Paragraph | undefined;
  // The headings in the contents get bookmarks that the contents link to.
  const toc = contents(doc.blocks);
  const anchors = new Map<Block, string>(toc.map((h, i) => [h, `_Toc${i + 1}`]));
  // Every list gets its own numbering instance, so that each starts at its own first number.
  let instance = 0;
  const starts = new Set<number>();
  // A short paragraph that introduces a table ("Kostnaderna per insats …:", a fokusområde's
  // description) stays on the page of the table's first row.
  const leadsTable = new Set(doc.blocks.filter((b, i) => b.kind === 'paragraph' && doc.blocks[i + 1]?.kind === 'table' && plain(b.text).length < 600));
  // The tables written as XML (fast-table.ts), by the marker that stands in their place until pack().
  const rawTables = new Map<string, string>();
  const tableMark = `fsstodtabell${randomUUID().replace(/-/g, '')}n`;
  const emit = (b: Block, at: At): void => {
    const indent = at.indent ? { left: at.indent } : undefined;
    switch (b.kind) {
      case 'cover':
        children.push(
          ...(logo ? [new Paragraph({ spacing: { after: 0 }, children: [logo] })] : []),
          new Paragraph({ spacing: { before: logo ? 1200 : 2400, after: 200 }, children: [new TextRun({ text: m.kommun.toUpperCase(), bold: true, color: BLUE, size: 28 })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 300 }, children: [new TextRun({ text: m.titel, size: 56, bold: true })] }),
          new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: m.projekt, size: 28 })] }),
          ...coverRows(m).map(([k, v]) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun({ text: v })] })),
          ...(m.exempel ? [new Paragraph({ spacing: { before: 400 }, shading: { type: ShadingType.CLEAR, fill: 'FFF4CE', color: 'auto' }, children: [new TextRun({ text: 'Exempel – påhittade uppgifter.', bold: true })] })] : []),
          new Paragraph({ children: [new PageBreak()] }),
        );
        break;
      case 'toc':
        // The contents are written out, each entry a link to its heading with the page from a
        // PAGEREF field, rather than as a TOC field: readers other than Word (LibreOffice,
        // converters) show a TOC field's stored text, which is empty until Word fills it, but
        // compute PAGEREF fields themselves. Word updates them on opening (updateFields).
        // "TOC Heading" looks like Heading 1 but is not a heading of the document.
        children.push(new Paragraph({ style: 'TOCHeading', children: [new TextRun('Innehåll')] }));
        for (const h of toc) {
          const anchor = anchors.get(h)!;
          children.push(new Paragraph({
            style: `TOC${h.level}`,
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
            children: [new InternalHyperlink({ anchor, children: [new TextRun({ text: plain(h.text) }), new TextRun({ children: [new Tab()] }), new PageReference(anchor)] })],
          }));
        }
        break;
      case 'heading': {
        const anchor = anchors.get(b);
        // A page break right before a heading is the heading's own "page break before": a paragraph
        // holding only a break that falls at the top of a page would leave that page blank.
        const breakBefore = children.at(-1) === pendingBreak && pendingBreak !== undefined;
        if (breakBefore) children.pop();
        children.push(new Paragraph({ heading: HEADINGS[b.level - 1], indent, ...KEEP, ...(breakBefore ? { pageBreakBefore: true } : {}), children: anchor ? [new Bookmark({ id: anchor, children: runs(b.text) })] : runs(b.text) }));
        break;
      }
      case 'paragraph':
        children.push(new Paragraph({ style: at.quote ? 'Quote' : undefined, indent, spacing: { after: 120 }, ...(isLeadIn(b.text) || leadsTable.has(b) || b.keepNext ? KEEP : {}), children: runs(b.text) }));
        break;
      case 'list': {
        const reference = b.ordered ? `nummer-${b.start}` : 'punkt';
        if (b.ordered) starts.add(b.start);
        const inst = ++instance;
        const inner: At = { indent: at.indent + LIST_STEP, level: at.level + 1, quote: at.quote };
        for (const item of b.items) {
          // The item's first paragraph carries the number or bullet; the rest of it stands indented below.
          const [first, ...rest] = item[0]?.kind === 'paragraph' ? item : [{ kind: 'paragraph', text: [] } as Block, ...item];
          children.push(new Paragraph({
            style: at.quote ? 'Quote' : undefined,
            numbering: { reference, level: Math.min(at.level, 8), instance: inst },
            indent: { left: inner.indent, hanging: LIST_STEP },
            spacing: { after: 60 },
            // A list kept with the next block (:::samman): every item stays with the one after it.
            ...(b.keepNext ? KEEP : {}),
            children: runs((first as Extract<Block, { kind: 'paragraph' }>).text),
          }));
          for (const c of rest) emit(c, inner);
        }
        break;
      }
      case 'quote':
        for (const c of b.blocks) emit(c, { ...at, indent: at.indent + QUOTE_STEP, quote: true });
        break;
      case 'table': {
        const cols = b.header.length;
        const total = 9306 - at.indent;
        // The PDF's text size for the table, so that the columns sized for it hold their words whole.
        const pt = tableTextSize(cols);
        // A word longer than its column holds gets soft hyphens (hyphen.ts, as in the PDF), so that
        // Word and LibreOffice break it with a hyphen instead of anywhere without one.
        const cell = (xs: Inline[], header: boolean, i: number, keepNext: boolean): CellSpec => ({
          header, keepNext,
          runs: xs.map((x) => (x.code || x.href !== undefined ? x : { ...x, text: hyphenateForColumn(x.text, widths[i]!, pt * CHAR_EM * 20, 160) })),
        });
        // A4 text width with our margins is 9306 twips (20 a point); the cell margins (160) and some air are the padding.
        const widths = (b.labels && cols === 2 ? labelColumnWidths(b.rows, total, pt * CHAR_EM * 20, 220) : columnWidths(b.header, b.rows, total, pt * CHAR_EM * 20, 220)).map((w) => Math.round(w));
        // Keep with next on every paragraph of a row keeps it on the page of the next row (each row
        // is also kept whole): a short table stands whole on one page, a longer one keeps its header
        // and first two rows with its heading, and its last two rows together, as the PDF does.
        // Letters a column holds on one line, for the rows' estimated height.
        const fits = (i: number) => Math.floor((widths[i]! - 160) / (pt * CHAR_EM * 20));
        const lines = (r: Inline[][]) => Math.max(1, ...r.map((c, i) => Math.ceil(plain(c).length / Math.max(1, fits(i)))));
        const height = b.rows.reduce((a, r) => a + lines(r) * pt * 1.2 + 4, 0);
        const whole = b.rows.length <= KEEP_TABLE_ROWS && height <= KEEP_TABLE_HEIGHT;
        // The second-to-last row is kept with the last, so that no page holds a table's last row alone.
        const keep = (k: number) => k < b.rows.length - 1 && (whole || k === 0 || k === b.rows.length - 2);
        const spec: TableSpec = {
          total, widths, fill: LIGHT, size: pt * 2,
          rows: b.labels ? labelRows(b.rows, cols, cell, keep) : [
            { header: true, cells: b.header.map((h, i) => cell(h, true, i, b.rows.length > 0)) },
            ...b.rows.map((r, k) => ({ header: false, cells: Array.from({ length: cols }, (_, i) => cell(r[i] ?? [], false, i, keep(k))) })),
          ],
        };
        // A plain table goes in as its XML (pack() puts it where this paragraph's marker stands).
        const xml = at.indent ? undefined : fastTableXml(spec);
        if (xml === undefined) children.push(docxTable(spec, at.indent));
        else {
          const marker = `${tableMark}${rawTables.size}x`;
          rawTables.set(marker, xml);
          children.push(new Paragraph({ children: [new TextRun(marker)] }));
        }
        children.push(new Paragraph({ indent, children: [] }));
        break;
      }
      case 'figure': {
        const img = images.get(b);
        if (!img?.png) { warn(`diagrammet "${b.caption}" kunde inte ritas i DOCX`); break; }
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [chartRun(img, b)] }));
        children.push(new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: b.caption, italics: true, size: 18 })] }));
        break;
      }
      case 'pagebreak':
        pendingBreak = new Paragraph({ children: [new PageBreak()] });
        children.push(pendingBreak);
        break;
      default: {
        const never: never = b;
        warn(`DOCX kan inte återge ${(never as Block).kind}`);
      }
    }
  };
  for (const b of doc.blocks) emit(b, TOP);
  const level = (i: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start = 1) => ({
    level: i, format, text, start, alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_STEP * (i + 1), hanging: LIST_STEP } } },
  });
  const levels9 = Array.from({ length: 9 }, (_, i) => i);
  const numbering = {
    config: [
      { reference: 'punkt', levels: levels9.map((i) => level(i, LevelFormat.BULLET, BULLETS[i % 3]!)) },
      ...[...starts].sort((a, b) => a - b).map((st) => ({ reference: `nummer-${st}`, levels: levels9.map((i) => level(i, LevelFormat.DECIMAL, `%${i + 1}.`, i ? 1 : st)) })),
    ],
  };
  const document = new Document({
    title: `${m.titel} – ${m.kommun}`,
    subject: m.projekt,
    // The author is the kommun, as in the PDF; fsstöd is the tool.
    creator: m.kommun,
    lastModifiedBy: 'fsstöd',
    description: m.projekt,
    revision: 1,
    features: { updateFields: true },
    numbering,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: 'sv-SE' } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: BLUE, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: DARK, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
        heading3: { run: { font: FONT, size: 22, bold: true, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
        heading4: { run: { font: FONT, size: 21, bold: true, italics: true, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true, keepLines: true, outlineLevel: 3 } },
        heading5: { run: { font: FONT, size: 21, bold: true, color: '404040', language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true, keepLines: true, outlineLevel: 4 } },
        heading6: { run: { font: FONT, size: 21, italics: true, color: '404040', language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true, keepLines: true, outlineLevel: 5 } },
        title: { run: { font: FONT, language: { value: 'sv-SE' } } },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
      // Word has a Normal style built in, but readers such as pandoc need it declared to
      // resolve the headings based on it.
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT, size: 21, language: { value: 'sv-SE' } } },
        // Word's built-in names, so that Word uses them when it updates the contents.
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: 32, bold: true, color: BLUE }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: 80, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 240 }, spacing: { after: 40 } } },
        // Word's built-in "Quote": block quotes, with a rule on the left.
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { color: '404040' }, paragraph: { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C9D6E8', space: 8 } } } },
      ],
    },
    sections: [{
      ...pageFrame(headerText(profil, m.titel, m.kommun), footerText(profil, m.titel, m.kommun), FONT),
      children,
    }],
  });
  return pack(document, m.tid, warn, profil, rawTables);
}

/**
 * Margins, and the running header and footer on every page but the first: a title page
 * (w:titlePg) whose own header and footer are empty, as the PDF's first page has none, whether
 * it is a cover or, in the tjänsteskrivelse, the first page of text.
 */
function pageFrame(header: string, sidfot: string | undefined, font: string) {
  const margins = { page: { margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } } };
  // The footer's text and its page-number fields all in one font and size (each field's parts get
  // runs of their own at pack(): fields.ts).
  const pageNo = new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16, font });
  // With the kommun's footer line: the line on the left, the page number at the right margin.
  const foot = sidfot
    ? new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }], children: [new TextRun({ text: sidfot, size: 16, font }), new TextRun({ children: [new Tab()], size: 16, font }), pageNo] })
    : new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNo] });
  const empty = () => [new Paragraph({ children: [] })];
  return {
    properties: { ...margins, titlePage: true },
    headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: header, size: 16, font, color: '6B6B6B' })] })] }), first: new Header({ children: empty() }) },
    footers: { default: new Footer({ children: [foot] }), first: new Footer({ children: empty() }) },
  };
}

/** The profile's logo for the cover, at most 5 × 1.6 cm; an SVG with a PNG beside it for readers without SVG. */
async function logoRun(logo: NonNullable<Profil['logotyp']>): Promise<ImageRun> {
  const scale = Math.min(190 / logo.bredd, 60 / logo.höjd);
  const transformation = { width: Math.round(logo.bredd * scale), height: Math.round(logo.höjd * scale) };
  const altText = { name: 'Logotyp', title: logo.text, description: logo.text };
  if (logo.typ === 'png') return imageRun({ type: 'png', data: logo.data, transformation, altText });
  const { Resvg } = await import('@resvg/resvg-js');
  const img = new Resvg(logo.data.toString('utf8'), { fitTo: { mode: 'width', value: transformation.width * 4 }, background: '#ffffff', font: { loadSystemFonts: false } }).render();
  const { rgbaPng } = await import('../charts.js');
  return imageRun({ type: 'svg', data: logo.data, fallback: { type: 'png', data: rgbaPng(img.pixels, img.width, img.height) }, transformation, altText });
}

/** Each marker's paragraph (writeDocx) replaced by its table's XML. */
function withTables(xml: string, tables: Map<string, string>): string {
  let out = '';
  let from = 0;
  for (const [marker, table] of tables) {
    const at = xml.indexOf(marker, from);
    const start = xml.lastIndexOf('<w:p>', at), end = xml.indexOf('</w:p>', at);
    if (at < 0 || start < from || end < 0) throw new Error(`tabellen ${marker} saknas i DOCX:ens XML`);
    out += xml.slice(from, start) + table;
    from = end + '</w:p>'.length;
  }
  return out + xml.slice(from);
}

/**
 * Same input, same bytes: the package's parts zipped in name order, with fixed dates (docx names
 * media by content hash). Packer.toBuffer would deflate everything in JavaScript with today's
 * date, and zipping that again cost more than writing the document; so the parts come from the
 * compiler Packer itself uses (behind docx/adapter.ts), and yazl zips them once with Node's zlib.
 */
async function pack(document: Document, when: Date, warn: (m: string) => void, profil?: Profil, rawTables = new Map<string, string>()): Promise<Buffer> {
  const parts = docxParts(document);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Zip timestamps are local-time fields; pass a Date whose local fields equal the UTC ones.
  const zdate = new Date(when.getTime() + when.getTimezoneOffset() * 60000);
  const zip = new ZipFile();
  let replaced = false;
  // docx names each external hyperlink's relationship with a random id: number them in the
  // order the document uses them, in the document and its relationships alike.
  const xmls = new Map<string, string>();
  for (const p of parts) if (/\.(xml|rels)$/.test(p.name)) xmls.set(p.name, (await p.data()).toString('utf8'));
  if (rawTables.size) xmls.set('word/document.xml', withTables(xmls.get('word/document.xml') ?? '', rawTables));
  // The kommun's Word template: its styles (and theme and font table) in place of ours, as pandoc's --reference-doc.
  const extra = profil?.wordmall ? withReferenceStyles(xmls, profil.wordmall) : [];
  // docx has no option for widow control in the defaults: put it in the styles' paragraph defaults.
  xmls.set('word/styles.xml', withWidowControl(xmls.get('word/styles.xml') ?? ''));
  for (const [name, xml] of xmls) if (/^word\/(header|footer)\d*\.xml$/.test(name)) xmls.set(name, withFieldRuns(xml));
  const linkIds = new Map<string, string>();
  for (const id of (xmls.get('word/document.xml') ?? '').matchAll(/<w:hyperlink [^>]*r:id="(rId[^"]+)"/g)) if (!linkIds.has(id[1]!)) linkIds.set(id[1]!, `rIdLink${linkIds.size + 1}`);
  const stable = (xml: string) => (linkIds.size ? xml.replace(/"(rId[^"]+)"/g, (all, id: string) => (linkIds.has(id) ? `"${linkIds.get(id)}"` : all)) : xml);
  for (const p of [...parts, ...extra].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const name = p.name;
    let data: Buffer;
    const text = xmls.get(name);
    if (text !== undefined) {
      // Every part of the package that is XML passes here once: only XML characters leave.
      let xml = stable(xmlChars(text, () => { replaced = true; }));
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
      data = Buffer.from(xml, 'utf8');
    } else data = await p.data();
    // Images are compressed already: store them.
    zip.addBuffer(data, name, { mtime: zdate, mode: 0o100644, forceDosTimestamp: true, compress: !/\.(png|jpe?g)$/.test(name) });
  }
  if (replaced) warn('tecken som inte får stå i DOCX (styrtecken eller trasiga Unicode-tecken) ersattes med �');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
