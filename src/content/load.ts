// The method guide as data. The build compiles content/*.yaml (checked against
// content/schema.json) into dist/content.json, which commands read without a YAML parser;
// tests and a fresh checkout without a build fall back to the YAML files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { packageRoot } from '../paths.js';
import { namesOf } from './names.js';
import type { Method } from './types.js';

export type { Method, Step, Moment, Part, Question, QuestionGroup, Begrepp, Dokument } from './types.js';

let cache: Method | undefined;

/** Reads and validates content/ (build time and tests). Throws listing every problem. */
export function compileContent(root: string): Method {
  // Only the build and tests get here: the YAML parser and ajv are loaded on demand.
  const req = createRequire(join(root, 'package.json'));
  const { parse } = req('yaml') as typeof import('yaml');
  const dir = join(root, 'content');
  const steg = [1, 2, 3, 4, 5, 6].map((n) => parse(readFileSync(join(dir, `steg-${n}.yaml`), 'utf8')));
  const begrepp = parse(readFileSync(join(dir, 'begrepp.yaml'), 'utf8'));
  const method = { steg, begrepp } as Method;
  const Ajv = req('ajv/dist/2020').default;
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8')));
  if (!validate(method)) {
    const list = (validate.errors as { instancePath: string; message?: string }[]).map((e) => `  ${e.instancePath || '/'}: ${e.message}`).join('\n');
    throw new Error(`content/ följer inte content/schema.json:\n${list}`);
  }
  method.steg.forEach((s, i) => {
    if (s.nummer !== i + 1) throw new Error(`content/steg-${i + 1}.yaml har nummer ${s.nummer}`);
  });
  // A document's names pick it on the command line: each may mean one document only, and
  // "alla" means all of them.
  const moments = new Set(method.steg.flatMap((s) => s.moment.map((m) => m.nummer)));
  const owner = new Map<string, string>([['alla', '(alla dokument)']]);
  for (const d of method.begrepp.dokument) {
    for (const n of namesOf(d)) {
      const other = owner.get(n);
      if (other && other !== d.id) throw new Error(`content/begrepp.yaml: dokumentnamnet "${n}" används av både ${other} och ${d.id}`);
      owner.set(n, d.id);
    }
    for (const m of d.moment) if (!moments.has(m)) throw new Error(`content/begrepp.yaml: dokumentet ${d.id} anger momentet ${m}, som inte finns`);
    // A carrier carries documents that have a decision of their own, never another carrier.
    for (const x of d.bär ?? []) if (!method.begrepp.dokument.some((y) => y.id === x && !y.bär)) throw new Error(`content/begrepp.yaml: dokumentet ${d.id} bär ${x}, som inte är ett dokument med eget beslut`);
    if (!d.bär && !d.steg.length) throw new Error(`content/begrepp.yaml: dokumentet ${d.id} anger inga steg`);
  }
  return method;
}

export function loadMethod(): Method {
  if (cache) return cache;
  const built = join(packageRoot(), 'dist', 'content.json');
  cache = existsSync(built) ? (JSON.parse(readFileSync(built, 'utf8')) as Method) : compileContent(packageRoot());
  return cache;
}
