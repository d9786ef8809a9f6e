// fsstöd nyckeltal sök|hämta|importera: key figures from Kolada (RKA's open database of municipal
// key figures) into the målgruppsanalys of 3.1. sök and hämta ask Kolada's REST API v2 (internet);
// importera reads an answer saved from it (no internet). The save goes through the interview's
// Session: checked against the schema, written as line edits, locked and atomic.
import { readFileSync } from 'node:fs';
import type { IO } from '../io.js';
import { InputError, ServiceError, UsageError } from '../errors.js';
import { loadProject, displayPath } from '../project/load.js';
import { asCurrentText } from '../project/migrate-text.js';
import { Session, RejectedError } from '../interview/session.js';
import { CURRENT_FORMAT } from '../project/migrate.js';
import { clientFromEnv } from '../kolada/client.js';
import { FormatProblem, jsonErrorOffset, kindOf, readDataRow, readKpi, readPage, type DataRow, type KpiMeta } from '../kolada/format.js';
import { koladaEdits, municipalityIds, type Applied } from '../kolada/apply.js';
import type { Project } from '../project/types.js';

const DEFAULT_FILE = 'projekt.yaml';
const KPI_ID = /^[A-Za-z]\d{3,}$/;

export interface SökOptions { ord: string }
export interface HämtaOptions { argument: string[]; år?: string; torrkörning?: boolean }
export interface ImporteraOptions { svar: string; fil: string; år?: string; torrkörning?: boolean }

function parseYear(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = String(s).trim();
  if (!/^\d{4}$/.test(t) || Number(t) < 1990 || Number(t) > 2100) throw new UsageError(`--år ${JSON.stringify(t)} är inget år mellan 1990 och 2100`, undefined, 'Till exempel: --år 2024');
  return Number(t);
}

export async function sök(o: SökOptions, io: IO): Promise<number> {
  const ord = String(o.ord ?? '').trim();
  if (!ord) throw new UsageError('ange ett ord att söka efter i nyckeltalens namn', undefined, 'Till exempel: fsstöd nyckeltal sök "ekonomiskt utsatta"');
  const kolada = clientFromEnv(io.env);
  const found = await kolada.searchKpi(ord);
  if (!found.length) {
    io.out(`Inga nyckeltal i Kolada har "${ord}" i namnet.\n`);
    return 0;
  }
  io.out(`${found.length} nyckeltal i Kolada med "${ord}" i namnet (källa: Kolada):\n`);
  const w = Math.max(...found.map((k) => k.id.length));
  // The latest year: the last one riket has a value for; else what the metadata says, if anything.
  const latest = await kolada.latestYears(found.map((k) => k.id));
  for (const k of found) {
    const år = latest.get(k.id) ?? k.publPeriod;
    const senast = år ? `senaste år ${år}` : k.publicationDate ? `publicerat ${k.publicationDate.slice(0, 10)}` : 'senaste år okänt';
    const typ = k.municipalityType === 'L' ? '; bara regioner' : '';
    io.out(`  ${k.id.padEnd(w)}  ${k.title}\n  ${' '.repeat(w)}  ${k.isDividedByGender ? 'uppdelat på kön' : 'inte uppdelat på kön'}; ${senast}${typ}\n`);
  }
  io.out(`\nHämta till projektfilen: fsstöd nyckeltal hämta ${found[0]!.id} [fil]\n`);
  return 0;
}

/** `hämta <kpi-id…> [fil]`: the ids first; a last argument that is no Kolada id is the file. */
function splitArgs(args: string[]): { ids: string[]; fil: string } {
  const rest = [...args];
  const fil = rest.length && !KPI_ID.test(rest[rest.length - 1]!) ? rest.pop()! : DEFAULT_FILE;
  const bad = rest.filter((a) => !KPI_ID.test(a));
  if (bad.length) throw new UsageError(`${bad.map((b) => JSON.stringify(b)).join(', ')} är inget id för ett nyckeltal i Kolada (som N15033)`, undefined, 'Sök id med fsstöd nyckeltal sök <ord>; projektfilen anges sist: fsstöd nyckeltal hämta N15033 projekt.yaml');
  if (!rest.length) throw new UsageError('ange minst ett nyckeltals id från Kolada', undefined, 'Till exempel: fsstöd nyckeltal hämta N15033 U21468; sök id med fsstöd nyckeltal sök <ord>');
  return { ids: [...new Set(rest.map((s) => s.toUpperCase()))], fil };
}

async function today(env: NodeJS.ProcessEnv): Promise<string> {
  const { sourceDateEpoch } = await import('../render/index.js');
  return (sourceDateEpoch(env) ?? new Date()).toISOString().slice(0, 10);
}

function load(fil: string) {
  const p = asCurrentText(loadProject(fil));
  if (p.stdin) throw new UsageError('nyckeltalen sparas i projektfilen, som därför inte kan läsas från standard in (-)', { file: p.display }, 'Ange projektfilen med namn.');
  return p;
}

/** The session that saves, or none for --torrkörning; made before Kolada is asked, so that a file that cannot be saved is refused first. */
function sessionFor(p: ReturnType<typeof load>, dry: boolean | undefined, io: IO): Session | undefined {
  if (dry) return undefined;
  const s = new Session(p);
  s.onFormatUpgrade = () => io.out(`Obs: ${p.display} sparas i formatversion ${CURRENT_FORMAT} (samma innehåll; se fsstöd migrera ${p.display} --torrkörning).\n`);
  return s;
}

export async function hämta(o: HämtaOptions, io: IO): Promise<number> {
  const { ids, fil } = splitArgs(o.argument ?? []);
  const år = parseYear(o.år);
  const p = load(fil);
  const session = sessionFor(p, o.torrkörning, io);
  const data = p.data as unknown as Project;
  const kolada = clientFromEnv(io.env);
  const metas = new Map((await kolada.kpis(ids)).map((k) => [k.id.toUpperCase(), k]));
  const unknown = ids.filter((id) => !metas.has(id));
  if (unknown.length) {
    throw new ServiceError(`Kolada känner inte till ${unknown.length === 1 ? 'nyckeltalet' : 'nyckeltalen'} ${unknown.join(', ')}; inget ändrades`, { file: p.display }, 'Sök rätt id med fsstöd nyckeltal sök <ord>.');
  }
  const rows: DataRow[] = [];
  for (const id of ids) rows.push(...(await kolada.data(id, municipalityIds(data, id), år)));
  const d = await today(io.env);
  const applied = koladaEdits(data, ids, metas, rows, {
    år, origin: 'Kolada', källa: (kpi) => `Kolada (RKA), ${kpi}, hämtad ${d}`,
    hint: år !== undefined ? 'Välj ett annat år med --år, eller utan --år det senaste år Kolada har.' : 'Välj ett år med --år, eller skriv värdet för hand.',
  });
  return finish(p, session, applied, 'Kolada', io);
}

/** Line and column where the answers file stops being JSON. */
function jsonPlace(text: string): { line: number; col: number } | undefined {
  const pos = jsonErrorOffset(text);
  if (pos === undefined) return undefined;
  const before = text.slice(0, pos);
  return { line: before.split('\n').length, col: pos - before.lastIndexOf('\n') };
}

export async function importera(o: ImporteraOptions, io: IO): Promise<number> {
  const år = parseYear(o.år);
  const shown = displayPath(o.svar);
  let text: string;
  try {
    text = readFileSync(o.svar, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? 'svarsfilen finns inte' : code === 'EISDIR' ? 'svarsfilen är en mapp' : `svarsfilen kan inte läsas (${code ?? 'okänt fel'})`, { file: shown }, 'Spara svaret från Kolada (JSON) och ange filen: fsstöd nyckeltal importera svar.json');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const at = jsonPlace(text);
    throw new InputError('svarsfilen är inte giltig JSON', { file: shown, ...at }, 'Spara svaret från Kolada som det kom, utan ändringar.');
  }
  const metas = new Map<string, KpiMeta>();
  const rows: DataRow[] = [];
  const notes: string[] = [];
  const responses = Array.isArray(body) ? body : [body];
  responses.forEach((r, n) => {
    const which = Array.isArray(body) ? `svar ${n + 1} i filen: ` : '';
    try {
      const page = readPage(r);
      if (page.nextPage) notes.push(`obs: ${which}svaret har fler sidor i Kolada (next_page); bara det som står i filen läses`);
      page.values.forEach((v, i) => {
        const kind = kindOf(v);
        if (kind === 'kpi') { const k = readKpi(v, i); metas.set(k.id.toUpperCase(), k); }
        else if (kind === 'data') rows.push(readDataRow(v, i));
        else throw new FormatProblem(`post ${i + 1} i "values" är varken ett nyckeltal (id, title) eller data (kpi, municipality, period, values)`);
      });
    } catch (e) {
      if (e instanceof FormatProblem) throw new InputError(`${which}inte i Kolada-svarets dokumenterade format: ${e.message}`, { file: shown }, 'Filen ska vara ett svar från Kolada API v2 (/v2/kpi/<id> och /v2/data/kpi/<id>/municipality/<id>/year/<år>), eller en lista [svar1, svar2] av sådana.');
      throw e;
    }
  });
  const ids = [...new Set(rows.map((r) => r.kpi.toUpperCase()))];
  rows.forEach((r) => { r.kpi = r.kpi.toUpperCase(); });
  if (!ids.length) throw new InputError('svarsfilen innehåller inga värden (data), bara nyckeltalens beskrivning', { file: shown }, 'Spara också svaret från /v2/data/kpi/<id>/municipality/<kommunkod>/year/<år> i filen.');
  const p = load(o.fil || DEFAULT_FILE);
  const session = sessionFor(p, o.torrkörning, io);
  const d = await today(io.env);
  const applied = koladaEdits(p.data as unknown as Project, ids, metas, rows, {
    år, origin: shown, källa: (kpi) => `Kolada (RKA), ${kpi}, importerad ${d} från ${shown}`,
    hint: 'Spara ett svar från Kolada med det året och kommunkoden, eller välj ett annat år med --år.',
  });
  applied.notes.unshift(...notes);
  return finish(p, session, applied, shown, io);
}

/** Saves through the interview's session (schema check, line edits, lock, atomic); without one it is a dry run. */
function finish(p: ReturnType<typeof load>, session: Session | undefined, a: Applied, from: string, io: IO): number {
  const n = a.changes.filter((c) => c.kind !== 'oförändrad').length;
  const lines = a.changes.map((c) => `  ${c.line}\n`).join('') + a.notes.map((x) => `  ${x}\n`).join('');
  if (!session) {
    io.out(`${p.display}: ${n ? `${n} nyckeltal skulle läggas till eller ändras` : 'inget skulle ändras'} från ${from} (torrkörning, inget sparat):\n${lines}`);
    return 0;
  }
  if (!a.edits.length) {
    io.out(`${p.display}: nyckeltalen från ${from} stod redan i filen; inget ändrades:\n${lines}`);
    return 0;
  }
  try {
    session.apply(a.edits);
  } catch (e) {
    if (e instanceof RejectedError) {
      throw new InputError(`nyckeltalen från ${from} skulle göra projektfilen ogiltig; inget sparades: ${e.problems.map((x) => x.message).join('; ')}`, { file: p.display }, 'Rätta felet med fsstöd validate och försök igen.');
    }
    throw e;
  }
  io.out(`✓ ${p.display}: ${n} nyckeltal från ${from} sparade (Källa: Kolada):\n${lines}`);
  return 0;
}
