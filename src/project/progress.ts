// Paths into a project's data. What is answered, missing or covered is judged in src/judge/.
//
// A path from content/ may select one item of a list instead of giving its index:
// "organisation.grupper[typ=styrgrupp].mandat" (the first group of that type) or
// "uppföljningar[senaste].utfall" (the last follow-up round). splitPath keeps a selector as a
// segment of its own ("[typ=styrgrupp]", after the list's key); getPath follows it in the data,
// and resolvePath turns it into the item's index (or the index a new item would get).
import type { YamlPath } from './load.js';

const SELECTOR = /^\[(?:(senaste)|([a-zåäö_]+)=([^\]]+))\]$/;

/** Whether a path segment selects an item ("[typ=styrgrupp]", "[senaste]"). */
export const isSelector = (seg: unknown): seg is string => typeof seg === 'string' && seg.startsWith('[') && SELECTOR.test(seg);

/** What a selector asks for: the last item, or the first whose field has a value. */
export function selectorOf(seg: string): { senaste: true } | { fält: string; värde: string } {
  const m = SELECTOR.exec(seg)!;
  return m[1] ? { senaste: true } : { fält: m[2]!, värde: m[3]! };
}

/** The index a selector picks in a list, or -1 when no item matches (or the list is empty). */
export function selectIndex(list: unknown, seg: string): number {
  if (!Array.isArray(list)) return -1;
  const s = selectorOf(seg);
  if ('senaste' in s) return list.length - 1;
  return list.findIndex((x) => x && typeof x === 'object' && String((x as Record<string, unknown>)[s.fält]) === s.värde);
}

export function getPath(data: unknown, path: YamlPath): unknown {
  let v: any = data;
  for (const s of path) {
    if (v == null) return undefined;
    if (isSelector(s)) {
      const i = selectIndex(v, s);
      v = i < 0 ? undefined : v[i];
    } else v = v[s as any];
  }
  return v;
}

/**
 * The path with each selector replaced by the index it picks; where no item matches, by the
 * index a new item would get (the list's length), so that a write creates it there.
 */
export function resolvePath(data: unknown, path: YamlPath): YamlPath {
  const out: YamlPath = [];
  let v: any = data;
  for (const s of path) {
    if (isSelector(s)) {
      const list = Array.isArray(v) ? v : [];
      let i = selectIndex(list, s);
      if (i < 0) i = list.length;
      out.push(i);
      v = list[i];
    } else {
      out.push(s);
      v = v == null ? undefined : v[s as any];
    }
  }
  return out;
}

/** "organisation.grupper[typ=styrgrupp].mandat" → ['organisation', 'grupper', '[typ=styrgrupp]', 'mandat']. */
export const splitPath = (dotted: string): string[] =>
  dotted.split('.').flatMap((seg) => {
    const i = seg.indexOf('[');
    return i > 0 ? [seg.slice(0, i), seg.slice(i)] : [seg];
  });
