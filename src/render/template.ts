// Handlebars → Markdown. Every string in the view model is escaped as Markdown before a
// template sees it, so a template (ours or a kommun's own from --mallar) cannot let a user's
// text change the document's structure. Templates get only these helpers; Handlebars' own
// protections against prototype access stay on.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import precompiled from '../generated/templates.js';
// The same options as the build's precompilation (scripts/build.mjs), so both give the same text.
import COMPILE_OPTIONS from './template-options.json' with { type: 'json' };
import { escapeMarkdown, escapeCell, startsWithList } from './escape.js';
import { InputError, UsageError } from '../errors.js';
import { fromRoot } from '../paths.js';
import { decodeUserText } from '../project/load.js';
import { ENUM_WORDS } from '../project/schema-words.js';
import { cap, joinSv } from '../text.js';

const EJ = '*Ej ifyllt*';

/**
 * Deep copy with every string escaped for Markdown, the charts' labels and alt texts too: this
 * copy is all a template sees, so no path (a helper, {{{…}}}, {{charts.*}}) can put unescaped
 * text from the project file into the Markdown. The parser takes the charts' data from the
 * unescaped context, by the chart's type, not from the Markdown. Keys are not escaped: they are
 * the code's names or ids that the schema limits to letters and digits.
 */
export function escapeDeep(v: unknown): unknown {
  if (typeof v === 'string') return escapeMarkdown(v);
  if (Array.isArray(v)) return v.map((x) => escapeDeep(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeDeep(x)]));
  return v;
}

const empty = (x: unknown) => x === undefined || x === null || x === '' || (Array.isArray(x) && x.length === 0);

type Handlebars = typeof HandlebarsType;

/** How long a template may run and how much Markdown it may make (FSSTOD_MALL_SEKUNDER, FSSTOD_MALL_MB). */
export interface TemplateLimits { seconds: number; megabytes: number }

export function templateLimits(env: NodeJS.ProcessEnv): TemplateLimits {
  const read = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError(`${name}="${v.slice(0, 40)}" är inte ett positivt tal`, undefined, `Ange t.ex. ${name}=${fallback}, eller ta bort variabeln (standard ${fallback}).`);
    return Number(v);
  };
  return { seconds: read('FSSTOD_MALL_SEKUNDER', 20), megabytes: read('FSSTOD_MALL_MB', 50) };
}

/** A template's own file may be at most this large. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** An error inside a template, with its place when Handlebars gives one. */
class TemplateError extends Error {
  constructor(message: string, readonly loc?: { line: number; column: number }) { super(message); }
}
class OverBudget extends Error {}

/**
 * Bounds a template's run in time and size. Handlebars runs synchronously, and a template
 * without loops does bounded work (each {{…}} prints one bounded value): the work that grows
 * without bound is iteration, and every iteration goes through the `each` helper (a section
 * {{#liste}}…{{/liste}} over an array goes through blockHelperMissing to `each` too). So `each`
 * is wrapped: each iteration is counted, its output's length is added, and the clock is read
 * every 256 iterations; past the limits the run is thrown out. Ten nested {{#each}} stop within
 * the limits, with memory held to about the size limit. A worker thread with resourceLimits
 * would bound it as well, but would cost a thread start and a copy of the context on every
 * render; this costs a function call per iteration.
 */
function budget(limits: TemplateLimits) {
  const deadline = Date.now() + limits.seconds * 1000;
  const maxChars = limits.megabytes * 1024 * 1024;
  let iterations = 0;
  let chars = 0;
  return {
    iteration(out: string) {
      chars += out.length;
      if (chars > maxChars) throw new OverBudget(`mallen gav mer än ${limits.megabytes} MB text`);
      if ((++iterations & 255) === 0 && Date.now() > deadline) throw new OverBudget(`mallen tog längre tid än ${limits.seconds} s`);
    },
    total(out: string) {
      if (out.length > maxChars) throw new OverBudget(`mallen gav mer än ${limits.megabytes} MB text`);
    },
  };
}

type Options = { fn: (ctx: unknown, o?: unknown) => string; name?: string; loc?: { start: { line: number; column: number } } };
const locOf = (o: unknown) => {
  const l = (o as Options | undefined)?.loc?.start;
  return l ? { line: l.line, column: l.column + 1 } : undefined;
};

/** What the built-in helpers throw, in Swedish. */
const HELPER_ERRORS: [RegExp, string][] = [
  [/^Must pass iterator to #each/, '{{#each}} behöver en lista att gå igenom'],
  [/^#(\w+) requires exactly one argument/, '{{#$1}} behöver precis ett värde'],
];

/**
 * A Handlebars environment with our helpers. The runtime alone runs the built-in templates
 * precompiled by the build; a kommun's own (or an edited) template needs the compiler too.
 */
function instance(withCompiler: boolean, b: ReturnType<typeof budget>): Handlebars {
  const require = createRequire(import.meta.url);
  const base = (withCompiler ? require('handlebars') : require('handlebars/runtime')) as Handlebars;
  const hb = base.create();
  // Value or "Ej ifyllt"; cell (one line) or "Ej ifyllt"; c0, once an optional cell with "–", now
  // gives the same marker: a document has one way to say that a value is missing (issue 13).
  // A value that begins with a typed list starts a block of its own (after "**Titel.** " it would
  // otherwise be read as the paragraph's text).
  hb.registerHelper('v', (x: unknown) => new hb.SafeString(empty(x) ? EJ : startsWithList(String(x)) ? `\n\n${String(x)}` : String(x)));
  hb.registerHelper('c', (x: unknown) => new hb.SafeString(empty(x) ? EJ : cellText(String(x))));
  hb.registerHelper('c0', (x: unknown) => new hb.SafeString(empty(x) ? EJ : cellText(String(x))));
  // The built-in helpers, with the template's line and column on what they throw.
  for (const name of ['if', 'unless', 'with', 'lookup', 'each'] as const) {
    const helper = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const o = args.at(-1) as Options;
      if (name === 'each' && o && typeof o.fn === 'function') {
        const fn = o.fn;
        args[args.length - 1] = { ...o, fn: (ctx: unknown, opt?: unknown) => { const out = fn(ctx, opt); b.iteration(out); return out; } };
      }
      try {
        return (helper as (...a: unknown[]) => unknown).apply(this, args);
      } catch (e) {
        if (e instanceof TemplateError || e instanceof OverBudget || e instanceof RangeError) throw e;
        const msg = (e as Error).message;
        const sv = HELPER_ERRORS.find(([re]) => re.test(msg));
        throw new TemplateError(sv ? msg.replace(sv[0], sv[1]).replace(/\s*-\s*\d+:\d+$/, '') : msg, locOf(o));
      }
    });
  }
  // {{okänd x}}: Handlebars' own message is English and has no place. Called with only the
  // options, it is a plain {{namn}} that is neither a helper nor a value: that prints nothing.
  hb.registerHelper('helperMissing', (...args: unknown[]) => {
    const o = args.at(-1) as Options;
    if (args.length === 1) return undefined;
    throw new TemplateError(`okänd hjälpfunktion "${o.name}" (mallarna har v, c, c0 och Handlebars egna: if, unless, each, with, lookup)`, locOf(o));
  });
  return hb;
}

/** A value already escaped as Markdown, made fit for one table cell. */
function escapeCellEscaped(s: string): string {
  return s.replace(/\s*\n+\s*/g, ' ');
}

/**
 * A cell's text (already escaped as Markdown) on one line; when it starts with one of the schema's
 * enum values (the whole cell, or its first item before ", "), that word is capitalised as a cell's
 * first word is ("Hög", "Fortsätta", "Ej angivet", "Region, kommun"). Free text, ids (c1) and URLs
 * are left as written: only the format's own words are the program's to spell.
 */
export function cellText(s: string): string {
  const t = escapeCellEscaped(s);
  const first = t.split(', ')[0]!;
  return ENUM_WORDS.has(first) ? cap(t) : t;
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
      const st = statSync(p);
      if (!st.isFile()) throw new InputError(`mallen ${rel} är en mapp, inte en fil`, { file: p }, `Lägg mallen som filen ${rel} i mallmappen, eller ta bort mappen så används den inbyggda.`);
      if (st.size > MAX_TEMPLATE_BYTES) throw new InputError(`mallen ${rel} är för stor (${(st.size / 1024 / 1024).toFixed(1)} MB, högst ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB)`, { file: p });
      return p;
    }
  }
  return fromRoot('templates', rel);
}

export function checkTemplateDir(dir: string): void {
  const hint = 'Ange en mapp med samma struktur som templates/, t.ex. --mallar mina-mallar';
  if (!existsSync(dir)) throw new UsageError(`mallmappen ${dir} finns inte`, undefined, hint);
  if (!statSync(dir).isDirectory()) throw new UsageError(`mallmappen ${dir} är en fil, inte en mapp`, { file: dir }, hint);
}

/** A template's error with its place: the line (and column) in the template file when known. */
function templateError(e: unknown, what: string, file: string, limits: TemplateLimits): InputError {
  if (e instanceof OverBudget) {
    return new InputError(`${e.message} och avbröts (${what})`, { file }, `Gränserna är ${limits.seconds} s och ${limits.megabytes} MB; höj dem med FSSTOD_MALL_SEKUNDER och FSSTOD_MALL_MB om mallen verkligen behöver mer (se docs/mallar.md).`);
  }
  if (e instanceof RangeError) return new InputError(`mallen anropar sig själv utan slut (${what})`, { file }, 'En delmall som tar med sig själv (t.ex. {{> checklista}} i delar/checklista.md.hbs) tar aldrig slut.');
  if (e instanceof TemplateError) return new InputError(`${e.message} (${what})`, { file, line: e.loc?.line, col: e.loc?.column });
  const msg = (e as Error).message;
  const partial = /^The partial (.+) could not be found/.exec(msg);
  if (partial) return new InputError(`okänd delmall "${partial[1]}" (${what}; delmallarna är ${joinSv(PARTIALS)})`, { file });
  return new InputError(`${what}: ${msg.split('\n')[0]}`, { file });
}

/** The partials every document may use, each templates/delar/<name>.md.hbs (overridable with --mallar). */
export const PARTIALS = ['checklista', 'beslut'] as const;

export function renderMarkdown(dokument: string, context: Record<string, unknown>, ownTemplates?: string, limits: TemplateLimits = templateLimits({})): string {
  const templates = [...PARTIALS.map((n) => `delar/${n}.md.hbs`), `${dokument}/dokument.md.hbs`].map((rel) => {
    const p = templatePath(ownTemplates, rel);
    // The one strict decoder: a byte that is not UTF-8 is refused at its place, never shown as U+FFFD.
    const src = decodeUserText(readFileSync(p), p).text;
    const pre = precompiled[rel];
    return { rel, p, src, spec: pre && pre.source === src ? pre.spec : undefined };
  });
  const b = budget(limits);
  const hb = instance(templates.some((t) => !t.spec), b);
  const compiled = templates.map((t) => {
    if (t.spec) return hb.template(t.spec);
    try {
      // Handlebars compiles lazily, on the first call: parse now, so that a syntax error is
      // reported as one, with its line.
      hb.parse(t.src);
      return hb.compile(t.src, COMPILE_OPTIONS);
    } catch (e) {
      const line = /on line (\d+)/.exec((e as Error).message)?.[1] ?? (e as { lineNumber?: number }).lineNumber;
      const col = (e as { column?: number }).column;
      return new InputError('mallen kunde inte tolkas: Handlebars-syntaxen är fel', { file: t.p, line: line ? Number(line) : undefined, col: col !== undefined ? col + 1 : undefined }, 'Se till att varje {{#…}} har sitt {{/…}} och att varje {{ har sina }}.');
    }
  }) as (HandlebarsTemplateDelegate | InputError)[];
  for (const t of compiled) if (t instanceof InputError) throw t;
  PARTIALS.forEach((name, i) => hb.registerPartial(name, compiled[i] as HandlebarsTemplateDelegate));
  const main = compiled[PARTIALS.length]!;
  try {
    const md = (main as HandlebarsTemplateDelegate)(escapeDeep(context), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    b.total(md);
    return md;
  } catch (e) {
    // Only a partial can call itself: an endless recursion is a partial's fault (the folder of them).
    throw templateError(e, `mallen för ${dokument}`, e instanceof RangeError ? dirname(templates[0]!.p) : templates[PARTIALS.length]!.p, limits);
  }
}
