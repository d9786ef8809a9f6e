// A library's private shape that fsstöd relies on is missing: the installed version is not the
// one the adapter was written for. Raised by the adapters (docx/adapter.ts, pdf/adapter.ts), and
// named by their contract tests, so that an upgrade fails a test and not a user's render.
import { createRequire } from 'node:module';
import { FsstodError } from '../errors.js';

/** The installed version of a package, or "okänd" when its package.json cannot be read. */
export function installedVersion(pkg: string): string {
  try {
    const req = createRequire(import.meta.url);
    let dir = req.resolve(pkg);
    // Walk up from the entry to the package's own package.json (its exports may not list it).
    for (let i = 0; i < 6; i++) {
      dir = dir.slice(0, dir.lastIndexOf('/'));
      try {
        const j = req(`${dir}/package.json`) as { name?: string; version?: string };
        if (j.name === pkg) return j.version ?? 'okänd';
      } catch { /* not here */ }
    }
  } catch { /* not resolvable */ }
  return 'okänd';
}

export class LibraryShapeError extends FsstodError {
  override name = 'LibraryShapeError';
  constructor(pkg: string, testedWith: string, what: string) {
    super(`internt fel: ${pkg} ${installedVersion(pkg)} saknar ${what}, som fsstöd använder (provat med ${pkg} ${testedWith})`, undefined,
      `Installera om fsstöd (npm ci) så att ${pkg} ${testedWith} används, eller rapportera felet.`);
  }
}
