// Small helpers the rules share. Data may not match the schema, so every access checks types.
import type { YamlPath } from '../../project/load.js';
import { COLLECTIONS, type IdKind } from '../../project/refs.js';
import { parseDate } from '../../project/dates.js';

export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
/** A date at any precision the format allows (2026, 2026-09, 2026-09-30); compare with src/project/dates.ts. */
export const isDate = (v: unknown): v is string => parseDate(v) !== undefined;
export const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function get(data: unknown, path: YamlPath): unknown {
  let v: any = data;
  for (const s of path) v = v == null || typeof v !== 'object' ? undefined : v[s as any];
  return v;
}

/** The longest part of a path that exists in the data. */
export function existing(data: unknown, path: YamlPath): YamlPath {
  let v: any = data;
  let n = 0;
  for (const s of path) {
    if (v == null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) break;
    v = v[s];
    n++;
  }
  return path.slice(0, n);
}

/** The items of a collection (objects only) with their paths. */
export function items(data: unknown, kind: IdKind): { item: Record<string, any>; path: YamlPath; i: number }[] {
  const path = COLLECTIONS[kind].path;
  const list = get(data, path);
  if (!Array.isArray(list)) return [];
  const out: { item: Record<string, any>; path: YamlPath; i: number }[] = [];
  list.forEach((item, i) => { if (isObj(item)) out.push({ item, path: [...path, i], i }); });
  return out;
}

export const idList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function short(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1).trimEnd() + '…' : one;
}

/** "I4 ”Gruppstöd för separerade föräldrar”" (or "nr 3" when the item has no id). */
export function label(item: Record<string, any>, i: number, nameKey = 'namn'): string {
  const id = typeof item.id === 'string' ? item.id : `nr ${i + 1}`;
  const name = isText(item[nameKey]) ? item[nameKey] : undefined;
  return name ? `${id} ”${short(name, 50)}”` : id;
}

export { cap, joinSv } from '../../text.js';
