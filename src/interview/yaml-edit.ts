// Edits a project file's text so that only the answered part changes. The yaml Document is
// edited with its own API (setIn-like, ordered insertion of new keys, pruning of emptied
// maps), and then only the smallest changed unit — one `key: value` pair or one list item —
// is rendered by yaml and spliced into the original text. Everything else stays byte for byte
// as the user wrote it: comments, blank lines, folded paragraphs, quoting, indentation.
// (Serialising the whole Document would re-flow every folded paragraph in the file and take
// ~100 ms on a plan with 500 insatser; a splice takes a few.)
//
// The Document's source ranges are kept valid after each splice (the new unit is parsed on
// its own and its ranges offset; later nodes are shifted), so that the next edit can find
// its place without parsing the whole file again. The caller verifies the new text (see
// session.ts); if anything looks wrong it falls back to `rewriteWhole`.
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { yamlLib, type YamlPath } from '../project/load.js';
import { schemaAt } from '../project/schema-words.js';

type Coll = YAMLMap | YAMLSeq;

export interface TextState {
  /** The file's text without BOM, in its own line endings. */
  text: string;
  doc: Document.Parsed;
  eol: '\n' | '\r\n';
}

/** The result of an edit: the new text, and whether it was spliced or fully re-rendered. */
export interface EditResult {
  text: string;
  mode: 'splice' | 'whole' | 'none';
  /** The text that was replaced and the text that replaced it (for the caller's checks). */
  removed: string;
  inserted: string;
  /**
   * The collection that holds the changed unit, as lines of the new text, when the change
   * stayed inside it: the rest of the file is then unchanged byte for byte, and parsing these
   * lines alone verifies the edit. Undefined when the unit is a top-level section.
   */
  container?: { path: YamlPath; from: number; to: number };
}

const Y = () => yamlLib();

// ── Key order ────────────────────────────────────────────────────────────────────────────

/** The order keys should have in the map at `path`: the schema's property order. */
export function keyOrder(path: YamlPath): string[] {
  const s = schemaAt(path);
  if (!s) return [];
  if (s.properties) return Object.keys(s.properties);
  return s.propertyNames?.enum ?? [];
}

/**
 * Where a new key goes among existing keys: before the first existing key that comes after it
 * in `order`. Keys not in `order` (user additions) never decide; an unknown new key goes last.
 */
export function orderedIndex(existing: string[], key: string, order: string[]): number {
  const rank = order.indexOf(key);
  if (rank < 0) return existing.length;
  for (let i = 0; i < existing.length; i++) {
    const r = order.indexOf(existing[i]!);
    if (r > rank) return i;
  }
  return existing.length;
}

// ── Plain-data mirror of an edit (used for the would-be data before saving) ───────────────

/**
 * Returns `data` with `value` set at `path` (undefined deletes), copying only the objects on
 * the path. Emptied maps and lists below the root are removed, as `editDocument` does.
 * A numeric segment equal to a list's length appends.
 */
export function withValue(data: unknown, path: YamlPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [seg, ...rest] = path;
  const isIndex = typeof seg === 'number';
  const cur = data != null && typeof data === 'object' ? data : undefined;
  const copy: any = Array.isArray(cur) ? [...cur] : cur ? { ...cur } : isIndex ? [] : {};
  const child = cur ? (cur as any)[seg as any] : undefined;
  if (value === undefined && child === undefined) return data;
  const next = rest.length ? withValue(child, rest, value) : value;
  const empty = (v: unknown) => v != null && typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
  if (next === undefined || (value === undefined && empty(next))) {
    if (Array.isArray(copy)) copy.splice(seg as number, 1);
    else delete copy[seg as string];
  } else {
    copy[seg as any] = next;
  }
  return copy;
}

// ── Document edits with the yaml API ──────────────────────────────────────────────────────

function keyOf(pair: Pair): string {
  const { isScalar } = Y();
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function findPair(map: YAMLMap, key: string): number {
  return map.items.findIndex((p) => keyOf(p as Pair) === key);
}

/** Strings get a readable style: long text folded, text with line breaks literal. */
export function styleNew(node: unknown): void {
  const { isScalar, isCollection, isPair, Scalar } = Y();
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (v.length > 70 && v === v.trim() && !/\s\s/.test(v)) node.type = Scalar.BLOCK_FOLDED;
    }
  } else if (isCollection(node)) {
    // Short lists of ids or words read best on one line: [B1, B2].
    if (!isPair(node.items[0]) && node.items.length > 0 && node.items.every((it) => isScalar(it) && (typeof it.value !== 'string' || !/[\n,#\[\]{}]/.test(it.value)))
      && node.items.reduce((n: number, it) => n + String((it as Scalar).value).length + 2, 0) < 60) node.flow = true;
    for (const it of node.items) {
      if (isPair(it)) styleNew(it.value);
      else styleNew(it);
    }
  }
}

function createNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value, { aliasDuplicateObjects: false }) as Node;
  styleNew(node);
  return node;
}

/** Builds the nested value for the missing part of a path: {a: {b: value}} or [value]. */
function nest(rest: YamlPath, value: unknown): unknown {
  let v = value;
  for (let i = rest.length - 1; i >= 0; i--) {
    const seg = rest[i]!;
    v = typeof seg === 'number' ? [v] : { [seg]: v };
  }
  return v;
}

/** Inserts a pair into a map at its place in the schema's key order. Returns its index. */
export function insertOrdered(doc: Document, map: YAMLMap, mapPath: YamlPath, key: string, value: unknown): number {
  const { Pair } = Y();
  const idx = orderedIndex(map.items.map((p) => keyOf(p as Pair)), key, keyOrder(mapPath));
  const pair = new Pair(doc.createNode(key), createNode(doc, value));
  map.items.splice(idx, 0, pair as any);
  return idx;
}

/**
 * Sets (or with undefined deletes) the value at `path` in the Document. New keys are placed
 * in schema order; a changed scalar keeps its inline comment; emptied maps and lists below
 * the root are removed.
 */
export function editDocument(doc: Document, path: YamlPath, value: unknown): void {
  const { isMap, isSeq, isCollection } = Y();
  const chain = editChain(doc, path, value);
  // A map written on one line ({typ: saknas}) that gets more keys is written as a block;
  // so is a one-line list that gets a map or list as an item.
  for (const c of chain) {
    if (isMap(c) && c.flow && c !== doc.contents) c.flow = false;
    if (isSeq(c) && c.flow && c.items.some((it) => isCollection(it))) c.flow = false;
  }
}

function editChain(doc: Document, path: YamlPath, value: unknown): Node[] {
  const { isMap, isSeq, isScalar } = Y();
  const chain: Node[] = [doc.contents as Node];
  for (let i = 0; i < path.length - 1; i++) {
    const parent = chain[i]!;
    const seg = path[i]!;
    let child: unknown;
    if (isMap(parent)) {
      const at = findPair(parent, String(seg));
      child = at >= 0 ? (parent.items[at] as Pair).value : undefined;
      if (child !== undefined && !isMap(child) && !isSeq(child)) child = undefined;
      if (child === undefined) {
        if (value === undefined) return chain;
        const fresh = nest(path.slice(i + 1), value);
        if (at >= 0) (parent.items[at] as Pair).value = createNode(doc, fresh);
        else insertOrdered(doc, parent, path.slice(0, i), String(seg), fresh);
        return chain;
      }
    } else if (isSeq(parent) && typeof seg === 'number') {
      child = parent.items[seg];
      if (child === undefined || (!isMap(child) && !isSeq(child))) {
        if (value === undefined) return chain;
        const fresh = createNode(doc, nest(path.slice(i + 1), value));
        if (seg < parent.items.length) parent.items[seg] = fresh;
        else parent.items.push(fresh);
        return chain;
      }
    } else {
      throw new Error(`editDocument: ${path.slice(0, i + 1).join('.')} är ingen samling`);
    }
    chain.push(child as Node);
  }
  const parent = chain[chain.length - 1]!;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (isMap(parent)) {
      const at = findPair(parent, String(last));
      if (at >= 0) parent.items.splice(at, 1);
    } else if (isSeq(parent) && typeof last === 'number' && last < parent.items.length) {
      parent.items.splice(last, 1);
    }
    // Prune maps and lists that became empty, up to (not including) the root.
    for (let i = chain.length - 1; i > 0; i--) {
      const c = chain[i] as Coll;
      if (c.items.length > 0) break;
      const up = chain[i - 1]!;
      const seg = path[i - 1]!;
      if (isMap(up)) up.items.splice(findPair(up, String(seg)), 1);
      else if (isSeq(up)) up.items.splice(seg as number, 1);
    }
    return chain;
  }
  if (isMap(parent)) {
    const at = findPair(parent, String(last));
    if (at >= 0) {
      const pair = parent.items[at] as Pair;
      const old = pair.value;
      const node = createNode(doc, value);
      if (isScalar(old) && old.comment && isScalar(node)) node.comment = old.comment;
      pair.value = node;
    } else {
      insertOrdered(doc, parent, path.slice(0, -1), String(last), value);
    }
  } else if (isSeq(parent) && typeof last === 'number') {
    const node = createNode(doc, value);
    if (last < parent.items.length) parent.items[last] = node;
    else parent.items.push(node);
  } else {
    throw new Error(`editDocument: ${path.slice(0, -1).join('.')} är ingen samling`);
  }
  return chain;
}

// ── Text positions ─────────────────────────────────────────────────────────────────────────

const lineStart = (text: string, off: number) => text.lastIndexOf('\n', off - 1) + 1;
function lineEnd(text: string, off: number): number {
  const i = text.indexOf('\n', off);
  return i < 0 ? text.length : i + 1;
}
const blankOrComment = (line: string) => /^\s*(#.*)?\r?$/.test(line);

/** Offset of the last character that belongs to a node's content (not trailing comments). */
function contentLast(node: unknown, text: string): number | undefined {
  const { isPair, isCollection, isScalar, isAlias } = Y();
  if (isPair(node)) {
    const v = node.value as Node | null;
    const inV = v && (isCollection(v) ? v.items.length > 0 : true) ? contentLast(v, text) : undefined;
    return inV ?? contentLast(node.key, text);
  }
  if (isCollection(node)) {
    if (node.flow || node.items.length === 0) return node.range ? node.range[1] - 1 : undefined;
    return contentLast(node.items[node.items.length - 1], text);
  }
  if (isScalar(node) || isAlias(node)) {
    const r = (node as Scalar).range;
    if (!r) return undefined;
    let i = Math.max(r[0], r[1] - 1);
    while (i > r[0] && /\s/.test(text[i]!)) i--;
    return i;
  }
  return undefined;
}

/** Where the unit's text ends: the end of the line of its last content character. */
function unitEnd(node: unknown, text: string): number | undefined {
  const last = contentLast(node, text);
  return last === undefined ? undefined : lineEnd(text, last);
}

function keyStart(pair: Pair): number | undefined {
  return (pair.key as Node | null)?.range?.[0];
}

// ── Rendering a unit ───────────────────────────────────────────────────────────────────────

function hasRanges(node: unknown): boolean {
  const { isPair, isCollection, isNode } = Y();
  if (isPair(node)) return hasRanges(node.value);
  if (isCollection(node) && node.items.some(hasRanges)) return true;
  return isNode(node) && Boolean(node.range);
}

function renderDoc(content: Node, width: number): string {
  const { Document } = Y();
  const d = new Document();
  d.contents = content as any;
  return d.toString({ lineWidth: width, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

/** `key: value` as yaml writes it at column 0, without the comments above the key. */
function renderPair(pair: Pair): string {
  const { YAMLMap, Pair: P, isNode, isCollection } = Y();
  const key = isNode(pair.key) ? (pair.key as Node).clone() : pair.key;
  if (isNode(key)) { key.commentBefore = undefined; key.spaceBefore = undefined; }
  let value = pair.value as Node | null;
  if (isCollection(value) && value.comment) {
    const c = value.clone() as Coll;
    c.comment = undefined;
    value = c;
  }
  const map = new YAMLMap();
  map.items.push(new P(key, value));
  return renderDoc(map, hasRanges(pair.value) ? 0 : 80);
}

/** A list item as yaml writes it at column 0 with its dash. */
function renderItem(item: Node): string {
  const { YAMLSeq, isCollection } = Y();
  const it = item.clone();
  it.commentBefore = undefined;
  it.spaceBefore = undefined;
  if (isCollection(it)) it.comment = undefined;
  const seq = new YAMLSeq();
  seq.items.push(it);
  return renderDoc(seq, hasRanges(item) ? 0 : 80);
}

/** Indents every non-empty line but the first (when the first continues an existing line). */
function indent(s: string, col: number, eol: string, skipFirst: boolean): string {
  const pad = ' '.repeat(col);
  const lines = s.replace(/\n$/, '').split('\n');
  return lines.map((l, i) => (l === '' || (i === 0 && skipFirst) ? l : pad + l)).join(eol) + eol;
}

// ── Range bookkeeping ──────────────────────────────────────────────────────────────────────

function eachRange(node: unknown, f: (r: [number, number, number]) => void): void {
  const { isPair, isCollection, isNode } = Y();
  if (isPair(node)) { eachRange(node.key, f); eachRange(node.value, f); return; }
  if (!isNode(node)) return;
  if (node.range) f(node.range as [number, number, number]);
  if (isCollection(node)) for (const it of node.items) eachRange(it, f);
}

function shiftAll(doc: Document, start: number, end: number, delta: number): void {
  const { isPair, isCollection, isNode, isScalar } = Y();
  const begin = (it: unknown): number | undefined => (isPair(it) ? (it.key as Node | null)?.range?.[0] : isNode(it) ? it.range?.[0] : undefined);
  const visit = (node: unknown): void => {
    if (isPair(node)) { visit(node.key); visit(node.value); return; }
    if (!isNode(node)) return;
    const r = node.range as [number, number, number] | undefined;
    if (r) {
      for (let i = 0; i < 3; i++) {
        // A scalar before the splice never grows: a block scalar's range runs over the blank
        // lines after it, and text inserted there or just after it is not part of it.
        if (isScalar(node) && r[0] < start && r[i]! >= start && (start === end || r[i]! <= end)) r[i] = start;
        else if (r[i]! >= end) r[i]! += delta;
      }
    }
    if (isCollection(node)) {
      const items = node.items;
      for (let k = 0; k < items.length; k++) {
        // An item followed by one that starts before the splice lies wholly before it.
        const next = k + 1 < items.length ? begin(items[k + 1]) : undefined;
        if (next !== undefined && next < start) continue;
        visit(items[k]);
      }
    }
  };
  visit(doc.contents);
}

/** Parses the lines of a spliced region and returns its top node with absolute ranges. */
function parseRegion(region: string, offset: number): Node {
  const { parseDocument } = Y();
  const d = parseDocument(region, { keepSourceTokens: false });
  if (d.errors.length) throw new Error(`yaml-edit: den nya texten tolkas inte: ${d.errors[0]!.message}`);
  eachRange(d.contents, (r) => { for (let i = 0; i < 3; i++) r[i]! += offset; });
  return d.contents as Node;
}

// ── Planning ──────────────────────────────────────────────────────────────────────────────

interface Step { coll: Coll; index: number }

/** The collections along `path` that exist, with the index of the next segment in each. */
function walk(doc: Document, path: YamlPath): { steps: Step[]; found: number } {
  const { isMap, isSeq } = Y();
  const steps: Step[] = [];
  let node: unknown = doc.contents;
  let found = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const i = findPair(node, String(seg));
      steps.push({ coll: node, index: i });
      if (i < 0) break;
      node = (node.items[i] as Pair).value;
    } else if (isSeq(node) && typeof seg === 'number') {
      steps.push({ coll: node, index: seg < node.items.length ? seg : -1 });
      if (seg >= node.items.length) break;
      node = node.items[seg];
    } else break;
    found++;
  }
  return { steps, found };
}

type Plan =
  | { op: 'replace'; depth: number; start: number; end: number; col: number; firstOnLine: boolean }
  | { op: 'insert'; depth: number; at: number; col: number; blank: boolean }
  | { op: 'delete'; depth: number; start: number; end: number }
  | { op: 'whole' };

/** The unit at depth d (the pair or item that path[d] selects in steps[d].coll). */
function unitAt(steps: Step[], d: number): Node | Pair {
  const { coll, index } = steps[d]!;
  return coll.items[index] as Node | Pair;
}

function isBlock(c: Coll): boolean {
  return !c.flow && c.items.length > 0 && Boolean(c.range);
}

/** A replaceable unit: where it starts, and whether only spaces (or "- ") precede it. */
function unitStart(text: string, steps: Step[], d: number): { start: number; own: boolean; dash: boolean; col: number } | undefined {
  const { isMap } = Y();
  const { coll } = steps[d]!;
  if (!isBlock(coll)) return undefined;
  const unit = unitAt(steps, d);
  const start = isMap(coll) ? keyStart(unit as Pair) : (unit as Node).range?.[0];
  if (start === undefined) return undefined;
  const ls = lineStart(text, start);
  const before = text.slice(ls, start);
  const own = /^ *$/.test(before);
  const dash = !own && /^ *- +$/.test(before);
  // A list item always follows its dash; a key follows indentation or its item's dash.
  if (isMap(coll) ? !own && !dash : !dash) return undefined;
  return { start, own, dash, col: start - ls };
}

function planReplace(text: string, steps: Step[], d: number): Plan {
  for (let depth = d; depth >= 0; depth--) {
    const s = unitStart(text, steps, depth);
    if (!s) continue;
    const end = unitEnd(unitAt(steps, depth), text);
    if (end === undefined) continue;
    return { op: 'replace', depth, start: s.start, end, col: s.col, firstOnLine: s.own };
  }
  return { op: 'whole' };
}

function planInsert(text: string, doc: Document, steps: Step[], d: number, path: YamlPath): Plan {
  const { isMap, isSeq } = Y();
  const { coll } = steps[d]!;
  if (!isBlock(coll)) return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
  if (isMap(coll)) {
    const key = String(path[d]);
    const names = coll.items.map((p) => keyOf(p as Pair));
    const idx = orderedIndex(names, key, keyOrder(path.slice(0, d)));
    const first = coll.items[0] as Pair;
    const fs = keyStart(first);
    if (fs === undefined) return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
    const col = fs - lineStart(text, fs);
    const top = d === 0;
    if (idx < coll.items.length) {
      const next = coll.items[idx] as Pair;
      const ns = keyStart(next);
      if (ns === undefined || !/^ *$/.test(text.slice(lineStart(text, ns), ns))) return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
      // Comments and blank lines just above the next key belong to it: insert above them.
      const floor = idx > 0 ? (unitEnd(coll.items[idx - 1], text) ?? 0) : lineEnd(text, fs);
      let at = lineStart(text, ns);
      while (at > floor) {
        const prev = lineStart(text, at - 1);
        if (prev < floor || !blankOrComment(text.slice(prev, at - 1))) break;
        at = prev;
      }
      return { op: 'insert', depth: d, at, col, blank: top };
    }
    const end = top ? text.length : unitEnd(coll.items[coll.items.length - 1], text);
    if (end === undefined) return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
    return { op: 'insert', depth: d, at: end, col, blank: top };
  }
  if (isSeq(coll)) {
    const lastItem = coll.items[coll.items.length - 1] as Node;
    const firstItem = coll.items[0] as Node;
    const fs = firstItem?.range?.[0];
    const end = unitEnd(lastItem, text);
    if (fs === undefined || end === undefined) return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
    const ls = lineStart(text, fs);
    const m = /^( *)- +$/.exec(text.slice(ls, fs));
    if (!m) return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
    return { op: 'insert', depth: d, at: end, col: m[1]!.length, blank: false };
  }
  return { op: 'whole' };
}

/** Decides what text to replace for setting (or deleting) `path`, before the Document changes. */
function plan(text: string, doc: Document, path: YamlPath, value: unknown): Plan | { op: 'none' } {
  const { isMap, isSeq } = Y();
  const { steps, found } = walk(doc, path);
  if (value === undefined) {
    if (found < path.length) return { op: 'none' };
    // Deleting the only entry of a map or list removes the map or list too.
    let d = path.length - 1;
    while (d > 0 && steps[d]!.coll.items.length === 1) d--;
    const s = unitStart(text, steps, d);
    const end = unitEnd(unitAt(steps, d), text);
    if (s && end !== undefined && (s.own || isSeq(steps[d]!.coll))) {
      // The comment lines right above a removed key or item (same indentation) go with it;
      // a top-level section's heading comments stay.
      let start = lineStart(text, s.start);
      const lead = /^ */.exec(text.slice(start, s.start))![0].length;
      while (start > 0 && lead > 0) {
        const prev = lineStart(text, start - 1);
        const line = text.slice(prev, start - 1);
        if (!/^ *#/.test(line) || /^ */.exec(line)![0].length !== lead) break;
        start = prev;
      }
      return { op: 'delete', depth: d, start, end };
    }
    return d > 0 ? planReplace(text, steps, d - 1) : { op: 'whole' };
  }
  if (found === path.length) return planReplace(text, steps, path.length - 1);
  // The path ends in a missing key or index at depth `found`.
  const step = steps[found];
  if (step && (isMap(step.coll) || (isSeq(step.coll) && path[found] === step.coll.items.length))) {
    return planInsert(text, doc, steps, found, path);
  }
  // The value at depth `found` is a scalar (or null) where a map or list is needed.
  return found > 0 ? planReplace(text, steps, found - 1) : { op: 'whole' };
}

// ── The edit ──────────────────────────────────────────────────────────────────────────────

/**
 * Sets (value) or deletes (undefined) the value at `path`, in `st.doc` and in `st.text`.
 * Mutates `st`. Returns how the text changed; 'whole' means the caller must re-render the file
 * (the layout there was too unusual to splice).
 */
export function editText(st: TextState, path: YamlPath, value: unknown): EditResult {
  const { isMap, isSeq, isPair } = Y();
  const { text, doc, eol } = st;
  const p = plan(text, doc, path, value);
  if (p.op === 'none') return { text, mode: 'none', removed: '', inserted: '' };
  if (p.op === 'whole') {
    editDocument(doc, path, value);
    return { text, mode: 'whole', removed: '', inserted: '' };
  }
  // Remember what lives outside the region before the Document changes.
  const { steps } = walk(doc, path);
  const depth = p.depth;
  const span = depth > 0 ? containerSpan(text, steps[depth]!.coll) : undefined;
  const region = p.op === 'insert' ? [p.at, p.at] : [p.start, p.end];
  const inside = span && region[0]! >= span[0] && region[1]! <= span[1];
  const container = (delta: number) => (inside ? { path: path.slice(0, depth), from: span![0], to: span![1] + delta } : undefined);
  let keep: { commentBefore?: string | null; spaceBefore?: boolean; trailing?: string | null } = {};
  if (p.op === 'replace') {
    const unit = unitAt(steps, p.depth);
    const head = (isPair(unit) ? unit.key : unit) as Node | null;
    const val = isPair(unit) ? (unit.value as Node | null) : unit;
    keep = { commentBefore: head?.commentBefore, spaceBefore: head?.spaceBefore, trailing: (isMap(val) || isSeq(val)) ? val.comment : undefined };
  }
  editDocument(doc, path, value);
  if (p.op === 'delete') {
    const removed = text.slice(p.start, p.end);
    st.text = text.slice(0, p.start) + text.slice(p.end);
    shiftAll(doc, p.start, p.end, p.start - p.end);
    return { text: st.text, mode: 'splice', removed, inserted: '', container: container(p.start - p.end) };
  }
  // Find the unit again in the edited Document.
  const after = walk(doc, path).steps;
  const coll = after[p.depth]!.coll;
  const index = p.op === 'replace' ? after[p.depth]!.index
    : isMap(coll) ? findPair(coll, String(path[p.depth])) : coll.items.length - 1;
  const unit = coll.items[index] as Node | Pair;
  let snippet: string;
  let start: number;
  let end: number;
  if (p.op === 'replace') {
    const raw = isMap(coll) ? renderPair(unit as Pair) : renderItem(unit as Node).replace(/^- /, '');
    // A list item continues after its "- ": its other lines are indented to its column.
    snippet = indent(isMap(coll) ? raw : raw.replace(/^ {2}/gm, ''), p.col, eol, true);
    start = p.start;
    end = p.end;
  } else {
    const raw = isMap(coll) ? renderPair(unit as Pair) : renderItem(unit as Node);
    snippet = (p.blank && p.at > 0 ? eol : '') + indent(raw, p.col, eol, false);
    start = p.at;
    end = p.at;
    if (p.at > 0 && text[p.at - 1] !== '\n') snippet = eol + snippet;
  }
  const removed = text.slice(start, end);
  st.text = text.slice(0, start) + snippet + text.slice(end);
  shiftAll(doc, start, end, snippet.length - (end - start));
  // Re-read the new lines so the Document's ranges describe the new text.
  const from = p.op === 'insert' ? start : lineStart(st.text, start);
  let node = parseRegion(st.text.slice(from, start + snippet.length), from);
  if (isMap(coll)) {
    // "  - key: v" (the first key of a list item): the region is a list holding the map.
    if (isSeq(node)) node = node.items[0] as Node;
    const fresh = (node as YAMLMap).items[0] as Pair;
    const key = fresh.key as Node;
    if (p.op === 'replace') { key.commentBefore = keep.commentBefore ?? undefined; key.spaceBefore = keep.spaceBefore; }
    const v = fresh.value as Node | null;
    if (keep.trailing && (isMap(v) || isSeq(v))) v.comment = keep.trailing;
    coll.items[index] = fresh as any;
  } else {
    const fresh = (node as YAMLSeq).items[0] as Node;
    if (p.op === 'replace') { fresh.commentBefore = keep.commentBefore ?? undefined; fresh.spaceBefore = keep.spaceBefore; }
    if (keep.trailing && (isMap(fresh) || isSeq(fresh))) fresh.comment = keep.trailing;
    coll.items[index] = fresh as any;
  }
  return { text: st.text, mode: 'splice', removed, inserted: snippet, container: container(snippet.length - (end - start)) };
}

/** The lines a block collection occupies: from its first item's line to its last content line. */
function containerSpan(text: string, coll: Coll): [number, number] | undefined {
  const { isMap } = Y();
  if (!isBlock(coll)) return undefined;
  const first = coll.items[0];
  const start = isMap(coll) ? keyStart(first as Pair) : (first as Node).range?.[0];
  const end = unitEnd(coll.items[coll.items.length - 1], text);
  if (start === undefined || end === undefined) return undefined;
  return [lineStart(text, start), end];
}

/** Renders the whole Document (the fallback), in the file's line endings, without BOM. */
export function renderWhole(doc: Document, eol: '\n' | '\r\n'): string {
  let text = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  if (eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  return text;
}
