// The project file's items refer to each other by id (M1, I3 …). This module knows where
// ids are declared and where they are used, so that a dangling or wrong-kind reference is
// an error with its line and column.
import { positionOf, type LoadedProject, type YamlPath } from './load.js';
import type { Problem } from './validate.js';
import { fieldInWords } from './schema-words.js';

export type IdKind = 'arena' | 'aktör' | 'grupp' | 'nyckeltal' | 'stöd' | 'behov' | 'fokusområde' | 'mål' | 'insats' | 'förutsättning' | 'indikator' | 'kommunikation' | 'referens' | 'uppföljning';

/** Where each kind of item lives (a list whose items have an `id`), and the prefix of its ids (G1, F2 …). */
export const COLLECTIONS: Record<IdKind, { path: string[]; words: string; prefix: string }> = {
  arena: { path: ['organisation', 'arenor'], words: 'arena', prefix: 'AR' },
  aktör: { path: ['organisation', 'aktörer'], words: 'aktör', prefix: 'AK' },
  grupp: { path: ['organisation', 'grupper'], words: 'grupp', prefix: 'G' },
  nyckeltal: { path: ['analys', 'målgruppsanalys', 'nyckeltal'], words: 'nyckeltal', prefix: 'N' },
  stöd: { path: ['analys', 'kartläggning', 'befintligt_stöd'], words: 'befintligt stöd', prefix: 'S' },
  behov: { path: ['analys', 'utvecklingsbehov'], words: 'utvecklingsbehov', prefix: 'B' },
  fokusområde: { path: ['handlingsplan', 'fokusområden'], words: 'fokusområde', prefix: 'F' },
  mål: { path: ['handlingsplan', 'mål'], words: 'mål', prefix: 'M' },
  insats: { path: ['handlingsplan', 'insatser'], words: 'insats', prefix: 'I' },
  förutsättning: { path: ['handlingsplan', 'förutsättningar'], words: 'förutsättning', prefix: 'P' },
  indikator: { path: ['handlingsplan', 'uppföljningsplan', 'indikatorer'], words: 'indikator', prefix: 'IND' },
  kommunikation: { path: ['handlingsplan', 'kommunikationsplan', 'aktiviteter'], words: 'kommunikationsaktivitet', prefix: 'K' },
  referens: { path: ['projekt', 'referenser'], words: 'referens', prefix: 'R' },
  uppföljning: { path: ['uppföljningar'], words: 'uppföljningsomgång', prefix: 'U' },
};

/**
 * Every reference field: a path pattern ("[]" = every item of a list, "*" = every key of a map)
 * and the kinds it may point to. The last segment is the field; a trailing "[]" means the field
 * is a list of ids.
 */
export const REFERENCES: { pattern: string; kinds: IdKind[] }[] = [
  { pattern: 'projekt.samordnare.aktör', kinds: ['aktör'] },
  { pattern: 'organisation.aktörer[].arenor[]', kinds: ['arena'] },
  { pattern: 'organisation.grupper[].medlemmar[].aktör', kinds: ['aktör'] },
  { pattern: 'organisation.samordning.personer[].aktör', kinds: ['aktör'] },
  { pattern: 'analys.kartläggning.befintligt_stöd[].aktör', kinds: ['aktör'] },
  { pattern: 'analys.kartläggning.befintligt_stöd[].arena', kinds: ['arena'] },
  { pattern: 'analys.utvecklingsbehov[].underlag[]', kinds: ['nyckeltal', 'stöd'] },
  { pattern: 'handlingsplan.mål[].behov[]', kinds: ['behov'] },
  { pattern: 'handlingsplan.mål[].överordnat', kinds: ['mål'] },
  { pattern: 'handlingsplan.mål[].fokusområde', kinds: ['fokusområde'] },
  { pattern: 'handlingsplan.insatser[].mål[]', kinds: ['mål'] },
  { pattern: 'handlingsplan.insatser[].befintligt_stöd', kinds: ['stöd'] },
  { pattern: 'handlingsplan.insatser[].ansvariga[]', kinds: ['aktör'] },
  { pattern: 'handlingsplan.insatser[].aktörer[]', kinds: ['aktör'] },
  { pattern: 'handlingsplan.insatser[].arenor[]', kinds: ['arena'] },
  { pattern: 'handlingsplan.förutsättningar[].insatser[]', kinds: ['insats'] },
  { pattern: 'handlingsplan.uppföljningsplan.indikatorer[].mål[]', kinds: ['mål'] },
  { pattern: 'handlingsplan.uppföljningsplan.indikatorer[].insatser[]', kinds: ['insats'] },
  { pattern: 'uppföljningar[].insatser[].insats', kinds: ['insats'] },
  { pattern: 'uppföljningar[].utfall[].indikator', kinds: ['indikator'] },
  { pattern: 'beslut.*.bilagor[].referens', kinds: ['referens'] },
];

function get(data: any, path: (string | number)[]): any {
  let v = data;
  for (const s of path) v = v == null ? undefined : v[s];
  return v;
}

/** All (path, value) pairs matching a pattern such as "handlingsplan.insatser[].mål[]" or "beslut.*.bilagor[].referens". */
export function expand(data: unknown, pattern: string): { path: YamlPath; value: unknown }[] {
  let results: { path: YamlPath; value: unknown }[] = [{ path: [], value: data }];
  for (const part of pattern.split('.')) {
    const many = part.endsWith('[]');
    const key = many ? part.slice(0, -2) : part;
    const next: typeof results = [];
    for (const r of results) {
      if (part === '*') {
        if (r.value != null && typeof r.value === 'object' && !Array.isArray(r.value)) for (const [k, v] of Object.entries(r.value)) next.push({ path: [...r.path, k], value: v });
        continue;
      }
      const v = r.value != null && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as any)[key] : undefined;
      if (v === undefined) continue;
      if (many) {
        if (Array.isArray(v)) v.forEach((item, i) => next.push({ path: [...r.path, key, i], value: item }));
      } else next.push({ path: [...r.path, key], value: v });
    }
    results = next;
  }
  return results;
}

export interface IdIndex {
  /** id → kind and where it is declared. */
  byId: Map<string, { kind: IdKind; path: YamlPath; item: any }>;
  ofKind(kind: IdKind): any[];
}

export function indexIds(data: unknown): IdIndex {
  const byId = new Map<string, { kind: IdKind; path: YamlPath; item: any }>();
  const lists = new Map<IdKind, any[]>();
  for (const [kind, c] of Object.entries(COLLECTIONS) as [IdKind, (typeof COLLECTIONS)[IdKind]][]) {
    const list = get(data, c.path);
    const items = Array.isArray(list) ? list.filter((x) => x && typeof x === 'object') : [];
    lists.set(kind, items);
    items.forEach((item) => {
      if (typeof item.id === 'string' && !byId.has(item.id)) byId.set(item.id, { kind, path: [...c.path, list.indexOf(item)], item });
    });
  }
  return { byId, ofKind: (k) => lists.get(k) ?? [] };
}

/** Duplicate ids and references that do not resolve to an item of the right kind. */
export function checkReferences(p: LoadedProject): Problem[] {
  const data = p.data;
  const out: Problem[] = [];
  const at = (path: YamlPath) => positionOf(p, path);
  // Unique ids across the whole file, so that "M1" always means one thing.
  const seen = new Map<string, YamlPath>();
  for (const c of Object.values(COLLECTIONS)) {
    const list = get(data, c.path);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object' || typeof item.id !== 'string') return;
      const path: YamlPath = [...c.path, i, 'id'];
      const first = seen.get(item.id);
      if (first) {
        const fp = at(first);
        out.push({ rule: 'unikt-id', severity: 'error', message: `${fieldInWords(path, data)}: id ${item.id} används redan (rad ${fp.line}); varje id får bara förekomma en gång i filen`, path, ...at(path) });
      } else seen.set(item.id, path);
    });
  }
  const index = indexIds(data);
  for (const ref of REFERENCES) {
    for (const { path, value } of expand(data, ref.pattern)) {
      if (typeof value !== 'string') continue; // the schema reports wrong types
      const target = index.byId.get(value);
      const want = ref.kinds.map((k) => COLLECTIONS[k].words).join(' eller ');
      if (!target) {
        out.push({ rule: 'referens', severity: 'error', message: `${fieldInWords(path, data)}: hänvisningen till ${value} pekar inte på något som finns: ingen ${want} har id ${value}`, path, ...at(path) });
      } else if (!ref.kinds.includes(target.kind)) {
        out.push({ rule: 'referens', severity: 'error', message: `${fieldInWords(path, data)}: ${value} är en ${COLLECTIONS[target.kind].words}, men här ska det stå id för en ${want}`, path, ...at(path) });
      }
    }
  }
  return out;
}
