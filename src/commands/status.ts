// fsstöd status: how much of each step is answered — progress bars for one file, a table with
// one row per kommun for several (what a länsstyrelse wants), or JSON.
import { Chalk } from 'chalk';
import type { IO } from '../io.js';
import { fixCommand } from '../content/paths.js';
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
  kommuner?: { kod: string; namn: string; län?: string; roll?: string }[];
  /** A samverkan's own name and organisation (projekt.samverkan), when the file gives them. */
  samverkan?: { namn?: string; organisation?: string };
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
      kommuner: Array.isArray(data.projekt?.kommuner) ? data.projekt.kommuner.map((k) => ({ kod: String(k?.kod ?? ''), namn: String(k?.namn ?? ''), län: k?.län, ...(typeof k?.roll === 'string' ? { roll: k.roll } : {}) })) : [],
      ...(samverkanOf(data) ? { samverkan: samverkanOf(data) } : {}),
      valideringsfel: problems.length,
      steg: judgeProject(p.data, method.steg),
    };
  } catch (e) {
    if (e instanceof FsstodError) return { fil, fel: formatError(e) };
    throw e;
  }
}

function samverkanOf(data: Project): FileStatus['samverkan'] {
  const s = data.projekt?.samverkan;
  if (!s || typeof s !== 'object') return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const out = { ...(text(s.namn) ? { namn: text(s.namn) } : {}), ...(text(s.organisation) ? { organisation: text(s.organisation) } : {}) };
  return Object.keys(out).length ? out : undefined;
}

const isSamverkan = (f: FileStatus) => (f.kommuner?.length ?? 0) > 1 || Boolean(f.samverkan);

const kommunLabel = (f: FileStatus) =>
  !f.kommuner?.length ? f.samverkan?.namn ?? f.fil
    : isSamverkan(f) ? `${f.samverkan?.namn ?? f.kommuner.map((k) => k.namn).join(', ')} (samverkan)`
      : `${f.kommuner[0]!.namn} (${f.kommuner[0]!.kod})`;

/** A samverkan's member kommuner, one line each: "Hjo (1427), huvudkommun". */
const members = (f: FileStatus) => (isSamverkan(f) ? f.kommuner ?? [] : []).map((k) => `${k.namn}${k.kod ? ` (${k.kod})` : ''}${k.roll ? `, ${k.roll}` : ''}`);

export async function status(opts: StatusOptions, io: IO): Promise<number> {
  const files = opts.filer.map(readOne);
  const failed = files.some((f) => f.fel);
  if (opts.json) {
    io.out(jsonText({
      filer: files.map((f) => f.fel ? { fil: f.fil, fel: f.fel } : {
        fil: f.fil, projekt: f.projekt, kommuner: f.kommuner, ...(f.samverkan ? { samverkan: f.samverkan } : {}), valideringsfel: f.valideringsfel,
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
    io.out(`${c.bold(f.projekt ?? kommunLabel(f))}\n${kommunLabel(f)}${f.samverkan?.organisation ? `, ${f.samverkan.organisation}` : ''} – ${f.fil}\n`);
    for (const m of members(f)) io.out(`  ${m}\n`);
    io.out('\n');
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
    if (!next) io.out('\nAlla steg är besvarade.\n');
    else {
      // Where to continue: the step's first moment not answered in full, else its checklist.
      const m = next.moment.find((x) => x.besvarade < x.totalt);
      const place = m?.nummer ? { steg: next.nummer, moment: m.nummer } : m ? { steg: next.nummer } : { steg: next.nummer, checklista: true as const };
      const where = m?.nummer ? `moment ${m.nummer} ${m.titel}` : m ? `steg ${next.nummer}s genomgående frågor` : `checklistan för steg ${next.nummer}`;
      io.out(`\nFortsätt med ${where}: ${fixCommand(place, f.fil)}\n`);
    }
    return 0;
  }
  // Several files: one row per kommun.
  const rows = files.map((f) => {
    if (f.fel) return { label: f.fil, cells: [] as string[], total: '', fel: f.fel, län: '', members: [] as string[] };
    // A samverkan's län: the huvudkommun's, else the first kommun's.
    const län = (f.kommuner?.find((k) => k.roll === 'huvudkommun') ?? f.kommuner?.[0])?.län ?? '';
    return { label: kommunLabel(f), län, cells: f.steg!.map((s) => `${s.andel} %`), total: `${projectShare(f.steg!)} %`, fel: f.valideringsfel ? `${f.valideringsfel} valideringsfel` : '', members: members(f) };
  });
  const lw = Math.max(6, ...rows.map((r) => r.label.length));
  const länw = Math.max(3, ...rows.map((r) => r.län.length));
  const steps = files.find((f) => f.steg)?.steg?.length ?? 6;
  io.out(`${'Kommun'.padEnd(lw)}  ${'Län'.padEnd(länw)}  ${Array.from({ length: steps }, (_, i) => `Steg ${i + 1}`.padStart(7)).join(' ')}   Totalt\n`);
  for (const r of rows) {
    if (!r.cells.length) { io.out(`${c.red(r.fel)}\n`); continue; }
    io.out(`${r.label.padEnd(lw)}  ${r.län.padEnd(länw)}  ${r.cells.map((x) => colour(parseInt(x, 10), x.padStart(7))).join(' ')}   ${r.total.padStart(6)}${r.fel ? '  ' + c.red(r.fel) : ''}\n`);
    // A samverkan's kommuner under its row, each with its role.
    for (const m of r.members) io.out(`  ${c.dim(m)}\n`);
  }
  io.out(`\n${files.length} filer${failed ? `, ${files.filter((f) => f.fel).length} kunde inte läsas` : ''}.\n`);
  return failed ? 2 : 0;
}
