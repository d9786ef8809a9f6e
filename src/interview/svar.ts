// `fsstöd step N --svar fil`: a step's answers from a YAML or JSON file shaped like the
// project file, without a terminal. Maps are merged key by key into the project file, lists
// of items item by item (by id or roll; `ta_bort` beside a list removes), other values (text,
// numbers, lists of plain values) replace what is there, null removes a value. Everything is
// checked with the same schema as `validate` before anything is written; problems point at
// line and column in the answers file. See docs/svar.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { Step } from '../content/types.js';
import { stepPaths } from '../content/paths.js';
import { InputError } from '../errors.js';
import { decodeUserText, displayPath, MAX_BYTES, parseUserYaml, nodeAt, positionOf, readStdin, STDIN_DISPLAY, yamlLib, type YamlPath } from '../project/load.js';
import { getPath, isSelector, splitPath } from '../project/progress.js';
import type { Problem } from '../project/validate.js';
import { listPrefix, nextId, referenceRemovals } from './fields.js';
import { isDeepStrictEqual } from 'node:util';
import { fieldInWords, schemaAt } from '../project/schema-words.js';
import { COLLECTIONS, indexIds } from '../project/refs.js';
import { itemLabel, short } from './text.js';
import { withValue } from './yaml-edit.js';
import type { Edit, Session } from './session.js';

const isMapValue = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const startsWith = (path: YamlPath, base: YamlPath) => base.length <= path.length && base.every((s, i) => s === path[i]);

export interface SvarProblem {
  message: string;
  file: string;
  line?: number;
  col?: number;
}

function parseSvar(file: string): { display: string; doc: Document.Parsed; lc: LineCounter; data: Record<string, unknown> } {
  const display = file === '-' ? STDIN_DISPLAY : displayPath(resolve(file));
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readStdin() : readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'svarsfilen finns inte' : code === 'EISDIR' ? 'det här är en mapp, inte en svarsfil' : `svarsfilen kunde inte läsas (${code ?? 'okänt fel'})`, { file: display }, 'Se docs/svar.md för hur en svarsfil ser ut.');
  }
  if (bytes.length > MAX_BYTES) throw new InputError(`svarsfilen är för stor (över ${MAX_BYTES / 1048576} MB)`, { file: display });
  // The same decoding as the project file: what it refuses, an answers file cannot bring in.
  const { text } = decodeUserText(bytes, display);
  // The same parse as the project file (load.ts): what one command reads, every command reads.
  const { doc, lineCounter: lc, data } = parseUserYaml(text, display, 'ogiltig YAML i svarsfilen');
  if (!isMapValue(data)) {
    throw new InputError('svarsfilen ska vara en mappning med samma nycklar som projektfilen (t.ex. "förankring:")', { file: display, line: 1, col: 1 }, 'Se docs/svar.md för ett exempel.');
  }
  return { display, doc, lc, data };
}

/** A path of the merged data and the place in the answers file its value comes from. */
interface Place {
  path: YamlPath;
  from: YamlPath;
}

/** What the answers do to the project file, for the summary after saving. */
export interface SvarSummary {
  /** New list items: their ids (or, in lists without ids, their roll or key). */
  added: string[];
  /** Changed answers: a field, or a list item however many of its fields changed. */
  changed: number;
  /** Items removed with ta_bort. */
  removed: string[];
  /** References to removed items that were removed with them (the fields, in words). */
  references: string[];
}

export interface SvarPlan extends SvarSummary {
  edits: Edit[];
  problems: SvarProblem[];
  places: Place[];
  /** The answers file held something for the step (even if it was all there already). */
  answered: boolean;
}

/**
 * The field that identifies an item of a list: `id` where items have one, else the one field
 * every item must have (a member's roll, a status entry's insats). Lists without one (lists of
 * plain values such as arenor: [AR1, AR2]) are values and are replaced whole.
 */
export function itemKey(listPath: YamlPath): string | undefined {
  const items = schemaAt([...listPath, 0]);
  if (!items?.properties || items.type !== 'object') return undefined;
  if (items.properties.id) return 'id';
  if (Array.isArray(items.required) && items.required.length === 1) return items.required[0];
  // A member is a role or a body (formatversion 2 requires neither): matched by its role.
  return items.properties.roll ? 'roll' : undefined;
}

/**
 * Where an answer's item has no id, the item it means: the content's selector for the list
 * (organisation.grupper[typ=styrgrupp] → the group with the same typ; uppföljningar[senaste] →
 * the last round).
 */
/** Keys of formatversion 1 that an answers file may still use: where their answers go now. */
const V1_PLACES: Record<string, string> = {
  'organisation.styrgrupp': 'organisation.styrgrupp finns inte i formatversion 2: styrgruppen är en grupp i organisation.grupper med typ styrgrupp, t.ex. organisation: {grupper: [{typ: styrgrupp, mandat: …}]}',
  'organisation.arbetsgrupp': 'organisation.arbetsgrupp finns inte i formatversion 2: arbetsgruppen är en grupp i organisation.grupper med typ arbetsgrupp, t.ex. organisation: {grupper: [{typ: arbetsgrupp, uppdrag: …}]}',
  uppföljning: 'uppföljning finns inte i formatversion 2: en uppföljning är en omgång i uppföljningar, t.ex. uppföljningar: [{period: {från: 2027, till: 2027}, utfall: […]}] (en post utan id fyller i den senaste omgången)',
};

const NATURAL_KEYS: Record<string, string> = { 'organisation.grupper': 'typ', uppföljningar: '[senaste]' };

const TA_BORT = 'ta_bort';
const samePath = (path: YamlPath, base: YamlPath) => base.length <= path.length && base.every((s, i) => String(s) === String(path[i]));
const keyOf = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const dotted = (p: YamlPath) => p.join('.');

/**
 * The edits an answers file makes to `data`, or the problems that stop it. Maps merge key by
 * key; lists of items merge item by item (by id or the item's key), new items are appended
 * (with the next free id), and `ta_bort: [...]` beside lists removes items from them.
 */
export function svarEdits(step: Step, data: unknown, svarData: Record<string, unknown>, where: (path: YamlPath, key?: boolean) => { line: number; col: number }, display: string): SvarPlan {
  // A path that selects a list item (organisation.grupper[typ=styrgrupp]) allows answers under
  // the whole list; the items are found by id, or by the natural key (typ) where ids are absent.
  const allowed = stepPaths(step).map((p) => { const i = p.findIndex(isSelector); return i < 0 ? p : p.slice(0, i); });
  const inStep = (p: YamlPath) => allowed.some((a) => startsWith(p, a));
  const edits: Edit[] = [];
  const places: Place[] = [];
  const problems: SvarProblem[] = [];
  const changed = new Set<string>();
  const added: string[] = [];
  const removals: { list: YamlPath; key: string; value: string; from: YamlPath }[] = [];
  /** Existing items the answers change ("list#index"), which ta_bort must not remove. */
  const touched = new Set<string>();
  let answered = false;
  const problem = (message: string, at: YamlPath, key = false) => problems.push({ message, file: display, ...where(at, key) });
  const edit = (path: YamlPath, from: YamlPath, value: unknown, unit: string) => {
    edits.push({ path, value });
    places.push({ path, from });
    changed.add(unit);
  };

  const set = (path: YamlPath, from: YamlPath, v: unknown, unit?: string): void => {
    answered = true;
    const cur = getPath(data, path);
    if (v === null || v === undefined) {
      if (cur !== undefined) edit(path, from, undefined, unit ?? dotted(path));
      return;
    }
    if (isMapValue(v) && isMapValue(cur)) { mapInto(path, from, v, unit); return; }
    const key = Array.isArray(v) ? itemKey(path) : undefined;
    if (key && Array.isArray(v) && v.every(isMapValue)) { mergeList(path, from, v as Record<string, unknown>[], Array.isArray(cur) ? cur : undefined, key); return; }
    if (isMapValue(v)) v = withoutRemovals(path, from, v);
    if (isDeepStrictEqual(cur, v)) return;
    edit(path, from, v, unit ?? dotted(path));
  };

  const mapInto = (path: YamlPath, from: YamlPath, v: Record<string, unknown>, unit?: string): void => {
    for (const [k, x] of Object.entries(v)) {
      if (k === TA_BORT) removalsAt(path, from, x, () => true);
      else set([...path, k], [...from, k], x, unit);
    }
  };

  /** A new map holds no ta_bort to save; what it names cannot exist yet. */
  const withoutRemovals = (path: YamlPath, from: YamlPath, v: Record<string, unknown>): Record<string, unknown> => {
    if (!(TA_BORT in v)) return v;
    removalsAt(path, from, v[TA_BORT], () => true);
    const { [TA_BORT]: _, ...rest } = v;
    return rest;
  };

  const mergeList = (path: YamlPath, from: YamlPath, v: Record<string, unknown>[], cur: unknown[] | undefined, key: string): void => {
    const prefix = key === 'id' ? listPrefix(path) : undefined;
    const natural = NATURAL_KEYS[dotted(path)];
    // New ids are higher than any in the file and than those the answers give themselves.
    let n = prefix ? Number(nextId(data, prefix).slice(prefix.length)) - 1 : 0;
    if (prefix) {
      const re = new RegExp(`^${prefix}(\\d+)$`);
      for (const it of v) {
        const m = typeof it.id === 'string' ? re.exec(it.id) : null;
        if (m) n = Math.max(n, Number(m[1]));
      }
    }
    const fresh: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    const byId = key === 'id' ? indexIds(data).byId : undefined;
    v.forEach((item, j) => {
      const at: YamlPath = [...from, j];
      let k = keyOf(item[key]);
      // Without an id: the item the content's selector means (the group of that typ, the last round).
      if (k === undefined && natural && cur) {
        const i = natural === '[senaste]' ? cur.length - 1 : cur.findIndex((c) => isMapValue(c) && item[natural] !== undefined && c[natural] === item[natural]);
        const hit = i >= 0 ? keyOf((cur[i] as Record<string, unknown>)?.[key]) : undefined;
        if (hit !== undefined) k = hit;
        else if (i >= 0) {
          touched.add(`${dotted(path)}#${i}`);
          places.push({ path: [...path, i], from: at });
          mapInto([...path, i], at, item, `${dotted(path)}#${i}`);
          return;
        }
      }
      if (k !== undefined) {
        if (seen.has(k)) { problem(`${dotted(path)}: ${key} ${k} står två gånger i svarsfilen; skriv postens ändringar på ett ställe`, [...at, key]); return; }
        seen.add(k);
      }
      const matches = k === undefined || !cur ? [] : cur.flatMap((c, i) => (isMapValue(c) && keyOf(c[key]) === k ? [i] : []));
      if (matches.length === 1 && item[key] === undefined) {
        const i = matches[0]!;
        touched.add(`${dotted(path)}#${i}`);
        places.push({ path: [...path, i], from: at });
        mapInto([...path, i], at, item, `${dotted(path)}#${i}`);
        return;
      }
      if (matches.length > 1) { problem(`${dotted(path)}: ${matches.length} poster i projektfilen har ${key} ${k}, så det går inte att veta vilken som menas; rätta projektfilen först`, [...at, key]); return; }
      if (matches.length === 1) {
        const i = matches[0]!;
        touched.add(`${dotted(path)}#${i}`);
        places.push({ path: [...path, i], from: at });
        mapInto([...path, i], at, item, `${dotted(path)}#${i}`);
        return;
      }
      // A new item. An id of its own must not be another item's.
      const other = k !== undefined && key === 'id' ? byId!.get(k) : undefined;
      if (other) {
        const suggest = prefix ? ` – utelämna id så får den nästa lediga (${prefix}${n + 1})` : '';
        problem(`${dotted(path)}: id ${k} används redan av ${COLLECTIONS[other.kind].words} ${k} i ${dotted(COLLECTIONS[other.kind].path)}; en ny post behöver ett eget id${suggest}`, [...at, 'id']);
        return;
      }
      const withId = prefix && item.id === undefined ? { id: `${prefix}${++n}`, ...item } : item;
      fresh.push(withoutRemovals([...path, (cur?.length ?? 0) + fresh.length], at, withId));
      places.push({ path: [...path, (cur?.length ?? 0) + fresh.length - 1], from: at });
      const label = keyOf(withId[key]);
      added.push(key === 'id' && label ? label : label ? `"${short(label, 40)}"` : `"${short(itemLabel(withId), 40)}"`);
    });
    if (!fresh.length) return;
    if (!cur) { edits.push({ path, value: fresh }); return; }
    fresh.forEach((item, k) => edits.push({ path: [...path, cur.length + k], value: item }));
  };

  /** ta_bort beside lists: the items named (by id, or by the list's key) are removed. */
  const removalsAt = (path: YamlPath, from: YamlPath, x: unknown, ok: (list: YamlPath) => boolean): void => {
    answered = true;
    const at: YamlPath = [...from, TA_BORT];
    const entries = typeof x === 'string' ? [x] : Array.isArray(x) ? x : undefined;
    if (!entries) { problem('ta_bort ska vara en lista med det som ska tas bort, t.ex. ta_bort: [AR3, AR4]', at); return; }
    const lists = Object.keys(schemaAt(path)?.properties ?? {})
      .map((k) => [...path, k])
      .filter((l) => ok(l) && itemKey(l));
    entries.forEach((e, i) => {
      const eAt: YamlPath = typeof x === 'string' ? at : [...at, i];
      const want = keyOf(e);
      if (want === undefined) { problem('ta_bort: skriv id:t (t.ex. AR3) eller, i en lista utan id, postens roll', eAt); return; }
      const hits = lists.flatMap((l) => {
        const key = itemKey(l)!;
        const cur = getPath(data, l);
        return Array.isArray(cur) ? cur.flatMap((c, j) => (isMapValue(c) && keyOf(c[key]) === want ? [{ list: l, key, j }] : [])) : [];
      });
      if (hits.length === 1) {
        const h = hits[0]!;
        if (removals.some((r) => dotted(r.list) === dotted(h.list) && r.value === want)) problem(`ta_bort: ${want} står två gånger`, eAt);
        else removals.push({ list: h.list, key: h.key, value: want, from: eAt });
        return;
      }
      if (hits.length > 1) { problem(`ta_bort: ${hits.length} poster har ${hits[0]!.key} ${want}, så det går inte att veta vilken som menas; ta bort den i projektfilen direkt`, eAt); return; }
      const elsewhere = indexIds(data).byId.get(want);
      const hint = elsewhere ? ` (${want} är ${COLLECTIONS[elsewhere.kind].words} i ${dotted(COLLECTIONS[elsewhere.kind].path)}; skriv ta_bort bredvid den listan${inStep(COLLECTIONS[elsewhere.kind].path) ? '' : `, i svarsfilen för steget som fyller i den`})` : '';
      problem(lists.length
        ? `ta_bort: ${want} finns inte i ${lists.map(dotted).join(' eller ')}${hint}`
        : `ta_bort: här finns ingen lista att ta bort ur; ta_bort står bredvid listan, t.ex. organisation: {ta_bort: [AR3]}${hint}`, eAt);
    });
  };

  const walk = (path: YamlPath, obj: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(obj)) {
      const p = [...path, k];
      if (k === TA_BORT) removalsAt(path, path, v, inStep);
      else if (inStep(p)) set(p, p, v);
      else if (allowed.some((a) => startsWith(a, p)) && isMapValue(v)) walk(p, v);
      else if (V1_PLACES[dotted(p)]) problem(V1_PLACES[dotted(p)]!, p, true);
      else {
        const here = [...new Set(allowed.map((a) => a.slice(0, path.length + 1).join('.')).filter((a) => startsWith(splitPath(a), path)))];
        problem(`${p.join('.')} hör inte till steg ${step.nummer}. Här får svarsfilen innehålla: ${here.join(', ')}`, p, true);
      }
    }
  };
  walk([], svarData);

  // Removals come last, each on the data after everything before it (indices shift), and take
  // the references to a removed id with them, as removing an item in the interview does.
  let after: unknown = data;
  for (const e of edits) after = withValue(after, e.path, e.value);
  const removed: string[] = [];
  const references: string[] = [];
  const remove = (e: Edit, from: YamlPath) => {
    after = withValue(after, e.path, e.value);
    edits.push(e);
    const list = e.path.slice(0, -1);
    const i = e.path[e.path.length - 1];
    if (e.value === undefined && typeof i === 'number') {
      // Places further down the list move up one.
      for (let k = places.length - 1; k >= 0; k--) {
        const pl = places[k]!;
        if (!samePath(pl.path, e.path.slice(0, -1)) || pl.path.length <= list.length) continue;
        const j = Number(pl.path[list.length]);
        if (j === i) places.splice(k, 1);
        else if (j > i) pl.path = [...list, j - 1, ...pl.path.slice(list.length + 1)];
      }
    }
    places.push({ path: e.path, from });
  };
  for (const r of removals) {
    const i = (getPath(data, r.list) as unknown[]).findIndex((c) => isMapValue(c) && keyOf(c[r.key]) === r.value);
    if (touched.has(`${dotted(r.list)}#${i}`)) problem(`ta_bort: ${r.value} ändras också i samma svarsfil; ta antingen bort posten eller ändra den`, r.from);
  }
  if (!problems.length) {
    for (const r of removals) {
      if (r.key === 'id') {
        const refs = referenceRemovals(after, r.value);
        references.push(...refs.where.map((w) => fieldInWords(w, after)));
        for (const e of refs.edits) remove(e, r.from);
      }
      const cur = getPath(after, r.list) as unknown[];
      const i = cur.findIndex((c) => isMapValue(c) && keyOf(c[r.key]) === r.value);
      remove({ path: [...r.list, i], value: undefined }, r.from);
      removed.push(r.key === 'id' ? r.value : `"${short(r.value, 40)}"`);
    }
  }
  return { edits, problems, places, added, changed: changed.size, removed, references, answered };
}

/** Reads an answers file, checks it, and saves it into the project in one atomic write. */
export function applySvar(session: Session, step: Step, file: string): SvarSummary & { edits: number; answered: boolean } {
  const { display, doc, lc, data: svarData } = parseSvar(file);
  const svarPos = (path: YamlPath, key = false) => positionOf({ doc, lineCounter: lc }, path, { key });
  const plan = svarEdits(step, session.data, svarData, svarPos, display);
  const { edits, problems } = plan;
  if (edits.length) {
    const { problems: found } = session.check(edits);
    for (const pr of found) problems.push(locate(pr, plan.places, doc, svarPos, display, session.p.display));
  }
  problems.sort((a, b) => (a.file === b.file ? 0 : a.file === display ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (problems.length) throw new SvarError(problems, display);
  if (edits.length) session.apply(edits);
  return { edits: edits.length, answered: plan.answered, added: plan.added, changed: plan.changed, removed: plan.removed, references: plan.references };
}

/**
 * A problem found in the merged data, placed in the answers file when it comes from there:
 * below a value the answers set (list items are found by where they stand in the answers,
 * not in the project file), or at a map the answers name. Otherwise it is the project file's.
 */
function locate(pr: Problem, places: Place[], doc: Document, svarPos: (p: YamlPath, key?: boolean) => { line: number; col: number }, display: string, projectDisplay: string): SvarProblem {
  let best: Place | undefined;
  for (const pl of places) if (samePath(pr.path, pl.path) && (!best || pl.path.length > best.path.length)) best = pl;
  const path = best ? [...best.from, ...pr.path.slice(best.path.length)] : pr.path;
  const { found } = nodeAt(doc, path);
  if (best || (found === path.length && !path.some((s) => typeof s === 'number'))) {
    const key = /okänt fält/.test(pr.message) && found === path.length;
    return { message: pr.message, file: display, ...svarPos(path.slice(0, found), key) };
  }
  return { message: pr.message, file: projectDisplay, line: pr.line, col: pr.col };
}

/** The answers could not be saved; every problem has a place. Nothing was written. */
export class SvarError extends InputError {
  constructor(readonly problems: SvarProblem[], display: string) {
    super(`svarsfilen har ${problems.length} fel; inget sparades`, { file: display }, 'Rätta svarsfilen och kör kommandot igen (se docs/svar.md).');
  }
}
