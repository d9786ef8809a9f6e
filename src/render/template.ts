// Handlebars → Markdown. Every string in the view model is escaped as Markdown before a
// template sees it, so a template (ours or a kommun's own from --mallar) cannot let a user's
// text change the document's structure. Templates get only these helpers; Handlebars' own
// protections against prototype access stay on.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import Handlebars from 'handlebars';
import { escapeMarkdown, escapeCell } from './escape.js';
import { InputError, UsageError } from '../errors.js';
import { fromRoot } from '../paths.js';
import type { DokumentId } from './context.js';

const EJ = '*Ej ifyllt*';

/** Deep copy with every string escaped for Markdown; chart data is left as data. */
export function escapeDeep(v: unknown, key = ''): unknown {
  if (key === 'charts') return v;
  if (typeof v === 'string') return escapeMarkdown(v);
  if (Array.isArray(v)) return v.map((x) => escapeDeep(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeDeep(x, k)]));
  return v;
}

const empty = (x: unknown) => x === undefined || x === null || x === '' || (Array.isArray(x) && x.length === 0);

function instance(): typeof Handlebars {
  const hb = Handlebars.create();
  // Value or "Ej ifyllt"; cell (one line) or "Ej ifyllt"; optional cell (or "–").
  hb.registerHelper('v', (x: unknown) => new hb.SafeString(empty(x) ? EJ : String(x)));
  hb.registerHelper('c', (x: unknown) => new hb.SafeString(empty(x) ? EJ : escapeCellEscaped(String(x))));
  hb.registerHelper('c0', (x: unknown) => new hb.SafeString(empty(x) ? '–' : escapeCellEscaped(String(x))));
  return hb;
}

/** A value already escaped as Markdown, made fit for one table cell. */
function escapeCellEscaped(s: string): string {
  return s.replace(/\s*\n+\s*/g, ' ');
}
export { escapeCell };

/** Finds a template: the kommun's own folder first (if given), then the built-in one. */
function templatePath(own: string | undefined, rel: string): string {
  if (own) {
    const p = join(own, rel);
    if (existsSync(p)) {
      // Never read outside the given folder (../ or a symlink out of it).
      const real = realpathSync(p);
      const base = realpathSync(own);
      const r = relative(base, real);
      if (r.startsWith('..') || isAbsolute(r)) throw new InputError(`mallen ${rel} pekar utanför mallmappen och används inte`, { file: p });
      return p;
    }
  }
  return fromRoot('templates', rel);
}

export function checkTemplateDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`mallmappen ${dir} finns inte`, undefined, 'Ange en mapp med samma struktur som templates/, t.ex. --mallar mina-mallar');
}

export function renderMarkdown(dokument: DokumentId, context: Record<string, unknown>, ownTemplates?: string): string {
  const hb = instance();
  const read = (rel: string) => {
    const p = templatePath(ownTemplates, rel);
    return { p, src: readFileSync(p, 'utf8') };
  };
  const compile = (rel: string) => {
    const { p, src } = read(rel);
    try {
      return hb.compile(src, { noEscape: true, strict: false, preventIndent: true });
    } catch (e) {
      throw new InputError(`mallen kunde inte tolkas: ${(e as Error).message.split('\n')[0]}`, { file: p });
    }
  };
  hb.registerPartial('checklista', compile('delar/checklista.md.hbs'));
  const main = compile(`${dokument}/dokument.md.hbs`);
  try {
    return main(escapeDeep(context), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    throw new InputError(`mallen för ${dokument} kunde inte användas: ${(e as Error).message.split('\n')[0]}`, { file: templatePath(ownTemplates, `${dokument}/dokument.md.hbs`) });
  }
}
