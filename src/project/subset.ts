// The fast reading of a project file: data and positions from one pass over the lines, for the
// plain subset of block YAML where this reading provably gives what the `yaml` library gives
// (YAML 1.2 core schema). Any text outside the subset gets `undefined`, and the loader lets the
// `yaml` library read it: its verdict decides, its Document gives the positions. The subset is
// deliberately narrow (what fsstöd writes and what the examples use): one line is one key or
// item; keys are words; values are words, decimal numbers, one-line quoted texts with the
// escapes \\ \" \n \t \/, flow lists of words and numbers, {} , or block scalars | |- > >-
// (folded ones without more-indented lines, trailing spaces or leading blank lines). No
// anchors, aliases, tags, tabs, multi-line plain or quoted values, comments without a space
// before "#", duplicate keys, or indentation that does not line up with an open collection.
// test/egenskaper/en-tolkning.test.ts checks the claim (same acceptance, same data, same
// positions) on every fixture and on generated files.

/** A line (1-based) and column (1-based, UTF-16 units as the `yaml` library counts them). */
export interface Pos { line: number; col: number }
/**
 * One node of the outline: where its key (in a mapping; -1 in a sequence) and its value start,
 * each packed as line × 2^20 + column (one number, not an object: a file has thousands), and
 * its children.
 */
export interface OutlineNode { k: number; v: number; kids?: Map<string, OutlineNode> | OutlineNode[] }

const COLS = 1048576;
const unpack = (n: number): Pos => ({ line: Math.floor(n / COLS), col: n % COLS });
/** Where the value of an outline node starts. */
export const valuePos = (n: OutlineNode): Pos => unpack(n.v);
/** Where the key of an outline node starts (a sequence item: its value). */
export const keyPos = (n: OutlineNode): Pos => unpack(n.k >= 0 ? n.k : n.v);

export interface SubsetRead {
  data: Record<string, unknown>;
  outline: OutlineNode;
}

/** Thrown inside the reader when the text leaves the subset. */
class Outside extends Error {}

const WORD = /^[\p{L}_][\p{L}\p{N}_-]*$/u;
// At most 15 digits on each side: exactly representable decimals that every parser rounds alike.
const NUMBER = /^(?:0|-?[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;
/** A day or a year and month: text to both readers (the core schema has no timestamps). */
const DATE = /^[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?$/;
/** Characters a parser treats specially somewhere: line breaks of YAML 1.1, C1 controls, BOM, tabs. */
const SPECIAL = /[\t\u0080-\u009f\u2028\u2029\ufeff]/;
/** A word such as 0b101, 0o17, 1e3, .5, 12:30 may be a number to one reader and text to another. */
const NUMERIC_ISH = /^[0-9a-fA-F.+\-_xXoObBeE:]*$/;
const BLOCK_HEADER = /^([|>])(-?)$/;
const RESERVED_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const ASCII_WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NON_ASCII = /[^\x00-\x7f]/;
const SP = 32, HASH = 35, DASH = 45, COLON = 58;

/** Keys already found to be words: a file repeats a few dozen keys thousands of times. */
const WORDS = new Set<string>();

/** WORD.test(s), without running the Unicode regex (costly at start) on the ASCII words most keys are. */
function isWord(s: string): boolean {
  if (WORDS.has(s)) return true;
  const ok = ASCII_WORD.test(s) || (NON_ASCII.test(s) && WORD.test(s));
  if (ok && s.length < 40) WORDS.add(s);
  return ok;
}

/** The core schema's value of a plain scalar in the subset (comment removed), or Outside. */
function plain(v: string): unknown {
  if (v.length === 0 || v.includes(': ') || v.endsWith(':') || v.endsWith(' ')) throw new Outside();
  const c = v[0]!;
  if ('-?:,[]{}#&*!|>\'"%@`.+~ '.includes(c)) {
    if (v === '~') return null;
    if (!NUMBER.test(v)) throw new Outside();
    return Number(v);
  }
  if (c >= '0' && c <= '9') {
    if (NUMBER.test(v)) return Number(v);
    if (DATE.test(v) || !NUMERIC_ISH.test(v)) return v;
    throw new Outside();
  }
  if (NULLS.has(v)) return null;
  if (TRUES.has(v)) return true;
  if (FALSES.has(v)) return false;
  return v;
}

/** The value part of a line without a trailing " #comment". */
function stripComment(s: string): string {
  const i = s.indexOf(' #');
  return (i >= 0 ? s.slice(0, i) : s).trimEnd();
}

/** A one-line quoted value (and an optional comment after it): its text, or Outside. */
function quoted(s: string): string {
  const q = s[0]!;
  let out = '';
  let k = 1;
  for (; k < s.length; k++) {
    const ch = s[k]!;
    if (q === '"' && ch === '\\') {
      const e = s[k + 1];
      if (e === '\\' || e === '"' || e === '/') out += e;
      else if (e === 'n') out += '\n';
      else if (e === 't') out += '\t';
      else throw new Outside();
      k++;
      continue;
    }
    if (ch === q) {
      if (q === "'" && s[k + 1] === "'") { out += "'"; k++; continue; }
      break;
    }
    out += ch;
  }
  if (k >= s.length) throw new Outside(); // continues on the next line
  const rest = s.slice(k + 1);
  if (rest.trim() !== '' && !/^ +#/.test(rest)) throw new Outside();
  return out;
}

/**
 * Where the key that starts at `from` ends (the index of its ":"), or -1: a key runs up to a ":"
 * followed by a space or the end of the line, with no space or ":" in it.
 */
function keyEnd(raw: string, from: number): number {
  let e = from;
  for (let c = raw.charCodeAt(e); e < raw.length && c !== COLON && c !== SP; c = raw.charCodeAt(++e));
  if (e === from || raw.charCodeAt(e) !== COLON) return -1;
  return e + 1 === raw.length || raw.charCodeAt(e + 1) === SP ? e : -1;
}

export function readSubset(text: string): SubsetRead | undefined {
  if (SPECIAL.test(text)) return undefined;
  const raws = text.split('\n');
  // A final line break ends the last line; it does not start another.
  const endsWithBreak = raws.length > 1 && raws[raws.length - 1] === '';
  if (endsWithBreak) raws.pop();
  for (let k = 0; k < raws.length; k++) {
    let s = raws[k]!;
    if (s.charCodeAt(s.length - 1) === 13) raws[k] = s = s.slice(0, -1);
    // A line of only spaces: readers differ on whether it ends a block scalar.
    if (s.charCodeAt(0) === SP && s.charCodeAt(s.length - 1) === SP && s.trim() === '') return undefined;
  }
  try {
    return read(raws, endsWithBreak);
  } catch (e) {
    if (e instanceof Outside) return undefined;
    throw e;
  }
}

interface Line { no: number; indent: number; raw: string }

function read(raws: string[], endsWithBreak: boolean): SubsetRead | undefined {
  let i = 0; // index of the next raw line
  let cur: Line | undefined;
  let first = true;

  /** Moves to the next content line (blank and comment lines skipped). */
  function next(): void {
    while (i < raws.length) {
      const s = raws[i]!;
      i++;
      let n = 0;
      while (s.charCodeAt(n) === SP) n++;
      if (n === s.length || s.charCodeAt(n) === HASH) continue;
      if (n === 0 && (s.startsWith('---') || s.startsWith('...') || s[0] === '%')) {
        if (first && s === '---') { first = false; continue; }
        throw new Outside();
      }
      first = false;
      cur = { no: i, indent: n, raw: s };
      return;
    }
    cur = undefined;
  }
  const pos = (l: Line, col0: number): number => {
    if (col0 + 1 >= COLS) throw new Outside();
    return l.no * COLS + col0 + 1;
  };
  const isItem = (l: Line) => l.raw.charCodeAt(l.indent) === DASH && (l.indent + 1 === l.raw.length || l.raw.charCodeAt(l.indent + 1) === SP);

  /** A block scalar whose header (| > with an optional -) is on line l; `owner` is its parent's indent. */
  function blockScalar(header: string, owner: number): string {
    const m = BLOCK_HEADER.exec(header);
    if (!m) throw new Outside();
    const folded = m[1] === '>';
    const strip = m[2] === '-';
    const lines: string[] = [];
    let contentIndent = -1;
    while (i < raws.length) {
      const s = raws[i]!;
      if (s === '') { lines.push(''); i++; continue; }
      let n = 0;
      while (s.charCodeAt(n) === SP) n++;
      if (n <= owner) break;
      if (contentIndent < 0) contentIndent = n;
      else if (n < contentIndent) throw new Outside();
      lines.push(s.slice(contentIndent));
      i++;
    }
    // A block that ends the text without a final line break: its last break is a reader's choice.
    if (i >= raws.length && !endsWithBreak) throw new Outside();
    let last = lines.length - 1;
    while (last >= 0 && lines[last] === '') last--;
    if (last < 0) return '';
    const body = lines.slice(0, last + 1);
    let out: string;
    if (!folded) {
      out = body.join('\n');
    } else {
      if (body[0] === '') throw new Outside();
      out = '';
      let empty = 0;
      for (const t of body) {
        if (t === '') { empty++; continue; }
        if (t.charCodeAt(0) === SP || t.endsWith(' ')) throw new Outside();
        out += out === '' ? t : (empty ? '\n'.repeat(empty) : ' ') + t;
        empty = 0;
      }
    }
    return strip ? out : out + '\n';
  }

  /** Adds a child to an outline node (a key of a mapping, or the next item of a sequence). */
  function add(parent: OutlineNode, key: string | undefined, node: OutlineNode): OutlineNode {
    if (key === undefined) ((parent.kids ??= []) as OutlineNode[]).push(node);
    else ((parent.kids ??= new Map()) as Map<string, OutlineNode>).set(key, node);
    return node;
  }

  /** A value written after "key: " or "- " at column col of line l; `owner` is the parent's indent. */
  function inline(l: Line, col: number, node: OutlineNode, owner: number): unknown {
    const s = l.raw.slice(col);
    const c = s[0]!;
    if (c === '"' || c === "'") { const v = quoted(s); next(); return v; }
    const v = stripComment(s);
    if (c === '|' || c === '>') return blockThenNext(v, owner);
    if (c === '[') {
      if (!v.endsWith(']')) throw new Outside();
      const out: unknown[] = [];
      const inner = v.slice(1, -1);
      if (inner.trim() !== '') {
        let at = col + 1;
        for (const part of inner.split(',')) {
          const t = part.trim();
          if (!(isWord(t) || NUMBER.test(t))) throw new Outside();
          add(node, undefined, { k: -1, v: pos(l, at + part.indexOf(t)) });
          out.push(plain(t));
          at += part.length + 1;
        }
      }
      next();
      return out;
    }
    if (c === '{') {
      if (v !== '{}') throw new Outside();
      next();
      return {};
    }
    const value = plain(v);
    next();
    return value;
  }

  function blockThenNext(header: string, owner: number): string {
    const v = blockScalar(header, owner);
    next();
    return v;
  }

  /** A block collection starting at the current line, at its indent. */
  function block(node: OutlineNode): unknown {
    const l = cur!;
    return isItem(l) ? seq(node, l.indent) : map(node, l.indent);
  }

  function map(node: OutlineNode, indent: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    while (cur && cur.indent === indent && !isItem(cur)) {
      const l = cur;
      const raw = l.raw;
      const e = keyEnd(raw, indent);
      if (e < 0) throw new Outside();
      const key = raw.slice(indent, e);
      let v = e + 1;
      while (raw.charCodeAt(v) === SP) v++;
      if (!isWord(key) || key.length > 1000 || key === '__proto__' || RESERVED_KEYS.has(key)) throw new Outside();
      if ((node.kids as Map<string, OutlineNode> | undefined)?.has(key)) throw new Outside(); // a duplicate: yaml gives the message
      const kp = pos(l, indent);
      if (v >= l.raw.length || l.raw.charCodeAt(v) === HASH) {
        // The value is on the following lines, or empty (null).
        const nullPos = pos(l, v);
        next();
        if (cur && (cur.indent > indent || (cur.indent === indent && isItem(cur)))) {
          obj[key] = block(add(node, key, { k: kp, v: pos(cur, cur.indent) }));
        } else {
          add(node, key, { k: kp, v: nullPos });
          obj[key] = null;
        }
      } else {
        obj[key] = inline(l, v, add(node, key, { k: kp, v: pos(l, v) }), indent);
      }
    }
    if (cur && cur.indent > indent) throw new Outside();
    return obj;
  }

  function seq(node: OutlineNode, indent: number): unknown[] {
    const arr: unknown[] = [];
    while (cur && cur.indent === indent && isItem(cur)) {
      const l = cur;
      let v = indent + 1;
      while (l.raw.charCodeAt(v) === SP) v++;
      if (v >= l.raw.length || l.raw.charCodeAt(v) === HASH) {
        const nullPos = pos(l, v);
        next();
        if (cur && cur.indent > indent) arr.push(block(add(node, undefined, { k: -1, v: pos(cur, cur.indent) })));
        else { add(node, undefined, { k: -1, v: nullPos }); arr.push(null); }
        continue;
      }
      const rest = l.raw.slice(v);
      if (rest === '-' || rest.startsWith('- ')) throw new Outside();
      if (keyEnd(l.raw, v) >= 0) {
        // "- key: value": a mapping whose keys are at this column, read from a virtual line.
        const item = add(node, undefined, { k: -1, v: pos(l, v) });
        cur = { no: l.no, indent: v, raw: l.raw };
        arr.push(map(item, v));
        continue;
      }
      arr.push(inline(l, v, add(node, undefined, { k: -1, v: pos(l, v) }), indent));
    }
    if (cur && cur.indent > indent) throw new Outside();
    return arr;
  }

  next();
  if (!cur) return undefined; // empty, or only comments: the loader says so with yaml's reading
  if (cur.indent !== 0 || isItem(cur)) throw new Outside(); // the root is a mapping at column 1
  const root: OutlineNode = { k: -1, v: pos(cur, 0) };
  const data = map(root, 0);
  if (cur) throw new Outside();
  return { data, outline: root };
}

/** The outline node at a path, and how many of its segments were found. */
export function walk(root: OutlineNode, path: (string | number)[]): { node: OutlineNode; found: number } {
  let node = root;
  let found = 0;
  for (const s of path) {
    const kids = node.kids;
    const child = !kids ? undefined : Array.isArray(kids) ? (typeof s === 'number' ? kids[s] : undefined) : kids.get(String(s));
    if (!child) break;
    node = child;
    found++;
  }
  return { node, found };
}
