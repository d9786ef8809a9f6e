// A build-time change to pdfkit (scripts/build.mjs bundles pdfkit with it): see fastConvert.
/**
 * pdfkit writes every object of the PDF through PDFObject.convert, which tests a value against
 * six classes before it sees a number or a reference, and turns each text string into bytes and
 * back (the whole country's översikt has ~10 000 objects, most of them tagged table cells with
 * their IDs and Headers as text): ~0.1 s. The same output, sooner: numbers and references first,
 * and an unencrypted text string escaped as it is (ASCII) or as UTF-16BE characters.
 * test/render/pdf-convert.test.ts compares the two on every kind of value.
 */
const CONVERT = '  static convert(object, encryptFn = null) {\n    if (typeof object === \'string\') {';
export function fastConvert(source, file = 'pdfkit') {
  if (source.split(CONVERT).length !== 2 || !source.includes('const escapableRe = /[\\n\\r\\t\\b\\f()\\\\]/g;')) throw new Error(`pdfkit: PDFObject.convert ser inte ut som väntat i ${file}; se över fastConvert i scripts/pdfkit-convert.mjs`);
  return source.replace(CONVERT, `  static convert(object, encryptFn = null) {
    if (typeof object === 'number') return PDFObject.number(object);
    if (object instanceof PDFAbstractReference) return object.toString();
    if (!encryptFn && object instanceof String) {
      const s = object.valueOf();
      let ascii = true;
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) { ascii = false; break; }
      let bin = s;
      if (!ascii) {
        bin = '\\xfe\\xff';
        for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); bin += String.fromCharCode(c >> 8, c & 0xff); }
      }
      return \`(\${bin.replace(escapableRe, c => escapable[c])})\`;
    }
    if (typeof object === 'string') {`);
}
