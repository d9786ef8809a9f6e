// Handlebars → Markdown. Every string in the view model is escaped as Markdown before a
// template sees it, so a template (ours or a kommun's own from --mallar) cannot let a user's
// text change the document's structure. Templates get only these helpers; Handlebars' own
// protections against prototype access stay on.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import precompiled from '../generated/templates.js';
// The same options as the build's precompilation (scripts/build.mjs), so both give the same text.
import COMPILE_OPTIONS from './template-options.json' with { type: 'json' };
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

type Handlebars = typeof HandlebarsType;

/**
 * A Handlebars environment with our helpers. The runtime alone runs the built-in templates
 * precompiled by the build; a kommun's own (or an edited) template needs the compiler too.
 */
function instance(withCompiler: boolean): Handlebars {
  const require = createRequire(import.meta.url);
  const base = (withCompiler ? require('handlebars') : require('handlebars/runtime')) as Handlebars;
  const hb = base.create();
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
  const templates = ['delar/checklista.md.hbs', `${dokument}/dokument.md.hbs`].map((rel) => {
    const p = templatePath(ownTemplates, rel);
    const src = readFileSync(p, 'utf8');
    const pre = precompiled[rel];
    return { rel, p, src, spec: pre && pre.source === src ? pre.spec : undefined };
  });
  const hb = instance(templates.some((t) => !t.spec));
  const [partial, main] = templates.map((t) => {
    if (t.spec) return hb.template(t.spec);
    try {
      return hb.compile(t.src, COMPILE_OPTIONS);
    } catch (e) {
      throw new InputError(`mallen kunde inte tolkas: ${(e as Error).message.split('\n')[0]}`, { file: t.p });
    }
  }) as [HandlebarsTemplateDelegate, HandlebarsTemplateDelegate];
  hb.registerPartial('checklista', partial);
  try {
    return main(escapeDeep(context), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    throw new InputError(`mallen för ${dokument} kunde inte användas: ${(e as Error).message.split('\n')[0]}`, { file: templates[1]!.p });
  }
}
