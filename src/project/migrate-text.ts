// `fsstöd migrera` on the user's own lines: the changes migrateDocument made (their `steg`) are
// replayed as edits of the original text (a key renamed in place, a block indented two spaces
// under a new key), so every line the migration does not need to change stays byte-identical:
// comments, folded and quoted texts, blank lines, line endings. The result is then checked: it
// must read as exactly the data migrateDocument gives. If it does not (an unusual layout, flow
// style), the caller falls back to writing the migrated Document.
import { isDeepStrictEqual } from 'node:util';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { FsstodError } from '../errors.js';
import { parseProjectText, parseUserYaml, yamlLib, type LoadedProject } from './load.js';
import type { MigrationChange, MigrationStep } from './migrate.js';
import { serialise } from './save.js';

/** A layout the line edits do not handle; the reason is shown to the user. */
class Unsupported extends Error {}

interface Line { s: string; eol: string }
interface Edit { from: number; to: number; lines: Line[] }

/**
 * The text of `text` (formatversion 1, without BOM) migrated by the given changes, or why it
 * could not be done line by line. `expected` is the data of the migrated Document.
 */
export function migrateText(text: string, display: string, changes: MigrationChange[], expected: unknown, eol: string): { text: string } | { reason: string } {
  let out: string;
  try {
    out = edit(text, display, changes.map((c) => c.steg), eol);
  } catch (e) {
    if (e instanceof Unsupported) return { reason: e.message };
    throw e;
  }
  let back: unknown;
  try {
    back = parseUserYaml(out, display).data;
  } catch (e) {
    if (e instanceof FsstodError) return { reason: 'de ändrade raderna gick inte att läsa som YAML' };
    throw e;
  }
  if (!isDeepStrictEqual(back, expected)) return { reason: 'de ändrade raderna gav inte samma värden som migreringen' };
  return { text: out };
}

/**
 * A project read from a file of an older formatversion, as the current version in text too: its
 * text is the migrated text (the user's lines where possible, else the migrated Document written
 * out), and its Document, positions and data are read from that text. The hash stays the one of
 * the bytes on disk, so that saving it still notices a change made meanwhile. For writers (fsstöd
 * migrera, the interview), whose edits and saves work on the text. A current file is returned
 * as it is.
 */
export function asCurrentText(p: LoadedProject): LoadedProject & { layout?: string } {
  if (!p.migratedFrom) return p;
  const r = migrateText(p.text, p.display, p.migration ?? [], p.data, p.eol);
  const text = 'text' in r ? r.text : serialise({ doc: p.doc, bom: false, eol: p.eol });
  const m = parseProjectText({ file: p.file, display: p.display, bytes: Buffer.alloc(0), text, bom: p.bom, eol: p.eol, mode: p.mode, ...(p.stdin ? { stdin: true } : {}) }) as LoadedProject & { layout?: string };
  m.hash = p.hash;
  m.migratedFrom = p.migratedFrom;
  m.migration = p.migration;
  if ('reason' in r) m.layout = r.reason;
  return m;
}

const spaces = (n: number) => ' '.repeat(n);
const isComment = (l: Line) => l.s.trimStart().startsWith('#');
const isBlank = (l: Line) => l.s.trim() === '';
const indentOf = (l: Line) => l.s.length - l.s.trimStart().length;

function edit(text: string, display: string, steps: MigrationStep[], eol: string): string {
  const lib = yamlLib();
  const { doc } = parseUserYaml(text, display);

  const lines: Line[] = [];
  const starts: number[] = [];
  for (let pos = 0; pos < text.length;) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    let s = text.slice(pos, end);
    let e = nl < 0 ? '' : '\n';
    if (e && s.endsWith('\r')) { s = s.slice(0, -1); e = '\r\n'; }
    starts.push(pos);
    lines.push({ s, eol: e });
    pos = nl < 0 ? text.length : nl + 1;
  }
  const lineOf = (off: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const colOf = (off: number) => off - starts[lineOf(off)]!;
  const line = (s: string): Line => ({ s, eol });
  const shift = (l: Line, d: number): Line => {
    if (isBlank(l) || d === 0) return l;
    if (d > 0) return { s: spaces(d) + l.s, eol: l.eol };
    if (indentOf(l) < -d) throw new Unsupported('ett indrag som inte kan flyttas');
    return { s: l.s.slice(-d), eol: l.eol };
  };
  const range = (from: number, to: number, d = 0) => lines.slice(from, to + 1).map((l) => shift(l, d));

  const pairIn = (map: unknown, key: string): Pair<Node, Node | null> | undefined => {
    if (!lib.isMap(map)) return undefined;
    return (map as YAMLMap<Node, Node | null>).items.find((p) => lib.isScalar(p.key) && String(p.key.value) === key);
  };
  const at = (path: (string | number)[]): unknown => {
    let n: unknown = doc.contents;
    for (const seg of path) {
      if (typeof seg === 'number') n = lib.isSeq(n) ? (n as YAMLSeq).items[seg] : undefined;
      else n = pairIn(n, seg)?.value;
    }
    return n;
  };
  const isNull = (v: unknown) => v === null || v === undefined || (lib.isScalar(v) && v.value === null);

  /** Where a pair is in the text: key line and columns, its last line. */
  const place = (pair: Pair<Node, Node | null>) => {
    const k = pair.key as Scalar;
    if (!k?.range) throw new Unsupported('en nyckel utan plats i texten');
    const kl = lineOf(k.range[0]);
    if (lineOf(k.range[1]) !== kl) throw new Unsupported('en nyckel över flera rader');
    const kc = colOf(k.range[0]);
    const keyEnd = colOf(k.range[1]);
    if (!lines[kl]!.s.slice(keyEnd).startsWith(':')) throw new Unsupported('en nyckel som inte följs direkt av kolon');
    let last = kl;
    const v = pair.value;
    if (v?.range) {
      let e = v.range[1];
      while (e > v.range[0] && /\s/.test(text[e - 1]!)) e--;
      last = Math.max(kl, lineOf(Math.max(v.range[0], e - 1)));
    }
    return { kl, kc, keyEnd, last };
  };
  /** Comment lines right above a key (not deeper indented: those may be a text's content). */
  const leadStart = (kl: number, kc: number, floor: number) => {
    let i = kl;
    while (i - 1 > floor && isComment(lines[i - 1]!) && indentOf(lines[i - 1]!) <= kc) i--;
    return i;
  };
  /** The rest of a key line after the colon, with a null value's own text (null, ~) taken out. */
  const afterColon = (pair: Pair<Node, Node | null>, kl: number, keyEnd: number) => {
    let after = lines[kl]!.s.slice(keyEnd + 1);
    const v = pair.value;
    if (v?.range && lineOf(v.range[0]) === kl && v.range[1] > v.range[0]) {
      const a = colOf(v.range[0]) - keyEnd - 1;
      after = after.slice(0, a) + after.slice(a + v.range[1] - v.range[0]);
    }
    if (after.trim() !== '' && !after.trimStart().startsWith('#')) throw new Unsupported('något mer än en kommentar efter en nyckel som flyttas');
    return after;
  };
  /** A pair's lines with its key renamed, moved to column `col`, optionally a scalar value replaced. */
  const relocate = (pair: Pair<Node, Node | null>, key: string, col: number, value?: string): Line[] => {
    const { kl, kc, keyEnd, last } = place(pair);
    let rest = lines[kl]!.s.slice(keyEnd);
    if (value !== undefined) {
      const v = pair.value!;
      if (!v.range || lineOf(v.range[0]) !== kl || lineOf(v.range[1]) !== kl) throw new Unsupported('ett värde som inte står på nyckelns rad');
      const a = colOf(v.range[0]) - keyEnd;
      rest = rest.slice(0, a) + value + rest.slice(a + v.range[1] - v.range[0]);
    }
    return [{ s: spaces(col) + key + rest, eol: lines[kl]!.eol }, ...range(kl + 1, last, col - kc)];
  };
  const renamed = (kl: number, kc: number, keyEnd: number, key: string): Line => ({ s: lines[kl]!.s.slice(0, kc) + key + lines[kl]!.s.slice(keyEnd), eol: lines[kl]!.eol });

  const edits: Edit[] = [];
  const groups = steps.filter((s): s is Extract<MigrationStep, { op: 'grupp' }> => s.op === 'grupp');
  for (const step of steps) {
    switch (step.op) {
      case 'formatversion': {
        const v = pairIn(doc.contents, 'formatversion')?.value;
        if (!v?.range || lineOf(v.range[0]) !== lineOf(v.range[1])) throw new Unsupported('formatversion står inte på en rad');
        const l = lineOf(v.range[0]);
        const s = lines[l]!.s;
        edits.push({ from: l, to: l, lines: [{ s: s.slice(0, colOf(v.range[0])) + '2' + s.slice(colOf(v.range[1])), eol: lines[l]!.eol }] });
        break;
      }
      case 'ansvarig': {
        const pair = pairIn(at(['handlingsplan', 'insatser', step.i]), 'ansvarig')!;
        const { kl, kc, keyEnd } = place(pair);
        let s = lines[kl]!.s;
        if (step.tillLista) {
          const v = pair.value!;
          if (!v.range || lineOf(v.range[0]) !== kl || lineOf(v.range[1]) !== kl) throw new Unsupported('en ansvarig som inte står på nyckelns rad');
          const a = colOf(v.range[0]);
          const b = colOf(v.range[1]);
          s = s.slice(0, a) + '[' + s.slice(a, b) + ']' + s.slice(b);
        }
        edits.push({ from: kl, to: kl, lines: [{ s: s.slice(0, kc) + 'ansvariga' + s.slice(keyEnd), eol: lines[kl]!.eol }] });
        break;
      }
      case 'jämförelse': {
        const pair = pairIn(at(['analys', 'målgruppsanalys', 'nyckeltal', step.i]), 'jämförelse')!;
        const { kl, kc, last } = place(pair);
        edits.push({ from: kl, to: last, lines: [
          { s: lines[kl]!.s.slice(0, kc) + 'jämförelser:', eol: lines[kl]!.eol },
          line(spaces(kc + 2) + '- med: ej angivet'),
          ...relocate(pair, 'värde', kc + 4),
        ] });
        break;
      }
      case 'kostnader': {
        const item = at(step.lista === 'insatser' ? ['handlingsplan', 'insatser', step.i] : ['analys', 'kartläggning', 'befintligt_stöd', step.i]);
        const kr = pairIn(item, 'kostnad_kr');
        const fin = pairIn(item, 'finansiering');
        const both = [kr, fin].filter((p): p is Pair<Node, Node | null> => !!p).sort((a, b) => (a.key as Node).range![0] - (b.key as Node).range![0]);
        const first = place(both[0]!);
        const col = first.kc + 4;
        const entry: Line[] = [];
        if (!step.perÅr) entry.push(line(spaces(col) + 'år: ej angivet'));
        for (const p of [kr, fin]) {
          if (!p) continue;
          if (p !== both[0]) {
            // The other key moves up to the first one's place, with the comments above it.
            const o = place(p);
            const lead = leadStart(o.kl, o.kc, first.last);
            entry.push(...range(lead, o.kl - 1, col - o.kc));
            edits.push({ from: lead, to: o.last, lines: [] });
          }
          if (p === kr) entry.push(...relocate(p, 'belopp_kr', col));
          else {
            const v = p.value;
            const src = v?.range ? text.slice(v.range[0], v.range[1]) : '';
            const q = /^["']/.test(src) ? src[0]! : '';
            const extern = lib.isScalar(v) && v.value === 'extern';
            entry.push(...relocate(p, 'källa', col, extern ? `${q}extern finansiering${q}` : undefined));
          }
        }
        const head = entry[0]!;
        entry[0] = { s: spaces(col - 2) + '- ' + head.s.slice(col), eol: head.eol };
        edits.push({ from: first.kl, to: first.last, lines: [
          { s: lines[first.kl]!.s.slice(0, first.kc) + 'kostnader:', eol: lines[first.kl]!.eol },
          ...entry,
        ] });
        break;
      }
      case 'uppföljning': {
        const pair = pairIn(doc.contents, 'uppföljning')!;
        const { kl, kc, keyEnd, last } = place(pair);
        const v = pair.value;
        if (isNull(v)) {
          const after = afterColon(pair, kl, keyEnd);
          edits.push({ from: kl, to: last, lines: [{ s: lines[kl]!.s.slice(0, kc) + 'uppföljningar:' + after, eol: lines[kl]!.eol }, line(spaces(kc + 2) + '- id: U1')] });
          break;
        }
        const map = v as YAMLMap<Node, unknown>;
        if (!lib.isMap(map) || map.flow || !map.items.length) throw new Unsupported('uppföljning är inte skriven som ett block');
        const fk = (map.items[0]!.key as Node).range![0];
        const fl = lineOf(fk);
        if (fl <= kl) throw new Unsupported('uppföljningens första nyckel står på samma rad');
        const c = colOf(fk);
        edits.push({ from: kl, to: last, lines: [
          renamed(kl, kc, keyEnd, 'uppföljningar'),
          ...range(kl + 1, fl - 1),
          line(spaces(c) + '- id: U1'),
          ...range(fl, last, 2),
        ] });
        break;
      }
      case 'grupp':
        break; // all groups at once, below
    }
  }

  if (groups.length) {
    if (groups.some((g) => g.tillBefintlig)) throw new Unsupported('organisation har redan grupper');
    const org = at(['organisation']);
    const parts = groups.map((g) => {
      const pair = pairIn(org, g.nyckel)!;
      const p = place(pair);
      const v = pair.value;
      let first: { line: number; col: number } | undefined;
      if (!isNull(v)) {
        const map = v as YAMLMap<Node, unknown>;
        if (!lib.isMap(map) || map.flow || !map.items.length) throw new Unsupported(`${g.nyckel} är inte skriven som ett block`);
        const fk = (map.items[0]!.key as Node).range![0];
        first = { line: lineOf(fk), col: colOf(fk) };
        if (first.line <= p.kl) throw new Unsupported(`${g.nyckel}s första nyckel står på samma rad`);
      }
      if (lines[p.kl]!.s.slice(0, p.kc).trim() !== '') throw new Unsupported(`${g.nyckel} står inte först på sin rad`);
      return { g, pair, ...p, lead: leadStart(p.kl, p.kc, -1), first, after: afterColon(pair, p.kl, p.keyEnd) };
    });
    // The items' dashes go where the first group's keys were; each group's lines move by the same amount.
    const dash = parts.find((x) => x.first)?.first!.col ?? parts[0]!.kc + 2;
    const out: Line[] = [{ s: spaces(parts[0]!.kc) + 'grupper:', eol }];
    for (const x of parts) {
      const head = [line(spaces(dash) + `- id: ${x.g.id}`), line(spaces(dash + 2) + `typ: ${x.g.nyckel}${x.after}`)];
      out.push(...range(x.lead, x.kl - 1, dash - x.kc));
      if (!x.first) { out.push(...head); continue; }
      const d = dash + 2 - x.first.col;
      out.push(...range(x.kl + 1, x.first.line - 1, d), ...head, ...range(x.first.line, x.last, d));
    }
    const byPlace = [...parts].sort((a, b) => a.lead - b.lead);
    edits.push({ from: byPlace[0]!.lead, to: byPlace[0]!.last, lines: out });
    for (const x of byPlace.slice(1)) edits.push({ from: x.lead, to: x.last, lines: [] });
  }

  edits.sort((a, b) => a.from - b.from);
  for (let i = 1; i < edits.length; i++) if (edits[i]!.from <= edits[i - 1]!.to) throw new Unsupported('två ändringar på samma rader');
  const result = [...lines];
  const lastEol = lines[lines.length - 1]?.eol ?? '';
  for (const e of [...edits].reverse()) result.splice(e.from, e.to - e.from + 1, ...e.lines);
  // A line that ended the file without a line break may now be followed by others.
  return result.map((l, i) => l.s + (i === result.length - 1 ? lastEol : l.eol || eol)).join('');
}
