// The översikt's tables are half of its Markdown (the whole country: 290 kommuner in three
// tables per län), and micromark spends most of its time on them. A top-level GFM table whose
// cells are plain text (escapes allowed, no other inline Markdown) is read here instead, into
// the same mdast nodes micromark would make; everything else is left to micromark, so the
// model is the same either way (test/render/fast-tables.test.ts compares the two).
import type { Table, TableCell, TableRow } from 'mdast';

/** The name of the directive that stands where a table was taken out (its line says which). */
export const PLATS = 'fsstodsnabbtabell';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const DELIM = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;
// A document where a table-like line may not be a table (inside fenced code or an HTML block),
// or with line endings other than \n: left wholly to micromark.
const UNSAFE_DOC = /^[ \t]{0,3}(?:```|~~~|<)|\r/m;

/** A (trimmed) cell's text as micromark's text node would hold it, or undefined when it is not plain. */
function plainCell(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const n = s[i + 1];
      if (n === undefined || !ASCII_PUNCT.test(n)) return undefined;
      out += n;
      i++;
      continue;
    }
    // Emphasis, code, links, images, autolinks and HTML, entities, strikethrough, a text directive (":name").
    if ('*_`[]<>&~!\t'.includes(c)) return undefined;
    if (c === ':' && /[A-Za-z]/.test(s[i + 1] ?? '')) return undefined;
    out += c;
  }
  // Whitespace other than spaces at either end: leave its handling to micromark.
  if (/^\s|\s$/.test(out)) return undefined;
  return out;
}

/** A cell's mdast children: plain text, or plain text wholly in emphasis or strong ("*Ej ifyllt*"). */
function cellContent(raw: string): TableCell['children'] | undefined {
  const s = raw.replace(/^ +| +$/g, '');
  const m = /^(\*\*?)([^*\s](?:[^*]*[^*\s\\])?)\1$/.exec(s);
  if (m) {
    const text = plainCell(m[2]!);
    if (!text) return undefined;
    return [{ type: m[1] === '*' ? 'emphasis' : 'strong', children: [{ type: 'text', value: text }] }];
  }
  const text = plainCell(s);
  return text === undefined ? undefined : text === '' ? [] : [{ type: 'text', value: text }];
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

/**
 * Takes the plain top-level tables out of `md`: each becomes a line `::fsstodsnabbtabell`
 * (and blank lines, so that every other line keeps its number for the warnings), and its mdast
 * node is returned by that line's number (1-based, as mdast counts).
 */
export function takeTables(md: string): { md: string; tables: Map<number, Table> } {
  const tables = new Map<number, Table>();
  if (UNSAFE_DOC.test(md)) return { md, tables };
  const lines = md.split('\n');
  let depth = 0; // inside :::container directives
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^:::+[ \t]*[A-Za-z]/.test(l)) { depth++; continue; }
    if (/^:::+[ \t]*$/.test(l)) { depth = Math.max(0, depth - 1); continue; }
    if (depth || !l.startsWith('|') || (i > 0 && lines[i - 1]!.trim() !== '') || !DELIM.test(lines[i + 1] ?? '')) continue;
    let end = i + 2;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    // Only where a blank line (or the end) closes it: a line of text after it would be a row.
    if (end < lines.length && lines[end]!.trim() !== '') { i = end; continue; }
    const t = tableOf(lines, i, end);
    if (t) {
      tables.set(i + 1, t);
      lines[i] = `::${PLATS}`;
      for (let k = i + 1; k < end; k++) lines[k] = '';
    }
    i = end;
  }
  return { md: tables.size ? lines.join('\n') : md, tables };
}
