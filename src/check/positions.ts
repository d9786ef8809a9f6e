// Line and column for a path. A file in the fast subset was read with its positions in the same
// pass (project/subset.ts); any other file was read by the `yaml` library, whose Document gives
// them (positionOf). test/check/positions.test.ts checks that both give the same answers.
import { positionOf, type LoadedProject, type YamlPath } from '../project/load.js';
import { keyPos, valuePos, walk, type Pos } from '../project/subset.js';

export type { Pos } from '../project/subset.js';
export type Locate = (path: YamlPath, opts?: { key?: boolean }) => Pos;

function exists(data: unknown, path: YamlPath): boolean {
  let v: any = data;
  for (const s of path) {
    if (v == null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) return false;
    v = v[s];
  }
  return true;
}

/**
 * A position finder for one loaded project: where the value (or with `key`, the key) at a path
 * starts, or for a path that is not there, where its nearest existing parent starts.
 */
export function locator(p: LoadedProject): Locate {
  return (path, opts = {}) => {
    const root = p.outline;
    if (root) {
      const { node, found } = walk(root, path);
      if (found === path.length) return opts.key ? keyPos(node) : valuePos(node);
      if (!exists(p.data, path)) return valuePos(node);
    }
    return positionOf(p, path, opts);
  };
}
