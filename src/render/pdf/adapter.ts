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
  if (!data) throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'strukturelementets ordlista (tabellcellernas ID och attribut)');
  // A String object, not a string: pdfkit writes a string as a PDF name, a String as a PDF string.
  data.ID = new String(id);
  // The attributes as a direct dictionary in the element's own (PDF 1.7, 14.7.5): not an object
  // of their own for each of the whole country's cells.
  data.A = { O: 'Table', ...attributes };
  tr.add(el);
  el.add(paint);
  el.end();
}

interface WriteInternals {
  ref?: (data?: unknown) => ReferenceInternals;
  _write?: (data: string | Uint8Array) => void;
  _offset?: number;
  push?: (chunk: Uint8Array | null) => boolean;
}
interface ReferenceInternals {
  write?: (chunk: string | Uint8Array) => void;
  finalize?: () => void;
  buffer?: (string | Uint8Array)[];
  uncompressedLength: number;
  compress?: boolean;
  data: { Length?: number; Filter?: string };
}
/** How much of the document's own text (object headers, dictionaries, xref) is gathered before it is pushed on. */
const PUSH_AT = 1 << 16;

/** As pdfkit's PDFReference.write, but a text chunk stays text (with its "\n") until finalize. */
function writeText(this: ReferenceInternals, chunk: string | Uint8Array): void {
  const c = chunk instanceof Uint8Array ? chunk : `${chunk}\n`;
  this.uncompressedLength += c.length;
  this.data.Length = (this.data.Length ?? 0) + c.length;
  this.buffer!.push(c);
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/** The text gathered by writeText as bytes, each run of text in one Buffer, in order with the byte chunks. */
function asBytes(b: (string | Uint8Array)[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let text = '';
  for (const c of b) {
    if (typeof c === 'string') { text += c; continue; }
    if (text) { out.push(Buffer.from(text, 'latin1')); text = ''; }
    out.push(c);
  }
  if (text) out.push(Buffer.from(text, 'latin1'));
  return out;
}

/**
 * pdfkit turns every piece of text it writes — each operator of a page's content, each object's
 * header and dictionary — into a Uint8Array of its own, byte by byte in JavaScript, and keeps a
 * buffered page's pieces until the end (the whole country's översikt: hundreds of thousands, which
 * the garbage collector then copies again and again). Here, for this document, the text is kept
 * as text and turned into bytes once (Buffer.from latin1: the same bytes as pdfkit's `& 0xff`):
 * a stream's when it is finalized, the document's in pieces of PUSH_AT characters. The bytes
 * written are the same (test/render/adapters.test.ts).
 */
export function batchedWrites(pdf: PDFKit.PDFDocument): void {
  const p = pdf as unknown as WriteInternals;
  const ref = p.ref, write = p._write, push = p.push;
  if (typeof ref !== 'function' || typeof write !== 'function' || typeof push !== 'function' || typeof p._offset !== 'number') {
    throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'dokumentets ref, _write och push (skrivningen)');
  }
  p.ref = function (this: WriteInternals, data) {
    const r = ref.call(this, data);
    const finalize = r.finalize;
    if (typeof r.write !== 'function' || typeof finalize !== 'function' || !Array.isArray(r.buffer)) throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'PDFReference.write, finalize och buffer');
    r.write = writeText;
    r.finalize = function (this: ReferenceInternals) {
      this.buffer = asBytes(this.buffer!);
      finalize.call(this);
    };
    return r;
  };
  let text = '';
  const flush = () => { if (text) { push.call(p, Buffer.from(text, 'latin1')); text = ''; } };
  p._write = function (this: WriteInternals, data) {
    if (data instanceof Uint8Array) {
      flush();
      push.call(this, data);
      this._offset! += data.length;
      return;
    }
    const s = `${data}\n`;
    text += s;
    this._offset! += s.length;
    if (text.length >= PUSH_AT) flush();
  };
  // The end of the document (push(null)) comes after the last text.
  p.push = function (this: WriteInternals, chunk) {
    if (chunk === null) flush();
    return push.call(this, chunk);
  };
}
