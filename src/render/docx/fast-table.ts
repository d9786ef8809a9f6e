// A table's WordprocessingML written as a string. The översikt of the whole country is five
// sixths tables (5 600 cells), and docx builds some twenty objects per cell and then turns them
// into XML, a second of the DOCX; here a table whose runs are plain text (bold, italic, struck;
// no links, code, line breaks or dates with no-break hyphens) is written directly, in the very
// bytes docx writes for it (test/render/docx-fast-table.test.ts compares the two). Any other
// table is built with docx (write.ts). The table's look is set here once, for both ways.
import type { Inline } from '../model.js';
import { ISO_DATE } from '../hyphen.js';

/** The tables' borders (docx units: eighths of a point) and cell margins (twips). */
export const BORDER = { size: 4, color: 'B8C4D4' } as const;
export const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 } as const;
/** A table cell's paragraph: single line spacing, no space before or after, whatever the styles say. */
export const CELL_SPACING = { before: 0, after: 0, line: 240 } as const;

export interface CellSpec {
  /** Set as a header cell: on the header colour. */
  header: boolean;
  keepNext: boolean;
  runs: Inline[];
}
export interface TableSpec {
  /** The table's width and its columns' (twips). */
  total: number;
  widths: number[];
  /** Each row's cells, one per column. */
  rows: { header: boolean; cells: CellSpec[] }[];
  /** The header cells' colour (hex, no #) and the text size (half-points). */
  fill: string;
  size: number;
}

const DATE = new RegExp(ISO_DATE.source, ISO_DATE.flags.replace('g', ''));
const esc = (s: string) => s.replace(/[&"<>']/g, (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' })[c]!);
const on = (v: boolean | undefined, tag: string) => (v === undefined ? '' : v ? `<w:${tag}/><w:${tag}Cs/>` : `<w:${tag} w:val="false"/><w:${tag}Cs w:val="false"/>`);

/** The table as docx writes it, or undefined when one of its runs is more than plain text. */
export function fastTableXml(t: TableSpec): string | undefined {
  const sides = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:color="${BORDER.color}" w:sz="${BORDER.size}"/>`).join('');
  const margins = `<w:tcMar><w:top w:type="dxa" w:w="${CELL_MARGINS.top}"/><w:left w:type="dxa" w:w="${CELL_MARGINS.left}"/><w:bottom w:type="dxa" w:w="${CELL_MARGINS.bottom}"/><w:right w:type="dxa" w:w="${CELL_MARGINS.right}"/></w:tcMar>`;
  const spacing = `<w:spacing w:before="${CELL_SPACING.before}" w:after="${CELL_SPACING.after}" w:line="${CELL_SPACING.line}"/>`;
  const shd = `<w:shd w:fill="${t.fill}" w:color="auto" w:val="clear"/>`;
  const size = `<w:sz w:val="${t.size}"/><w:szCs w:val="${t.size}"/>`;
  let out = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${t.total}"/><w:tblBorders>${sides}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  for (const row of t.rows) {
    out += `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    for (const [i, c] of row.cells.entries()) {
      out += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${t.widths[i]}"/>${c.header ? shd : ''}${margins}</w:tcPr><w:p><w:pPr>${c.keepNext ? '<w:keepNext/>' : ''}${spacing}</w:pPr>`;
      for (const x of c.runs) {
        if (x.href !== undefined || x.code || !x.text || x.text.includes('\n') || DATE.test(x.text)) return undefined;
        out += `<w:r><w:rPr>${on(x.bold, 'b')}${on(x.italic, 'i')}${x.strike === undefined ? '' : x.strike ? '<w:strike/>' : '<w:strike w:val="false"/>'}${size}</w:rPr><w:t xml:space="preserve">${esc(x.text)}</w:t></w:r>`;
      }
      out += '</w:p></w:tc>';
    }
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}
