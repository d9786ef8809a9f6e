// Font files opened with fontkit once per process. fontkit decodes a font's tables, its kerning
// above all, the first time it lays out text, and every PDF paid that again for each of its fonts
// (a fifth of the whole country's PDF). A PDF gets a font of its own (pdfkit takes an opened font
// in place of a path) that shares the tables decoded so far: fontkit's glyph cache stays the
// document's own, since the first use of a glyph sets the characters pdfkit maps it back to in
// the PDF's ToUnicode (a glyph cached by another document's subset mapped "o" to nothing). The
// charts' glyph outlines (chart-raster.ts) read the shared font itself.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { LibraryShapeError } from './adapter-error.js';

export const FONTKIT_TESTED = '2.0.4';

/** The bundled font's file for a style (assets/fonts): Regular, Bold, Italic, BoldItalic. */
export const bundledFontFile = (fontDir: string, style: 'Regular' | 'Bold' | 'Italic' | 'BoldItalic'): string => `${fontDir}/LiberationSans-${style}.ttf`;

/** The bundled fonts' files for the three styles the charts and the översikt's warm-up use. */
export const bundledFontFiles = (fontDir: string): Record<'Regular' | 'Bold' | 'Italic', string> => ({ Regular: bundledFontFile(fontDir, 'Regular'), Bold: bundledFontFile(fontDir, 'Bold'), Italic: bundledFontFile(fontDir, 'Italic') });

interface Opened { bytes: Buffer; font: fontkit.Font & { _tables?: object } }
const opened = new Map<string, Opened>();

function open(file: string): Opened {
  let o = opened.get(file);
  if (!o) {
    const bytes = readFileSync(file);
    o = { bytes, font: fontkit.create(bytes) as Opened['font'] };
    if (typeof o.font._tables !== 'object' || o.font._tables === null) throw new LibraryShapeError('fontkit', FONTKIT_TESTED, '_tables (typsnittets avkodade tabeller)');
    opened.set(file, o);
  }
  return o;
}

/** The font in the file, opened once per process (for reading glyphs: widths, outlines). */
export function openFont(file: string): fontkit.Font {
  return open(file).font;
}

/** A font of its own for one PDF, with the tables decoded so far by any document (see above). */
export function documentFont(file: string): fontkit.Font {
  const o = open(file);
  const f = fontkit.create(o.bytes) as Opened['font'];
  f._tables = o.font._tables;
  return f;
}

/** Text that reaches the kerning and the other features of a font's Latin glyphs, for warmFonts. */
export const SAMPLE = 'AaÅåÄäÖöBbCcDdEeÉéFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz 0123456789 ,.;:-–—()/%"\'fi fl';

/**
 * Opens the files and lays out a sample in each (in a font of its own, as a document would), so
 * that the decoding is done before a document needs it: the översikt does it while its worker
 * thread still reads files.
 */
export function warmFonts(files: string[]): void {
  for (const file of files) documentFont(file).layout(SAMPLE);
}
