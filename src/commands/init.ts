// fsstöd init: scaffolds a commented, valid project file for one kommun or a samverkan.
// Every choice has a flag; without a terminal and without --kommun it stops with exit 2.
import { closeSync, existsSync, linkSync, openSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { dirname, relative, resolve, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseDocument } from 'yaml';
import type { IO } from '../io.js';
import { AbortedError, InputError, NoTerminalError, UsageError } from '../errors.js';
import { CURRENT_FORMAT } from '../project/migrate.js';
import { findKommuner, allKommuner, genitive, ownLänFirst, type Kommun } from '../kommuner.js';
import { displayPath } from '../project/load.js';
import { SCHEMA_FILE, writeSchemaCopy } from '../project/schema-copy.js';
import { joinSv } from '../text.js';

export interface InitOptions {
  fil: string;
  kommun?: string[];
  namn?: string;
  period?: string;
}

function pickOne(query: string): Kommun {
  const hits = findKommuner(query);
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) throw new UsageError(`ingen kommun matchar "${query}"`, undefined, 'Skriv kommunens namn (t.ex. --kommun Örebro) eller fyrsiffriga kommunkod (t.ex. --kommun 1880).');
  throw new UsageError(`"${query}" passar ${hits.length} kommuner: ${hits.slice(0, 8).map((k) => `${k.namn} (${k.kod})`).join(', ')}${hits.length > 8 ? ' …' : ''}`, undefined, 'Skriv hela namnet eller kommunkoden.');
}

function parsePeriod(s: string | undefined, now: Date): { från: number; till: number } {
  if (!s) return { från: now.getFullYear(), till: now.getFullYear() + 3 };
  const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(s);
  if (!m || Number(m[1]) > Number(m[2])) throw new UsageError(`ogiltig period "${s}"`, undefined, 'Ange två årtal, t.ex. --period 2026-2029.');
  return { från: Number(m[1]), till: Number(m[2]) };
}


export function defaultName(kommuner: Kommun[]): string {
  if (kommuner.length === 1) return `Föräldraskapsstöd i ${genitive(kommuner[0]!.namn)} kommun`;
  const names = kommuner.map((k) => k.namn);
  return `Föräldraskapsstöd i samverkan: ${joinSv(names)}`;
}

const q = (s: string) => JSON.stringify(s);

/** The text of a new project file. Comments explain each part; later steps are listed, not stubbed. */
export function projectText(kommuner: Kommun[], namn: string, period: { från: number; till: number }, schemaRef: string): string {
  const who = kommuner.length === 1 ? `${genitive(kommuner[0]!.namn)} kommun` : kommuner.map((k) => k.namn).join(', ') + ' (samverkan)';
  const lines = [
    `# yaml-language-server: $schema=${schemaRef}`,
    '#',
    `# Projektfil för föräldraskapsstöd i ${who}, enligt Länsstyrelsernas metodstöd`,
    '# "Att lyckas med föräldraskapsstödjande arbete – Ett metodstöd för kommuner" (2023:5).',
    '#',
    '# Fyll i filen steg för steg, så sparas varje svar här:',
    '#   fsstöd step 1    Förankra och mobilisera          (förankring:)',
    '#   fsstöd step 2    Skapa en organisation            (organisation:)',
    '#   fsstöd step 3    Analysera behov och förutsättningar (analys:)',
    '#   fsstöd step 4    Planera                          (handlingsplan:, beslut:)',
    '#   fsstöd step 5    Genomföra                        (genomförande:)',
    '#   fsstöd step 6    Följa upp, utvärdera, anpassa och sprida (uppföljning:)',
    '# Du kan också redigera filen direkt. Kontrollera den med "fsstöd validate" och se läget',
    '# med "fsstöd status". Skriv aldrig personnummer eller känsliga personuppgifter här:',
    '# dokumenten som skapas ur filen blir allmänna handlingar.',
    '',
    `formatversion: ${CURRENT_FORMAT}`,
    '',
    'projekt:',
    '  # Visas på dokumentens försättsblad.',
    `  namn: ${q(namn)}`,
    kommuner.length === 1 ? '  # Kommunen (SCB:s kommunkod och län).' : '  # Kommunerna som samverkar (SCB:s kommunkoder och län).',
    '  kommuner:',
    ...(kommuner.length > 1 ? ['  # Den första är huvudkommun (sökande); ändra roll om en annan är det.'] : []),
    ...kommuner.flatMap((k, i) => [`    - kod: ${q(k.kod)}`, `      namn: ${q(k.namn)}`, `      länskod: ${q(k.länskod)}`, `      län: ${q(k.län)}`,
      ...(kommuner.length > 1 ? [`      roll: ${i === 0 ? 'huvudkommun' : 'samverkande'}`] : [])]),
    '  # Planperiodens första och sista år.',
    '  period:',
    `    från: ${period.från}`,
    `    till: ${period.till}`,
    '  # Dokumentversion: räkna upp när en ny version går på remiss eller till beslut.',
    '  version: "0.1"',
    '',
  ];
  return lines.join('\n');
}

/** Creates `file` with `text`, failing if it exists (even if created meanwhile): link() never overwrites. */
function createExclusive(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(tmp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError('filen finns redan och skrivs inte över', { file: displayPath(file) }, 'Välj ett annat filnamn: fsstöd init <fil>, eller fortsätt i den befintliga med fsstöd step 1.');
    if (code === 'ENOENT') throw new InputError('mappen finns inte', { file: displayPath(file) });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new InputError('mappen är skrivskyddad', { file: displayPath(file) });
    throw new InputError(`filen kunde inte skapas (${code ?? (e as Error).message})`, { file: displayPath(file) });
  } finally {
    try { unlinkSync(tmp); } catch { /* not created */ }
  }
}

/** Ctrl-C during init's questions: nothing was written, and saying so is the whole message. */
function notCreated(e: unknown): never {
  if (e instanceof AbortedError) throw new AbortedError('Avbrutet. Ingen projektfil skapades.');
  throw e;
}

export async function init(opts: InitOptions, io: IO, now = new Date()): Promise<number> {
  const file = resolve(opts.fil);
  if (existsSync(file)) {
    throw new InputError('filen finns redan och skrivs inte över', { file: displayPath(file) }, 'Välj ett annat filnamn: fsstöd init <fil>, eller fortsätt i den befintliga med fsstöd step 1.');
  }
  let kommuner: Kommun[];
  let namn = opts.namn;
  let period = parsePeriod(opts.period, now);
  if (opts.kommun?.length) {
    kommuner = opts.kommun.map(pickOne);
  } else {
    if (!io.stdinIsTTY) {
      throw new NoTerminalError('ingen kommun angiven och ingen terminal att fråga i', undefined, 'Ange kommunen med en flagga: fsstöd init --kommun Örebro (flera: --kommun Hjo,Tidaholm).');
    }
    const ask = await import('../interview/ask.js');
    kommuner = [];
    const source = (term: string) =>
      ownLänFirst(term ? findKommuner(term) : allKommuner(), kommuner[0]?.länskod)
        .filter((k) => !kommuner.includes(k))
        .slice(0, 30)
        .map((k) => ({ name: `${k.namn} (${k.kod}, ${k.län})`, value: k }));
    io.out('Skapa en projektfil för föräldraskapsstöd. Skriv en del av kommunens namn och välj med piltangenterna.\n');
    try {
      kommuner.push(await ask.askSearch('Kommun:', source));
      while (await ask.askConfirm('Samverkar ni med fler kommuner i samma plan?', false)) {
        kommuner.push(await ask.askSearch('Kommun som samverkar:', source));
      }
      namn = await ask.askInput('Projektets namn:', namn ?? defaultName(kommuner), (v) => (v.trim() ? true : 'Skriv ett namn.'));
      const p = await ask.askInput('Planperiod (år-år):', opts.period ?? `${period.från}-${period.till}`, (v) => {
        try { parsePeriod(v, now); return true; } catch { return 'Skriv två årtal, t.ex. 2026-2029.'; }
      });
      period = parsePeriod(p, now);
    } catch (e) {
      notCreated(e);
    }
  }
  const unique = [...new Map(kommuner.map((k) => [k.kod, k])).values()];
  const text = projectText(unique, namn?.trim() || defaultName(unique), period, SCHEMA_FILE);
  // Guard: the scaffold must itself parse (a template bug must not produce a broken file).
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw new Error(`init skapade ogiltig YAML: ${doc.errors[0]!.message}`);
  createExclusive(file, text);
  const shown = displayPath(file);
  const copy = writeSchemaCopy(file);
  io.out(`✓ Skapade ${shown} för ${unique.map((k) => `${k.namn} (${k.kod})`).join(', ')}.\n`);
  if (copy.state === 'skapad') io.out(`  ${displayPath(copy.path)}: schemat bredvid filen, så att editorer (t.ex. VS Code med YAML-tillägget) kan hjälpa till.\n`);
  if (copy.state === 'främmande') io.err(`varning: ${displayPath(copy.path)} finns redan och är inte fsstöds schema; den lämnas orörd, så editorns hjälp pekar på fel schema.\n`);
  io.out(`  Nästa steg: fsstöd step 1 ${shown === 'projekt.yaml' ? '' : shown}`.trimEnd() + '\n');
  return 0;
}
