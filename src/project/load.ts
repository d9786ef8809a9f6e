// Reading a project file: bytes → checked UTF-8 text → YAML Document (comments and source
// positions kept) → plain data. Every way a file can be unusable becomes an InputError with
// file, line and column, never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { relative, resolve } from 'node:path';
import type { Document, LineCounter, YAMLMap, Node } from 'yaml';
import { createRequire } from 'node:module';

// Every YAML text a user gives fsstöd (project file, --svar, --konfig) is read by the `yaml`
// library alone, with its YAML 1.2 core schema: one parse gives the data, the comments and the
// positions, so no two commands can read one file differently (0b101 is the text "0b101").
// Loaded on first use: a file in the fast subset is read without it.
let yamlMod: typeof import('yaml') | undefined;
export function yamlLib(): typeof import('yaml') {
  return (yamlMod ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
import { InputError } from '../errors.js';
import { readSubset, type OutlineNode } from './subset.js';
import { CURRENT_FORMAT, migrateDocument, type MigrationChange } from './migrate.js';
import { notice } from '../notices.js';
import { describeChar, FORBIDDEN_CHAR_HINT, firstForbiddenChar, forbiddenCharMessage, isControlChar } from './chars.js';

export type YamlPath = (string | number)[];

export interface LoadedProject {
  /** Absolute path. */
  file: string;
  /** Path as shown to the user (relative to cwd when inside it). */
  display: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain data (before schema validation: unknown shape below the root). */
  data: Record<string, unknown>;
  /** sha256 of the bytes read, to detect changes on disk before saving (computed when first asked for). */
  hash: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  mode: number;
  /** Read from standard in ("-"): there is no file to save to. */
  stdin?: boolean;
  /** Positions from the fast reading (subset.ts), when the text is in its subset. */
  outline?: OutlineNode;
  /** The file has this older formatversion and was read as the current one (migrate.ts). */
  migratedFrom?: number;
  /** What reading it as the current version changed (for fsstöd migrera). */
  migration?: MigrationChange[];
}


/** Larger than any real plan (500 insatser ≈ 0.5 MB); protects against resource exhaustion. */
export const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ALIASES = 100;

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function hashBytes(bytes: Uint8Array): string {
  // node:crypto is loaded here, not at start: only saving needs it.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** Line and column (1-based) of a byte offset, counting characters as the user's editor does. */
function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line++; start = i + 1; }
  const col = new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1;
  return { line, col };
}

/**
 * The first byte that does not begin a well-formed UTF-8 sequence (Unicode table 3-7: no
 * overlong forms, no encoded surrogates, nothing above U+10FFFF), or undefined. The same
 * verdict as isUtf8 / a fatal TextDecoder, with the place and the reason.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; length: number; reason?: string } | undefined {
  let i = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => { const c = bytes[i + k]; return c !== undefined && c >= lo && c <= hi; };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    let reason: string | undefined;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b === 0xe0) { n = 2; lo = 0xa0; reason = 'en för lång kodning av ett tecken'; }
    else if (b === 0xed) { n = 2; hi = 0x9f; reason = 'ett kodat surrogattecken (U+D800–U+DFFF)'; }
    else if (b >= 0xe1 && b <= 0xef) n = 2;
    else if (b === 0xf0) { n = 3; lo = 0x90; reason = 'en för lång kodning av ett tecken'; }
    else if (b >= 0xf1 && b <= 0xf3) n = 3;
    else if (b === 0xf4) { n = 3; hi = 0x8f; reason = 'ett tecken över U+10FFFF'; }
    else {
      // C0 and C1 only start overlong forms; F5–FF nothing that Unicode allows.
      const looksLong = (b === 0xc0 || b === 0xc1) && cont(1);
      const tooBig = b >= 0xf5 && b <= 0xf7 && cont(1) && cont(2) && cont(3);
      if (looksLong) return { offset: i, length: 2, reason: 'en för lång kodning av ett tecken' };
      if (tooBig) return { offset: i, length: 4, reason: 'ett tecken över U+10FFFF' };
      return { offset: i, length: 1 };
    }
    if (!cont(1, lo, hi)) {
      // A lead byte followed by continuation bytes that only the restricted range refuses.
      const shaped = reason !== undefined && Array.from({ length: n }, (_, k) => cont(k + 1)).every(Boolean);
      return shaped ? { offset: i, length: n + 1, reason } : { offset: i, length: 1 };
    }
    for (let k = 2; k <= n; k++) if (!cont(k)) return { offset: i, length: 1 };
    i += n + 1;
  }
  return undefined;
}

/** Name shown for a file read from standard in ("-"). */
export const STDIN_DISPLAY = '<stdin>';

/** All of standard in, at most MAX_BYTES + 1 bytes (the caller reports a larger input). */
export function readStdin(): Buffer {
  const { readSync } = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const chunks: Buffer[] = [];
  let size = 0;
  const buf = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
      if (code === 'EOF') break;
      throw new InputError(`standard in kunde inte läsas (${code ?? 'okänt fel'})`, { file: STDIN_DISPLAY });
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    size += n;
    if (size > MAX_BYTES) break;
  }
  return Buffer.concat(chunks);
}

/**
 * The one decoding of a user's file (project file, --svar, --konfig, standard in): strict
 * UTF-8, no NUL, no character that firstForbiddenChar refuses, no lone CR (old Mac line ends:
 * the YAML libraries disagree on them, so they are refused everywhere rather than read one way
 * by one command and another way by the next). A BOM is dropped and reported. Bytes are never
 * replaced: a file that cannot be decoded exactly is refused, so that a later save cannot
 * rewrite a line the user did not edit.
 */
export function decodeUserText(bytes: Uint8Array, display: string): { text: string; bom: boolean } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError('filen innehåller ett NUL-tecken (byte 0) och är troligen ingen textfil', { file: display, ...lineColOfByte(bytes, nul) }, 'Öppna filen i en texteditor och ta bort tecknet, eller återställ en tidigare version.');
  }
  // isUtf8 is native and fast; the byte-by-byte scan only runs to locate a known error.
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const hint = 'Spara om filen som UTF-8 i din editor (t.ex. "Spara som" → kodning UTF-8).';
    if (!bad) throw new InputError('filen är inte giltig UTF-8', { file: display }, hint);
    const byte = bytes[bad.offset]!;
    const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    const where = { file: display, ...lineColOfByte(bytes, bad.offset) };
    if (bad.reason) {
      const seq = Array.from(bytes.subarray(bad.offset, bad.offset + bad.length), hex).join(' ');
      throw new InputError(`filen är inte giltig UTF-8: bytesekvensen ${seq} är ${bad.reason} och får inte förekomma`, where, hint);
    }
    const latin1 = byte >= 0xc0 && byte <= 0xff ? ` (troligen Latin-1/Windows-1252: "${Buffer.from([byte]).toString('latin1')}")` : '';
    throw new InputError(`filen är inte UTF-8-kodad: ogiltig byte ${hex(byte)}${latin1}`, where, hint);
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const pos = (i: number) => {
    const before = text.slice(0, i);
    return { line: before.split('\n').length, col: i - before.lastIndexOf('\n') };
  };
  const ctrl = firstForbiddenChar(text);
  const cr = text.indexOf('\r') < 0 ? -1 : /\r(?!\n)/.exec(text)?.index ?? -1;
  if (cr >= 0 && (ctrl < 0 || cr < ctrl)) {
    throw new InputError('filen har ett ensamt CR-tecken som radslut (gammalt Mac-format); fsstöd läser radslut LF eller CRLF', { file: display, ...pos(cr) }, 'Spara om filen med radslut LF (Unix) eller CRLF (Windows) i din editor.');
  }
  if (ctrl >= 0) {
    // Control characters cannot be typed in an editor, break the DOCX/PDF writers (XML forbids
    // them) and are not allowed unescaped in YAML.
    const what = isControlChar(text, ctrl) ? 'ett osynligt kontrolltecken' : 'ett otillåtet tecken';
    throw new InputError(`filen innehåller ${what} (${describeChar(text.charCodeAt(ctrl))})`, { file: display, ...pos(ctrl) }, 'Ta bort tecknet i en texteditor (det kommer ofta från inklistrad text).');
  }
  return { text, bom };
}

/**
 * Walks a parsed YAML Document before its data is used: a cyclic alias (`a: &x [*x]`) and a
 * key or text with a character that firstForbiddenChar refuses (written as an escape such as
 * "\x0b") are refused at the place of the alias or scalar.
 */
export function checkDocument(doc: Document, lineCounter: LineCounter, display: string): void {
  const { visit, isCollection } = yamlLib();
  let problem: InputError | undefined;
  const at = (n: Node) => ({ file: display, ...lineCounter.linePos(n.range?.[0] ?? 0) });
  visit(doc, {
    Alias(_k, node, path) {
      const target = node.resolve(doc);
      if (target && path.includes(target as never)) {
        problem = new InputError('ett alias (*namn) hänvisar till värdet som det själv står i, så värdet blir oändligt', at(node), 'Ta bort aliaset eller skriv ut värdet.');
        return visit.BREAK;
      }
      return undefined;
    },
    // A list or mapping as a key ("{x}: 1") cannot be a field name; the yaml library would make
    // it a string and warn in English on stderr.
    Pair(_k, pair) {
      if (!isCollection(pair.key)) return undefined;
      problem = new InputError('en nyckel måste vara text, inte en lista eller mappning', at(pair.key as Node), 'Sätt nyckeln inom citattecken om klamrarna ska vara en del av namnet, t.ex. "{x}": 1');
      return visit.BREAK;
    },
    Scalar(_k, node, path) {
      if (typeof node.value !== 'string') return undefined;
      const i = firstForbiddenChar(node.value);
      if (i < 0) return undefined;
      const isKey = path.length > 0 && (path[path.length - 1] as { key?: unknown }).key === node;
      problem = new InputError(forbiddenCharMessage(node.value, i, isKey ? 'nyckeln' : 'texten'), at(node), FORBIDDEN_CHAR_HINT);
      return visit.BREAK;
    },
  });
  if (problem) throw problem;
}

/** The plain data of a checked Document, with the alias limit. */
export function documentData(doc: Document, lineCounter: LineCounter, display: string): unknown {
  checkDocument(doc, lineCounter, display);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new InputError('filen har för många alias (&ankare/*alias) – en så kallad alias-bomb; filen läses inte', { file: display }, 'Ta bort aliasen och skriv ut värdena.');
    }
    if (e instanceof RangeError) throw new InputError('filen är för djupt nästlad för att kunna läsas', { file: display });
    throw new InputError(`filen kunde inte läsas (${(e as Error).message})`, { file: display });
  }
}

/** Reads and checks the bytes of a project file ("-": standard in). */
export function readProjectText(path: string): { file: string; display: string; bytes: Buffer; text: string; bom: boolean; eol: '\n' | '\r\n'; mode: number; stdin?: boolean } {
  if (path === '-') {
    const bytes = readStdin();
    if (bytes.length > MAX_BYTES) throw new InputError(`indata är för stor (över ${MAX_BYTES / 1048576} MB). En projektfil är normalt under 1 MB`, { file: STDIN_DISPLAY });
    const { text, bom } = decodeUserText(bytes, STDIN_DISPLAY);
    return { file: resolve(path), display: STDIN_DISPLAY, bytes, text, bom, eol: text.includes('\r\n') ? '\r\n' : '\n', mode: 0o644, stdin: true };
  }
  const file = resolve(path);
  const display = displayPath(file);
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`filen finns inte`, { file: display }, 'Skapa en projektfil med: fsstöd init --kommun <namn>');
    if (code === 'EACCES') throw new InputError(`filen får inte läsas (behörighet saknas)`, { file: display });
    throw new InputError(`filen kunde inte öppnas (${code ?? 'okänt fel'})`, { file: display });
  }
  if (st.isDirectory()) throw new InputError(`det här är en mapp, inte en projektfil`, { file: display }, `Ange filen i mappen, t.ex. ${display.replace(/\/$/, '')}/projekt.yaml`);
  if (!st.isFile()) throw new InputError(`det här är ingen vanlig fil`, { file: display });
  if (st.size > MAX_BYTES) {
    throw new InputError(`filen är för stor (${(st.size / 1048576).toFixed(1)} MB; gränsen är ${MAX_BYTES / 1048576} MB). En projektfil är normalt under 1 MB`, { file: display });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EACCES' ? 'filen får inte läsas (behörighet saknas)' : `filen kunde inte läsas (${code ?? 'okänt fel'})`, { file: display });
  }
  const { text, bom } = decodeUserText(bytes, display);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { file, display, bytes, text, bom, eol, mode: st.mode & 0o777 };
}

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'tabbtecken används för indrag; YAML kräver mellanslag',
  DUPLICATE_KEY: 'nyckeln finns redan i samma mappning (dubblett)',
  BAD_INDENT: 'felaktigt indrag',
  BAD_DIRECTIVE: 'ogiltigt direktiv',
  BAD_DQ_ESCAPE: 'ogiltig escape-sekvens i citerad text',
  BAD_SCALAR_START: 'ett värde får inte börja med det här tecknet (sätt texten inom citattecken)',
  BLOCK_AS_IMPLICIT_KEY: 'ett block kan inte användas som nyckel (saknas ett kolon eller ett indrag?)',
  BLOCK_IN_FLOW: 'en blocksamling kan inte stå inuti [ ] eller { }',
  COMMENT_SPACE: 'en kommentar (#) måste föregås av ett mellanslag',
  IMPOSSIBLE: 'YAML-tolken hamnade i ett omöjligt läge',
  KEY_OVER_1024_CHARS: 'en nyckel får vara högst 1024 tecken',
  MISSING_CHAR: 'ett tecken saknas (ett avslutande citattecken, ] eller }?)',
  MULTILINE_IMPLICIT_KEY: 'en nyckel får inte sträcka sig över flera rader (saknas ett kolon?)',
  MULTIPLE_ANCHORS: 'flera ankare på samma värde',
  MULTIPLE_DOCS: 'filen innehåller flera YAML-dokument (---); en projektfil har ett',
  MULTIPLE_TAGS: 'flera taggar på samma värde',
  TAG_RESOLVE_FAILED: 'okänd YAML-tagg',
  UNEXPECTED_TOKEN: 'oväntat tecken här',
  BAD_ALIAS: 'ogiltig referens (alias)',
  BAD_COLLECTION_TYPE: 'fel typ av samling för taggen',
  DUPLICATE_ANCHOR: 'ankaret finns redan',
  ALIAS_PROPS: 'ett alias kan inte ha egna taggar eller ankare',
  NON_STRING_KEY: 'nycklar måste vara text',
  RESOURCE_EXHAUSTION: 'för många alias (möjlig "alias-bomb")',
};

/**
 * Where a run of opening brackets that ends at offset begins: the place to show for "too deeply
 * nested", since the offset at which the parser ran out of stack depends on the Node version.
 */
function nestingStart(text: string, offset: number): number {
  let start = Math.min(offset, text.length);
  for (let i = start - 1; i >= 0 && '[{ \t,'.includes(text[i]!); i--) if (text[i] === '[' || text[i] === '{') start = i;
  return start;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (checked by checkDocument, with the alias limit). */
  data: unknown;
}

/**
 * The one parse of a user's YAML text (after decodeUserText): the Document with comments and
 * positions, and its data, or an InputError "<what>: <reason>" at the first error's place.
 * `what` names the kind of file in the message ("ogiltig YAML", "ogiltig YAML i svarsfilen").
 */
export function parseUserYaml(text: string, display: string, what = 'ogiltig YAML'): ParsedYaml {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false });
  } catch (e) {
    if (e instanceof RangeError) throw new InputError('filen är för djupt nästlad för att kunna läsas', { file: display });
    throw new InputError(`filen kunde inte tolkas som YAML (${(e as Error).message})`, { file: display });
  }
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = lineCounter.linePos(err.code === 'RESOURCE_EXHAUSTION' ? nestingStart(text, err.pos[0]) : err.pos[0]);
    const reason = describeYamlError(err.code, err.message);
    // How many errors follow running out of stack depends on the caller's depth: not counted.
    const more = doc.errors.length > 1 && err.code !== 'RESOURCE_EXHAUSTION' ? ` (och ${doc.errors.length - 1} fel till)` : '';
    throw new InputError(`${what}: ${reason}${more}`, { file: display, line: pos.line, col: pos.col }, hintFor(err.code, err.message));
  }
  // An unknown tag (!hemlig) is only a warning to the yaml library; for us it is an error,
  // since the value would silently become plain text.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const pos = lineCounter.linePos(tag.pos[0]);
    throw new InputError(`${what}: okänd tagg ${/: (.*)$/.exec(tag.message)?.[1] ?? ''}`.trimEnd(), { file: display, line: pos.line, col: pos.col }, 'Ta bort taggen (ordet som börjar med !) eller sätt hela värdet inom citattecken.');
  }
  return { doc, lineCounter, data: documentData(doc, lineCounter, display) };
}

/**
 * Parses text as a project file. The `yaml` library's verdict is the only one: a text in the
 * plain subset where subset.ts provably reads what `yaml` reads is read by subset.ts, several
 * times faster, with its positions from the same pass, and the Document with comments is then
 * built lazily, the first time `doc` or `lineCounter` is asked for; every other text is parsed
 * by `yaml` at once (parseUserYaml).
 */
export function parseProjectText(src: ReturnType<typeof readProjectText>): LoadedProject {
  const { file, display, text } = src;
  let full: ParsedYaml | undefined;
  let data: unknown;
  const fast = readSubset(text);
  if (fast) data = fast.data;
  else {
    full = parseUserYaml(text, display);
    data = full.data;
  }
  const getFull = () => (full ??= parseUserYaml(text, display));
  const at = (offset: number) => getFull().lineCounter.linePos(offset);
  if (data === undefined || data === null || (typeof data === 'string' && data.trim() === '')) {
    throw new InputError('filen är tom', { file: display }, 'Skapa en projektfil med: fsstöd init --kommun <namn>');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const contents = getFull().doc.contents;
    const kind = Array.isArray(data) ? 'en lista' : 'ett enskilt värde';
    throw new InputError(`en projektfil ska vara en mappning (nyckel: värde) på översta nivån, men den här är ${kind}`, { file: display, ...at(contents?.range?.[0] ?? 0) }, 'Jämför med examples/lindesberg/projekt.yaml eller skapa en ny med fsstöd init.');
  }
  const root = data as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(root, 'formatversion')) {
    throw new InputError('det här ser inte ut som en fsstöd-projektfil: nyckeln formatversion saknas', { file: display, line: 1, col: 1 }, `Lägg till raden "formatversion: ${CURRENT_FORMAT}" överst, eller skapa en ny fil med fsstöd init.`);
  }
  const project = {
    file, display, text, data: root,
    bom: src.bom, eol: src.eol, mode: src.mode, ...(src.stdin ? { stdin: true } : {}),
  } as LoadedProject;
  if (fast) Object.defineProperty(project, 'outline', { value: fast.outline, enumerable: false, configurable: true, writable: true });
  // Only saving needs the hash; read-only commands skip loading crypto for it.
  let hash: string | undefined;
  Object.defineProperty(project, 'doc', { enumerable: true, configurable: true, get: () => getFull().doc, set: (d: Document.Parsed) => { getFull().doc = d; project.outline = undefined; } });
  Object.defineProperty(project, 'lineCounter', { enumerable: true, configurable: true, get: () => getFull().lineCounter, set: (l: LineCounter) => { getFull().lineCounter = l; } });
  Object.defineProperty(project, 'hash', { enumerable: true, configurable: true, get: () => (hash ??= hashBytes(src.bytes)), set: (h: string) => { hash = h; } });
  if (root.formatversion !== 1 && root.formatversion !== CURRENT_FORMAT) {
    throw new InputError(`formatversion ${JSON.stringify(root.formatversion)} stöds inte; den här versionen av fsstöd läser formatversion 1 och ${CURRENT_FORMAT}`, { file: display, ...positionOf(project, ['formatversion']) });
  }
  if (root.formatversion === 1) {
    // Read as the current version: the Document is migrated in memory (its moved nodes keep
    // their places in this text), and a save writes the current version.
    const f = getFull();
    project.migration = migrateDocument(f.doc);
    project.data = documentData(f.doc, f.lineCounter, display) as Record<string, unknown>;
    project.outline = undefined;
    project.migratedFrom = 1;
    notice(file, display, `filen har formatversion 1; fsstöd läser den som formatversion ${CURRENT_FORMAT}`, `Uppgradera filen med: fsstöd migrera ${display}  (visa först vad som ändras med --torrkörning)`);
  }
  return project;
}

export function describeYamlError(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(message)) return 'filen är för djupt nästlad för att kunna läsas';
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /Nested mappings/i.test(message)) return 'ett värde innehåller ": " (kolon och mellanslag) och ser ut som en ny nyckel på samma rad';
  if (code === 'BAD_INDENT' && /Flow sequence/i.test(message)) return 'en lista inom [ ] är inte avslutad med ]';
  if (code === 'BAD_INDENT' && /Flow map/i.test(message)) return 'en mappning inom { } är inte avslutad med }';
  return YAML_MESSAGES[code] ?? 'ogiltig YAML';
}

export function hintFor(code: string, message = ''): string | undefined {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /Nested mappings/i.test(message)) return 'Sätt texten inom citattecken, t.ex. skiss: "Mål: fler föräldrar nås", eller rätta indraget om raden ska vara en egen nyckel.';
  if (code === 'RESOURCE_EXHAUSTION') return undefined;
  if (code === 'BAD_INDENT' && /Flow (sequence|map)/i.test(message)) return 'Avsluta listan med ] (eller mappningen med }) på samma rad, eller skriv en post per rad med "- ".';
  switch (code) {
    case 'TAB_AS_INDENT': return 'Byt tabbtecknen mot mellanslag (två per nivå).';
    case 'DUPLICATE_KEY': return 'Ta bort eller byt namn på den ena nyckeln.';
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': return 'Kontrollera indraget: nycklar på samma nivå ska börja i samma kolumn.';
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN': return 'Sätt texten inom citattecken om den innehåller tecken som : # [ ] { } eller börjar med - ? | >.';
    default: return undefined;
  }
}

/** Reads, checks and parses a project file. */
export function loadProject(path: string): LoadedProject {
  return parseProjectText(readProjectText(path));
}

/** The YAML node at a path, and the pair whose value it is (for key positions). */
export function nodeAt(doc: Document, path: YamlPath): { node: Node | null; keyNode: Node | null; found: number } {
  const { isAlias, isMap, isSeq, isPair, isScalar } = yamlLib();
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  let found = 0;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = (node as YAMLMap).items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      keyNode = (pair.key as Node) ?? null;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = null;
      node = node.items[seg];
    } else break;
    found++;
  }
  return { node: (node as Node) ?? null, keyNode, found };
}

/** Line and column of the value at a path (or of its key, or of the nearest existing parent). */
export function positionOf(p: Pick<LoadedProject, 'doc' | 'lineCounter'>, path: YamlPath, opts: { key?: boolean } = {}): { line: number; col: number } {
  const { node, keyNode, found } = nodeAt(p.doc, path);
  const target = found === path.length && opts.key && keyNode ? keyNode : found === path.length ? node ?? keyNode : node;
  const off = target?.range?.[0] ?? keyNode?.range?.[0] ?? 0;
  return p.lineCounter.linePos(off);
}
