// Tables in the PDF, drawn here rather than with pdfkit's table: pdfkit wraps each cell's text
// five times (two measuring passes of two bounds each, then the drawing), and the översikt of the
// whole country has some 4 000 cells. Here a cell is measured once and drawn once, and a cell of
// one line that fits is neither wrapped to measure it nor to draw it. The tags are pdfkit's:
// Table > TR > TH/TD, each cell with an ID and its attributes (Scope on a header cell, Headers on a
// data cell: the IDs of its column's and its row's header cells).
import { tagCell } from './adapter.js';

export interface Cell {
  text: string;
  font: 'R' | 'B' | 'I';
  size: number;
  /** A header cell: of its column (the header row) or of its row (a label/value table's labels). */
  scope?: 'Column' | 'Row';
  background?: string;
}

export const PAD = 3;
const BORDER = 0.5;
const BORDER_COLOR = '#b8c4d4';
const TEXT = '#1a1a1a';

/** Measures and draws table rows in one document; a row is measured once (keep-with-next asks too). */
export function tableDrawer(pdf: PDFKit.PDFDocument) {
  const heights = new WeakMap<Cell[], number>();
  /** Cells of one line that fits (found when measured): drawn without pdfkit's line wrapper. */
  const oneLine = new WeakSet<Cell>();
  const cellHeight = (c: Cell, w: number) => {
    pdf.font(c.font).fontSize(c.size);
    if (/[\n\u00ad]/.test(c.text) || pdf.widthOfString(c.text) > w) return pdf.heightOfString(c.text || ' ', { width: w, lineGap: 0 });
    oneLine.add(c);
    return pdf.currentLineHeight(true);
  };
  const rowHeight = (row: Cell[], widths: number[]): number => {
    let h = heights.get(row);
    if (h === undefined) heights.set(row, (h = Math.max(...row.map((c, k) => cellHeight(c, widths[k]! - 2 * PAD))) + 2 * PAD));
    return h;
  };

  /** One row at y: backgrounds, borders and text; with `tags`, each cell in its TH/TD element. */
  const drawRow = (row: Cell[], widths: number[], x: number, y: number, tags?: { tr: PDFKit.PDFStructureElement; id: string; rowIndex: number; columnHeads: string[] }) => {
    const h = rowHeight(row, widths);
    // A row taller than a page (pdfkit clamps it too): the text is cut to the page, with "…".
    const room = pdf.page.maxY() - y;
    const clamp = h > room + 0.01 ? room : undefined;
    let cx = x;
    const rowHead = tags && row[0]?.scope === 'Row' ? `${tags.id}-${tags.rowIndex}-0` : undefined;
    row.forEach((c, k) => {
      const w = widths[k]!, at = cx;
      cx += w;
      const paint = () => {
        if (c.background) pdf.save().fillColor(c.background).rect(at, y, w, clamp ?? h).fill().restore();
        if (!c.text) return;
        pdf.font(c.font).fontSize(c.size).fillColor(TEXT);
        const tw = w - 2 * PAD;
        if (clamp === undefined && oneLine.has(c)) pdf.text(c.text, at + PAD, y + PAD, { lineBreak: false });
        else pdf.text(c.text, at + PAD, y + PAD, { width: tw, ...(clamp !== undefined ? { height: clamp - 2 * PAD, ellipsis: true } : {}) });
      };
      if (!tags) { paint(); return; }
      const id = `${tags.id}-${tags.rowIndex}-${k}`;
      const headers = c.scope ? [] : [tags.columnHeads[k], rowHead].filter((s): s is string => s !== undefined);
      tagCell(pdf, tags.tr, c.scope ? 'TH' : 'TD', id, { ...(c.scope ? { Scope: c.scope } : {}), ...(headers.length ? { Headers: headers.map((s) => new String(s)) } : {}) }, paint);
    });
    // The row's borders in one path, after its cells (so no neighbour's background covers half a
    // line); decoration, so an artifact where the cells are tagged (an untagged row is one already).
    if (tags) pdf.markContent('Artifact');
    pdf.save().lineWidth(BORDER).strokeColor(BORDER_COLOR);
    cx = x;
    for (const w of widths.slice(0, row.length)) { pdf.rect(cx, y, w, clamp ?? h); cx += w; }
    pdf.stroke().restore();
    if (tags) pdf.endMarkedContent();
    return h;
  };

  /**
   * A tagged table at the current position: the header row (if any) and the rows. A row that does
   * not fit goes to the next page, where the header row is drawn again as an artifact (the tags
   * keep one header row, so a screen reader does not read it once per page); the last two rows go
   * over together, not the last one alone.
   */
  const drawTable = (o: { id: string; parent: PDFKit.PDFStructureElement; x: number; widths: number[]; head?: Cell[]; rows: Cell[][] }) => {
    const table = pdf.struct('Table');
    o.parent.add(table);
    let y = pdf.y;
    let rowIndex = 0;
    const columnHeads: string[] = [];
    const row = (cells: Cell[]) => {
      const tr = pdf.struct('TR');
      table.add(tr);
      y += drawRow(cells, o.widths, o.x, y, { tr, id: o.id, rowIndex, columnHeads });
      tr.end();
      rowIndex++;
    };
    if (o.head) {
      o.head.forEach((_, k) => { columnHeads[k] = `${o.id}-0-${k}`; });
      row(o.head);
    }
    const top = () => pdf.page.margins.top;
    o.rows.forEach((r, k) => {
      const h = rowHeight(r, o.widths);
      const n = o.rows.length;
      const last = n >= 3 && k === n - 2 ? rowHeight(o.rows[k + 1]!, o.widths) : 0;
      const content = pdf.page.maxY() - top();
      // Not where the two together are taller than a page holds: that would only leave a page empty.
      const need = h + (h + last < content ? last : 0);
      if (y + need >= pdf.page.maxY() && y > top() + 1) {
        pdf.addPage();
        y = top();
        if (o.head) {
          pdf.markContent('Artifact', { type: 'Pagination' });
          y += drawRow(o.head, o.widths, o.x, y);
          pdf.endMarkedContent();
        }
      }
      row(r);
    });
    table.end();
    pdf.x = o.x;
    pdf.y = y;
  };
  return { rowHeight, drawTable };
}
