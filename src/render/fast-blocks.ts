// micromark reads about half a megabyte of Markdown a second, and the översikt of the whole
// country is a quarter of a megabyte: 290 kommuner in tables, and lists of their names. A
// top-level block made of plain text (escapes and bare ":name" directives allowed, no other
// inline Markdown) is read here
// instead, into the same mdast nodes micromark would make: a GFM table (its cells may also be
// wholly in *…* or **…**, as "*Ej ifyllt*"), an ATX heading, a paragraph, a tight "- " list, or a
// leaf directive as the templates write it (::sidbrytning, ::diagram{typ="…" titel="…"}).
// Everything else is left to micromark, so the model is the same either way
// (test/render/fast-blocks.test.ts compares the two).
import type { Heading, List, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';

/** The name of the directive that stands where a block was taken out (its line says which). */
export const PLATS = 'fsstodsnabbblock';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const DELIM = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;
// A document where a table-like line may not be a table (inside fenced code or an HTML block),
// or with line endings other than \n: left wholly to micromark.
const UNSAFE_DOC = /^[ \t]{0,3}(?:```|~~~|<)|\r/m;

// What ends a text directive's name, and what may not start one (micromark-util-character).
const PUNCT = /\p{P}|\p{S}/u;
const SPACE = /\s/;
const nameEnds = (c: string | undefined) => c === undefined || c === '\n' || SPACE.test(c) || (PUNCT.test(c) && c !== '-' && c !== '_');

/**
 * Text (lines joined with \n) as micromark's phrasing nodes would hold it, or undefined when it
 * is not plain: text, with escapes, and the bare text directives micromark finds in "MFoF:s" or
 * "kl:a" (a colon and a name, no label or attributes; markdown.ts writes them back as text).
 */
function plain(s: string): PhrasingContent[] | undefined {
  // Whitespace other than spaces at either end of a line: leave its handling to micromark.
  if (s.split('\n').some((l) => /^\s|\s$/.test(l))) return undefined;
  const nodes: PhrasingContent[] = [];
  let text = '';
  let afterColon = false; // micromark starts no directive right after an unescaped colon
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const n = s[i + 1];
      if (n === undefined || !ASCII_PUNCT.test(n)) return undefined;
      text += n;
      i++;
      afterColon = false;
      continue;
    }
    // Emphasis, code, links, images, autolinks and HTML, entities, strikethrough.
    if ('*_`[]<>&~!\t'.includes(c)) return undefined;
    if (c === ':' && !afterColon && !nameEnds(s[i + 1]) && s[i + 1] !== '-' && s[i + 1] !== '_') {
      let j = i + 2;
      while (!nameEnds(s[j])) j++;
      const name = s.slice(i + 1, j);
      // Not a directive when its name ends in - or _, or a colon follows it: then it is text.
      if (!/[-_]$/.test(name) && s[j] !== ':') {
        if (s[j] === '[' || s[j] === '{') return undefined; // a label or attributes: for micromark
        if (text) nodes.push({ type: 'text', value: text });
        text = '';
        nodes.push({ type: 'textDirective', name, attributes: {}, children: [] });
        i = j - 1;
        afterColon = false;
        continue;
      }
    }
    afterColon = c === ':';
    text += c;
  }
  if (text) nodes.push({ type: 'text', value: text });
  return nodes;
}

/** A cell's mdast children: plain text, or plain text wholly in emphasis or strong ("*Ej ifyllt*"). */
function cellContent(raw: string): TableCell['children'] | undefined {
  const s = raw.replace(/^ +| +$/g, '');
  const m = /^(\*\*?)([^*\s](?:[^*]*[^*\s\\])?)\1$/.exec(s);
  if (m) {
    const inner = plain(m[2]!);
    if (!inner?.length) return undefined;
    return [{ type: m[1] === '*' ? 'emphasis' : 'strong', children: inner }];
  }
  return plain(s);
}

/** A row's cells (between unescaped pipes), or undefined when the line is not a plain row. */
function cellsOf(line: string): string[] | undefined {
  const t = line.replace(/[ \t]+$/, '');
  if (!t.startsWith('|') || !t.endsWith('|') || t.length < 2) return undefined;
  const cells: string[] = [];
  let cur = '';
  for (let i = 1; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && i + 1 < t.length) { cur += c + t[i + 1]; i++; continue; }
    if (c === '|') { cells.push(cur); cur = ''; continue; }
    cur += c;
  }
  // The last pipe closed the last cell (not so when a backslash escaped it).
  if (cur !== '') return undefined;
  return cells;
}

function tableOf(lines: string[], from: number, to: number): Table | undefined {
  const head = cellsOf(lines[from]!);
  const delim = cellsOf(lines[from + 1]!);
  if (!head || !delim || head.length !== delim.length) return undefined;
  const align = delim.map((d) => {
    const x = d.trim();
    return x.startsWith(':') && x.endsWith(':') ? 'center' : x.endsWith(':') ? 'right' : x.startsWith(':') ? 'left' : null;
  });
  const rows: TableRow[] = [];
  for (let i = from; i < to; i++) {
    if (i === from + 1) continue;
    const cells = cellsOf(lines[i]!);
    if (!cells || cells.length !== head.length) return undefined;
    const row: TableCell[] = [];
    for (const c of cells) {
      const content = cellContent(c);
      if (!content) return undefined;
      row.push({ type: 'tableCell', children: content });
    }
    rows.push({ type: 'tableRow', children: row });
  }
  return { type: 'table', align, children: rows };
}

// A line that ends a table without a blank line: a leaf directive (micromark's directives interrupt a table).
const LEAF = /^::[A-Za-z][A-Za-z0-9-]*[ \t]*$/;
// A leaf directive as the templates write them, "::sidbrytning" or '::diagram{typ="x" titel="y"}':
// a name, and attributes only as name="value" with one space between and no escape, entity or
// brace in a value (anything else is left to micromark).
const LEAF_ATTR = /^::([A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\{((?:[A-Za-z][A-Za-z0-9-]*="[^"\\&{}\n]*")(?: [A-Za-z][A-Za-z0-9-]*="[^"\\&{}\n]*")*)?\})?$/;

/** A leaf directive's line as micromark's node (with its position, for the warnings about it), or undefined. */
function leafOf(line: string, n: number): LeafDirective | undefined {
  const m = LEAF_ATTR.exec(line);
  if (!m || m[1] === PLATS) return undefined;
  const attributes: Record<string, string> = {};
  for (const a of (m[2] ?? '').matchAll(/([A-Za-z][A-Za-z0-9-]*)="([^"]*)"/g)) attributes[a[1]!] = a[2]!;
  return { type: 'leafDirective', name: m[1]!, attributes, children: [], position: { start: { line: n, column: 1 }, end: { line: n, column: line.length + 1 } } };
}
// What may open a block other than a paragraph, or continue one: such a line is left to micromark.
const BLOCKISH = /^(?:[ \t#>|:=`~<+*_-]|\d{1,9}[.)](?:[ \t]|$))/;
const LISTISH = /^(?:[ \t]|[-+*][ \t]|\d{1,9}[.)](?:[ \t]|$))/;

/** Running text (a paragraph's lines, a list item, a heading) as micromark's nodes, or undefined. */
function running(lines: string[]): PhrasingContent[] | undefined {
  if (lines.some((l) => !l || BLOCKISH.test(l) || l.includes('|'))) return undefined;
  const nodes = plain(lines.join('\n'));
  return nodes?.length ? nodes : undefined;
}

function headingOf(line: string): Heading | undefined {
  const m = /^(#{1,6}) (\S.*)$/.exec(line);
  if (!m || m[2]!.endsWith('#')) return undefined;
  const children = plain(m[2]!);
  return children?.length ? { type: 'heading', depth: m[1]!.length as Heading['depth'], children } : undefined;
}

function paragraphOf(lines: string[]): Paragraph | undefined {
  const children = running(lines);
  return children ? { type: 'paragraph', children } : undefined;
}

function listOf(lines: string[]): List | undefined {
  const items: List['children'] = [];
  for (const l of lines) {
    const children = l.startsWith('- ') ? running([l.slice(2)]) : undefined;
    if (!children) return undefined;
    items.push({ type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children }] });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children: items };
}

/**
 * Takes the plain top-level blocks out of `md`. A run of them with only blank lines between
 * becomes one line `::fsstodsnabbblock` and blank lines (so that every other line keeps its number
 * for the warnings): micromark reads almost nothing of a document made of such blocks. The run's
 * mdast nodes are returned by that line's number (1-based, as mdast counts).
 */
export function takeBlocks(md: string): { md: string; blocks: Map<number, RootContent[]> } {
  const blocks = new Map<number, RootContent[]>();
  if (UNSAFE_DOC.test(md)) return { md, blocks };
  const lines = md.split('\n');
  const blank = (k: number) => k < 0 || k >= lines.length || lines[k]!.trim() === '';
  // Whether the block before line i (over blank lines) has a line that opens or continues a list
  // (a list there, with its lazy lines, goes on after the blank lines), or the block at `end` does.
  const listBefore = (i: number) => {
    let k = i - 1;
    while (k >= 0 && blank(k)) k--;
    for (; k >= 0 && !blank(k); k--) if (LISTISH.test(lines[k]!)) return true;
    return false;
  };
  const listAfter = (end: number) => {
    let k = end;
    while (k < lines.length && blank(k)) k++;
    return LISTISH.test(lines[k] ?? '');
  };
  // A :::container directive's opening (1) or closing (-1) fence.
  const fence = (k: number) => (/^:::+[ \t]*[A-Za-z]/.test(lines[k]!) ? 1 : /^:::+[ \t]*$/.test(lines[k]!) ? -1 : 0);
  let depth = 0; // inside :::container directives
  let run: RootContent[] | undefined; // the blocks taken since the last line that was not
  let tableEnd = -1; // the line that ended the last table taken without a blank line (a leaf directive)
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (fence(i)) { depth = Math.max(0, depth + fence(i)); run = undefined; continue; }
    if (blank(i)) continue;
    if (depth) { run = undefined; continue; }
    let end = i + 1;
    let node: RootContent | undefined;
    // A leaf directive alone on its line, between blank lines (or right after a table it ends).
    const leaf = l.startsWith('::') && blank(i + 1) && (blank(i - 1) || tableEnd === i) ? leafOf(l, i + 1) : undefined;
    if (leaf) node = leaf;
    else if (l.startsWith('|') && DELIM.test(lines[i + 1] ?? '')) {
      while (end < lines.length && lines[end]!.startsWith('|')) end++;
      // Only where a blank line, a leaf directive or the end closes it: a line of text after it would be a row.
      if (blank(end) || LEAF.test(lines[end]!) || LEAF_ATTR.test(lines[end]!)) node = tableOf(lines, i, end);
    } else {
      while (!blank(end)) end++;
      const chunk = lines.slice(i, end);
      if (chunk.length === 1 && l.startsWith('#')) node = headingOf(l);
      // A list joins a list before or after it across blank lines (then it is loose): not here.
      else if (l.startsWith('- ')) node = listBefore(i) || listAfter(end) ? undefined : listOf(chunk);
      else node = paragraphOf(chunk);
    }
    // A container directive's fence inside the block (it may open or close one there): take nothing, count it.
    for (let k = i + 1; k < end; k++) if (fence(k)) { depth = Math.max(0, depth + fence(k)); node = undefined; }
    if (node && (blank(i - 1) || node === leaf)) {
      if (run) {
        run.push(node);
        lines[i] = '';
      } else {
        blocks.set(i + 1, (run = [node]));
        lines[i] = `::${PLATS}`;
      }
      for (let k = i + 1; k < end; k++) lines[k] = '';
      tableEnd = node.type === 'table' && !blank(end) ? end : -1;
    } else {
      run = undefined;
      tableEnd = -1;
    }
    i = end - 1;
  }
  return { md: blocks.size ? lines.join('\n') : md, blocks };
}

/**
 * `md` with each run of empty lines made one, and for each line of the result its line in `md`
 * (1-based). takeBlocks leaves the lines of what it took empty (the whole country's översikt:
 * 2 500 of its 2 600 lines), and micromark is slow on many empty lines (38 ms for those, 1 ms
 * with each run made one). A run before an indented line stays whole: in indented code, or an
 * indented part of a list item, the empty lines may belong to the content.
 */
export function fewerEmptyLines(md: string): { md: string; lines: number[] } {
  const src = md.split('\n');
  const out: string[] = [];
  const lines: number[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '') {
      let k = i + 1;
      while (k < src.length && src[k] === '') k++;
      // At the end, its first line and the document's last (where the root ends) are kept.
      const end = k === src.length;
      if (k - i > (end ? 2 : 1) && !/^[ \t]/.test(src[k] ?? '')) {
        out.push('');
        lines.push(i + 1);
        if (end) { out.push(''); lines.push(k); }
        i = k - 1;
        continue;
      }
    }
    out.push(src[i]!);
    lines.push(i + 1);
  }
  return { md: out.join('\n'), lines };
}

/** Puts the positions of a tree read from fewerEmptyLines' text back on the lines of the text it was made from. */
export function backToLines(node: { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } }; children?: unknown[] }, lines: number[]): void {
  const p = node.position;
  if (p) {
    p.start.line = lines[p.start.line - 1] ?? p.start.line;
    p.end.line = lines[p.end.line - 1] ?? p.end.line;
    // Offsets into the shorter text would point elsewhere in the template's: none rather than wrong ones.
    delete p.start.offset;
    delete p.end.offset;
  }
  for (const c of node.children ?? []) backToLines(c as typeof node, lines);
}
