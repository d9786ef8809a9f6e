// The files to check: literal paths as given, directories as every YAML file below them, and
// glob patterns (tinyglobby) in sorted order. A pattern that matches nothing stops check (exit
// 2), as in ESLint: a CI job whose glob matches nothing would otherwise pass without checking.
// In a directory, a kommun's graphic profile (render --profil's profil.yaml, as in
// examples/profil) is not a project file: it is passed over, with a notice.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { notice } from '../notices.js';
import { isProfileFile } from '../render/profil-file.js';

const MAGIC = /[*?[\]{}!]/;

/** A profile (render/profil-file.ts), told about once. */
function isProfile(abs: string, shown: string): boolean {
  if (!isProfileFile(abs)) return false;
  notice(`profil:${abs}`, shown, 'en kommuns grafiska profil (profil.yaml), ingen projektfil: hoppas över', 'Profilen används med fsstöd render --profil <mapp>; ange projektfilerna eller deras mapp.');
  return true;
}

export async function expandFiles(args: string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (f: string) => {
    const abs = resolve(cwd, f);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push(f);
  };
  const unmatched: string[] = [];
  let glob: typeof import('tinyglobby').glob | undefined;
  for (const arg of args) {
    let isDir = false;
    try { isDir = statSync(resolve(cwd, arg)).isDirectory(); } catch { /* not there: a pattern or a missing file */ }
    if (!isDir && !MAGIC.test(arg)) { push(arg); continue; }
    glob ??= (await import('tinyglobby')).glob;
    const pattern = isDir ? `${arg.replace(/\/+$/, '')}/**/*.{yaml,yml}` : arg;
    let found = (await glob(pattern, { cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false })).sort();
    if (isDir) found = found.filter((f) => !isProfile(resolve(cwd, f), f));
    if (!found.length) unmatched.push(arg);
    found.forEach(push);
  }
  if (unmatched.length) {
    throw new UsageError(
      `${unmatched.length === 1 ? 'mönstret' : 'mönstren'} ${unmatched.map((u) => `"${u}"`).join(', ')} matchar inga filer`,
      undefined,
      'Kontrollera sökvägen (mönster med * behöver citattecken i skalet, t.ex. "kommuner/*.yaml").',
    );
  }
  return out;
}
