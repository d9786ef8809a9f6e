// fsstöd validate: schema and reference errors with file:line:column. Exit 0 valid, 1 invalid,
// 2 could not read.
import type { IO } from '../io.js';
import { jsonText } from '../terminal-safe.js';
import { loadProject } from '../project/load.js';
import { validateProject } from '../project/validate.js';

export interface ValidateOptions {
  fil: string;
  json?: boolean;
}

export async function validate(opts: ValidateOptions, io: IO): Promise<number> {
  const p = loadProject(opts.fil);
  const problems = validateProject(p);
  if (opts.json) {
    io.out(jsonText({
      fil: p.display,
      giltig: problems.length === 0,
      fel: problems.map((x) => ({ regel: x.rule, meddelande: x.message, rad: x.line, kolumn: x.col, sökväg: x.path })),
    }));
    return problems.length ? 1 : 0;
  }
  if (problems.length === 0) {
    io.out(`✓ ${p.display} är giltig (schema och id-hänvisningar)\n`);
    return 0;
  }
  for (const x of problems) io.out(`${p.display}:${x.line}:${x.col}: fel: ${x.message}\n`);
  io.out(`\n${problems.length} fel i ${p.display}. Rätta filen i en editor, eller kör fsstöd step <nr> för att svara om.\n`);
  return 1;
}
