// Asking for one field of the project file, driven by the project schema: text, numbers and
// dates as typed answers, enums and booleans as choices, objects field by field, lists of
// items in a list editor (add, change, remove; new items get the next free id), references
// chosen among the items the file already holds, and lists with one entry per planned item
// (step 6's outcome per indicator and status per insats).
import type { ChalkInstance } from 'chalk';
import type { YamlPath } from '../project/load.js';
import type { Begrepp } from '../content/types.js';
import { schemaAt, fieldInWords } from '../project/schema-words.js';
import { COLLECTIONS, REFERENCES, expand, indexIds, type IdKind } from '../project/refs.js';
import { getPath, isSelector, selectIndex, selectorOf } from '../project/progress.js';
import { isAnswered, judgeStep, type StepLike, type Unit } from '../judge/index.js';
import { RejectedError, type Edit, type Session } from './session.js';
import type { Asker, Choice, Separator } from './asker.js';
import { itemLabel, short, wrap } from './text.js';
import { formatHints } from './hints.js';
import { patternOf, referenceAt } from './paths.js';
import { branches, fieldUnit, formatHint, formatValue, isError, parseNumber, parseValue, valueProblem, valueWarnings } from './values.js';
import { question, type Nav } from './nav.js';
import { shown } from './showif.js';
import { parseTable, readCell, tableColumns } from './table.js';
import { cap } from '../text.js';

export { patternOf, referenceAt };

export interface Ctx {
  session: Session;
  ask: Asker;
  out: (s: string) => void;
  c: ChalkInstance;
  begrepp: Begrepp;
  /** Ask only what is still unanswered. */
  baraTomma: boolean;
  width: number;
  /** The step being asked: --bara-tomma asks what its judgement finds unanswered. */
  step?: StepLike;
  /** The questions asked so far, to go back to (nav.ts). */
  nav?: Nav;
  /**
   * While the fields ticked for a new item are asked: the previous item's answer at a path,
   * where a choice's cursor starts (Enter takes it, "Hoppa över" is still there).
   */
  suggest?: (path: YamlPath) => unknown;
}

type S = Record<string, any>;

// ── Places: where an answer is written ───────────────────────────────────────────────────

/** Where a value lives, and the edits that store a value there (undefined removes it). */
export interface Place {
  readonly path: YamlPath;
  write(value: unknown): Edit[];
}

export const at = (path: YamlPath): Place => ({ path, write: (value) => [{ path, value }] });

/** A field of the value at `parent`; writing it creates the parent when it does not exist. */
export function child(ctx: Ctx, parent: Place, key: string | number): Place {
  return {
    get path() { return [...parent.path, key]; },
    write(value) {
      const cur = getPath(ctx.session.data, parent.path);
      if (cur != null && typeof cur === 'object') return [{ path: [...parent.path, key], value }];
      if (value === undefined) return [];
      return parent.write(typeof key === 'number' ? [value] : { [key]: value });
    },
  };
}

/**
 * The item of a list that a selector picks ("[typ=styrgrupp]": the first group of that type,
 * "[senaste]": the last follow-up round). Where there is none, the first answer creates it as a
 * new item with the next free id and the selector's field set (typ: styrgrupp).
 */
export function selected(ctx: Ctx, list: Place, seg: string): Place {
  return itemPlace(ctx, list, (items) => selectIndex(items, seg), () => {
    const sel = selectorOf(seg);
    const prefix = listPrefix(list.path);
    const own: Record<string, unknown> = {};
    if (prefix) own.id = nextId(ctx.session.data, prefix);
    if ('fält' in sel) own[sel.fält] = sel.värde;
    return own;
  });
}

/**
 * One item of the list at `list`, found by `find` (an index, -1 when absent); writing to an
 * absent item appends it with the fields `fresh` gives (its id, the field that identifies it).
 */
function itemPlace(ctx: Ctx, list: Place, find: (items: any[]) => number, fresh: () => Record<string, unknown>): Place {
  const items = () => {
    const l = getPath(ctx.session.data, list.path);
    return Array.isArray(l) ? l : [];
  };
  return {
    get path() {
      const i = find(items());
      return [...list.path, i >= 0 ? i : items().length];
    },
    write(value) {
      const i = find(items());
      if (i >= 0) return [{ path: [...list.path, i], value }];
      if (value === undefined) return [];
      return child(ctx, list, items().length).write({ ...fresh(), ...(value as object) });
    },
  };
}

/** The place of a path from content/, whose selectors pick (or create) list items. */
export function placeOf(ctx: Ctx, path: YamlPath): Place {
  let p: Place = { path: [], write: (value) => [{ path: [], value }] };
  for (const seg of path) p = isSelector(seg) ? selected(ctx, p, seg) : child(ctx, p, seg);
  return p;
}

/** The entry of a list such as uppföljningar[].utfall that belongs to one item (by its id). */
export function entryPlace(ctx: Ctx, list: Place, key: string, id: string): Place {
  return itemPlace(ctx, list, (items) => items.findIndex((e) => e && typeof e === 'object' && e[key] === id), () => ({ [key]: id }));
}

// ── References and ids ───────────────────────────────────────────────────────────────────

/** The prefix of the ids of a list's items (G for organisation.grupper), if they have ids (refs.ts COLLECTIONS). */
export function listPrefix(path: YamlPath): string | undefined {
  const k = kindOfList(path);
  return k ? COLLECTIONS[k].prefix : undefined;
}

/** The step where items of a kind are added (for "nothing to choose yet" messages). */
const STEP_OF: Record<string, number> = {
  arena: 2, aktör: 2, grupp: 2, nyckeltal: 3, stöd: 3, behov: 3, fokusområde: 4, mål: 4, insats: 4, förutsättning: 4, indikator: 4, kommunikation: 4, referens: 1, uppföljning: 6,
};

/** The next free id with a prefix: one more than the highest in use anywhere in the file. */
export function nextId(data: unknown, prefix: string): string {
  const re = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const c of Object.values(COLLECTIONS)) {
    const list = getPath(data, c.path);
    if (!Array.isArray(list)) continue;
    for (const it of list) {
      const m = it && typeof it.id === 'string' ? re.exec(it.id) : null;
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return `${prefix}${max + 1}`;
}

export function kindOfList(path: YamlPath): IdKind | undefined {
  const p = path.join('.');
  return (Object.keys(COLLECTIONS) as IdKind[]).find((k) => COLLECTIONS[k].path.join('.') === p);
}

/**
 * Everything that refers to `id`, as the edits that remove those references: an id taken out
 * of a list of ids (the list removed when empty), a single reference removed, and an entry
 * that exists only for the item (uppföljning.insatser[].insats) removed whole.
 */
export function referenceRemovals(data: unknown, id: string): { edits: Edit[]; where: YamlPath[] } {
  const edits: Edit[] = [];
  const where: YamlPath[] = [];
  const entryDeletes = new Map<string, { list: YamlPath; indices: number[] }>();
  for (const r of REFERENCES) {
    const many = r.pattern.endsWith('[]');
    const pattern = many ? r.pattern.slice(0, -2) : r.pattern;
    for (const { path, value } of expand(data, pattern)) {
      if (many) {
        if (!Array.isArray(value) || !value.includes(id)) continue;
        where.push(path);
        const rest = value.filter((v) => v !== id);
        edits.push({ path, value: rest.length ? rest : undefined });
      } else {
        if (value !== id) continue;
        where.push(path);
        const key = path[path.length - 1] as string;
        const itemSchema = schemaAt(path.slice(0, -1));
        const owner = typeof path[path.length - 2] === 'number' && Array.isArray(itemSchema?.required) && itemSchema!.required.length === 1 && itemSchema!.required[0] === key && !itemSchema!.properties?.id;
        if (owner) {
          const list = path.slice(0, -2);
          const k = list.join('\u0000');
          if (!entryDeletes.has(k)) entryDeletes.set(k, { list, indices: [] });
          entryDeletes.get(k)!.indices.push(path[path.length - 2] as number);
        } else edits.push({ path, value: undefined });
      }
    }
  }
  for (const { list, indices } of entryDeletes.values()) {
    for (const i of indices.sort((a, b) => b - a)) edits.push({ path: [...list, i], value: undefined });
  }
  return { edits, where };
}

// ── Saving one answer ────────────────────────────────────────────────────────────────────

/** A function for prompts: true, or the Swedish message for why `value` cannot be saved. */
function checker(ctx: Ctx, place: Place): (value: unknown) => true | string {
  return (value) => {
    const edits = place.write(value);
    if (!edits.length) return true;
    const { problems } = ctx.session.check(edits);
    return problems.length ? ctx.session.messageFor(problems, place.path) : true;
  };
}

/** Saves `value` at `place`. Returns true, or the message if the answer was refused. */
export function commit(ctx: Ctx, place: Place, value: unknown): true | string {
  const edits = place.write(value);
  if (!edits.length) return true;
  try {
    ctx.session.apply(edits);
    return true;
  } catch (e) {
    if (e instanceof RejectedError) return ctx.session.messageFor(e.problems, place.path);
    throw e;
  }
}

function refused(ctx: Ctx, msg: string): void {
  ctx.out(ctx.c.red(msg.split('\n').map((l) => `  ✗ ${l}`).join('\n')) + '\n');
}

// ── Which fields still need an answer ───────────────────────────────────────────────────

const isPrefix = (a: YamlPath, b: YamlPath) => a.length <= b.length && a.every((x, i) => String(x) === String(b[i]));

/**
 * The step's units (judge/) that concern `path`: the unit it lies in, or the units below it.
 * None when the path is no part of the step's moments (a checklist item's fields, an item's).
 */
function unitsAt(ctx: Ctx, path: YamlPath): Unit[] {
  if (!ctx.step) return [];
  const j = judgeStep(ctx.session.data, ctx.step);
  const units = j.moment.flatMap((m) => m.units);
  const resolved = (u: Unit) => resolvePath(ctx.session.data, u.path);
  const within = units.filter((u) => isPrefix(resolved(u), path));
  return within.length ? within : units.filter((u) => isPrefix(path, resolved(u)));
}

/** A content path with its selectors replaced by the index they pick now (or the next free). */
function resolvePath(data: unknown, path: YamlPath): YamlPath {
  const out: YamlPath = [];
  for (const seg of path) {
    if (isSelector(seg)) {
      const list = getPath(data, out);
      const items = Array.isArray(list) ? list : [];
      const i = selectIndex(items, seg);
      out.push(i >= 0 ? i : items.length);
    } else out.push(seg);
  }
  return out;
}

/**
 * With --bara-tomma: does anything at `path` still need an answer? The judgement decides
 * (judge/, as status and check see it): a unit it counts answered is not asked again, so an
 * optional field the user skipped beside an answer is not asked at every run. Inside a unit,
 * or outside the moments' units, what is empty.
 */
export function needs(ctx: Ctx, path: YamlPath): boolean {
  if (!ctx.baraTomma) return true;
  const units = unitsAt(ctx, path);
  if (units.length) return units.some((u) => !u.answered);
  return emptyAt(ctx, path);
}

function emptyAt(ctx: Ctx, path: YamlPath): boolean {
  const v = getPath(ctx.session.data, path);
  const s = schemaAt(path);
  if (!s) return false;
  if (s.type === 'array' || referenceAt(path)) return !isAnswered(v);
  if (s.propertyNames?.enum) return (s.propertyNames.enum as string[]).some((k) => emptyAt(ctx, [...path, k]));
  if (s.properties) return Object.keys(s.properties).filter((k) => k !== 'id').some((k) => emptyAt(ctx, [...path, k]));
  return !isAnswered(v);
}

// ── The dispatcher ───────────────────────────────────────────────────────────────────────

export interface AskOptions {
  /** Fields of an object not to ask (already asked, or the item's own key). */
  except?: string[];
  /** Print the object's title as a heading. */
  heading?: boolean;
}

/** Asks for the value at `place` the way the schema says it is shaped. */
export async function askAny(ctx: Ctx, place: Place, label?: string, opts: AskOptions = {}): Promise<void> {
  const path = place.path;
  const s = schemaAt(path);
  if (!s || s.const !== undefined) return;
  if (!needs(ctx, path)) return;
  if (!shown(ctx.begrepp.visa_om, ctx.session.data, path)) return;
  const title = label ?? s.title ?? String(path[path.length - 1]);
  const ref = referenceAt(path);
  const isObject = !(s.propertyNames?.enum && typeof s.additionalProperties === 'object') && (s.type === 'object' || s.properties);
  // An object shows its explanations itself, under its heading.
  if (!isObject) showHints(ctx, path);
  // One question (a value, a choice, ticks) is a step that "<" goes back to; objects and lists
  // are the questions inside them.
  if (ref) return question(ctx, () => askReference(ctx, place, ref, title));
  if (s.propertyNames?.enum && typeof s.additionalProperties === 'object') return askFixedMap(ctx, place, s, title);
  if (isGenderSplit(s)) return question(ctx, () => askGenderSplit(ctx, place, title));
  if (isObject) return askObject(ctx, place, s, title, { heading: true, ...opts });
  if (s.type === 'array') {
    const items = schemaAt([...path, 0]) ?? {};
    if (items.type === 'object' || items.properties) {
      const keyed = keyedBy(path, items);
      if (keyed) return askKeyed(ctx, place, items, keyed, title);
      return askList(ctx, place, items, title);
    }
    if (items.enum) return question(ctx, () => askEnumList(ctx, place, items.enum, title));
    return question(ctx, () => askTextList(ctx, place, title));
  }
  return question(ctx, () => askLeaf(ctx, place, s, title));
}

/** The method's explanations for the question at `path` (content/begrepp.yaml, hjälp). */
const hintsShown = new WeakMap<Session, Set<string>>();
function showHints(ctx: Ctx, path: YamlPath): void {
  if (!hintsShown.has(ctx.session)) hintsShown.set(ctx.session, new Set());
  const t = formatHints(ctx.begrepp, path, ctx.width, hintsShown.get(ctx.session));
  if (t) ctx.out(ctx.c.dim(t) + '\n');
}

// ── Leaves ───────────────────────────────────────────────────────────────────────────────

const SKIP = '\u0000hoppa-över';
const CLEAR = '\u0000ta-bort';

function enumChoice(ctx: Ctx, path: YamlPath, v: unknown): Choice<unknown> {
  const key = String(path[path.length - 1]);
  const b = ctx.begrepp;
  const find = <T extends { id: string; titel: string }>(list: T[] | undefined) => list?.find((x) => x.id === v);
  if (path[0] === 'checklistor' && key === 'status') {
    const t = find(b.checkstatus);
    if (t) return { name: t.titel, value: v };
  }
  const nivå = find(b.preventionsnivåer);
  if (nivå && (key === 'nivå' || patternOf(path).endsWith('nivåer[]'))) return { name: nivå.titel, value: v, description: nivå.beskrivning };
  const mått = find(b.måtttyper);
  // A goal's type reads as a kind of goal (effektmål), an indicator's as a kind of measure.
  if (mått && key === 'typ') return { name: path.includes('mål') ? mått.måltitel : mått.titel, value: v, description: mått.beskrivning };
  const s = String(v);
  return { name: cap(s), value: v };
}

/**
 * A choice among values; Enter keeps the current one; a skip or remove choice is offered.
 * `extra` (a "+ Ny aktör") is offered after the values and returned when chosen, unsaved.
 */
async function askChoice(ctx: Ctx, place: Place, title: string, choices: Choice<unknown>[], extra?: Choice<unknown>): Promise<unknown> {
  const cur = getPath(ctx.session.data, place.path);
  for (;;) {
    const list: (Choice<unknown> | Separator)[] = [...choices, ...(extra ? [extra] : [])];
    // A value the file has that is not among the choices (edited by hand) is kept on Enter.
    if (cur !== undefined && !choices.some((ch) => ch.value === cur)) list.unshift({ name: `Behåll ${JSON.stringify(cur)} (inte ett av valen)`, value: cur });
    if (cur === undefined) list.unshift({ name: 'Hoppa över (svara senare)', value: SKIP });
    else list.push({ separator: ' ' }, { name: 'Ta bort svaret', value: CLEAR });
    // Not for a yes/no: a "Ja" carried over from the previous item is too easily taken unread.
    const like = cur === undefined && !choices.every((ch) => typeof ch.value === 'boolean') ? ctx.suggest?.(place.path) : undefined;
    const def = cur !== undefined ? cur : choices.some((ch) => ch.value === like) ? like : SKIP;
    const pick = await ctx.ask.select({ message: title, choices: list, default: def, path: place.path });
    if (pick === SKIP || pick === cur) return;
    if (extra && pick === extra.value) return pick;
    const r = commit(ctx, place, pick === CLEAR ? undefined : pick);
    if (r === true) return;
    refused(ctx, r);
  }
}

const formatNumber = (n: unknown) => formatValue(n);

async function askLeaf(ctx: Ctx, place: Place, s: S, title: string): Promise<void> {
  const path = place.path;
  if (s.enum) { await askChoice(ctx, place, title, s.enum.map((v: unknown) => enumChoice(ctx, path, v))); return; }
  if (s.type === 'boolean') { await askChoice(ctx, place, title, [{ name: 'Ja', value: true }, { name: 'Nej', value: false }]); return; }
  const isInt = s.type === 'integer';
  if (isInt && s.minimum !== undefined && s.maximum !== undefined && s.maximum - s.minimum <= 10) {
    const scale = String(path[path.length - 1]) === 'bedömning' ? ctx.begrepp.bedömningsskala : [];
    const values: number[] = [];
    for (let v = s.minimum; v <= s.maximum; v++) values.push(v);
    await askChoice(ctx, place, title, values.map((v) => ({ name: `${v}${scale.find((x) => x.värde === v) ? ` – ${scale.find((x) => x.värde === v)!.titel}` : ''}`, value: v })));
    return;
  }
  const cur = getPath(ctx.session.data, path);
  const check = checker(ctx, place);
  // The schema says how an answer is read (values.ts): a number, a date of any precision, or
  // one of an anyOf's shapes (a tal, a kostnad's år and belopp_kr); else a text.
  const bs = branches(s);
  const plainText = bs.length === 1 && s.type === 'string' && s.$def !== 'datum' && !s.pattern;
  // The field's unit ("85 000 kr" in a kronor field, "5 %" in a percentage) from values.ts.
  const unit = fieldUnit(path, s, ctx.session.data);
  const parse = (raw: string): unknown => (plainText ? raw : parseValue(s, raw, { unit }));
  const message = title + formatHint(s);
  const current = plainText ? (cur === undefined || cur === null ? undefined : String(cur)) : formatValue(cur);
  const long = plainText || bs.some((b) => b.properties?.bedömning);
  const validate = (raw: string): true | string => {
    const v = parse(raw);
    if (isError(v)) return v.error;
    return valueProblem(path, v, ctx.session.data) ?? check(v);
  };
  // A long answer is shown in full before the question, so that it can be read before Enter.
  if (long && current && current.length > 50) {
    const lines = wrap(current, ctx.width - 4, '    ').split('\n');
    ctx.out(ctx.c.dim((lines.length > 8 ? [...lines.slice(0, 7), '    …'] : lines).join('\n')) + '\n');
  }
  for (;;) {
    const ans = await ctx.ask.text({ message, current, validate, long, path });
    if (ans === undefined) return;
    let value: unknown;
    if (ans === null) value = undefined;
    else {
      const v = parse(ans);
      if (isError(v)) { refused(ctx, v.error); continue; }
      const problem = valueProblem(path, v, ctx.session.data);
      if (problem) { refused(ctx, problem); continue; }
      value = v;
      // A deadline already past, or outside the plan period, is pointed out; the user may keep it.
      const warnings = valueWarnings(path, v, ctx.session.dataAfter(place.write(v)));
      if (warnings.length) {
        ctx.out(ctx.c.yellow(warnings.map((w) => `  ! ${w}`).join('\n')) + '\n');
        if (!(await ctx.ask.confirm('Spara ändå?', true))) continue;
      }
    }
    const r = commit(ctx, place, value);
    if (r === true) return;
    refused(ctx, r);
  }
}

// ── A key figure's gender split: one question ────────────────────────────────────────────

const GENDER: Record<string, string> = { f: 'flickor', flickor: 'flickor', p: 'pojkar', pojkar: 'pojkar', k: 'kvinnor', kvinnor: 'kvinnor', m: 'män', män: 'män' };
const GENDER_KEYS = ['flickor', 'pojkar', 'kvinnor', 'män'];

function isGenderSplit(s: S): boolean {
  const keys = Object.keys(s.properties ?? {});
  return keys.length === GENDER_KEYS.length && GENDER_KEYS.every((k) => keys.includes(k));
}

/** "flickor 2290, pojkar 2420", "f 2290 p 2420", "k 47 m 35" → the split, or why it is not one. */
export function parseGenderSplit(sub: (key: string) => S, raw: string): Record<string, unknown> | { error: string } {
  const out: Record<string, unknown> = {};
  const parts: [string, string[]][] = [];
  // A comma between words separates; a comma between digits is a decimal comma (83,1).
  for (const tok of raw.trim().split(/[\s;]+|,(?!\d)/).filter(Boolean)) {
    const key = GENDER[tok.toLowerCase().replace(/[:=]$/, '')];
    if (key) parts.push([key, []]);
    else if (parts.length) parts[parts.length - 1]![1].push(tok);
    else return { error: 'Börja med vem talet gäller: flickor, pojkar, kvinnor eller män (eller f, p, k, m), t.ex. "flickor 51, pojkar 77".' };
  }
  for (const [key, words] of parts) {
    if (key in out) return { error: `${key} står två gånger.` };
    if (!words.length) return { error: `Skriv ett tal efter ${key}.` };
    const v = parseValue(sub(key), words.join(' '));
    if (isError(v)) return { error: `${key}: ${v.error}` };
    out[key] = v;
  }
  return GENDER_KEYS.filter((k) => k in out).reduce((o, k) => ({ ...o, [k]: out[k] }), {} as Record<string, unknown>);
}

/** The split as it is typed. */
export function formatGenderSplit(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const parts = GENDER_KEYS.filter((k) => o[k] !== undefined).map((k) => `${k} ${formatValue(o[k])}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** Flickor, pojkar, kvinnor and män as one answer, not four questions. */
async function askGenderSplit(ctx: Ctx, place: Place, title: string): Promise<void> {
  const check = checker(ctx, place);
  const sub = (key: string): S => schemaAt([...place.path, key]) ?? {};
  const current = formatGenderSplit(getPath(ctx.session.data, place.path));
  const validate = (raw: string): true | string => {
    const v = parseGenderSplit(sub, raw);
    return isError(v) ? v.error : check(v);
  };
  for (;;) {
    const ans = await ctx.ask.text({ message: `${title} (t.ex. flickor 51, pojkar 77 eller k 47, m 35)`, current, validate, path: place.path });
    if (ans === undefined) return;
    const v = ans === null ? undefined : parseGenderSplit(sub, ans);
    if (isError(v)) { refused(ctx, v.error); continue; }
    const r = commit(ctx, place, v);
    if (r === true) return;
    refused(ctx, r);
  }
}

/** A list of enum values (preventionsnivåer): tick the ones that apply. */
async function askEnumList(ctx: Ctx, place: Place, values: unknown[], title: string): Promise<void> {
  const cur = getPath(ctx.session.data, place.path);
  const have = Array.isArray(cur) ? cur : [];
  for (;;) {
    const picked = await ctx.ask.checkbox({ message: title, choices: values.map((v) => ({ ...enumChoice(ctx, [...place.path, 0], v), checked: have.includes(v) })), path: place.path });
    if (sameSet(picked, have)) return;
    const r = commit(ctx, place, picked.length ? values.filter((v) => picked.includes(v)) : undefined);
    if (r === true) return;
    refused(ctx, r);
  }
}

/** A list of short texts (språk): one line, separated by commas. */
async function askTextList(ctx: Ctx, place: Place, title: string): Promise<void> {
  const cur = getPath(ctx.session.data, place.path);
  const current = Array.isArray(cur) ? cur.join(', ') : undefined;
  const split = (raw: string) => raw.split(/\s*[,;]\s*/).map((x) => x.trim()).filter(Boolean);
  const check = checker(ctx, place);
  for (;;) {
    const ans = await ctx.ask.text({ message: `${title} (skilj med komma)`, current, validate: (raw) => check(split(raw)), path: place.path });
    if (ans === undefined) return;
    const v = ans === null ? undefined : split(ans);
    const r = commit(ctx, place, v && v.length ? v : undefined);
    if (r === true) return;
    refused(ctx, r);
  }
}

const sameSet = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x) => b.includes(x));

// ── References ───────────────────────────────────────────────────────────────────────────

async function askReference(ctx: Ctx, place: Place, ref: { kinds: IdKind[]; many: boolean }, title: string): Promise<void> {
  const data = ctx.session.data;
  const index = indexIds(data);
  const options = ref.kinds.flatMap((k) => index.ofKind(k)).filter((it) => typeof it.id === 'string');
  if (!options.length) {
    const k = ref.kinds[0]!;
    ctx.out(ctx.c.dim(`  ${title}: det finns ännu ingen ${COLLECTIONS[k].words} att välja (de läggs till i steg ${STEP_OF[k]}).`) + '\n');
    return;
  }
  const cur = getPath(data, place.path);
  const name = (it: any) => `${it.id}  ${short(itemLabel(it), 70)}`;
  if (ref.many) {
    const have = Array.isArray(cur) ? cur : [];
    // "+ Ny aktör" in a tick list too: ticked, it makes one (added to its list) and ticks it.
    const k = ref.kinds[0]!;
    const canMake = ref.kinds.length === 1 && NEW_IN_CHOICE.includes(k);
    for (;;) {
      const make = canMake ? [{ name: `+ Ny ${COLLECTIONS[k].words} (kryssa i och tryck Enter)`, value: NEW, checked: false }] : [];
      const raw = await ctx.ask.checkbox({ message: title, choices: [...options.map((it) => ({ name: name(it), value: it.id as string, checked: have.includes(it.id) })), ...make], path: place.path });
      let picked = raw.filter((x) => x !== NEW);
      if (raw.includes(NEW)) {
        const id = await addItem(ctx, COLLECTIONS[k].path, schemaAt([...COLLECTIONS[k].path, 0]) ?? {}, k, COLLECTIONS[k].words);
        if (typeof id === 'string') picked = [...picked, id];
      }
      if (sameSet(picked, have)) return;
      const known = options.map((it) => it.id as string);
      const ordered = [...known.filter((id) => picked.includes(id)), ...picked.filter((id) => !known.includes(id))];
      const r = commit(ctx, place, ordered.length ? ordered : undefined);
      if (r === true) return;
      refused(ctx, r);
    }
  }
  const k = ref.kinds[0]!;
  if (!NEW_IN_CHOICE.includes(k)) { await askChoice(ctx, place, title, options.map((it) => ({ name: name(it), value: it.id }))); return; }
  // A new aktör or arena can be made without leaving the item: it is added to its list, then chosen.
  const made = await askChoice(ctx, place, title, options.map((it) => ({ name: name(it), value: it.id })), { name: `+ Ny ${COLLECTIONS[k].words}`, value: NEW });
  if (made !== NEW) return;
  const listPath = COLLECTIONS[k].path;
  const id = await addItem(ctx, listPath, schemaAt([...listPath, 0]) ?? {}, k, COLLECTIONS[k].words);
  if (typeof id !== 'string') return;
  const r = commit(ctx, place, id);
  if (r === true) ctx.out(ctx.c.green(`  ✓ ${title}: ${id}`) + '\n');
  else refused(ctx, r);
}

/** The kinds that a choice can create a new one of ("+ Ny aktör"). */
const NEW_IN_CHOICE: IdKind[] = ['aktör', 'arena'];
const NEW = '\u0000ny';

// ── Objects ──────────────────────────────────────────────────────────────────────────────

export async function askObject(ctx: Ctx, place: Place, s: S, title: string, opts: AskOptions = {}): Promise<void> {
  if (!needs(ctx, place.path)) return;
  if (opts.heading && title) {
    // beslut.handlingsplan is titled "Handlingsplan": say what it is.
    const parent = place.path.length === 2 ? schemaAt(place.path.slice(0, 1))?.title : undefined;
    const heading = parent && place.path[0] === 'beslut' ? `${parent}: ${title.toLowerCase()}` : title;
    ctx.out(ctx.c.bold(`  ${heading}`) + '\n');
  }
  showHints(ctx, place.path);
  // Which fields are asked is content's show-if rules (askAny): a group that does not exist, say.
  for (const key of Object.keys(s.properties ?? {})) {
    if (key === 'id' || opts.except?.includes(key)) continue;
    await askAny(ctx, child(ctx, place, key));
  }
}

/** A map with a fixed set of keys (the eleven factors): each key in turn. */
async function askFixedMap(ctx: Ctx, place: Place, s: S, title: string): Promise<void> {
  ctx.out(ctx.c.bold(`  ${title}`) + '\n');
  for (const key of s.propertyNames.enum as string[]) {
    const p = child(ctx, place, key);
    if (!needs(ctx, p.path)) continue;
    const f = ctx.begrepp.faktorer.find((x) => x.id === key);
    const label = f ? `${f.nummer}. ${f.titel}` : key;
    ctx.out(ctx.c.cyan(`  ${label}`) + '\n');
    await askObject(ctx, p, schemaAt(p.path) ?? {}, label);
  }
}

// ── Lists of items ───────────────────────────────────────────────────────────────────────

const ADD = '\u0000lägg-till';
const DONE = '\u0000klar';
const PASTE = '\u0000klistra-in';

function noun(path: YamlPath): string {
  const k = kindOfList(path);
  if (k) return COLLECTIONS[k].words;
  const items = schemaAt([...path, 0]);
  return items?.properties?.roll ? 'person' : 'post';
}

/** Which items of a list an editor shows (the other groups: not the styrgrupp or arbetsgrupp). */
export interface ListFilter {
  shows: (item: any) => boolean;
  /** What a new item is asked first, instead of the list's required fields (a group's typ). */
  first?: string[];
}

export async function askList(ctx: Ctx, place: Place, itemSchema: S, title: string, filter?: ListFilter): Promise<void> {
  const kind = kindOfList(place.path);
  const what = noun(place.path);
  // After an item was added here, Enter adds the next one (a list is mostly entered in a row).
  let added = false;
  for (;;) {
    const list = getPath(ctx.session.data, place.path);
    const all: any[] = Array.isArray(list) ? list : [];
    const shown = all.flatMap((it, i) => (!filter || filter.shows(it) ? [i] : []));
    const items = shown.map((i) => all[i]);
    const choices: (Choice<unknown> | Separator)[] = shown.map((i) => ({
      name: `${all[i] && typeof all[i].id === 'string' ? `${all[i].id}  ` : ''}${short(itemLabel(all[i]), 70) || '(utan namn)'}`,
      value: i,
    }));
    if (items.length) choices.push({ separator: ' ' });
    choices.push({ name: `+ Lägg till ${what}`, value: ADD }, { name: items.length ? 'Klar – gå vidare' : 'Hoppa över (inga just nu)', value: DONE });
    // A table from Excel or Word, for a list of items with ids (not a group's members): last,
    // so that Up from Klar is still "+ Lägg till".
    if (kind !== undefined && !filter) choices.push({ name: 'Klistra in en tabell (från Excel eller Word)', value: PASTE });
    const pick = await ctx.ask.select({ message: `${title} (${items.length} st)`, choices, default: added ? ADD : DONE, pageSize: 15, path: place.path });
    if (pick === DONE) return;
    if (pick === PASTE) {
      added = false;
      await pasteTable(ctx, place.path, what);
      continue;
    }
    if (pick === ADD) {
      added = (await addItem(ctx, place.path, itemSchema, kind, what, filter)) !== undefined;
      continue;
    }
    added = false;
    await itemScreen(ctx, place.path, pick as number, itemSchema, what);
  }
}

/**
 * A pasted table as new items of the list: the allowed headers are shown first, the table is
 * read (table.ts), the new items are shown, and one yes saves them all as one answer (one
 * save, one undo step).
 */
async function pasteTable(ctx: Ctx, listPath: YamlPath, what: string): Promise<void> {
  const cols = tableColumns(listPath);
  const prefix = listPrefix(listPath);
  const inner = [...new Set(cols.filter((c) => c.inner).map((c) => c.title.split(':')[0]!))];
  ctx.out(ctx.c.dim(wrap(`Kopiera tabellen i Excel eller Word, rubrikraden först, och klistra in den här (Ctrl+Skift+V), sedan Enter. Varje rad blir en post; kolumnerna skiljs med tabb (som Excel och Word kopierar) eller semikolon.${inner.length ? ` En rad där bara kolumnerna "${inner[0]}: …" är ifyllda lägger till en till i raden ovanför.` : ''} Rubriker som går: ${cols.map((c) => c.title).join(', ')}.`, ctx.width - 4, '  ')) + '\n');
  const sub = (path: YamlPath) => (key: string): S => schemaAt([...path, key]) ?? {};
  const read = (raw: string) => parseTable(raw, listPath, (col, t) => readCell(ctx.session.data, col, t, (p, v) => enumChoice(ctx, p, v).name, (_s, r) => parseGenderSplit(sub(col.path), r)));
  // The items with their ids, and the edits that append them.
  const build = (items: Record<string, unknown>[]) => {
    const list = getPath(ctx.session.data, listPath);
    const n = Array.isArray(list) ? list.length : 0;
    const first = prefix ? Number(nextId(ctx.session.data, prefix).slice(prefix.length)) : 0;
    const withIds = items.map((it, i) => (prefix ? { id: `${prefix}${first + i}`, ...it } : it));
    return { withIds, edits: withIds.map((it, i) => ({ path: [...listPath, n + i], value: it })) as Edit[] };
  };
  const validate = (raw: string): true | string => {
    const t = read(raw);
    if ('error' in t) return t.error;
    const { edits } = build(t.items);
    const { problems } = ctx.session.check(edits);
    // A value the schema refuses (a percentage over 100): said with the table row it came from.
    return problems.length ? problems.map((pr) => {
      const i = edits.findIndex((e) => e.path.every((x, k) => String(pr.path[k]) === String(x)));
      return `${i >= 0 ? `Rad ${t.rows[i]}: ` : ''}${pr.message}`;
    }).join('\n') : true;
  };
  const raw = await ctx.ask.text({ message: `Klistra in tabellen (${what})`, validate, table: true, path: listPath });
  if (raw === undefined || raw === null) { ctx.out(ctx.c.dim(`  Inget lades till.`) + '\n'); return; }
  const t = read(raw);
  if ('error' in t) { refused(ctx, t.error); return; }
  const { withIds, edits } = build(t.items);
  for (const it of withIds) {
    // The item's name as its heading, its other answers below it.
    const label = itemLabel(it);
    const filled = Object.entries(it).filter(([k, v]) => k !== 'id' && isAnswered(v) && v !== label).map(([k, v]) => `${schemaAt([...listPath, 0, k])?.title ?? k}: ${shortAnswer(v)}`);
    ctx.out(`  ${ctx.c.cyan(`${typeof it.id === 'string' ? it.id + ' ' : ''}${short(label, 60)}`)}\n${filled.length ? ctx.c.dim(wrap(filled.join('; '), ctx.width - 6, '      ')) + '\n' : ''}`);
  }
  if (!(await ctx.ask.confirm(`Lägga till ${withIds.length} st (${what})?`, true, listPath))) { ctx.out(ctx.c.dim(`  Inget lades till.`) + '\n'); return; }
  try {
    ctx.session.apply(edits);
    ctx.out(ctx.c.green(`  ✓ ${withIds.length} st sparade${prefix ? ` (${withIds[0]!.id}–${withIds[withIds.length - 1]!.id})` : ''}`) + '\n');
  } catch (e) {
    if (e instanceof RejectedError) refused(ctx, ctx.session.messageFor(e.problems, listPath));
    else throw e;
  }
}

/** The fields of an item as the item screen lists them: required first, then in the schema's order. */
function itemKeys(ctx: Ctx, place: Place, itemSchema: S): string[] {
  const req = ((itemSchema.required ?? []) as string[]).filter((k) => k !== 'id');
  const keys = Object.keys(itemSchema.properties ?? {}).filter((k) => k !== 'id');
  return [...req, ...keys.filter((k) => !req.includes(k))].filter((k) => req.includes(k) || shown(ctx.begrepp.visa_om, ctx.session.data, [...place.path, k]));
}

/** A value shortened for one line of a screen: the text, the number, "3 st", "–" when unanswered. */
export function shortAnswer(v: unknown): string {
  if (!isAnswered(v)) return '–';
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object') ? short(v.join(', '), 40) : `${v.length} st`;
  if (v && typeof v === 'object') {
    const g = formatGenderSplit(v);
    if (g && Object.keys(v).every((k) => GENDER_KEYS.includes(k))) return g;
    const f = formatValue(v);
    if (f !== '[object Object]' && f !== undefined) return short(f, 40);
    const vals = Object.values(v as object).filter(isAnswered);
    if (vals.every((x) => x === null || typeof x !== 'object')) return short(vals.map((x) => formatValue(x)).join('; '), 45);
    return `${vals.length} ifyllda`;
  }
  return short(formatValue(v) ?? String(v), 45);
}

const REMOVE = '\u0000ta-bort-post';

/**
 * One item on one screen: all its fields with their answers, required first; choosing one asks
 * it (and comes back here), "Ta bort" removes the item, Enter goes back to the list.
 */
async function itemScreen(ctx: Ctx, listPath: YamlPath, i: number, itemSchema: S, what: string): Promise<void> {
  const place = at([...listPath, i]);
  const was = ctx.baraTomma;
  ctx.baraTomma = false;
  try {
    for (;;) {
      const item = getPath(ctx.session.data, place.path) as Record<string, unknown> | undefined;
      if (!item) return;
      const keys = itemKeys(ctx, place, itemSchema);
      const choices: (Choice<unknown> | Separator)[] = keys.map((k) => ({ name: `${schemaAt([...place.path, k])?.title ?? k}: ${shortAnswer(item[k])}`, value: k }));
      choices.push({ separator: ' ' }, { name: `Ta bort ${what}`, value: REMOVE }, { name: 'Klar – tillbaka till listan', value: DONE });
      const pick = await ctx.ask.select({
        message: `${typeof item.id === 'string' ? item.id + ' ' : ''}${short(itemLabel(item), 60)} – välj en uppgift att fylla i eller ändra`,
        choices, default: DONE, pageSize: 20, path: place.path,
      });
      if (pick === DONE) return;
      if (pick === REMOVE) { await removeItem(ctx, listPath, i); return; }
      await askAny(ctx, child(ctx, place, pick as string));
    }
  } finally {
    ctx.baraTomma = was;
  }
}

async function addItem(ctx: Ctx, listPath: YamlPath, itemSchema: S, kind: IdKind | undefined, what: string, filter?: ListFilter): Promise<string | number | undefined> {
  const data = ctx.session.data;
  const required = filter?.first ?? ((itemSchema.required ?? []) as string[]).filter((k) => k !== 'id');
  const prefix = listPrefix(listPath);
  const id = prefix ? nextId(data, prefix) : undefined;
  const list = getPath(data, listPath);
  const n = Array.isArray(list) ? list.length : 0;
  const ett = /^(nyckeltal|befintligt stöd|utvecklingsbehov|mål)$/.test(what);
  ctx.out(ctx.c.cyan(`  ${ett ? 'Nytt' : 'Ny'} ${what}${id ? ` (${id})` : ''}`) + ctx.c.dim(' – lämna första frågan tom för att avbryta') + '\n');
  const draft: Record<string, unknown> = {};
  for (const key of required) {
    const s = schemaAt([...listPath, n, key]) ?? {};
    if (s.enum) {
      // A kind to choose (a group's typ): one of the values, or nothing added.
      const pick = await ctx.ask.select({ message: s.title ?? key, choices: [...(s.enum as unknown[]).filter((v) => !filter || filter.shows({ [key]: v })).map((v) => enumChoice(ctx, [...listPath, n, key], v)), { name: 'Avbryt', value: SKIP }], default: SKIP, path: [...listPath, n, key] });
      if (pick === SKIP) {
        ctx.out(ctx.c.dim(`  Ingen ${what} lades till.`) + '\n');
        return undefined;
      }
      draft[key] = pick;
      continue;
    }
    const plainText = branches(s).length === 1 && s.type === 'string' && s.$def !== 'datum' && !s.pattern;
    const ans = await ctx.ask.text({
      message: `${s.title ?? key}${plainText ? '' : formatHint(s)}`,
      validate: (raw) => {
        const v = plainText ? raw : parseValue(s, raw, { unit: fieldUnit([...listPath, n, key], s) });
        return isError(v) ? v.error : true;
      },
      long: plainText,
      path: [...listPath, n, key],
    });
    if (ans === undefined || ans === null) {
      ctx.out(ctx.c.dim(`  Ingen ${what} lades till.`) + '\n');
      return undefined;
    }
    draft[key] = plainText ? ans : parseValue(s, ans, { unit: fieldUnit([...listPath, n, key], s) });
  }
  // Keys in the schema's order, so the file reads the same way as the examples.
  const item: Record<string, unknown> = {};
  for (const k of Object.keys(itemSchema.properties ?? {})) {
    if (k === 'id' && id) item.id = id;
    else if (k in draft) item[k] = draft[k];
  }
  const place = at([...listPath, n]);
  const r = commit(ctx, place, item);
  if (r !== true) {
    refused(ctx, r);
    return undefined;
  }
  ctx.out(ctx.c.green(`  ✓ ${id ? id + ' ' : ''}sparad`) + '\n');
  // The rest of the item on one screen: the user ticks what to fill in now, ticked at first as
  // the list's previous item has it (items of a list are mostly alike).
  const rest = itemKeys(ctx, place, itemSchema).filter((k) => !required.includes(k));
  // The previous item the same list editor shows (the other groups: not the styrgrupp).
  const prev = Array.isArray(list) ? list.slice(0, n).reverse().find((it) => it && typeof it === 'object' && (!filter || filter.shows(it))) : undefined;
  const had = (k: string) => Boolean(prev && typeof prev === 'object' && isAnswered(prev[k]));
  const was = ctx.baraTomma;
  ctx.baraTomma = false;
  try {
    if (!prev || rest.length <= 4) {
      // The first item of a list, or a small one (a cost, a comparison): field by field.
      await askObject(ctx, place, itemSchema, '', { except: ['id', ...required] });
    } else {
      const picked = await ctx.ask.checkbox({
        message: `Vad vill du fylla i för ${id ?? what}? (blanksteg kryssar, Enter frågar de kryssade)`,
        choices: rest.map((k) => ({ name: schemaAt([...listPath, n, k])?.title ?? k, value: k, checked: had(k) })),
        pageSize: 20,
        path: place.path,
      });
      const suggest = ctx.suggest;
      const base = place.path.length;
      ctx.suggest = (path) => (isPrefix(place.path, path) ? getPath(prev, path.slice(base)) : undefined);
      try {
        await askObject(ctx, place, itemSchema, '', { except: ['id', ...required, ...rest.filter((k) => !picked.includes(k))] });
      } finally {
        ctx.suggest = suggest;
      }
    }
  } finally {
    ctx.baraTomma = was;
  }
  return id ?? n;
}

async function removeItem(ctx: Ctx, listPath: YamlPath, i: number): Promise<void> {
  const data = ctx.session.data;
  const list = getPath(data, listPath) as any[];
  const item = list[i];
  const id = item && typeof item.id === 'string' ? item.id : undefined;
  const { edits, where } = id ? referenceRemovals(data, id) : { edits: [], where: [] };
  const label = `${id ? id + ' ' : ''}${short(itemLabel(item), 50)}`;
  if (where.length) {
    ctx.out(ctx.c.yellow(`  ${label} nämns på ${where.length} ställe${where.length === 1 ? '' : 'n'}; de hänvisningarna tas också bort:`) + '\n');
    for (const w of where.slice(0, 8)) ctx.out(ctx.c.dim(`    ${fieldInWords(w, data)}`) + '\n');
    if (where.length > 8) ctx.out(ctx.c.dim(`    … och ${where.length - 8} till`) + '\n');
  }
  if (!(await ctx.ask.confirm(`Ta bort ${label}?`, false, [...listPath, i]))) return;
  try {
    ctx.session.apply([...edits, { path: [...listPath, i], value: undefined }]);
    ctx.out(ctx.c.green(`  ✓ ${label} borttagen`) + '\n');
  } catch (e) {
    if (e instanceof RejectedError) refused(ctx, ctx.session.messageFor(e.problems, listPath));
    else throw e;
  }
}

// ── One entry per planned item (step 6) ──────────────────────────────────────────────────

function keyedBy(path: YamlPath, items: S): { key: string; kind: IdKind } | undefined {
  const req = items.required;
  if (!Array.isArray(req) || req.length !== 1 || items.properties?.id) return undefined;
  const r = referenceAt([...path, 0, req[0]]);
  if (!r || r.many) return undefined;
  return { key: req[0], kind: r.kinds[0]! };
}

function plannedDetails(kind: IdKind, it: any): string {
  const parts: string[] = [];
  if (kind === 'indikator') {
    const unit = it.enhet ? ` ${it.enhet}` : '';
    if (it.utgångsvärde !== undefined) parts.push(`utgångsvärde ${formatNumber(it.utgångsvärde)}${unit}`);
    if (it.målvärde !== undefined) parts.push(`målvärde ${formatNumber(it.målvärde)}${unit}`);
    if (it.måldatum) parts.push(`senast ${it.måldatum}`);
  } else if (kind === 'insats') {
    if (it.start || it.slut) parts.push(`planerad ${it.start ?? '?'} – ${it.slut ?? '?'}`);
    if (it.åtgärd) parts.push(it.åtgärd);
  }
  return parts.length ? ` (${parts.join(', ')})` : '';
}

async function askKeyed(ctx: Ctx, place: Place, itemSchema: S, keyed: { key: string; kind: IdKind }, title: string): Promise<void> {
  const targets = indexIds(ctx.session.data).ofKind(keyed.kind).filter((it) => typeof it.id === 'string');
  if (!targets.length) {
    ctx.out(ctx.c.dim(`  ${title}: det finns ännu ingen ${COLLECTIONS[keyed.kind].words} att följa upp (de läggs till i steg ${STEP_OF[keyed.kind]}).`) + '\n');
    return;
  }
  ctx.out(ctx.c.bold(`  ${title}`) + ctx.c.dim(` – ${targets.length} st från handlingsplanen`) + '\n');
  for (const t of targets) {
    const ep = entryPlace(ctx, place, keyed.key, t.id);
    if (!needs(ctx, ep.path) && getPath(ctx.session.data, ep.path) !== undefined) continue;
    ctx.out(ctx.c.cyan(`  ${t.id} ${short(itemLabel(t), 60)}`) + ctx.c.dim(plannedDetails(keyed.kind, t)) + '\n');
    // A missing entry is wholly unanswered; an existing one is asked as far as needed.
    await askObject(ctx, ep, itemSchema, '', { except: [keyed.key] });
  }
}

