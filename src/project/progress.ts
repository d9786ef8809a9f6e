// Paths into a project's data. What is answered, missing or covered is judged in src/judge/.
import type { YamlPath } from './load.js';

export function getPath(data: unknown, path: YamlPath): unknown {
  let v: any = data;
  for (const s of path) v = v == null ? undefined : v[s as any];
  return v;
}

export const splitPath = (dotted: string): string[] => dotted.split('.');
