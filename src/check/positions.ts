// Line and column for a path, without building a full yaml Document.
//
// The loader parses with js-yaml and builds the `yaml` Document (with positions) lazily, the
// first time a position is asked for; that costs ~15 ms for the example file, which is too much
// when check reads 290 files that each have a warning or two. Project files are block-style
// YAML written by people or by fsstöd, so one pass over the lines finds where every key and
// value starts. Anything unusual (anchors, tags, multi-line flow collections, complex keys,
// directives) makes the scanner give up, and positions then come from the real Document via
// positionOf, which stays the reference: test/check/positions.test.ts compares the two on the
// examples, the corpus and generated files, path by path.
import { positionOf, type LoadedProject, type YamlPath } from '../project/load.js';

export interface Pos { line: number; col: number }
/** One node of the outline: where its key (in a mapping) and its value start, and its children. */
export interface OutlineNode { key?: Pos; value: Pos; kids?: Map<string, OutlineNode> | OutlineNode[] }

class GiveUp extends Error {}

const SP = 32, HASH = 35, DASH = 45, COLON = 58, TAB = 9, CR = 13;

/** Records a child (a key of a mapping, or the next item of a sequence) of a node. */
function add(parent: OutlineNode, key: string | undefined, node: OutlineNode): OutlineNode {
  if (key === undefined) {
    if (!parent.kids) parent.kids = [];
    else if (!Array.isArray(parent.kids)) throw new GiveUp();
    parent.kids.push(node);
  } else {
    if (!parent.kids) parent.kids = new Map();
    else if (Array.isArray(parent.kids)) throw new GiveUp();
    parent.kids.set(key, node);
  }
  return node;
}

interface Line {
  /** 1-based line number. */
  no: number;
  /** Column (0-based) where content starts; for a compact item ("- a: 1") the key's column. */
  indent: number;
  /** The line's text without a trailing \r. */
  raw: string;
}

/**
 * Builds the outline of a block-style YAML text (its root node). Throws GiveUp. With `range`,
 * only the lines [from, to) are read (one top-level section; line numbers stay those of the file).
 */
export function outline(text: string | string[], range?: { from: number; to: number }): OutlineNode | undefined {
  const all = typeof text === 'string' ? text.split('\n') : text;
  const raws = range ? all.slice(0, range.to) : all;
  let i = range?.from ?? 0; // index of the next raw line
  let cur: Line | undefined; // current content line (may be a virtual one inside "- ")

  const clean = (s: string) => (s.charCodeAt(s.length - 1) === CR ? s.slice(0, -1) : s);
  /** Indent of a raw line, or -1 for a blank or comment-only line. */
  const indentOf = (s: string): number => {
    let k = 0;
    while (s.charCodeAt(k) === SP) k++;
    const c = s.charCodeAt(k);
    if (c === TAB) throw new GiveUp();
    if (k === s.length || c === HASH || c === CR) return -1;
    return k;
  };
  /** Moves to the next content line (skipping blanks and comments). */
  function next(): void {
    while (i < raws.length) {
      const raw = raws[i]!;
      const ind = indentOf(raw);
      i++;
      if (ind >= 0) { cur = { no: i, indent: ind, raw: clean(raw) }; return; }
    }
    cur = undefined;
  }
  const pos = (l: Line, col0: number): Pos => ({ line: l.no, col: col0 + 1 });

  /** Skips the lines of a block scalar or a multi-line plain scalar: blank lines and lines deeper than `parent`. */
  function skipDeeper(parent: number): void {
    while (i < raws.length) {
      const s = raws[i]!;
      let k = 0;
      while (s.charCodeAt(k) === SP) k++;
      if (k > parent || k === s.length || s.charCodeAt(k) === CR) { i++; continue; }
      if (s.charCodeAt(k) === TAB) throw new GiveUp();
      break;
    }
  }

  /** The column after a quoted scalar starting at col, or -1 if it continues on later lines. */
  function quotedEnd(s: string, col: number): number {
    const q = s[col];
    for (let k = col + 1; k < s.length; k++) {
      if (q === '"' && s[k] === '\\') { k++; continue; }
      if (s[k] === q) {
        if (q === "'" && s[k + 1] === "'") { k++; continue; }
        return k + 1;
      }
    }
    return -1;
  }

  /** Parses a flow collection that must end on the same line; returns the column after it. */
  function flow(l: Line, s: string, col: number, node: OutlineNode): number {
    const open = s[col]!;
    const close = open === '[' ? ']' : '}';
    let k = col + 1;
    const ws = () => { while (s.charCodeAt(k) === SP) k++; };
    for (;;) {
      ws();
      if (k >= s.length) throw new GiveUp(); // continues on another line
      if (s[k] === close) return k + 1;
      if (open === '[') {
        k = flowValue(l, s, k, node, undefined, undefined);
      } else {
        let key: string;
        const kStart = k;
        if (s[k] === '"' || s[k] === "'") {
          const e = quotedEnd(s, k);
          if (e < 0) throw new GiveUp();
          key = unquote(s.slice(k, e));
          k = e;
        } else {
          const m = /^[^,:{}[\]#&*!|>'"%@`?][^,:{}[\]]*/.exec(s.slice(k));
          if (!m) throw new GiveUp();
          key = m[0].trimEnd();
          k += m[0].length;
        }
        ws();
        if (s[k] !== ':') throw new GiveUp();
        k++;
        ws();
        if (s[k] === ',' || s[k] === close) add(node, key, { key: pos(l, kStart), value: pos(l, k) });
        else k = flowValue(l, s, k, node, key, pos(l, kStart));
      }
      ws();
      if (s[k] === ',') { k++; continue; }
      if (s[k] === close) return k + 1;
      throw new GiveUp();
    }
  }

  function flowValue(l: Line, s: string, k: number, parent: OutlineNode, key: string | undefined, keyPos: Pos | undefined): number {
    const node = add(parent, key, keyPos ? { key: keyPos, value: pos(l, k) } : { value: pos(l, k) });
    const c = s[k];
    if (c === '[' || c === '{') return flow(l, s, k, node);
    if (c === '"' || c === "'") {
      const e = quotedEnd(s, k);
      if (e < 0) throw new GiveUp();
      return e;
    }
    if (c === '&' || c === '*' || c === '!' || c === '#' || c === '?' || c === undefined) throw new GiveUp();
    const m = /^[^,{}[\]]*/.exec(s.slice(k))!;
    return k + m[0].trimEnd().length;
  }

  /** A value starting at column col of line l (after "key: " or "- "); `parent` is the owner's indent. */
  function inlineValue(l: Line, col: number, node: OutlineNode, parent: number): void {
    const s = l.raw;
    const c = s[col]!;
    if (c === '&' || c === '*' || c === '!' || c === '%' || c === '@' || c === '`') throw new GiveUp();
    if (c === '|' || c === '>') { skipDeeper(parent); next(); return; }
    if (c === '[' || c === '{') {
      const e = flow(l, s, col, node);
      let k = e;
      while (s.charCodeAt(k) === SP) k++;
      if (k < s.length && s.charCodeAt(k) !== HASH) throw new GiveUp();
      next();
      return;
    }
    if (c === '"' || c === "'") {
      if (quotedEnd(s, col) < 0) {
        // A quoted scalar over several lines: find the line that closes it.
        for (;;) {
          if (i >= raws.length) throw new GiveUp();
          if (quotedEnd(c + clean(raws[i++]!), 0) >= 0) break;
        }
      }
      next();
      return;
    }
    // A plain scalar, perhaps continued on deeper lines.
    skipDeeper(parent);
    next();
  }

  /** A key at column col: the key and the column after ":"; undefined if the line has no key there. */
  function keyAt(s: string, col: number): { key: string; after: number } | undefined {
    const c = s[col];
    if (c === '"' || c === "'") {
      const e = quotedEnd(s, col);
      if (e < 0) throw new GiveUp();
      let k = e;
      while (s.charCodeAt(k) === SP) k++;
      if (s.charCodeAt(k) !== COLON || (k + 1 < s.length && s.charCodeAt(k + 1) !== SP)) return undefined;
      return { key: unquote(s.slice(col, e)), after: k + 1 };
    }
    if (c === '?' && (s[col + 1] === ' ' || s[col + 1] === undefined)) throw new GiveUp();
    if (c === '[' || c === '{' || c === '&' || c === '*' || c === '!' || c === '|' || c === '>' || c === '%' || c === '@' || c === '`') return undefined;
    // Plain key: up to the first ": " or ":" at the end (a " #" before that starts a comment).
    for (let k = col; k < s.length; k++) {
      const ch = s.charCodeAt(k);
      if (ch === SP && s.charCodeAt(k + 1) === HASH) return undefined;
      if (ch === COLON && (k + 1 === s.length || s.charCodeAt(k + 1) === SP)) {
        return { key: s.slice(col, k).trimEnd(), after: k + 1 };
      }
    }
    return undefined;
  }

  const isItem = (l: Line) => l.raw.charCodeAt(l.indent) === DASH && (l.indent + 1 === l.raw.length || l.raw.charCodeAt(l.indent + 1) === SP);

  /** A block collection whose first line is `cur`. */
  function block(node: OutlineNode): void {
    const l = cur!;
    if (isItem(l)) seq(node, l.indent);
    else if (keyAt(l.raw, l.indent)) map(node, l.indent);
    else throw new GiveUp(); // a bare scalar where a collection was expected
  }

  function map(node: OutlineNode, indent: number): void {
    while (cur && cur.indent === indent && !isItem(cur)) {
      const l = cur;
      const k = keyAt(l.raw, indent);
      if (!k) throw new GiveUp();
      const keyPos = pos(l, indent);
      let v = k.after;
      while (l.raw.charCodeAt(v) === SP) v++;
      if (v >= l.raw.length || l.raw.charCodeAt(v) === HASH) {
        // The value is on the following lines, or empty (null).
        const nullPos = pos(l, v);
        next();
        if (cur && (cur.indent > indent || (cur.indent === indent && isItem(cur)))) {
          block(add(node, k.key, { key: keyPos, value: pos(cur, cur.indent) }));
        } else {
          add(node, k.key, { key: keyPos, value: nullPos });
        }
      } else {
        inlineValue(l, v, add(node, k.key, { key: keyPos, value: pos(l, v) }), indent);
      }
    }
    if (cur && cur.indent > indent) throw new GiveUp();
  }

  function seq(node: OutlineNode, indent: number): void {
    while (cur && cur.indent === indent && isItem(cur)) {
      const l = cur;
      let v = indent + 1;
      while (l.raw.charCodeAt(v) === SP) v++;
      if (v >= l.raw.length || l.raw.charCodeAt(v) === HASH) {
        const nullPos = pos(l, v);
        next();
        if (cur && cur.indent > indent) block(add(node, undefined, { value: pos(cur, cur.indent) }));
        else add(node, undefined, { value: nullPos });
        continue;
      }
      // "- - x" or "- key: value": a compact collection on the same line, read as a virtual line.
      const virtual: Line = { no: l.no, indent: v, raw: l.raw };
      if (isItem(virtual) || keyAt(l.raw, v)) {
        const item = add(node, undefined, { value: pos(l, v) });
        cur = virtual;
        block(item);
        continue;
      }
      inlineValue(l, v, add(node, undefined, { value: pos(l, v) }), indent);
    }
  }

  // Document start: a "---" line is fine; directives are not for us.
  next();
  if (cur && cur.raw.startsWith('%')) throw new GiveUp();
  if (!range && cur && /^---\s*(#.*)?$/.test(cur.raw)) next();
  if (!cur) return undefined;
  if (cur.indent !== 0) throw new GiveUp();
  const root: OutlineNode = { value: pos(cur, 0) };
  map(root, 0);
  if (cur) throw new GiveUp(); // "...", a second document, or something we did not understand
  return root;
}

function unquote(q: string): string {
  if (q.startsWith("'")) return q.slice(1, -1).replace(/''/g, "'");
  const inner = q.slice(1, -1);
  if (inner.includes('\\')) throw new GiveUp();
  return inner;
}

/** The node at a path, and how many segments were found. */
export function walk(root: OutlineNode, path: YamlPath): { node: OutlineNode; found: number } {
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

const HAS_ANCHOR = /(^|[\s[{,:-])&[^\s]/m;

function exists(data: unknown, path: YamlPath): boolean {
  let v: any = data;
  for (const s of path) {
    if (v == null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) return false;
    v = v[s];
  }
  return true;
}

export type Locate = (path: YamlPath, opts?: { key?: boolean }) => Pos;

/** Top-level keys and the lines [from, to) of their sections; undefined when the file is not that simple. */
export function sections(lines: string[]): Map<string, { from: number; to: number }> | undefined {
  const out = new Map<string, { from: number; to: number }>();
  let last: { from: number; to: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.charCodeAt(0);
    if (Number.isNaN(c) || c === SP || c === HASH || c === CR || c === TAB) continue; // blank, indented, comment
    const m = /^([^\s#'"\[\]{}&*!|>%@`?-][^:#]*?):(\s|$)/.exec(lines[i]!);
    if (!m) {
      if (/^---\s*(#.*)?\r?$/.test(lines[i]!) && !out.size) continue;
      return undefined; // a quoted or complex key, a top-level list, "..."
    }
    if (last) last.to = i;
    last = { from: i, to: lines.length };
    if (out.has(m[1]!)) return undefined;
    out.set(m[1]!, last);
  }
  return out;
}

/**
 * A position finder for one loaded project: the outline of the top-level section a path is in
 * (built the first time a position in it is asked for), when the file is plain block YAML;
 * otherwise, or for a path the outline does not know, positionOf on the real Document.
 */
export function locator(p: LoadedProject): Locate {
  let lines: string[] | undefined;
  let secs: Map<string, { from: number; to: number }> | null | undefined;
  const roots = new Map<string, OutlineNode | null>();
  const fast = () => {
    if (secs !== undefined) return secs;
    if (p.text.includes('&') && HAS_ANCHOR.test(p.text)) return (secs = null);
    lines = p.text.split('\n');
    return (secs = sections(lines) ?? null);
  };
  /** The outline of the section holding the path's top-level key. */
  const outlineFor = (top: string): OutlineNode | null => {
    const range = secs!.get(top)!;
    if (!roots.has(top)) {
      try { roots.set(top, outline(lines!, range) ?? null); } catch (e) { if (!(e instanceof GiveUp)) throw e; roots.set(top, null); }
    }
    return roots.get(top)!;
  };
  return (path, opts = {}) => {
    const s = fast();
    if (s && s.size) {
      const top = path[0];
      if (path.length === 0 || (typeof top === 'string' && !s.has(top) && !exists(p.data, [top]))) {
        // The root, or a top-level key that is not there: the root's position, which is its first key.
        const first = Math.min(...[...s.values()].map((r) => r.from));
        return { line: first + 1, col: 1 };
      }
      const r = typeof top === 'string' && s.has(top) ? outlineFor(top) : null;
      if (r) {
        const { node, found } = walk(r, path);
        if (found === path.length) return opts.key && node.key ? node.key : node.value;
        // Not in the outline: the nearest existing parent, as positionOf gives, unless the data
        // has the path (a key spelled differently in YAML, such as 1.0); then ask the Document.
        if (found > 0 && !exists(p.data, path)) return node.value;
      }
    }
    return positionOf(p, path, opts);
  };
}
