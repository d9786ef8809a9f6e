// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// (Char). The loader refuses other characters in a project file; the writers still never emit
// one (a template, content/ or a future input path could bring one): each writer passes the
// text it makes into XML through this one function, which puts U+FFFD in the place of each.
import { NOT_XML_CHAR_SOURCE } from '../project/chars.js';

const NOT_XML_CHAR = new RegExp(NOT_XML_CHAR_SOURCE, 'gu');
/**
 * A character outside Char or any surrogate (alone or half of a pair): without the u flag, a
 * quarter of the time over a whole document (the country's DOCX holds ~3 MB of XML). Only a text
 * where it finds one is looked at by code point (NOT_XML_CHAR): pairs are characters above U+FFFF.
 */
const NOT_BMP_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/;

/** The text with every character outside XML 1.0's Char replaced by U+FFFD; warns once if any was. */
export function xmlChars(s: string, warn?: (m: string) => void, where = 'dokumentet'): string {
  if (!NOT_BMP_XML_CHAR.test(s)) return s;
  NOT_XML_CHAR.lastIndex = 0;
  if (!NOT_XML_CHAR.test(s)) return s;
  let n = 0;
  const out = s.replace(NOT_XML_CHAR, () => { n++; return '\uFFFD'; });
  warn?.(`${n} tecken som inte får stå i ${where} (styrtecken eller trasiga Unicode-tecken) ersattes med �`);
  return out;
}

/** Text for XML content or an attribute in double quotes (the writer's output still goes through xmlChars). */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
