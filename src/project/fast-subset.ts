// Whether a text is in the plain subset of block YAML where js-yaml (CORE_SCHEMA) and the `yaml`
// library (YAML 1.2 core schema) provably read the same thing: both accept it or neither, and
// with the same data. Only then may the loader use js-yaml's several times faster parse; any
// other text goes to the `yaml` library, whose verdict decides. The rule is deliberately narrow
// (what fsstöd writes and what the examples use): one line is one key or item; keys are words;
// values are words, decimal numbers, one-line quoted texts with the escapes \\ \" \n \t \/,
// flow lists of words, or block scalars (| > with - or +). No anchors, aliases, tags, tabs,
// multi-line plain or quoted values, comments without a space before "#", or indentation
// that does not line up with an open collection. test/egenskaper/en-tolkning.test.ts checks
// the claim on every fixture and on generated files.

const WORD = /^[\p{L}_][\p{L}\p{N}_-]*$/u;
// At most 15 digits on each side: exactly representable decimals that every parser rounds alike.
const NUMBER = /^(?:0|-?[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Characters either parser treats specially somewhere: line breaks of YAML 1.1, C1 controls, BOM, tabs. */
const SPECIAL = /[\t\u0080-\u009f\u2028\u2029\ufeff]/;
/** A word such as 0b101, 0o17, 1e3, .5, 12:30 may be a number to one schema and text to the other. */
const NUMERIC_ISH = /^[0-9a-fA-F.+\-_xXoObBeE:]*$/;
const BLOCK_HEADER = /^[|>][-+]?$/;
const RESERVED_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** WORD on ASCII text (ASCII letters are \p{L}, ASCII digits \p{N}): a cheap regex to compile. */
const ASCII_WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * WORD.test(s), without compiling and running the Unicode regex (costly at every start) for the
 * ASCII words that nearly all keys are: it only decides texts with a non-ASCII character.
 */
function isWord(s: string): boolean {
  return ASCII_WORD.test(s) || (NON_ASCII.test(s) && WORD.test(s));
}

/** A plain value (comment already removed), or false if it is outside the subset. */
function plainOk(v: string): boolean {
  if (v.length === 0 || v.includes(': ') || v.endsWith(':') || v.endsWith(' ')) return false;
  const c = v[0]!;
  if ('-?:,[]{}#&*!|>\'"%@`.+~ '.includes(c)) return NUMBER.test(v);
  if (c >= '0' && c <= '9') return NUMBER.test(v) || DATE.test(v) || !NUMERIC_ISH.test(v);
  return true;
}

/** The value part of a line without a trailing " #comment"; undefined if a "#" follows a non-space. */
function stripComment(s: string): string {
  const i = s.indexOf(' #');
  return (i >= 0 ? s.slice(0, i) : s).trimEnd();
}

/** A one-line quoted value plus what follows it: true if it is in the subset. */
function quotedOk(s: string): boolean {
  const q = s[0]!;
  let k = 1;
  for (; k < s.length; k++) {
    const ch = s[k]!;
    if (q === '"' && ch === '\\') {
      if (!'\\"nt/'.includes(s[k + 1] ?? '')) return false;
      k++;
      continue;
    }
    if (ch === q) {
      if (q === "'" && s[k + 1] === "'") { k++; continue; }
      break;
    }
  }
  if (k >= s.length) return false; // continues on the next line
  const rest = s.slice(k + 1);
  return rest.trim() === '' || /^ +#/.test(rest);
}

/** A value after "key: " or "- " (already known non-empty and not a comment). */
function valueOk(s: string): 'scalar' | 'block' | false {
  const c = s[0]!;
  if (c === '"' || c === "'") return quotedOk(s) ? 'scalar' : false;
  const v = stripComment(s);
  if (c === '|' || c === '>') return BLOCK_HEADER.test(v) ? 'block' : false;
  if (c === '[') {
    if (!v.endsWith(']')) return false;
    const inner = v.slice(1, -1).trim();
    if (inner === '') return 'scalar';
    return inner.split(',').every((x) => { const t = x.trim(); return isWord(t) || NUMBER.test(t); }) ? 'scalar' : false;
  }
  if (c === '{') return v === '{}' ? 'scalar' : false;
  return plainOk(v) ? 'scalar' : false;
}

interface Open { indent: number; kind: 'map' | 'seq' }

export function inFastSubset(text: string): boolean {
  if (SPECIAL.test(text) || /^ +\r?$/m.test(text)) return false;
  const lines = text.split('\n');
  const stack: Open[] = [];
  /** The previous line opened a value on the lines below (key: or - with nothing after it), at this indent. */
  let pending: { indent: number; kind: 'map' | 'seq' } | undefined;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    if (n === line.length || line[n] === '#') continue; // blank or comment
    if (first) {
      first = false;
      if (line === '---') continue;
      if (n !== 0) return false;
    }
    if (n === 0 && (line.startsWith('---') || line.startsWith('...') || line[0] === '%')) return false;
    const body = line.slice(n);
    const isItem = body === '-' || body.startsWith('- ');
    // Where this line belongs.
    if (pending) {
      if (n > pending.indent) stack.push({ indent: n, kind: isItem ? 'seq' : 'map' });
      else if (n === pending.indent && pending.kind === 'map' && isItem) stack.push({ indent: n, kind: 'seq' }); // a list under its key, not indented
      else while (stack.length && stack[stack.length - 1]!.indent > n) stack.pop();
      pending = undefined;
    } else if (stack.length === 0) {
      stack.push({ indent: 0, kind: isItem ? 'seq' : 'map' });
    } else {
      while (stack.length && stack[stack.length - 1]!.indent > n) stack.pop();
    }
    let top = stack[stack.length - 1];
    // A list written at its key's indent ends at the next key of that mapping.
    if (top && top.indent === n && top.kind === 'seq' && !isItem && stack.length > 1 && stack[stack.length - 2]!.indent === n) { stack.pop(); top = stack[stack.length - 1]; }
    if (!top || top.indent !== n || top.kind !== (isItem ? 'seq' : 'map')) return false;
    if (stack.length === 1 && top.kind !== 'map') return false; // the root is a mapping
    let col = n;
    let rest = body;
    if (isItem) {
      let k = 1;
      while (rest.charCodeAt(k) === 32) k++;
      col = n + k;
      rest = rest.slice(k);
      if (rest === '' || rest[0] === '#') { pending = { indent: n, kind: 'seq' }; continue; }
      if (rest === '-' || rest.startsWith('- ')) return false;
      const m = /^([^:\s]+):(?: |$)/.exec(rest);
      if (m) {
        // "- key: value": a mapping whose keys are at this column.
        stack.push({ indent: col, kind: 'map' });
      } else {
        const v = valueOk(rest);
        if (!v) return false;
        if (v === 'block') i = skipBlock(lines, i, n);
        if (i < 0) return false;
        continue;
      }
    }
    const m = /^([^:\s]+):(?: +|$)/.exec(rest);
    if (!m) return false;
    const key = m[1]!;
    if (!isWord(key) || key.length > 1000 || key === '__proto__' || RESERVED_KEYS.has(key)) return false;
    const after = rest.slice(m[0].length);
    if (after === '' || after[0] === '#') { pending = { indent: col, kind: 'map' }; continue; }
    const v = valueOk(after);
    if (!v) return false;
    if (v === 'block') { i = skipBlock(lines, i, col); if (i < 0) return false; }
  }
  return !first;
}

/** Skips the content lines of a block scalar whose owner is at column `owner`; the last line's index, or -1. */
function skipBlock(lines: string[], at: number, owner: number): number {
  let contentIndent = -1;
  let i = at + 1;
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;
    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    if (n <= owner) break;
    if (contentIndent < 0) contentIndent = n;
    else if (n < contentIndent) return -1;
  }
  return i - 1;
}
