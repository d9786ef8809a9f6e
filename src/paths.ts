// Where the package's own files are (content/, schemas/, templates/, data/), found from this
// module's location so that it works from src/ (tests), dist/ and dist/chunks/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schemas'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('fsstöd: hittar inte paketets rotmapp');
    dir = up;
  }
  return (root = dir);
}

export const fromRoot = (...parts: string[]) => join(packageRoot(), ...parts);
