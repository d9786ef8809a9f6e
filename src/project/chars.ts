// Which characters a user's text may hold. The one decision for every reader (project file,
// --svar, --konfig, typed answers, the :e editor) and every writer (DOCX/PDF/HTML): a text is
// refused when it has a character that XML 1.0 forbids (its Char production), since the DOCX
// writer would emit a file that is not well-formed, or a control character that XML only
// discourages (DEL and the C1 range U+0080–U+009F: invisible, and in practice mis-decoded
// Windows-1252, e.g. U+0085 for "…"). A lone surrogate (from a "\uD800" escape) is not a
// character at all.

/**
 * XML 1.0's Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. A pattern
 * for one character outside it (use with the u flag: a lone surrogate is then a code point of its
 * own, outside every range). The writers (render/xml.ts) and the JUnit output use it.
 */
export const NOT_XML_CHAR_SOURCE = '[^\\t\\n\\r\\x20-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]';
/** A surrogate that is not half of a pair (without the u flag). */
export const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

/** True for a UTF-16 code unit or code point that no text may contain (see above). */
function forbidden(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c >= 0x7f && c <= 0x9f) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true; // only reached for lone surrogates
  return c === 0xfffe || c === 0xffff;
}

/** A code unit other than tab, LF, CR, U+0020–U+007E, U+00A0–U+D7FF, U+E000–U+FFFD: those are never forbidden. */
const OUTSIDE_PLAIN = /[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]/;

/** Index (UTF-16) of the first character that a text may not contain, or -1. */
export function firstForbiddenChar(s: string): number {
  // Nearly every text holds only allowed single code units (no surrogates at all): one native
  // regex scan says so; the loop below only runs to find the place (and to pair surrogates).
  if (!OUTSIDE_PLAIN.test(s)) return -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
      return i;
    }
    if (forbidden(c)) return i;
  }
  return -1;
}

/** A character as the user reads it in a message: "U+000B". */
export function describeChar(c: string | number): string {
  const cp = typeof c === 'number' ? c : c.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether the character at `i` is a control character (C0, DEL, C1) rather than a non-character or surrogate. */
export function isControlChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/** The Swedish words for a forbidden character found in a text value or key. */
export function forbiddenCharMessage(s: string, i: number, subject = 'texten'): string {
  const what = isControlChar(s, i) ? 'ett osynligt kontrolltecken' : s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdfff ? 'ett halvt tecken, ett ensamt surrogat,' : 'ett otillåtet tecken';
  return `${subject} innehåller ${what} (${describeChar(s.charCodeAt(i))}) som inte kan stå i dokumenten`;
}

export const FORBIDDEN_CHAR_HINT = 'Ta bort tecknet eller escape-sekvensen (t.ex. "\\x0b", "\\0" eller "\\uFFFE") ur texten.';
