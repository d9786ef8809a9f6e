// fsstöd render: one of the method's documents (content/begrepp.yaml), or alla, as DOCX, PDF and HTML.
import type { IO } from '../io.js';
import { InputError, UsageError } from '../errors.js';
import { loadProject, positionOf } from '../project/load.js';
import { validateProject } from '../project/validate.js';
import { loadMethod } from '../content/load.js';
import { documents, findDokument, renderDocuments } from '../content/dokument.js';
import type { Project } from '../project/types.js';
import type { DokumentId } from '../render/context.js';
import { joinSv } from '../text.js';

export interface RenderOptions {
  dokument: string;
  fil: string;
  format: string;
  ut: string;
  mallar?: string;
  strikt?: boolean;
  /** The output files' name (without extension); the document is added when several are made. */
  namn?: string;
  /** The kommun's profile folder (wins over the project file's dokument.profil). */
  profil?: string;
  /** For a carrier (the tjänsteskrivelse): the document it carries (default its first, handlingsplan). */
  för?: string;
}

/** One document to make: the document whose data and decision it shows, and the carrier's template if any. */
interface Job { dokument: DokumentId; bärare?: string }

/**
 * The documents a name means: one of the method's (content/begrepp.yaml, dokument), a carrier
 * for the document --for names, or all of them. `alla` is the method's documents, one per
 * decision (beslut.<id>), without the tjänsteskrivelse: that is written for one ärende, when one
 * of them goes to a nämnd, and which one is the user's choice (--for); every value it prints is
 * also in the carried document (its decision table), so `alla` still prints every answer.
 */
function jobsNamed(name: string, för: string | undefined): Job[] | undefined {
  // content's document ids are the schema's beslut keys (scripts/projekt-schema.mjs writes one per document).
  if (name.trim().normalize('NFC').toLowerCase() === 'alla') {
    if (för !== undefined) throw new UsageError('--for gäller bara tjänsteskrivelsen', undefined, 'Skriv t.ex. fsstöd render tjänsteskrivelse --for lägesbild.');
    return documents().map((d) => ({ dokument: d.id as DokumentId }));
  }
  const d = findDokument(name, true);
  if (!d) return undefined;
  if (!d.bär) {
    if (för !== undefined) throw new UsageError(`--for gäller bara tjänsteskrivelsen, inte ${d.id}`, undefined, `Skriv fsstöd render ${d.id} utan --for, eller fsstöd render tjänsteskrivelse --for ${d.id}.`);
    return [{ dokument: d.id as DokumentId }];
  }
  const carried = för === undefined ? documents().find((x) => x.id === d.bär![0]) : findDokument(för);
  if (!carried || !d.bär.includes(carried.id)) throw new UsageError(`${d.bestämd} kan inte göras för "${för}"`, undefined, `Välj --for ${joinSv(d.bär, 'eller')} (standard ${d.bär[0]}).`);
  return [{ dokument: carried.id as DokumentId, bärare: d.id }];
}

export async function render(opts: RenderOptions, io: IO): Promise<number> {
  const jobs = jobsNamed(opts.dokument, opts.för);
  if (!jobs) throw new UsageError(`okänt dokument "${opts.dokument}"`, undefined, `Välj ${renderDocuments().map((d) => d.id).join(', ')} eller alla.`);
  const docs = [...new Set(jobs.map((j) => j.dokument))];
  const { FORMATS, renderDocument, prepareOutDir, sourceDateEpoch, safeName } = await import('../render/index.js');
  const formats = [...new Set(opts.format.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const bad = formats.filter((f) => !FORMATS.includes(f as never));
  if (bad.length || formats.length === 0) throw new UsageError(`okänt format ${bad.join(', ') || '(inget)'}`, undefined, 'Välj bland docx, pdf och html, t.ex. --format docx,pdf.');
  if (opts.mallar) (await import('../render/template.js')).checkTemplateDir(opts.mallar);
  if (opts.namn !== undefined && !safeName(opts.namn)) throw new UsageError(`--namn "${opts.namn.slice(0, 60)}" ger inget filnamn`, undefined, 'Ange ett namn med bokstäver eller siffror, t.ex. --namn handlingsplan-2026.');
  sourceDateEpoch(io.env);
  (await import('../render/template.js')).templateLimits(io.env);

  const p = loadProject(opts.fil);
  const problems = validateProject(p);
  if (problems.length) {
    const list = problems.slice(0, 5).map((x) => `  ${p.display}:${x.line}:${x.col}: ${x.message}`).join('\n');
    throw new InputError(`projektfilen har ${problems.length} fel och kan inte bli ett dokument:\n${list}${problems.length > 5 ? '\n  …' : ''}`, { file: p.display }, `Se alla fel med: fsstöd validate ${p.display}`);
  }
  const project = p.data as unknown as Project;
  const method = loadMethod();
  if (opts.strikt) {
    // The same verdict as check --for <dokument>: its errors, and only those, stop the document.
    const { documentErrors } = await import('../judge/readiness.js');
    const errors = docs.flatMap((d) => documentErrors(p, d).map((x) => `  ${d}: ${x.file}:${x.line}:${x.col}: ${x.message}`));
    if (errors.length) {
      throw new InputError(`--strikt: check hittar ${errors.length} fel som dokumentet inte får ha:\n${errors.slice(0, 40).join('\n')}${errors.length > 40 ? '\n  …' : ''}`, { file: p.display }, `Se dem med fsstöd check ${p.display} --for ${docs.length === 1 ? docs[0] : '<dokument>'}; fyll i det som saknas med fsstöd step <nr> --bara-tomma, eller skapa dokumentet utan --strikt (då markeras det som saknas "Ej ifyllt").`);
    }
  }
  const warn = (m: string) => io.err(`varning: ${m}\n`);
  // A carrier proposes a decision on its document: the same verdict (check --for) marks it a draft when the document is not ready.
  const { documentErrors } = await import('../judge/readiness.js');
  const felFör = (j: Job) => (j.bärare ? documentErrors(p, j.dokument).map((x) => x.message) : []);
  const { profileDir, loadProfil } = await import('../render/profil.js');
  const where = profileDir(opts.profil, project.dokument?.profil, p.file, () => ({ file: p.display, ...positionOf(p, ['dokument', 'profil']) }));
  const profil = where ? loadProfil(where.dir, where.shown) : undefined;
  prepareOutDir(opts.ut);
  for (const j of jobs) {
    const files = await renderDocument(project, method, j.dokument, formats as never, opts.ut, { templates: opts.mallar, env: io.env, warn, bärare: j.bärare, fel: felFör(j), namn: opts.namn === undefined ? undefined : { namn: opts.namn, flera: jobs.length > 1 }, profil });
    for (const f of files) io.out(`✓ ${f.path}\n`);
  }
  return 0;
}
