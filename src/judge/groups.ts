// "The styrgrupp", "the arbetsgrupp": v2 holds a list of groups (organisation.grupper), and a
// group is found by its type, the first of that type (a political body acting as styrgrupp is
// typ styrgrupp with `organ`). The same choice as content/'s "organisation.grupper[typ=…]"
// paths, because both go through progress.ts selectIndex. Rules, status and documents ask here.
import type { YamlPath } from '../project/load.js';
import { selectIndex } from '../project/progress.js';

export type GruppTyp = 'styrgrupp' | 'arbetsgrupp' | 'beredningsgrupp' | 'projektgrupp' | 'referensgrupp' | 'forskargrupp' | 'nätverk' | 'annan';

/** The first group of a type, with its path, or undefined. Data may not match the schema. */
export function groupOfType(data: unknown, typ: GruppTyp): { item: Record<string, any>; path: YamlPath } | undefined {
  const org = data && typeof data === 'object' ? (data as Record<string, any>).organisation : undefined;
  const list = org && typeof org === 'object' ? org.grupper : undefined;
  const i = selectIndex(list, `[typ=${typ}]`);
  if (i < 0 || !list[i] || typeof list[i] !== 'object' || Array.isArray(list[i])) return undefined;
  return { item: list[i], path: ['organisation', 'grupper', i] };
}
