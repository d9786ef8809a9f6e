// Rendering one project into documents: view model → template → Markdown → model → writers.
import { parseDate, dateInWords } from '../project/dates.js';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { Project } from '../project/types.js';
import type { Method } from '../content/types.js';
import { buildContext, type DokumentId, type RenderContext } from './context.js';
import { renderMarkdown, templateLimits, type TemplateLimits } from './template.js';
import { markdownToBlocks } from './markdown.js';
import type { Block, DocMeta, DocModel } from './model.js';
import { chartFont, chartKey, chartPng, chartVector, type ChartFont, type ChartImage } from './charts.js';
import { writeHtml } from './html/write.js';
import { dokumentRuta } from './cover.js';
import { markEmpty, emptyWarning } from './empty.js';
import { writeAtomic } from '../project/save.js';
import { fromRoot } from '../paths.js';
import { UsageError } from '../errors.js';
import type { Profil } from './profil.js';

export type Format = 'docx' | 'pdf' | 'html';
export const FORMATS: Format[] = ['docx', 'pdf', 'html'];

/** The last second whose date has a four-digit year (9999-12-31T23:59:59Z). */
const MAX_EPOCH = 253402300799;

/**
 * SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds define it), or undefined when
 * unset or empty. Anything else is refused rather than ignored: a CI that sets it wrongly would
 * otherwise get today's date and documents that differ from run to run.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  const hint = 'Ange ett heltal sekunder sedan 1970-01-01 UTC, t.ex. SOURCE_DATE_EPOCH=1760000000, eller ta bort variabeln.';
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH="${epoch.slice(0, 40)}" är inte ett heltal sekunder`, undefined, hint);
  if (Number(epoch) > MAX_EPOCH) throw new UsageError(`SOURCE_DATE_EPOCH=${epoch.slice(0, 40)} ligger utanför det som går att skriva som datum (högst ${MAX_EPOCH}, år 9999)`, undefined, hint);
  return new Date(Number(epoch) * 1000);
}

export function documentDate(p: Project, dokument: DokumentId, env: NodeJS.ProcessEnv, now = new Date()): Date {
  const epoch = sourceDateEpoch(env);
  if (epoch) return epoch;
  // The document's own date, else the decision's; a year or a month stands for its first day.
  const b = p.beslut?.[dokument];
  const d = parseDate(b?.dokumentdatum)?.first ?? parseDate(b?.datum)?.first;
  if (d) return new Date(`${d}T00:00:00Z`);
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
}

/**
 * Most UTF-8 bytes in a file name's stem: file systems allow 255 bytes for a name, and the
 * atomic write's temp file beside it (".name.pid.random.tmp") and the extension need about 30 more.
 */
export const MAX_STEM_BYTES = 200;

/** The longest start of s (whole code points) within max UTF-8 bytes. */
function cutBytes(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    n += Buffer.byteLength(ch);
    if (n > max) break;
    out += ch;
  }
  return out;
}

/** A safe file-name part: letters, digits and - only (so no /, NUL, dot or leading dash); at most max UTF-8 bytes. */
export function safeName(s: string, max = MAX_STEM_BYTES): string {
  const clean = (x: string) => x.normalize('NFC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return clean(cutBytes(clean(s), max));
}

/**
 * "hjo-tidaholm-lägesbild-2025-10-09": file-name stem from the kommun names, Swedish letters
 * kept; a samverkan whose names do not fit is named after its first kommun ("…-m-fl"). With
 * --namn the user's own name is the stem (and the document is added when several are made).
 */
export function fileStem(p: Project, dokument: string, datum: string, own?: { namn: string; flera: boolean }): string {
  const tail = `-${dokument}-${datum}`;
  if (own) {
    const namn = safeName(own.namn, MAX_STEM_BYTES - (own.flera ? Buffer.byteLength(`-${dokument}`) : 0));
    return own.flera ? `${namn}-${dokument}` : namn;
  }
  const room = MAX_STEM_BYTES - Buffer.byteLength(tail);
  const names = p.projekt.kommuner.map((k) => k.namn);
  let kommun = safeName(names.join('-'), Infinity);
  if (Buffer.byteLength(kommun) > room && names.length > 1) kommun = `${safeName(names[0]!, room - 5)}-m-fl`;
  kommun = safeName(kommun, room);
  return (safeName(`${kommun}${tail}`).toLowerCase() || 'dokument');
}

/** The document's kind as its box names it: "Handlingsplan". */
const docTyp = (method: Method, id: string) => { const d = method.begrepp.dokument.find((x) => x.id === id); return d ? d.namn ?? d.titel : id; };

/** bärare: a document that carries `dokument` to its decision (the tjänsteskrivelse); its template, this document's data. */
export function buildModel(p: Project, method: Method, dokument: DokumentId, when: Date, templates: string | undefined, warn: (m: string) => void, limits?: TemplateLimits, bärare?: string, fel: string[] = []): { model: DocModel; markdown: string } {
  const datum = when.toISOString().slice(0, 10);
  const ctx = buildContext(p, method, dokument, datum, bärare, fel);
  const beslut = p.beslut?.[dokument];
  const meta: DocMeta = {
    dokument: bärare ?? dokument, titel: bärare ? `${ctx.titel as string} – ${(ctx.tj as { ärende: string }).ärende}` : ctx.titel as string, projekt: p.projekt.namn, kommun: ctx.kommun as string, period: ctx.period as string,
    version: p.projekt.version ?? '', status: beslut?.status ?? 'utkast', diarienummer: beslut?.diarienummer ?? '',
    datum, datumText: beslut?.dokumentdatum ? dateInWords(beslut.dokumentdatum) : undefined, tid: when, exempel: Boolean(p.projekt.exempel), lang: 'sv-SE',
    ruta: bärare ? undefined : dokumentRuta(docTyp(method, dokument), beslut ?? {}, ctx.period as string, p.projekt.version ?? ''),
  };
  const { model, markdown, empty } = modelFromContext(bärare ?? dokument, ctx, meta, templates, warn, limits);
  // What is empty is said on stderr (also without --strikt).
  const tom = emptyWarning(dokument, empty);
  if (tom) warn(bärare ? `${bärare} för ${tom}` : tom);
  if (bärare && fel.length) warn(`${bärare} för ${dokument}: underlaget är inte klart för beslut (fsstöd check --for ${dokument} hittar ${fel.length} fel); dokumentet säger att det är ett utkast. Med --strikt skapas det inte.`);
  return { model, markdown };
}

/**
 * Template → Markdown → model for any view model: a project's document (buildModel) or a
 * document made from many projects (the översikt). The template is templates/<mall>/dokument.md.hbs.
 * Empty tables become a sentence.
 */
export function modelFromContext(mall: string, ctx: RenderContext, meta: DocMeta, templates: string | undefined, warn: (m: string) => void, limits?: TemplateLimits): { model: DocModel; markdown: string; empty: ReturnType<typeof markEmpty> } {
  const markdown = renderMarkdown(mall, ctx, templates, limits);
  const empty = markEmpty(markdownToBlocks(markdown, ctx, warn));
  return { model: { meta, blocks: empty.blocks }, markdown, empty };
}

/**
 * The output folder, made if missing, or a Swedish error naming it: a file where the folder
 * should be (or above it), or a folder we may not write in. Root may write anywhere, so for
 * root the folder's mode bits decide (a 555 folder is meant to be read-only).
 */
export function prepareOutDir(outDir: string): string {
  const out = resolve(outDir);
  const hint = 'Ange en mapp som går att skriva i med --ut, t.ex. --ut ut.';
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      let f = out;
      while (dirname(f) !== f && !isFile(f)) f = dirname(f);
      throw new UsageError(f === out ? `--ut ${outDir} är en fil, inte en mapp` : `--ut ${outDir} ligger under filen ${f}, inte under en mapp`, { file: outDir }, hint);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`mappen ${outDir} kan inte skapas (behörighet saknas eller skrivskyddat)`, { file: outDir }, hint);
    throw new UsageError(`mappen ${outDir} kan inte skapas: ${(e as Error).message}`, { file: outDir }, hint);
  }
  const st = statSync(out);
  let writable = true;
  if (process.getuid?.() === 0) writable = (st.mode & 0o222) !== 0;
  else try { accessSync(out, constants.W_OK); } catch { writable = false; }
  if (!writable) throw new UsageError(`mappen ${outDir} är skrivskyddad`, { file: outDir }, hint);
  return out;
}

function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

export interface RenderedFile { path: string; format: Format; bytes: number }

/** The documents' bytes, without touching the disk (render writes them; tests compare them). */
export async function renderBytes(p: Project, method: Method, dokument: DokumentId, formats: Format[], opts: { templates?: string; env: NodeJS.ProcessEnv; warn: (m: string) => void; profil?: Profil; bärare?: string; fel?: string[] }): Promise<{ model: DocModel; files: Map<Format, Buffer> }> {
  const when = documentDate(p, dokument, opts.env);
  const { model } = buildModel(p, method, dokument, when, opts.templates, opts.warn, templateLimits(opts.env), opts.bärare, opts.fel);
  return { model, files: await modelBytes(model, formats, opts.warn, opts.profil) };
}

/**
 * Charts a worker thread draws with their PNGs (by chartKey), and its drawings (once it is done).
 * `take`: the next of them this thread may draw instead (from the back of the thread's list), by key.
 */
export interface DrawnElsewhere { drawing: Set<string>; drawn: Promise<Map<string, ChartImage>> | Map<string, ChartImage>; take?: () => string | undefined }

/**
 * The charts as the formats need them: with a PNG (DOCX's fallback for readers without SVG), or as
 * vectors only (what the PDF draws); `font`: a profile's font for their text.
 * `elsewhere`: the charts a worker thread is drawing (oversikt/parallel.ts); the others are drawn
 * here meanwhile, then the thread's are taken (and any it could not draw are drawn here).
 */
export async function chartImages(model: DocModel, png: boolean, fontDir: string, font?: ChartFont, elsewhere?: DrawnElsewhere): Promise<Map<Block, ChartImage>> {
  const images = new Map<Block, ChartImage>();
  const later: Extract<Block, { kind: 'figure' }>[] = [];
  for (const b of model.blocks) {
    if (b.kind !== 'figure') continue;
    if (png && elsewhere?.drawing.has(chartKey(b.chart, b.alt))) later.push(b);
    else images.set(b, png ? await chartPng(b.chart, b.alt, fontDir, font) : chartVector(b.chart, b.alt, font));
  }
  // Then those the thread has not come to yet, from the back of its list while it draws from the front.
  const mine = new Map<string, ChartImage>();
  if (later.length && elsewhere?.take) {
    const byKey = new Map(later.map((b) => [chartKey(b.chart, b.alt), b]));
    for (let k = elsewhere.take(); k !== undefined; k = elsewhere.take()) {
      const b = byKey.get(k);
      if (b) mine.set(k, await chartPng(b.chart, b.alt, fontDir, font));
    }
  }
  const theirs = later.length ? await elsewhere!.drawn : undefined;
  for (const b of later) {
    const k = chartKey(b.chart, b.alt);
    images.set(b, mine.get(k) ?? theirs?.get(k) ?? await chartPng(b.chart, b.alt, fontDir, font));
  }
  return images;
}

/** A DOCX written elsewhere, with its warnings; undefined when it could not be. */
export type DocxElsewhere = (model: DocModel) => Promise<{ docx: Buffer; warnings: string[] } | undefined>;

/** Whether modelBytes has the DOCX written by the thread (`docx`): beside another format, without a profile. */
export function docxInThread(formats: Format[], docx?: DocxElsewhere, profil?: Profil): boolean {
  return Boolean(docx) && !profil && formats.includes('docx') && formats.length > 1;
}

/**
 * A document model written in each format (the same writers for every document). `docx`: a big
 * document (the översikt, without a profile) has its DOCX written in a worker thread
 * (oversikt/parallel.ts) while this thread writes the other formats; when the thread cannot, the
 * DOCX is written here.
 * `drawn`: the charts (all or some) with their PNGs, drawn by that thread while this one made the model.
 */
export async function modelBytes(model: DocModel, formats: Format[], warn: (m: string) => void, profil?: Profil, o: { docx?: DocxElsewhere; drawn?: DrawnElsewhere } = {}): Promise<Map<Format, Buffer>> {
  const fontDir = fromRoot('assets', 'fonts');
  // A profile's font sets the charts' text too, measured with its own files (read only when there is a chart).
  const font = profil?.typsnitt && model.blocks.some((b) => b.kind === 'figure') ? await chartFont(profil.typsnitt) : undefined;
  // The thread writes without a profile (its logo and Word template would reach it as copies).
  const side = docxInThread(formats, o.docx, profil) ? o.docx!(model) : undefined;
  const here = side ? formats.filter((f) => f !== 'docx') : formats;
  // Each format's warnings, said in the formats' order wherever the format was written.
  const said = new Map<Format, string[]>(formats.map((f) => [f, []]));
  const made = new Map<Format, Buffer>();
  const write = async (f: Format, images: Map<Block, ChartImage>) => {
    const w = (m: string) => said.get(f)!.push(m);
    if (f === 'html') made.set(f, Buffer.from(writeHtml(model, w, profil, font), 'utf8'));
    else if (f === 'docx') made.set(f, await (await import('./docx/write.js')).writeDocx(model, images, w, profil));
    else made.set(f, await (await import('./pdf/write.js')).writePdf(model, images, fontDir, w, profil));
  };
  try {
    // The PDF draws the charts' SVG as vectors; only DOCX needs a PNG. Charts drawn elsewhere are in
    // the bundled font: not taken when a profile sets another.
    const png = here.includes('docx');
    const drawn = font ? undefined : o.drawn;
    const images = png || here.includes('pdf') ? await chartImages(model, png, fontDir, font, png ? drawn : undefined) : new Map<Block, ChartImage>();
    for (const f of here) await write(f, images);
    if (side) {
      const r = await side;
      if (r) {
        made.set('docx', r.docx);
        said.get('docx')!.push(...r.warnings);
      } else await write('docx', await chartImages(model, true, fontDir, font, drawn));
    }
  } finally {
    for (const f of formats) for (const m of said.get(f)!) warn(m);
  }
  return new Map(formats.map((f) => [f, made.get(f)!]));
}

export async function renderDocument(p: Project, method: Method, dokument: DokumentId, formats: Format[], outDir: string, opts: { templates?: string; env: NodeJS.ProcessEnv; warn: (m: string) => void; namn?: { namn: string; flera: boolean }; profil?: Profil; bärare?: string; fel?: string[] }): Promise<RenderedFile[]> {
  const { model, files: made } = await renderBytes(p, method, dokument, formats, opts);
  const out = prepareOutDir(outDir);
  // A carrier's files name both: lindesberg-tjänsteskrivelse-handlingsplan-2025-03-24.
  const stem = fileStem(p, opts.bärare ? `${opts.bärare}-${dokument}` : dokument, model.meta.datum, opts.namn);
  const files: RenderedFile[] = [];
  for (const [f, bytes] of made) {
    const target = resolve(out, `${stem}.${f}`);
    const rel = relative(out, target);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`filnamnet ${stem}.${f} hamnar utanför ${outDir}`);
    writeAtomic(target, bytes);
    files.push({ path: join(outDir, `${stem}.${f}`), format: f, bytes: bytes.length });
  }
  return files;
}
