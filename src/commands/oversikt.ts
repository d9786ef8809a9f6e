// fsstöd översikt: the länsstyrelse's report over every kommun of a län (or several, or the
// whole country) from their project files, as DOCX, PDF and HTML (the same document model and
// writers as render) and as CSV for Excel. Exit 0 when every file could be read, 1 when some
// could not (they are listed in the report and on stderr), 2 when nothing could be reported.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { IO } from '../io.js';
import { InputError, UsageError } from '../errors.js';
import { expandFiles } from '../check/files.js';
import { loadMethod } from '../content/load.js';
import type { Läst, Oläsbar, Sammanfattning } from '../oversikt/read.js';
import { readFiles } from '../oversikt/parallel.js';
import { fromRoot } from '../paths.js';

export interface OversiktOptions {
  filer: string[];
  län?: string;
  format: string;
  ut: string;
  jämför?: string;
  mallar?: string;
}

const FORMATER = ['docx', 'pdf', 'html', 'csv'] as const;
type Format = (typeof FORMATER)[number];

function split(läst: Läst[]): { ok: Sammanfattning[]; fel: Oläsbar[] } {
  const ok: Sammanfattning[] = [];
  const fel: Oläsbar[] = [];
  for (const r of läst) if (r.ok) ok.push(r.s); else fel.push(r.fel);
  return { ok, fel };
}

function isDirOrFile(p: string): boolean {
  try { statSync(p); return true; } catch { return false; }
}

export async function oversikt(opts: OversiktOptions, io: IO): Promise<number> {
  const formats = [...new Set(opts.format.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const bad = formats.filter((f) => !FORMATER.includes(f as Format));
  if (bad.length || !formats.length) throw new UsageError(`okänt format ${bad.join(', ') || '(inget)'}`, undefined, 'Välj bland docx, pdf, html och csv, t.ex. --format pdf,csv.');
  const { sourceDateEpoch, prepareOutDir, safeName } = await import('../render/index.js');
  const epoch = sourceDateEpoch(io.env);
  if (opts.mallar) (await import('../render/template.js')).checkTemplateDir(opts.mallar);
  if (opts.jämför !== undefined && !isDirOrFile(opts.jämför)) throw new UsageError(`--jämför ${opts.jämför} finns inte`, undefined, 'Ange mappen med förra årets projektfiler, t.ex. --jämför 2025.');
  const { resolveLän, buildOversikt, oversiktContext, oversiktCsv, oversiktTitle } = await import('../oversikt/build.js');

  const method = loadMethod();
  const filer = await expandFiles(opts.filer.length ? opts.filer : ['.']);
  const filerFörra = opts.jämför !== undefined ? await expandFiles([opts.jämför]) : [];
  // The PDF writer loaded and its fonts decoded before this thread reads (~0.2 s), while the
  // worker thread, if any, starts: done after the reading, it would delay the PDF by as much.
  const warmUp = formats.includes('pdf')
    ? Promise.all([import('../render/pdf/write.js'), import('../render/font-files.js')])
      .then(([, f]) => f.warmFonts(Object.values(f.bundledFontFiles(fromRoot('assets', 'fonts')))))
      .catch(() => {}) // the writer says what is wrong when it runs
    : undefined;
  // This year's and last year's files in one reading (on two threads when there are many cores).
  const read = await readFiles([...filer, ...filerFörra], method, io.env, { charts: formats.includes('docx'), ...(warmUp ? { warmUp } : {}) });
  try {
    const nu = split(read.läst.slice(0, filer.length));
    const förra = opts.jämför !== undefined ? split(read.läst.slice(filer.length)) : undefined;
    for (const x of nu.fel) io.err(`${x.fel}\n`);
    for (const x of förra?.fel ?? []) io.err(`${x.fel} (förra årets fil, --jämför)\n`);
    if (!nu.ok.length) {
      throw new InputError(`ingen projektfil kunde läsas (${nu.fel.length} ${nu.fel.length === 1 ? 'fil' : 'filer'}); ingen översikt skapades`, undefined, 'Rätta filerna ovan (fsstöd validate <fil> visar felen) och kör översikten igen.');
    }
    const län = resolveLän(opts.län, nu.ok);
    const o = buildOversikt(nu.ok, län, { förra: förra?.ok, oläsbara: nu.fel, oläsbaraFörra: förra?.fel, method });
    for (const f of o.utanför) io.err(`${f}: obs: filens kommuner ligger utanför ${oversiktTitle(o)} och är inte med i översikten\n`);
    for (const s of nu.ok) for (const k of s.okändaKommuner) io.err(`${s.fil}: obs: kommunen "${k}" finns inte i referensdata (data/kommuner.csv) och räknas inte\n`);

    const when = epoch ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const datum = when.toISOString().slice(0, 10);
    const område = oversiktTitle(o);
    const out = prepareOutDir(opts.ut);
    const stem = safeName(`översikt-${o.län.length === 1 ? område : o.län.length > 3 && område === 'Hela landet' ? 'riket' : `${o.län.length}-län`}-${datum}`).toLowerCase();
    const { writeAtomic } = await import('../project/save.js');
    const written: string[] = [];
    if (formats.includes('csv')) {
      writeAtomic(join(out, `${stem}.csv`), oversiktCsv(o, method));
      written.push(join(opts.ut, `${stem}.csv`));
    }
    const docs = formats.filter((f): f is 'docx' | 'pdf' | 'html' => f !== 'csv');
    if (docs.length) {
      const { modelFromContext, modelBytes, docxInThread } = await import('../render/index.js');
      const { templateLimits } = await import('../render/template.js');
      const exempel = nu.ok.some((s) => s.exempel);
      const ctx = oversiktContext(o, method, datum, exempel);
      // With a thread, it draws the charts' PNGs (the DOCX's) while this thread makes the model.
      // When the DOCX is written here (DOCX alone), this thread then takes charts from the back of
      // the thread's list until they meet; when the thread writes it, this thread has the PDF.
      const drawn = docs.includes('docx') ? read.draw?.(ctx.charts, !docxInThread(docs, read.docx)) : undefined;
      const warn = (m: string) => io.err(`varning: ${m}\n`);
      const antal = o.län.reduce((a, l) => a + l.kommuner.length, 0);
      const meta = {
        dokument: 'översikt', titel: ctx.titel as string, projekt: 'Länsstyrelsens översikt över kommunernas föräldraskapsstöd', kommun: område,
        period: '', version: '', status: '', diarienummer: '', datum, tid: when, exempel, lang: 'sv-SE' as const,
        omslag: [
          ['Område', område], ['Kommuner', String(antal)],
          ['Projektfiler', `${nu.ok.length}${nu.fel.length ? `, ${nu.fel.length} kunde inte läsas` : ''}`],
          ...(opts.jämför !== undefined ? [['Jämförs med', `förra årets projektfiler (${förra!.ok.length})`]] : []),
        ] as [string, string][],
      };
      const { model } = modelFromContext('översikt', ctx, meta, opts.mallar, warn, templateLimits(io.env));
      // With a thread (many files), the DOCX is written there while this thread writes the PDF.
      const bytes = await modelBytes(model, docs, warn, undefined, { ...(read.docx ? { docx: read.docx } : {}), ...(drawn ? { drawn } : {}) });
      for (const [f, b] of bytes) {
        writeAtomic(join(out, `${stem}.${f}`), b);
        written.push(join(opts.ut, `${stem}.${f}`));
      }
    }
    for (const w of written) io.out(`✓ ${w}\n`);
    const fel = nu.fel.length + (förra?.fel.length ?? 0);
    if (fel) io.err(`${fel} ${fel === 1 ? 'fil' : 'filer'} kunde inte läsas och står i översikten med sin orsak.\n`);
    return fel ? 1 : 0;
  } finally {
    await read.close(); // the thread, if any
  }
}
