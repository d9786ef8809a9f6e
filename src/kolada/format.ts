// Kolada's REST API v2 as RKA documents it (github.com/Hypergene/kolada, README "Routes"):
// every answer is { values: [obj…], count, previous_page?, next_page? }; a key figure's
// metadata obj has id, title, is_divided_by_gender (0/1), municipality_type …; a data obj is
// { kpi, municipality, period, values: [{ gender: T|K|M, value: number|null, status, count }] }.
// This module reads such answers and says exactly what is wrong with one that is not.

export interface KpiMeta {
  id: string;
  title: string;
  isDividedByGender: boolean;
  unit?: string;
  municipalityType?: string;
  /** The latest period Kolada has published (publ_period), when the answer gives it. */
  publPeriod?: string;
  publicationDate?: string;
}

export type Gender = 'T' | 'K' | 'M';

export interface DataValue {
  gender: Gender;
  value: number | null;
  status?: string;
}

export interface DataRow {
  kpi: string;
  municipality: string;
  period: number;
  values: DataValue[];
}

export interface Page {
  values: unknown[];
  nextPage?: string;
}

/** Why an answer is not in the documented format (the caller adds where it came from). */
export class FormatProblem extends Error {
  override name = 'FormatProblem';
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The envelope of every answer: values (a list), count (its length) and the optional next_page. */
export function readPage(body: unknown): Page {
  if (!isObj(body)) throw new FormatProblem('svaret är inget JSON-objekt');
  if (!Array.isArray(body.values)) throw new FormatProblem('svaret saknar listan "values"');
  // RKA documents count as the length of values; a total over all pages (≥ it) is accepted too,
  // since that is how other paged APIs use the name and the live service was not at hand to check.
  if (body.count !== undefined && (typeof body.count !== 'number' || !Number.isInteger(body.count) || body.count < body.values.length)) {
    throw new FormatProblem(`"count" (${JSON.stringify(body.count)}) stämmer inte med antalet poster i "values" (${body.values.length})`);
  }
  const next = body.next_page;
  if (next !== undefined && next !== null && (typeof next !== 'string' || next === '')) throw new FormatProblem('"next_page" är ingen adress');
  return { values: body.values, nextPage: typeof next === 'string' ? next : undefined };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function readKpi(v: unknown, i: number): KpiMeta {
  if (!isObj(v)) throw new FormatProblem(`post ${i + 1} i "values" är inget objekt`);
  const id = str(v.id);
  const title = str(v.title);
  if (!id) throw new FormatProblem(`post ${i + 1} i "values" saknar "id"`);
  if (!title) throw new FormatProblem(`nyckeltalet ${id} saknar "title"`);
  const g = v.is_divided_by_gender;
  // Documented as an int (0/1); the service also answers true/false.
  if (g !== undefined && g !== 0 && g !== 1 && typeof g !== 'boolean') throw new FormatProblem(`nyckeltalet ${id}: "is_divided_by_gender" är ${JSON.stringify(g)}, inte 0 eller 1`);
  const period = typeof v.publ_period === 'number' ? String(v.publ_period) : str(v.publ_period);
  return {
    id, title, isDividedByGender: g === 1 || g === true,
    unit: str(v.unit), municipalityType: str(v.municipality_type), publPeriod: period, publicationDate: str(v.publication_date),
  };
}

const GENDERS = new Set(['T', 'K', 'M']);

export function readDataRow(v: unknown, i: number): DataRow {
  if (!isObj(v)) throw new FormatProblem(`post ${i + 1} i "values" är inget objekt`);
  const kpi = str(v.kpi);
  const municipality = str(v.municipality);
  if (!kpi) throw new FormatProblem(`post ${i + 1} i "values" saknar "kpi"`);
  if (!municipality) throw new FormatProblem(`post ${i + 1} (${kpi}) saknar "municipality"`);
  // Documented as a string ("2023"); the service answers a number.
  const p = typeof v.period === 'number' ? String(v.period) : str(v.period);
  if (!p || !/^\d{4}$/.test(p)) throw new FormatProblem(`post ${i + 1} (${kpi}, ${municipality}): "period" är ${JSON.stringify(v.period)}, inte ett år`);
  if (!Array.isArray(v.values)) throw new FormatProblem(`post ${i + 1} (${kpi}, ${municipality}, ${p}) saknar listan "values"`);
  const values: DataValue[] = [];
  v.values.forEach((x, j) => {
    const where = `${kpi}, ${municipality}, ${p}, värde ${j + 1}`;
    if (!isObj(x)) throw new FormatProblem(`${where}: inget objekt`);
    if (typeof x.gender !== 'string') throw new FormatProblem(`${where}: "gender" saknas`);
    if (x.value !== null && (typeof x.value !== 'number' || !Number.isFinite(x.value))) throw new FormatProblem(`${where}: "value" är ${JSON.stringify(x.value)}, varken ett tal eller null`);
    if (x.value === undefined) throw new FormatProblem(`${where}: "value" saknas`);
    // Only the three documented genders carry a value fsstöd uses.
    if (GENDERS.has(x.gender)) values.push({ gender: x.gender as Gender, value: x.value as number | null, status: str(x.status) });
  });
  return { kpi, municipality, period: Number(p), values };
}

/** Which kind of obj an answer holds: key-figure metadata (id, title) or data (kpi, municipality, period). */
export function kindOf(v: unknown): 'kpi' | 'data' | undefined {
  if (!isObj(v)) return undefined;
  if ('kpi' in v && 'municipality' in v) return 'data';
  if ('id' in v && 'title' in v) return 'kpi';
  return undefined;
}

/**
 * Where a text stops being JSON (an offset), for a message with line and column: Node 20's
 * JSON.parse does not say where. A small recursive descent over RFC 8259's grammar.
 */
export function jsonErrorOffset(s: string): number | undefined {
  let i = 0;
  const ws = () => { while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++; };
  const fail = (): never => { throw i; };
  const lit = (w: string) => { if (s.startsWith(w, i)) i += w.length; else fail(); };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s.charCodeAt(i) < 0x20) fail();
      if (s[i] === '\\') { i++; if (s[i] === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail(); i += 4; } else if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) fail(); }
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++; ws();
      if (s[i] === '}') { i++; return; }
      for (;;) {
        ws(); if (s[i] !== '"') fail(); str(); ws();
        if (s[i] !== ':') fail(); i++; value(); ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++; ws();
      if (s[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    return num();
  };
  try {
    value(); ws();
    return i < s.length ? i : undefined;
  } catch (e) {
    if (typeof e === 'number') return e;
    throw e;
  }
}
