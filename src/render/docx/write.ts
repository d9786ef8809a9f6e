// DOCX writer (docx): real Heading styles with outline levels, sv-SE, a table of contents that
// links to the headings with PAGEREF page numbers, tables with repeating header rows, charts as
// images with alt text, page numbers and a running header. The parts are zipped once, in name
// order and with fixed dates, so the same project gives byte-identical files.
import {
  AlignmentType, Bookmark, Document, InternalHyperlink, LeaderType, PageReference, Tab, TabStopType, Footer, Header, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, TableLayoutType,
} from 'docx';
import { ZipFile } from 'yazl';
import type { Block, DocModel, Inline } from '../model.js';
import { contents, plain } from '../model.js';
import { coverRows } from '../cover.js';
import { columnWidths } from '../columns.js';
import { xmlChars } from '../xml.js';

export interface ChartImage { png: Buffer; width: number; height: number }

const FONT = 'Arial'; // LibreOffice maps Arial to the metric-compatible Liberation Sans.
const BLUE = '1F5FA8';
const PAGE_MARGIN = 1300; // twips
const TEXT_WIDTH = 11906 - 2 * PAGE_MARGIN; // A4 is 11906 twips wide
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const runs = (xs: Inline[], size?: number) => xs.map((x) => new TextRun({ text: x.text, bold: x.bold, italics: x.italic, size }));

export async function writeDocx(doc: DocModel, images: Map<Block, ChartImage>, warn: (m: string) => void): Promise<Buffer> {
  const m = doc.meta;
  const children: (Paragraph | Table)[] = [];
  // The headings in the contents get bookmarks that the contents link to.
  const toc = contents(doc.blocks);
  const anchors = new Map<Block, string>(toc.map((h, i) => [h, `_Toc${i + 1}`]));
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'cover':
        children.push(
          new Paragraph({ spacing: { before: 2400, after: 200 }, children: [new TextRun({ text: m.kommun.toUpperCase(), bold: true, color: BLUE, size: 28 })] }),
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
        children.push(new Paragraph({ heading: HEADINGS[b.level - 1], children: anchor ? [new Bookmark({ id: anchor, children: runs(b.text) })] : runs(b.text) }));
        break;
      }
      case 'paragraph':
        children.push(new Paragraph({ spacing: { after: 120 }, children: runs(b.text) }));
        break;
      case 'list':
        b.items.forEach((it, i) => children.push(b.ordered
          ? new Paragraph({ indent: { left: 360 }, children: [new TextRun(`${i + 1}. `), ...runs(it)] })
          : new Paragraph({ bullet: { level: 0 }, children: runs(it) })));
        break;
      case 'table': {
        const cols = b.header.length;
        const cell = (xs: Inline[], header: boolean, i: number) => new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          children: [new Paragraph({ children: runs(xs, 18) })],
          shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF7', color: 'auto' } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
        });
        // A4 text width with our margins is 9306 twips; 9 pt text is about 100 twips a character.
        const widths = columnWidths(b.header, b.rows, 9306, 100, 220).map((w) => Math.round(w));
        children.push(new Table({
          width: { size: 9306, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: { top: { style: BorderStyle.SINGLE, size: 4, color: 'B8C4D4' }, bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B8C4D4' }, left: { style: BorderStyle.SINGLE, size: 4, color: 'B8C4D4' }, right: { style: BorderStyle.SINGLE, size: 4, color: 'B8C4D4' }, insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'B8C4D4' }, insideVertical: { style: BorderStyle.SINGLE, size: 4, color: 'B8C4D4' } },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, true, i)) }),
            ...b.rows.map((r) => new TableRow({ cantSplit: true, children: Array.from({ length: cols }, (_, i) => cell(r[i] ?? [], false, i)) })),
          ],
        }));
        children.push(new Paragraph({ children: [] }));
        break;
      }
      case 'figure': {
        const img = images.get(b);
        if (!img) { warn(`diagrammet "${b.caption}" kunde inte ritas i DOCX`); break; }
        const w = 600, h = Math.round((img.height / img.width) * w);
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new ImageRun({ type: 'png', data: img.png, transformation: { width: w, height: h }, altText: { name: `Figur ${b.nummer}`, title: b.caption, description: b.alt } })] }));
        children.push(new Paragraph({ style: 'Caption', spacing: { after: 240 }, children: [new TextRun({ text: b.caption, italics: true, size: 18 })] }));
        break;
      }
      case 'pagebreak':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      default: {
        const never: never = b;
        warn(`DOCX kan inte återge ${(never as Block).kind}`);
      }
    }
  }
  const document = new Document({
    title: `${m.titel} – ${m.kommun}`,
    subject: m.projekt,
    creator: 'fsstöd',
    lastModifiedBy: 'fsstöd',
    description: m.projekt,
    revision: 1,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: 'sv-SE' } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: BLUE, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '17457A', language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
        heading3: { run: { font: FONT, size: 22, bold: true, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
        title: { run: { font: FONT, language: { value: 'sv-SE' } } },
      },
      // Word has a Normal style built in, but readers such as pandoc need it declared to
      // resolve the headings based on it.
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT, size: 21, language: { value: 'sv-SE' } } },
        // Word's built-in names, so that Word uses them when it updates the contents.
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: 32, bold: true, color: BLUE }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: 80, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 240 }, spacing: { after: 40 } } },
      ],
    },
    sections: [{
      properties: { page: { margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } } },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${m.titel} – ${m.kommun}`, size: 16, color: '6B6B6B' })] })] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      children,
    }],
  });
  return pack(document, m.tid, warn);
}

/** The parts of the package as docx's compiler leaves them (a JSZip object, not yet zipped). */
interface Parts { files: Record<string, { dir: boolean; async(type: 'nodebuffer'): Promise<Buffer> }> }

/**
 * Same input, same bytes: the package's parts zipped in name order, with fixed dates (docx names
 * media by content hash). Packer.toBuffer would deflate everything in JavaScript with today's
 * date, and zipping that again cost more than writing the document; so the parts come from the
 * compiler Packer itself uses, and yazl zips them once with Node's zlib.
 */
async function pack(document: Document, when: Date, warn: (m: string) => void): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler?: { compile(d: Document): Parts } }).compiler;
  if (!compiler) throw new Error('docx: Packer.compiler saknas (ny docx-version?)');
  const parts = compiler.compile(document);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Zip timestamps are local-time fields; pass a Date whose local fields equal the UTC ones.
  const zdate = new Date(when.getTime() + when.getTimezoneOffset() * 60000);
  const zip = new ZipFile();
  let replaced = false;
  for (const name of Object.keys(parts.files).sort()) {
    const f = parts.files[name]!;
    if (f.dir) continue;
    let data = await f.async('nodebuffer');
    if (/\.(xml|rels)$/.test(name)) {
      // Every part of the package that is XML passes here once: only XML characters leave.
      let xml = xmlChars(data.toString('utf8'), () => { replaced = true; });
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
      data = Buffer.from(xml, 'utf8');
    }
    // Images are compressed already: store them.
    zip.addBuffer(data, name, { mtime: zdate, mode: 0o100644, forceDosTimestamp: true, compress: !/\.(png|jpe?g)$/.test(name) });
  }
  if (replaced) warn('tecken som inte får stå i DOCX (styrtecken eller trasiga Unicode-tecken) ersattes med �');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

