// fsstöd step N [fil]: the interview for one step of the method, every answer saved at once.
// Without a terminal it never waits: answers come from --svar, or it stops with exit 2.
import { Chalk } from 'chalk';
import type { IO } from '../io.js';
import { AbortedError, NoTerminalError, UsageError, formatLocation } from '../errors.js';
import { loadProject } from '../project/load.js';
import { asCurrentText } from '../project/migrate-text.js';
import { CURRENT_FORMAT } from '../project/migrate.js';
import { loadMethod } from '../content/load.js';
import { Session } from '../interview/session.js';
import { runStep, summary } from '../interview/run.js';
import { applySvar, SvarError, type SvarSummary } from '../interview/svar.js';
import { termWidth } from '../interview/text.js';
import type { Asker } from '../interview/asker.js';
import { whileInteractive } from '../interview/terminal.js';

export interface StepOptions {
  steg: string;
  fil: string;
  moment?: string;
  checklista?: boolean;
  baraTomma?: boolean;
  svar?: string;
}

const DEFAULT_FILE = 'projekt.yaml';

/** `asker` replaces the terminal prompts (tests). */
export async function step(o: StepOptions, io: IO, asker?: Asker): Promise<number> {
  if (!/^[1-6]$/.test(String(o.steg).trim())) {
    throw new UsageError(`"${o.steg}" är inget steg; metoden har steg 1–6`, undefined, 'Till exempel: fsstöd step 3');
  }
  const n = Number(o.steg);
  if (o.svar && (o.moment || o.checklista || o.baraTomma)) {
    throw new UsageError('--svar kan inte kombineras med --moment, --checklista eller --bara-tomma', undefined, `Svarsfilen avgör vilka svar som sparas: fsstöd step ${n} --svar <fil>`);
  }
  if (o.moment && o.checklista) throw new UsageError('välj antingen --moment eller --checklista');
  const method = loadMethod();
  const st = method.steg[n - 1]!;
  if (o.moment && !st.moment.some((m) => m.nummer === o.moment)) {
    throw new UsageError(`steg ${n} har inget moment ${o.moment}`, undefined, `Momenten i steg ${n}: ${st.moment.map((m) => m.nummer).join(', ')}`);
  }
  const fileArg = o.fil && o.fil !== DEFAULT_FILE ? o.fil : '';
  if (!o.svar && !asker && !io.stdinIsTTY) {
    throw new NoTerminalError('ingen terminal att ställa frågorna i (standard in är inte en terminal), och inga svar angivna', undefined,
      `Ta stegets svar från en fil: fsstöd step ${n}${fileArg ? ` ${fileArg}` : ''} --svar svar.yaml (se docs/svar.md), eller redigera ${o.fil || DEFAULT_FILE} direkt och kontrollera den med fsstöd validate.`);
  }
  // A file of an older formatversion is answered in, and saved as, the current one.
  const p = asCurrentText(loadProject(o.fil || DEFAULT_FILE));
  const session = new Session(p);
  // The loader's notice (stderr) says the file is read as the current version; the first
  // save says that it is also written so.
  session.onFormatUpgrade = () => io.out(`Obs: ${p.display} sparas i formatversion ${CURRENT_FORMAT} (samma innehåll; se fsstöd migrera ${p.display} --torrkörning).\n`);
  const c = new Chalk({ level: io.color ? 1 : 0 });

  if (o.svar) {
    try {
      const r = applySvar(session, st, o.svar);
      io.out(r.edits ? `✓ Sparade svaren från ${o.svar} i ${p.display}: ${svarCounts(r)}.\n`
        : r.answered ? `Svaren i ${o.svar} stod redan i ${p.display}; inget ändrades.\n`
        : `Svarsfilen ${o.svar} innehöll inga svar för steg ${n}; inget ändrades.\n`);
      if (r.references.length) {
        io.out(`  Hänvisningarna till det borttagna togs också bort (${r.references.length} st):\n`);
        for (const w of r.references.slice(0, 8)) io.out(`    ${w}\n`);
        if (r.references.length > 8) io.out(`    … och ${r.references.length - 8} till\n`);
      }
    } catch (e) {
      if (e instanceof SvarError) {
        for (const pr of e.problems) io.err(`${formatLocation({ file: pr.file, line: pr.line, col: pr.col })}: fel: ${pr.message}\n`);
      }
      throw e;
    }
    io.out(summary(session.data, st, fileArg, 100));
    return 0;
  }

  const ask = asker ?? (await import('../interview/ask.js')).asker;
  if (session.knownProblems) {
    io.out(c.yellow(`Obs: ${p.display} har ${session.knownProblems} fel sedan tidigare (se fsstöd validate ${fileArg}`.trimEnd() + '). De hindrar inte intervjun, men varje nytt svar kontrolleras.') + '\n\n');
  }
  const width = termWidth();
  const release = asker ? () => {} : whileInteractive();
  try {
    await runStep({ session, ask, out: io.out, c, begrepp: method.begrepp, baraTomma: Boolean(o.baraTomma), width }, st, method.steg.length, { moment: o.moment, checklista: o.checklista });
  } catch (e) {
    if (e instanceof AbortedError) {
      throw new AbortedError(session.stats.saves ? `Avbrutet. Allt du har svarat är sparat i ${p.display}.` : `Avbrutet. Inget hade ändrats i ${p.display}.`, undefined,
        `Fortsätt där du slutade: fsstöd step ${n}${fileArg ? ` ${fileArg}` : ''} --bara-tomma`);
    }
    throw e;
  } finally {
    release();
  }
  io.out(summary(session.data, st, fileArg, width));
  return 0;
}

/** "1 tillagd (AR4), 2 ändrade, 0 borttagna": what an answers file did, item by item. */
function svarCounts(r: SvarSummary): string {
  const part = (items: string[] | number, one: string, many: string) => {
    const n = typeof items === 'number' ? items : items.length;
    const which = typeof items === 'number' || !n ? '' : ` (${items.length > 6 ? `${items.slice(0, 6).join(', ')} …` : items.join(', ')})`;
    return `${n} ${n === 1 ? one : many}${which}`;
  };
  return [part(r.added, 'tillagd', 'tillagda'), part(r.changed, 'ändrad', 'ändrade'), part(r.removed, 'borttagen', 'borttagna')].join(', ');
}
