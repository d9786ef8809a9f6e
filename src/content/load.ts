// Provisional loader written by the lead so the build works while content/ is being written;
// the content engineer replaces it (same API: loadMethod, compileContent).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../paths.js';

export interface Method { steg: any[]; begrepp: any }
let cache: Method | undefined;

export function compileContent(root: string): Method {
  const dir = join(root, 'content');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^steg-\d\.yaml$/.test(f)).sort() : [];
  const steg = files.map((f) => parse(readFileSync(join(dir, f), 'utf8')));
  const begrepp = existsSync(join(dir, 'begrepp.yaml')) ? parse(readFileSync(join(dir, 'begrepp.yaml'), 'utf8')) : {};
  return { steg, begrepp };
}

export function loadMethod(): Method {
  if (cache) return cache;
  const built = join(packageRoot(), 'dist', 'content.json');
  cache = existsSync(built) ? JSON.parse(readFileSync(built, 'utf8')) : compileContent(packageRoot());
  return cache!;
}
