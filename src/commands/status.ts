// fsstöd status: how much of each step is answered — progress bars for one file, a table with
// one row per kommun for several (what a länsstyrelse wants), or JSON.
import { Chalk } from 'chalk';
import type { IO } from '../io.js';
import { jsonText } from '../terminal-safe.js';
import { FsstodError, formatError } from '../errors.js';
import { loadProject } from '../project/load.js';
import { validateProject } from '../project/validate.js';
import { judgeProject, percent as pct, projectShare, type StepJudgement as StepProgress } from '../judge/index.js';
import { loadMethod } from '../content/load.js';
import type { Project } from '../project/types.js';

export interface StatusOptions {
  filer: string[];
  json?: boolean;
}

interface FileStatus {
  fil: string;
  projekt?: string;
  kommuner?: { kod: string; namn: string; län?: string }[];
  fel?: string;
  valideringsfel?: number;
  steg?: StepProgress[];
}


function bar(a: number, b: number, width = 10): string {
  const filled = b === 0 ? 0 : Math.round((width * a) / b);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function readOne(fil: string): FileStatus {
  try {
    const p = loadProject(fil);
    const data = p.data as unknown as Project;
    const problems = validateProject(p);
    const method = loadMethod();
    return {
      fil: p.display,
      projekt: typeof data.projekt?.namn === 'string' ? data.projekt.namn : undefined,
      kommuner: Array.isArray(data.projekt?.kommuner) ? data.projekt.kommuner.map((k) => ({ kod: String(k?.kod ?? ''), namn: String(k?.namn ?? ''), län: k?.län })) : [],
      valideringsfel: problems.length,
      steg: judgeProject(p.data, method.steg),
    };
  } catch (e) {
    if (e instanceof FsstodError) return { fil, fel: formatError(e) };
    throw e;
  }
}

const kommunLabel = (f: FileStatus) =>
  f.kommuner?.length ? f.kommuner.map((k) => k.namn).join(', ') + (f.kommuner.length > 1 ? ' (samverkan)' : ` (${f.kommuner[0]!.kod})`) : f.fil;

export async function status(opts: StatusOptions, io: IO): Promise<number> {
  const files = opts.filer.map(readOne);
  const failed = files.some((f) => f.fel);
  if (opts.json) {
    io.out(jsonText({
      filer: files.map((f) => f.fel ? { fil: f.fil, fel: f.fel } : {
        fil: f.fil, projekt: f.projekt, kommuner: f.kommuner, valideringsfel: f.valideringsfel,
        andel: projectShare(f.steg!),
        steg: f.steg!.map((s) => ({
          nummer: s.nummer, titel: s.titel, andel: s.andel,
          moment: { besvarade: s.momentBesvarade, totalt: s.momentTotalt, per_moment: s.moment.filter((m) => m.nummer).map((m) => ({ nummer: m.nummer, titel: m.titel, besvarade: m.besvarade, totalt: m.totalt })) },
          checklista: { besvarade: s.checklista.besvarade, totalt: s.checklista.totalt },
        })),
      }),
    }));
    return failed ? 2 : 0;
  }
  if (files.length === 1 && files[0]!.fel) {
    io.err(files[0]!.fel + '\n');
    return 2;
  }
  const c = new Chalk({ level: io.color ? 1 : 0 });
  const colour = (p: number, s: string) => (p === 100 ? c.green(s) : p === 0 ? c.dim(s) : c.yellow(s));
  if (files.length === 1 && !files[0]!.fel) {
    const f = files[0]!;
    io.out(`${c.bold(f.projekt ?? kommunLabel(f))}\n${kommunLabel(f)} – ${f.fil}\n\n`);
    const w = Math.max(...f.steg!.map((s) => `${s.nummer} ${s.titel}`.length));
    io.out(`  ${'Steg'.padEnd(w)}   ${'Moment och frågor'.padEnd(22)}   Checklista\n`);
    for (const s of f.steg!) {
      // The step's share, moments and checklist together: the same number as in the table.
      const mp = s.andel;
      const cp = pct(s.checklista.besvarade, s.checklista.totalt);
      io.out(`  ${`${s.nummer} ${s.titel}`.padEnd(w)}   ${colour(mp, bar(s.momentBesvarade, s.momentTotalt))} ${`${mp} %`.padStart(5)} ${`${s.momentBesvarade}/${s.momentTotalt}`.padStart(5)}   ${colour(cp, bar(s.checklista.besvarade, s.checklista.totalt))} ${`${s.checklista.besvarade}/${s.checklista.totalt}`.padStart(5)}\n`);
    }
    if (f.valideringsfel) io.out(`\n${c.red(`${f.valideringsfel} valideringsfel`)} – se dem med: fsstöd validate ${f.fil}\n`);
    const next = f.steg!.find((s) => s.andel < 100);
    io.out(next ? `\nNästa: fsstöd step ${next.nummer} ${f.fil === 'projekt.yaml' ? '' : f.fil}`.trimEnd() + '\n' : '\nAlla steg är besvarade.\n');
    return 0;
  }
  // Several files: one row per kommun.
  const rows = files.map((f) => {
    if (f.fel) return { label: f.fil, cells: [] as string[], total: '', fel: f.fel, län: '' };
    return { label: kommunLabel(f), län: f.kommuner?.[0]?.län ?? '', cells: f.steg!.map((s) => `${s.andel} %`), total: `${projectShare(f.steg!)} %`, fel: f.valideringsfel ? `${f.valideringsfel} valideringsfel` : '' };
  });
  const lw = Math.max(6, ...rows.map((r) => r.label.length));
  const länw = Math.max(3, ...rows.map((r) => r.län.length));
  const steps = files.find((f) => f.steg)?.steg?.length ?? 6;
  io.out(`${'Kommun'.padEnd(lw)}  ${'Län'.padEnd(länw)}  ${Array.from({ length: steps }, (_, i) => `Steg ${i + 1}`.padStart(7)).join(' ')}   Totalt\n`);
  for (const r of rows) {
    if (!r.cells.length) { io.out(`${c.red(r.fel)}\n`); continue; }
    io.out(`${r.label.padEnd(lw)}  ${r.län.padEnd(länw)}  ${r.cells.map((x) => colour(parseInt(x, 10), x.padStart(7))).join(' ')}   ${r.total.padStart(6)}${r.fel ? '  ' + c.red(r.fel) : ''}\n`);
  }
  io.out(`\n${files.length} filer${failed ? `, ${files.filter((f) => f.fel).length} kunde inte läsas` : ''}.\n`);
  return failed ? 2 : 0;
}
