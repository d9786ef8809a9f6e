// A table pasted into a list (key figures, existing support, actors … from Excel or Word): the
// first row's headers are matched to the item's fields by their titles, each row becomes an
// item, every cell read by the same parsing as a single answer (values.ts). A field group
// (åldrar, räckvidd) and a list inside the item (kostnader, jämförelser) are columns titled
// "Grupp: fält"; a row whose other cells are empty adds one more entry to that inner list (as
// merged cells in Excel copy).
import type { YamlPath } from '../project/load.js';
import { schemaAt } from '../project/schema-words.js';
import { indexIds, type IdKind } from '../project/refs.js';
import { itemLabel } from './text.js';
import { joinSv } from '../text.js';
import { referenceAt } from './paths.js';
import { branches, isError, parseValue } from './values.js';

type S = Record<string, any>;

/** The mark a pasted tab becomes on the one-line editor (text.ts): a cell boundary. */
export const CELL = '⇥';

export interface Column {
  /** What the header says: the field's title, "Grupp: fält" inside a group or inner list. */
  title: string;
  /** A shorter title that is also accepted where it is unique ("År" for "Räckvidd: År"). */
  alias?: string;
  /** The field's key in the item, and in its group or inner list. */
  key: string;
  sub?: string;
  /** The field is in a list inside the item (one entry per row). */
  inner?: boolean;
  /** The schema of the item's field (or the inner field), read at list index 0. */
  schema: S;
  path: YamlPath;
}

/** Case, diacritics, spacing and a trailing "(id)", "(kr)" do not matter in a header. */
export function normHeader(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s*[:–—-]\s*/g, ': ').replace(/\s+/g, ' ').trim();
}
const withoutParens = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, '').trim();

const isGroup = (s: S | undefined) => !!s && !s.anyOf && !s.enum && (s.type === 'object' || !!s.properties) && !!s.properties && !isGender(s);
const isGender = (s: S) => ['flickor', 'pojkar', 'kvinnor', 'män'].every((k) => s.properties && k in s.properties);
const isInnerList = (listPath: YamlPath, key: string) => {
  const s = schemaAt([...listPath, 0, key]);
  const it = s?.type === 'array' ? schemaAt([...listPath, 0, key, 0]) : undefined;
  return !!it && (it.type === 'object' || !!it.properties) && !referenceAt([...listPath, 0, key]);
};

/** The columns a table for the list at `listPath` may have, in the schema's order. */
export function tableColumns(listPath: YamlPath): Column[] {
  const item = schemaAt([...listPath, 0]) ?? {};
  const cols: Column[] = [];
  for (const key of Object.keys(item.properties ?? {})) {
    if (key === 'id') continue;
    const path = [...listPath, 0, key];
    const s = schemaAt(path) ?? {};
    const title = s.title ?? key;
    if (isInnerList(listPath, key)) {
      const inner = schemaAt([...path, 0]) ?? {};
      for (const sub of Object.keys(inner.properties ?? {})) {
        const ss = schemaAt([...path, 0, sub]) ?? {};
        if (isGroup(ss) || ss.type === 'array') continue;
        cols.push({ title: `${title}: ${ss.title ?? sub}`, alias: ss.title ?? sub, key, sub, inner: true, schema: ss, path: [...path, 0, sub] });
      }
    } else if (isGroup(s)) {
      for (const sub of Object.keys(s.properties ?? {})) {
        const ss = schemaAt([...path, sub]) ?? {};
        if (isGroup(ss)) continue;
        cols.push({ title: `${title}: ${ss.title ?? sub}`, alias: ss.title ?? sub, key, sub, schema: ss, path: [...path, sub] });
      }
    } else cols.push({ title, key, schema: s, path });
  }
  return cols;
}

/** The column a header names: its full title, or its short one where only one column has it. */
function columnFor(cols: Column[], header: string): Column | undefined {
  const h = normHeader(header);
  const hits = (f: (c: Column) => string | undefined) => cols.filter((c) => { const t = f(c); return t !== undefined && (normHeader(t) === h || normHeader(withoutParens(t)) === h); });
  const full = hits((c) => c.title);
  if (full.length === 1) return full[0];
  // A field's own title wins over an inner field with the same short title ("Värde").
  const own = full.filter((c) => !c.sub);
  if (own.length === 1) return own[0];
  const short = hits((c) => c.alias);
  return short.length === 1 ? short[0] : undefined;
}

/**
 * The rows and cells of a pasted table. A cell in double quotes may hold line breaks and
 * separators (Excel quotes a cell with a line break, and doubles a quote inside it).
 */
export function splitTable(raw: string): string[][] {
  const text = raw.replace(/\r\n?/g, '\n');
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  const tabs = first.includes('\t') || first.includes(CELL);
  const isSep = (ch: string) => (tabs ? ch === '\t' || ch === CELL : ch === ';');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    // One cell: quoted (after spaces), or up to the next separator or line break.
    let j = i;
    while (text[j] === ' ' || text[j] === '\u00a0') j++;
    let cell = '';
    if (text[j] === '"') {
      let k = j + 1;
      for (;;) {
        if (k >= text.length) { cell = text.slice(i); i = k; break; }
        if (text[k] === '"' && text[k + 1] === '"') { cell += '"'; k += 2; continue; }
        if (text[k] === '"') { i = k + 1; while (i < text.length && !isSep(text[i]!) && text[i] !== '\n') cell += text[i++]; break; }
        cell += text[k++];
      }
    } else {
      while (i < text.length && !isSep(text[i]!) && text[i] !== '\n') cell += text[i++];
    }
    row.push(cell.trim());
    if (i >= text.length) { rows.push(row); break; }
    if (text[i] === '\n') { rows.push(row); row = []; }
    i++;
  }
  return rows.filter((r) => r.some(Boolean));
}

export type Cell = (col: Column, raw: string) => unknown | { error: string };

/**
 * The items of a pasted table, without ids, or why it cannot be read (a header that names no
 * field, with the allowed ones; a bad cell, with its row and column).
 */
export function parseTable(raw: string, listPath: YamlPath, cell: Cell): { items: Record<string, unknown>[]; rows: number[] } | { error: string } {
  const lines = splitTable(raw);
  if (lines.length < 2) return { error: 'Klistra in rubrikraden och minst en rad, med tabb (från Excel eller Word) eller semikolon mellan kolumnerna.' };
  const cols = tableColumns(listPath);
  const headers = lines[0]!;
  const picked: (Column | undefined)[] = [];
  const unknown: string[] = [];
  headers.forEach((h) => {
    if (!h) { picked.push(undefined); return; }
    const c = columnFor(cols, h);
    if (!c) unknown.push(h);
    else if (picked.includes(c)) return void unknown.push(`${h} (två gånger)`);
    picked.push(c);
  });
  if (unknown.length) {
    return { error: `Rubriken ${unknown.map((u) => `"${u}"`).join(', ')} passar inget fält här. Rubriker som går: ${cols.map((c) => c.title).join(', ')}.` };
  }
  const required = ((schemaAt([...listPath, 0])?.required ?? []) as string[]).filter((k) => k !== 'id');
  const items: Record<string, unknown>[] = [];
  /** The table row (1 = the header) where each item starts. */
  const rows: number[] = [];
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r]!;
    if (cells.length > headers.length && cells.slice(headers.length).some(Boolean)) return { error: `Rad ${r + 1} har fler kolumner (${cells.length}) än rubrikraden (${headers.length}).` };
    const own: Record<string, unknown> = {};
    const inner: Record<string, Record<string, unknown>> = {};
    for (let k = 0; k < headers.length; k++) {
      const c = picked[k];
      const t = cells[k] ?? '';
      if (!c || t === '') continue;
      const v = cell(c, t);
      if (isError(v)) return { error: `Rad ${r + 1}, kolumn ${k + 1} (${headers[k]}): ${v.error}` };
      if (c.inner) (inner[c.key] ??= {})[c.sub!] = v;
      else if (c.sub) ((own[c.key] ??= {}) as Record<string, unknown>)[c.sub] = v;
      else own[c.key] = v;
    }
    // Only inner cells: one more entry of the previous row's inner list.
    if (!Object.keys(own).length && Object.keys(inner).length && items.length) {
      const prev = items[items.length - 1]!;
      for (const [k, e] of Object.entries(inner)) (prev[k] as unknown[] | undefined) ? (prev[k] as unknown[]).push(e) : (prev[k] = [e]);
      continue;
    }
    const missing = required.filter((k) => own[k] === undefined);
    if (missing.length) {
      const names = missing.map((k) => cols.find((c) => c.key === k)?.title ?? k);
      return { error: `Rad ${r + 1} saknar ${joinSv(names)}${picked.some((c) => c && missing.includes(c.key)) ? '' : ' (lägg till den kolumnen)'}.` };
    }
    for (const [k, e] of Object.entries(inner)) own[k] = [e];
    items.push(own);
    rows.push(r + 1);
  }
  if (!items.length) return { error: 'Tabellen har inga rader med något att lägga till.' };
  return { items: items.map((it) => ordered(it, listPath)), rows };
}

/** An item's keys (and its groups') in the schema's order, so the file reads as the examples. */
function ordered(it: Record<string, unknown>, listPath: YamlPath): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(schemaAt([...listPath, 0])?.properties ?? {})) {
    if (!(k in it)) continue;
    const v = it[k];
    const s = schemaAt([...listPath, 0, k]);
    if (v && typeof v === 'object' && !Array.isArray(v) && isGroup(s)) {
      const g: Record<string, unknown> = {};
      for (const sk of Object.keys(s!.properties)) if (sk in (v as object)) g[sk] = (v as any)[sk];
      out[k] = g;
    } else if (Array.isArray(v) && isInnerList(listPath, k)) {
      const props = Object.keys(schemaAt([...listPath, 0, k, 0])?.properties ?? {});
      out[k] = v.map((e: any) => Object.fromEntries(props.filter((p) => p in e).map((p) => [p, e[p]])));
    } else out[k] = v;
  }
  return out;
}

const norm = (s: string) => normHeader(s);

/**
 * A cell read as the field's answer: a choice by its value or its name ("Universell",
 * "Ej bedömt"), ja/nej, references by id or name ("AK9" or the aktör's name; several with
 * commas), texts of a list one per line or separated by ';', and typed values through
 * values.ts (numbers, "ca 40", dates, "ej angivet").
 */
export function readCell(data: unknown, col: Column, raw: string, names: (path: YamlPath, v: unknown) => string, gender: (s: S, raw: string) => unknown): unknown {
  const s = col.schema;
  const t = raw.trim();
  const ref = referenceAt(col.path);
  if (ref) {
    const index = indexIds(data);
    const options = ref.kinds.flatMap((k: IdKind) => index.ofKind(k)).filter((it) => typeof it.id === 'string');
    const one = (w: string): string | { error: string } => {
      const hit = options.find((it) => it.id.toLowerCase() === w.toLowerCase()) ?? options.find((it) => norm(itemLabel(it)) === norm(w));
      return hit ? (hit.id as string) : { error: `"${w}" finns inte (ange id eller namn, t.ex. ${options.slice(0, 3).map((o) => o.id).join(', ') || 'inga finns ännu'}).` };
    };
    if (!ref.many) return one(t);
    const ids: string[] = [];
    for (const w of t.split(/\s*[,;]\s*/).filter(Boolean)) {
      const v = one(w);
      if (isError(v)) return v;
      ids.push(v as string);
    }
    return ids;
  }
  const choose = (values: unknown[], path: YamlPath, w: string) => values.find((v) => norm(String(v)) === norm(w) || norm(names(path, v)) === norm(w));
  if (s.enum) {
    const v = choose(s.enum, col.path, t);
    return v !== undefined ? v : { error: `välj ett av: ${s.enum.map((x: unknown) => names(col.path, x)).join(', ')}.` };
  }
  if (s.type === 'boolean') {
    if (/^(ja|j|x|sant)$/i.test(t)) return true;
    if (/^(nej|n|falskt)$/i.test(t)) return false;
    return { error: 'skriv ja eller nej.' };
  }
  if (s.properties && isGender(s)) return gender(s, t);
  if (s.type === 'array') {
    const items = schemaAt([...col.path, 0]) ?? {};
    // Texts (sources, languages) may hold commas: one per line of the cell, or separated by ';'.
    if (!items.enum) return t.split(/\s*[;\n]\s*/).filter(Boolean);
    const words = t.split(/\s*[,;\n]\s*/).filter(Boolean);
    const out: unknown[] = [];
    for (const w of words) {
      const v = choose(items.enum, [...col.path, 0], w);
      if (v === undefined) return { error: `"${w}" är inget av: ${items.enum.map((x: unknown) => names([...col.path, 0], x)).join(', ')}.` };
      out.push(v);
    }
    return out;
  }
  const plainText = branches(s).length === 1 && s.type === 'string' && s.$def !== 'datum' && !s.pattern;
  return plainText ? t : parseValue(s, t);
}
