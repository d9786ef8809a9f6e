// Generates a v2 project file that fills every leaf of schemas/projekt.schema.json with a
// marker that can be searched for in the rendered documents' text: text leaves "MK0001",
// numbers distinct values (7 310 001 …; bounded ones 10,01 … or distinct years), dates distinct
// days. Every list has two items (more where an anyOf below has more branches), every anyOf takes its branches in turn (so that each branch
// holds a value somewhere), every map with fixed keys (faktorer) has all its keys. Ids are
// given per list and references point to the first item of the list they refer to, so that
// `validate` passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = Record<string, any>;

/** What to look for in the documents for one leaf. */
export interface Marker {
  /** The leaf's path in the file, e.g. "organisation.grupper[1].mandat". */
  path: string;
  /** The schema path: list indexes as [] (what the exceptions and the report use). */
  pattern: string;
  kind: 'text' | 'tal' | 'datum' | 'ord' | 'id' | 'ref' | 'const';
  /** Printed forms: the leaf is found when one of them stands in a document's text. */
  forms: string[];
  /** For 'ord' (enum, boolean): a sibling text marker it must stand near. */
  near?: string[];
  value: unknown;
}

/** Where the ids of each list come from, and which list a reference field points to. */
const PREFIX: Record<string, string> = {
  arenor: 'AR', aktörer: 'AK', grupper: 'G', nyckeltal: 'N', befintligt_stöd: 'S', utvecklingsbehov: 'B', fokusområden: 'F',
  mål: 'M', insatser: 'I', förutsättningar: 'FU', indikatorer: 'IN', aktiviteter: 'K', uppföljningar: 'U', referenser: 'R',
};
const REF: Record<string, string> = {
  aktör: 'aktörer', ansvariga: 'aktörer', aktörer: 'aktörer', arena: 'arenor', arenor: 'arenor', underlag: 'nyckeltal',
  behov: 'utvecklingsbehov', överordnat: 'mål', fokusområde: 'fokusområden', mål: 'mål', befintligt_stöd: 'befintligt_stöd',
  insatser: 'insatser', insats: 'insatser', indikator: 'indikatorer', referens: 'referenser',
};
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "7 310 001" with the spaces the documents use (normal or no-break; the search makes them one). */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

export function generate(root: string): { data: Record<string, unknown>; markers: Marker[]; branches: Map<string, { used: Set<number>; of: number }> } {
  const schema: Schema = JSON.parse(readFileSync(join(root, 'schemas', 'projekt.schema.json'), 'utf8'));
  const defs = schema.$defs as Record<string, Schema>;
  const markers: Marker[] = [];
  const branchTurn = new Map<string, number>();
  const branches = new Map<string, { used: Set<number>; of: number }>();
  let text = 0, big = 7310000, small = 1000, year = 2040, day = 0, dateYear = 2101;

  const resolve = (n: Schema): Schema => {
    while (n.$ref) { const { $ref, ...rest } = n; n = { ...defs[String($ref).replace('#/$defs/', '')]!, ...rest }; }
    return n;
  };
  /** The most branches of any anyOf in a schema's subtree (how many items a list needs). */
  const widest = (n0: Schema, seen: Set<Schema>): number => {
    const n = resolve(n0);
    if (seen.has(n0)) return 0;
    seen.add(n0);
    const kids = [...Object.values(n.properties ?? {}), ...(typeof n.additionalProperties === 'object' ? [n.additionalProperties] : []), ...(n.items ? [n.items] : []), ...(n.anyOf ?? [])] as Schema[];
    return Math.max(n.anyOf && !n.properties && !n.type ? n.anyOf.length : 0, ...kids.map((k) => widest(k, seen)));
  };
  const pattern = (path: (string | number)[]) => path.map((s, i) => (typeof s === 'number' ? '[]' : i ? `.${s}` : s)).join('');
  const pathText = (path: (string | number)[]) => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');

  function value(n0: Schema, path: (string | number)[], anyKey: string): unknown {
    const n = resolve(n0);
    const key = [...path].reverse().find((s) => typeof s === 'string') as string;
    const add = (kind: Marker['kind'], v: unknown, forms: string[]) => { markers.push({ path: pathText(path), pattern: pattern(path), kind, forms, value: v }); return v; };
    if (n.anyOf && !n.properties && !n.type) {
      // Branches in turn, counted per place in the schema (the pattern), so each branch is used.
      // A date (datum) takes its forms in turn over the whole file: most dates stand alone, not in a list.
      const id = anyKey || (n0.$ref === '#/$defs/datum' ? '$defs/datum' : pattern(path));
      const t = branchTurn.get(id) ?? 0;
      branchTurn.set(id, t + 1);
      const i = t % n.anyOf.length;
      (branches.get(id) ?? branches.set(id, { used: new Set(), of: n.anyOf.length }).get(id)!).used.add(i);
      return value(n.anyOf[i], path, '');
    }
    if (n.const !== undefined) return add('const', n.const, [String(n.const)]);
    if (n.enum) {
      const t = branchTurn.get(pattern(path)) ?? 0;
      branchTurn.set(pattern(path), t + 1);
      const v = n.enum[t % n.enum.length];
      return add('ord', v, [String(v)]);
    }
    if (n.type === 'object' || n.properties) {
      const o: Record<string, unknown> = {};
      // dokument (profil) names a folder beside the project file that the generated file has not: left out (varje-värde.undantag.ts).
      const keys = n.properties ? Object.keys(n.properties).filter((k) => !(path.length === 0 && k === 'dokument')) : [];
      for (const k of keys) o[k] = value(n.properties[k], [...path, k], '');
      if (n.propertyNames?.enum && typeof n.additionalProperties === 'object') {
        for (const k of n.propertyNames.enum as string[]) o[k] = value(n.additionalProperties, [...path, k], pattern([...path, '*']));
      }
      return o;
    }
    if (n.type === 'array') {
      const items = resolve(n.items);
      // A list of ids is one reference; a list of enum values two different ones.
      // Items enough for every anyOf below to take each of its branches at its own place.
      const count = items.pattern?.includes('[A-ZÅÄÖ]') ? 1 : Math.max(2, widest(n.items, new Set()));
      return Array.from({ length: count }, (_, i) => value(n.items, [...path, i], ''));
    }
    if (n.type === 'boolean') {
      // true prints "ja" (or the field's own word, e.g. graviditet); false would print as nothing in many places.
      return add('ord', true, ['ja', key.replace(/_/g, ' ')]);
    }
    if (n.type === 'string') {
      const p: string = n.pattern ?? '';
      if (p.includes('[A-ZÅÄÖ]')) {
        if (key === 'id') {
          const list = path.at(-3) as string;
          return add('id', `${PREFIX[list] ?? 'X'}${(path.at(-2) as number) + 1}`, []);
        }
        const target = REF[key];
        if (!target) throw new Error(`okänd referens ${pathText(path)}`);
        return add('ref', `${PREFIX[target]}1`, []);
      }
      if (n.format === 'date' || p.includes('{4}(-')) {
        // A distinct day (format date) or year and month (the pattern) in 2001–2039 (years 2040– are the year fields').
        const y = 2001 + (day % 39), m = 1 + (day % 12), d = 1 + (day % 28);
        day++;
        const ym = `${y}-${String(m).padStart(2, '0')}`;
        if (n.format !== 'date') return add('datum', ym, [ym, `${MONTHS[m - 1]} ${y}`]);
        const iso = `${ym}-${String(d).padStart(2, '0')}`;
        return add('datum', iso, [iso, `${d} ${MONTHS[m - 1]} ${y}`]);
      }
      if (p === '^[0-9]{4}$') return add('text', key === 'kod' ? String(1880 + markers.filter((x) => x.pattern.endsWith('.kod')).length) : '1880', []);
      if (p === '^[0-9]{2}$') return add('text', '18', ['(18)']);
      const mk = `MK${String(++text).padStart(4, '0')}`;
      return add('text', mk, [mk]);
    }
    if (n.type === 'integer' || n.type === 'number') {
      const min = n.minimum ?? -Infinity, max = n.maximum ?? Infinity;
      let v: number;
      if (max <= 5) { v = Math.min(max, Math.max(min, 1 + (small++ % 5))); return add('ord', v, [String(v)]); }
      else if (max <= 18) v = key === 'från' ? 3 + (small++ % 7) : 11 + (small++ % 7);
      else if (max <= 100) v = n.type === 'integer' ? 11 + (small++ % 80) : Number(`${10 + (small % 80)}.${String(1 + (small++ % 98)).padStart(2, '0')}`);
      else if (min >= 1990 && max <= 2100) v = year++;
      // A date given as a year (datum's integer branch): years 2101– so that they are not the
      // year fields' (2040–) nor the day dates' (2001–2039) and stand alone in the text.
      else if (min >= 1900 && max <= 2200) { v = dateYear++; return add('datum', v, [String(v)]); }
      else v = ++big;
      const forms = max <= 18 ? [] : max <= 100 ? [String(v).replace('.', ',')] : v > 9999 ? [grouped(v), String(v)] : [String(v)];
      return add('tal', v, forms);
    }
    throw new Error(`okänd schemanod vid ${pathText(path)}: ${JSON.stringify(n).slice(0, 120)}`);
  }

  const data = value(schema, [], '') as Record<string, any>;
  // A goal above itself is not allowed: the first goal has none, the second points to the first.
  delete data.handlingsplan.mål[0].överordnat;
  // Real kommuner (validate knows their codes).
  data.projekt.kommuner[0].kod = '1885';
  data.projekt.kommuner[1].kod = '1880';
  const kept = markers.filter((m) => !(m.path === 'handlingsplan.mål[0].överordnat'));
  for (const m of kept) {
    if (m.path === 'projekt.kommuner[0].kod') { m.value = '1885'; m.forms = ['1885']; }
    if (m.path === 'projekt.kommuner[1].kod') { m.value = '1880'; m.forms = ['1880']; }
  }
  finish(kept);
  return { data, markers: kept, branches };
}

/**
 * What a marker needs from its neighbours, for the generated file and a real one alike: an age
 * range counts as "från–till" as the documents print it (ages are 0–18 and cannot be unique);
 * an enum, a boolean or a 1–5 grade is a common word and counts beside a text of its own item
 * (the nearest enclosing item that has one).
 */
/** A text's start of about n characters, cut at a space (so that it never ends inside a number or word). */
export function start(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n + 1).replace(/\s+\S*$/, '');
  return cut || s.slice(0, n);
}

export function finish(markers: Marker[]): void {
  const byPath = new Map(markers.map((m) => [m.path, m]));
  for (const m of markers) {
    if (!/\.åldrar\.(från|till)$/.test(m.pattern)) continue;
    const base = m.path.replace(/\.(från|till)$/, '');
    m.forms = [`${byPath.get(`${base}.från`)?.value ?? 0}–${byPath.get(`${base}.till`)?.value ?? 18}`];
  }
  const texts = markers.filter((x) => x.kind === 'text' && x.forms.length && !/^\d+$/.test(x.forms[0]!));
  for (const m of markers) {
    if (m.kind !== 'ord' && m.kind !== 'const') continue;
    let parent = m.path;
    m.near = [];
    while (!m.near.length && parent) {
      const up = parent.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (up === parent) break;
      const p = (parent = up);
      // Texts of this item itself first (not of its lists' items), else any below it.
      m.near = texts.filter((x) => x.path.startsWith(p + '.') && !x.path.slice(p.length + 1).includes('[')).map((x) => start(x.forms[0]!, 30));
      if (!m.near.length) m.near = texts.filter((x) => x.path.startsWith(p + '.') || x.path.startsWith(p + '[')).map((x) => start(x.forms[0]!, 30));
    }
  }
}
