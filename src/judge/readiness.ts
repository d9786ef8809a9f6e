// Whether a document is ready: exactly the errors that `fsstöd check --for <dokument>` reports,
// found by the same engine, rules and configuration (.fsstod-check.yaml), so that render --strikt
// refuses what check fails and nothing else.
import type { LoadedProject } from '../project/load.js';
import { checkLoaded } from '../check/engine.js';
import { loadConfig } from '../check/config.js';
import { methodView } from '../check/method.js';
import { RULES } from '../check/rules/index.js';
import { flagScope } from '../check/scope.js';
import type { Dokument, Finding } from '../check/types.js';

export function documentErrors(p: LoadedProject, dokument: Dokument, cwd = process.cwd()): Finding[] {
  const method = methodView();
  const config = loadConfig(undefined, RULES.map((r) => r.id), cwd);
  const scope = flagScope(method, dokument, undefined);
  const r = checkLoaded(p, { rules: RULES, method, config, dokument, steg: scope.steg, grund: scope.grund });
  return r.findings.filter((f) => f.severity === 'error');
}
