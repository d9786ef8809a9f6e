// The project schema beside the project file, so that the file's yaml-language-server line
// ("$schema=projekt.schema.json") works from the file's own folder — in a git repository, a shared
// folder or a zip sent by mail — and not only where fsstöd happens to be installed. init writes
// the copy, migrera keeps it current; a file of that name that is not fsstöd's is left alone.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fromRoot } from '../paths.js';
import { writeAtomic } from './save.js';

export const SCHEMA_FILE = 'projekt.schema.json';
/** The line a project file starts with. */
export const SCHEMA_LINE = `# yaml-language-server: $schema=${SCHEMA_FILE}`;
const MODELINE = /^# yaml-language-server: \$schema=(.*)$/m;

export type CopyState = 'skapad' | 'uppdaterad' | 'oförändrad' | 'främmande';

/** Writes (or brings up to date) the schema copy in the project file's folder. */
export function writeSchemaCopy(projectFile: string): { path: string; state: CopyState } {
  const path = join(dirname(projectFile), SCHEMA_FILE);
  const ours = readFileSync(fromRoot('schemas', SCHEMA_FILE));
  if (!existsSync(path)) {
    writeAtomic(path, ours);
    return { path, state: 'skapad' };
  }
  const there = readFileSync(path);
  if (there.equals(ours)) return { path, state: 'oförändrad' };
  if (!isFsstodSchema(there)) return { path, state: 'främmande' };
  writeAtomic(path, ours);
  return { path, state: 'uppdaterad' };
}

function isFsstodSchema(bytes: Buffer): boolean {
  try {
    const id = (JSON.parse(bytes.toString('utf8')) as { $id?: unknown }).$id;
    return typeof id === 'string' && id.startsWith('https://fsstod.se/schemas/projekt/');
  } catch {
    return false;
  }
}

/**
 * The text with its schema line pointing at the copy beside it (undefined: nothing to change).
 * Only a line an earlier init wrote into an installation (schemas/ under node_modules) or one
 * that leads nowhere is changed; a line the user pointed at a schema that exists is theirs.
 */
export function withLocalSchemaLine(text: string, projectFile: string): string | undefined {
  const m = MODELINE.exec(text);
  const ref = m?.[1]?.trim();
  if (!m || !ref || ref === SCHEMA_FILE || /^[a-z]+:\/\//i.test(ref)) return undefined;
  if (!/(^|\/)schemas\/projekt\.schema\.json$/.test(ref)) return undefined;
  const target = resolve(dirname(projectFile), ref);
  if (existsSync(target) && !/[\\/]node_modules[\\/]/.test(target)) return undefined;
  return text.slice(0, m.index) + SCHEMA_LINE + text.slice(m.index + m[0].length);
}
