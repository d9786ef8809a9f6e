// Paths in the project file in the form REFERENCES uses ("handlingsplan.insatser[].mål").
import type { YamlPath } from '../project/load.js';
import { REFERENCES, type IdKind } from '../project/refs.js';
import { isSelector } from '../project/progress.js';

/** "handlingsplan.insatser[].mål" for ['handlingsplan', 'insatser', 3, 'mål']. */
export function patternOf(path: YamlPath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' || isSelector(seg) ? '[]' : (s ? '.' : '') + seg;
  return s;
}

/** The kinds of item a reference field at `path` may point to, and whether it is a list of ids. */
export function referenceAt(path: YamlPath): { kinds: IdKind[]; many: boolean } | undefined {
  const pat = patternOf(path);
  for (const r of REFERENCES) {
    if (r.pattern === pat) return { kinds: r.kinds, many: false };
    if (r.pattern === pat + '[]') return { kinds: r.kinds, many: true };
  }
  return undefined;
}
