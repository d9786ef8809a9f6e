// fsstöd check: is the plan complete and sound? A CI gate in the manner of ESLint and Spectral.
// Exit 0 when nothing is at or above --fail-severity, 1 when something is, 2 when check could
// not do its job: bad flags or config, no files matched, or a file that cannot be read as a
// project file (the other files are still checked and reported).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { IO } from '../io.js';
import { UsageError, formatLocation } from '../errors.js';
import { fromRoot } from '../paths.js';
import { loadConfig } from '../check/config.js';
import { summarize } from '../check/engine.js';
import { checkFiles } from '../check/parallel.js';
import { expandFiles } from '../check/files.js';
import { FORMATTERS } from '../check/formatters/index.js';
import { methodView } from '../check/method.js';
import { FIL_RULE, RULES } from '../check/rules/index.js';
import { flagScope, parseDokument, parseSteg } from '../check/scope.js';
import { SEVERITY_RANK, type Report, type Severity } from '../check/types.js';

declare const VERSION: string;

export interface CheckOptions {
  filer: string[];
  format?: string;
  failSeverity?: string;
  for?: string;
  steg?: string;
  konfig?: string;
}

export async function check(o: CheckOptions, io: IO): Promise<number> {
  const format = o.format ?? 'text';
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`okänt format "${format}"`, undefined, `Välj ett av: ${Object.keys(FORMATTERS).join(', ')}.`);
  const failSeverity = (o.failSeverity ?? 'error') as Severity;
  if (!(failSeverity in SEVERITY_RANK)) throw new UsageError(`okänd nivå för --fail-severity: "${o.failSeverity}"`, undefined, 'Välj error, warning eller info.');
  const method = methodView();
  const dokument = parseDokument(o.for);
  const steg = parseSteg(o.steg, method);
  const config = loadConfig(o.konfig, RULES.map((r) => r.id));
  const files = await expandFiles(o.filer?.length ? o.filer : ['projekt.yaml']);
  const scope = flagScope(method, dokument, steg);

  const filer = await checkFiles(files, { config, dokument, steg: scope.steg, grund: scope.grund }, io.env);
  const summary = summarize(filer, failSeverity);
  const report: Report = {
    verktyg: { namn: 'fsstöd', version: typeof VERSION === 'string' ? VERSION : '0.0.0' },
    scope: { ...(dokument ? { dokument } : {}), ...(steg !== undefined ? { steg } : {}), ...(config.fil ? { konfig: config.fil } : {}) },
    regler: [...RULES, FIL_RULE],
    filer,
    summary,
  };
  // A file that could not be read is told on stderr too, in the same words as every other
  // command, so that a person reading a CI log sees it whatever the format.
  for (const f of filer) {
    if (f.läst) continue;
    const x = f.findings[0]!;
    const where = formatLocation({ file: x.file, line: x.line, col: x.col });
    io.err(`${where}: fel: ${x.message}${x.hint ? `\n  → ${x.hint}` : ''}\n`);
  }
  for (const f of filer) {
    for (const x of f.findings) if (f.regler.find((r) => r.id === x.rule)?.fel) io.err(`${x.file}: fel: ${x.rule}: ${x.message}\n`);
  }
  io.out(formatter(report, {
    color: io.color,
    cwd: process.cwd(),
    docsUri: (docs) => pathToFileURL(fromRoot(docs)).href,
    docsText: (docs) => (existsSync(fromRoot(docs)) ? readFileSync(fromRoot(docs), 'utf8') : undefined),
  }));
  return summary.exitkod;
}
