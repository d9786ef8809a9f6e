// Characters that must not reach a terminal as they are: a project file, a file name or a flag
// value can hold terminal controls (OSC 52 writes the clipboard, CSI 2J clears the screen, both
// also as single C1 characters such as U+009B) or bidi controls that reorder the printed line
// (U+202E). Text output shows them as <U+XXXX>; JSON and XML escape them in their own syntax, so
// that the value a program reads is unchanged and the bytes on a terminal are harmless.

import { describeChar, LONE_SURROGATE_SOURCE, NOT_XML_CHAR_SOURCE } from './project/chars.js';
import { xmlEscape } from './render/xml.js';

// DEL, C1 and the bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI): valid text, harmful raw.
const RAW_CONTROLS = '[\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]';
// C0 except tab and line feed, those, and lone surrogates (which UTF-8 cannot hold: they would
// be written as U+FFFD).
const UNSAFE_SOURCE = `[\\u0000-\\u0008\\u000B-\\u001F]|${RAW_CONTROLS}|${LONE_SURROGATE_SOURCE}`;
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'g');
// The colour escapes chalk writes at level 1 (SGR with one parameter), which the IO lets through
// when it colours. 8 (concealed) is left out: nothing here hides text.
const SGR_OR_UNSAFE = new RegExp(`(\\u001B\\[(?:[0-79]|[1-9][0-9]|10[0-7])m)|${UNSAFE_SOURCE}`, 'g');

const shown = (c: string) => `<${describeChar(c)}>`;

/** `s` with every unsafe character shown as <U+XXXX> (idempotent: the result has none left). */
export function visible(s: string): string {
  return s.replace(UNSAFE, shown);
}

/** As visible(), keeping the colour escapes the program itself writes (for a colour terminal). */
export function visibleKeepingColour(s: string): string {
  return s.replace(SGR_OR_UNSAFE, (c, sgr: string | undefined) => sgr ?? shown(c));
}

// JSON.stringify already writes C0 as \u00XX and lone surrogates as \udXXX; the latter is
// refused by jq and other strict parsers, so lone surrogates become U+FFFD, as in any UTF-8
// output. What it leaves raw (DEL, C1, bidi) is written as \uXXXX: the same JSON value.
const JSON_RAW = new RegExp(RAW_CONTROLS, 'g');
const LONE = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const wellFormed = (s: string) => s.replace(LONE, '\uFFFD');

function wellFormedValue(v: unknown): unknown {
  if (typeof v === 'string') return wellFormed(v);
  if (Array.isArray(v)) return v.map(wellFormedValue);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [wellFormed(k), wellFormedValue(x)]));
  }
  return v;
}

/** JSON text (indented by 2, ending in a newline) that strict parsers accept and a terminal shows harmlessly. */
export function jsonText(value: unknown): string {
  return JSON.stringify(wellFormedValue(value), null, 2).replace(JSON_RAW, (c) => `\\u${describeChar(c).slice(2).toLowerCase()}`) + '\n';
}

/** XML 1.0 character data: what XML cannot hold is shown as <U+XXXX>, what a terminal must not see raw is a character reference. */
const NOT_XML = new RegExp(NOT_XML_CHAR_SOURCE, 'gu');
const RAW_IN_XML = new RegExp(`[\\r]|${RAW_CONTROLS}`, 'g');
export function xmlText(s: string): string {
  return xmlEscape(s.replace(NOT_XML, shown)).replace(/'/g, '&apos;')
    .replace(RAW_IN_XML, (c) => `&#x${describeChar(c).slice(2)};`);
}
