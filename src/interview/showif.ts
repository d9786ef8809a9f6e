// The show-if rules of content (begrepp.visa_om), as docassemble's "show if": whether a field
// is asked, decided by a condition on a field beside it. The engine holds no conditions of its own.
import type { ShowIf } from '../content/types.js';
import type { YamlPath } from '../project/load.js';
import { getPath } from '../project/progress.js';
import { isAnswered } from '../judge/index.js';

/** "organisation.grupper[].*" → ["organisation", "grupper", "[]", "*"]. */
function segments(pattern: string): string[] {
  return pattern.split('.').flatMap((p) => (p.endsWith('[]') ? [p.slice(0, -2), '[]'] : [p]));
}

function matches(pattern: string[], path: YamlPath): boolean {
  return pattern.length === path.length && pattern.every((seg, i) => {
    const p = path[i];
    if (seg === '[]') return typeof p === 'number';
    if (seg === '*') return true;
    return String(p) === seg;
  });
}

function holds(rule: ShowIf, data: unknown, path: YamlPath): boolean {
  const v = getPath(data, [...path.slice(0, -1), rule.om.fält]);
  if (rule.om.är && !rule.om.är.includes(v)) return false;
  if (rule.om.inte && rule.om.inte.includes(v)) return false;
  if (rule.om.besvarat !== undefined && isAnswered(v) !== rule.om.besvarat) return false;
  return true;
}

/** Whether the field at `path` is asked, by every rule that concerns it. */
export function shown(rules: ShowIf[] | undefined, data: unknown, path: YamlPath): boolean {
  for (const r of rules ?? []) {
    if (!matches(segments(r.fält), path)) continue;
    if (r.utom?.includes(String(path[path.length - 1]))) continue;
    if (!holds(r, data, path)) return false;
  }
  return true;
}
