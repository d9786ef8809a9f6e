// The one place fsstöd reaches into pdfkit's internals (pdfkit has no public API for any of these):
// - its font cache (`_fontFamilies`, `_font`): pdfkit's table restores the font by its file path
//   after each styled cell and caches fonts by name only, so it would parse the TTF again for
//   every cell (half the render time); each loaded font is put in the cache under its path too;
// - `_addInfo`, where pdfkit writes the Info strings into the XMP metadata (XML) unescaped:
//   "A & B" or "<" in a kommun's name would make that XML malformed;
// - `ref`/`struct` (a header cell listing itself in Headers) and `boundsOfString` (the width of a
//   text with soft hyphens, which its table cells are set in), below.
// If pdfkit changes one of these shapes this throws a named internal error, and the contract test
// (test/render/adapters.test.ts) fails before a user's render does.
import { LibraryShapeError } from '../adapter-error.js';

export const PDFKIT_TESTED = '0.20.2';

interface FontInternals { _fontFamilies?: Record<string, unknown>; _font?: unknown; font(src: string): unknown }
interface InfoInternals { info?: Record<string, unknown>; _addInfo?: () => void }

/** Loads each registered font (by name) and caches it under its file path as well. */
export function cacheFontsByPath(pdf: PDFKit.PDFDocument, fonts: readonly (readonly [name: string, path: string])[]): void {
  const p = pdf as unknown as FontInternals;
  if (typeof p._fontFamilies !== 'object' || p._fontFamilies === null) throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'typsnittscachen _fontFamilies');
  for (const [name, path] of fonts) {
    p.font(name);
    if (!p._font) throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'det aktuella typsnittet _font');
    p._fontFamilies[path] = p._font;
  }
}

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

interface RefInternals { ref?: (data?: unknown) => unknown; struct?: (type: string, ...rest: unknown[]) => { dictionary?: { data?: { ID?: unknown } } } }

/**
 * pdfkit's table gives a header cell (TH with Scope) a Headers entry that lists its own ID (it
 * records the cell as a header before it computes the cell's headers): a header cell pointing at
 * itself. The attributes are written (ref) right after the cell's element is made (struct), so
 * the last TH/TD made is the cell whose attributes are being written: its own ID is taken out.
 */
export function noSelfHeaders(pdf: PDFKit.PDFDocument): void {
  const p = pdf as unknown as RefInternals;
  const ref = p.ref, struct = p.struct;
  if (typeof ref !== 'function' || typeof struct !== 'function') throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'ref/struct (tabellcellernas attribut)');
  let cell: { dictionary?: { data?: { ID?: unknown } } } | undefined;
  p.struct = function (this: unknown, type: string, ...rest: unknown[]) {
    const el = struct.call(this, type, ...rest);
    if (type === 'TH' || type === 'TD') cell = el;
    return el;
  };
  p.ref = function (this: unknown, data?: unknown) {
    const d = data as { O?: unknown; Headers?: unknown[] } | undefined;
    if (d && d.O === 'Table' && Array.isArray(d.Headers) && cell?.dictionary?.data?.ID !== undefined) {
      const own = String(cell.dictionary.data.ID);
      d.Headers = d.Headers.filter((h) => String(h) !== own);
      if (!d.Headers.length) delete d.Headers;
    }
    return ref.call(this, data);
  };
}

interface BoundsInternals { boundsOfString?: (s: string, x?: unknown, y?: unknown, o?: { width?: number; rotation?: number }) => { x: number; y: number; width: number; height: number }; widthOfString(s: string): number }

/**
 * pdfkit's LineWrapper draws a soft hyphen where it breaks a line as "-", but the width it
 * reports for the text leaves that hyphen out. Its table sets a cell's text in exactly the width
 * it measured, so a cell with a hyphenated word wraps again, one line longer, and is cut with
 * "…". A width that also holds the hyphen (never more than the cell gives) wraps as measured.
 */
export function hyphenAwareBounds(pdf: PDFKit.PDFDocument): void {
  const p = pdf as unknown as BoundsInternals;
  const bounds = p.boundsOfString;
  if (typeof bounds !== 'function') throw new LibraryShapeError('pdfkit', PDFKIT_TESTED, 'boundsOfString (tabellcellernas mått)');
  p.boundsOfString = function (this: BoundsInternals, s, x, y, o) {
    const r = bounds.call(this, s, x, y, o);
    const opts = (typeof x === 'object' && x !== null ? x : o) as { width?: number; rotation?: number } | undefined;
    if (typeof s !== 'string' || !s.includes('\u00ad') || !opts?.width || (opts.rotation ?? 0) !== 0) return r;
    return { ...r, width: Math.min(opts.width, r.width + this.widthOfString('-')) };
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
