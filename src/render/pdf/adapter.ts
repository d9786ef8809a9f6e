// The one place fsstöd reaches into pdfkit's internals (pdfkit has no public API for any of these):
// - `_addInfo`, where pdfkit writes the Info strings into the XMP metadata (XML) unescaped:
//   "A & B" or "<" in a kommun's name would make that XML malformed;
// - `_fragment` (soft hyphens left in a line) and a structure element's dictionary (a table
//   cell's ID and attributes, which pdfkit's struct() does not take), below.
// If pdfkit changes one of these shapes this throws a named internal error, and the contract test
// (test/render/adapters.test.ts) fails before a user's render does.
import { LibraryShapeError } from '../adapter-error.js';

export const PDFKIT_TESTED = '0.20.2';

interface InfoInternals { info?: Record<string, unknown>; _addInfo?: () => void }

/** Makes pdfkit write the Info strings into the XMP metadata through `escape` (the Info dictionary keeps them plain). */
export function escapeXmpInfo(pdf: PDFKit.PDFDocument, escape: (s: string) => string): void {
  const p = pdf as unknown as InfoInternals;
  const addInfo = p._addInfo;
  if (typeof addInfo !== 'function') throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, '_addInfo (XMP-metadata)');
  p._addInfo = function (this: InfoInternals) {
    const plainInfo = this.info ?? {};
    this.info = Object.fromEntries(Object.entries(plainInfo).map(([k, v]) => [k, typeof v === 'string' ? escape(v) : v]));
    try { addInfo.call(this); } finally { this.info = plainInfo; }
  };
}

interface RefInternals { ref?: (data?: unknown) => unknown }

interface FragmentInternals { _fragment?: (text: string, x: number, y: number, o: unknown) => unknown }

/**
 * pdfkit turns a soft hyphen where it breaks a line into "-" but leaves the others in the text
 * it draws, and a font that has a visible glyph for U+00AD (a profile's serif) then prints
 * "för-sta-gångs-för-äld-rar" in the middle of a line. The ones left are not drawn.
 */
export function softHyphensUnseen(pdf: PDFKit.PDFDocument): void {
  const p = pdf as unknown as FragmentInternals;
  const fragment = p._fragment;
  if (typeof fragment !== 'function') throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, '_fragment (textens rader)');
  p._fragment = function (this: FragmentInternals, text, x, y, o) {
    return fragment.call(this, typeof text === 'string' ? text.replace(/\u00ad/g, '') : text, x, y, o);
  };
}

interface StructInternals { dictionary?: { data?: Record<string, unknown> } }

/**
 * A table cell's structure element (TH or TD) with its ID and its table attributes (Scope,
 * Headers), drawn by `paint` inside it. pdfkit's struct() takes neither an ID nor attributes; its
 * own table sets them in the element's dictionary, as this does (table.ts draws the tables).
 */
export function tagCell(pdf: PDFKit.PDFDocument, tr: PDFKit.PDFStructureElement, type: 'TH' | 'TD', id: string, attributes: Record<string, unknown>, paint: () => void): void {
  const el = pdf.struct(type);
  const data = (el as unknown as StructInternals).dictionary?.data;
  if (!data || typeof (pdf as unknown as RefInternals).ref !== 'function') throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'strukturelementets ordlista (tabellcellernas ID och attribut)');
  // A String object, not a string: pdfkit writes a string as a PDF name, a String as a PDF string.
  data.ID = new String(id);
  const attrs = pdf.ref({ O: 'Table', ...attributes });
  data.A = attrs;
  tr.add(el);
  el.add(paint);
  el.end();
  (attrs as unknown as { end(): void }).end();
}
