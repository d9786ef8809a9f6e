// Which steps and document a check is about: --steg N, --for <dokument>, or (neither) the steps
// the file has begun. Also which step a path in the project file belongs to.
import { UsageError } from '../errors.js';
import type { YamlPath } from '../project/load.js';
import { getPath, resolvePath, splitPath } from '../project/progress.js';
import { isAnswered } from '../judge/index.js';
import type { MethodView } from './method.js';
import type { Dokument, Scope } from './types.js';
import { loadMethod } from '../content/load.js';
import { stepPaths, type Place } from '../content/paths.js';
import { asciiWords, decisionStep, documents, findDokument } from '../content/dokument.js';

/** The document --for names (any of its names, content/begrepp.yaml), as its id. */
export function parseDokument(v: string | undefined): Dokument | undefined {
  if (v === undefined) return undefined;
  const d = findDokument(v);
  if (!d) {
    const also = asciiWords();
    throw new UsageError(`okänt dokument för --for: "${v}"`, undefined, `Välj ett av: ${documents().map((x) => x.id).join(', ')}${also ? ` (även ${also})` : ''}.`);
  }
  return d.id;
}

export function parseSteg(v: string | undefined, method: MethodView): number | undefined {
  if (v === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!method.step(n)) {
    throw new UsageError(`ogiltigt steg för --steg: "${v}"`, undefined, `Ange ett av stegen ${method.steps.map((s) => s.nummer).join(', ')}, t.ex. --steg 4.`);
  }
  return n;
}

/** The scope given by the flags; `undefined` steps mean "the steps each file has begun". */
export function flagScope(method: MethodView, dokument: Dokument | undefined, steg: number | undefined): Omit<Scope, 'steg'> & { steg?: number[] } {
  if (steg !== undefined) return { dokument, steg: [steg], grund: 'steg' };
  if (dokument) {
    const steps = method.stepsOf(dokument);
    if (!steps.length) throw new UsageError(`metoden (content/) anger inga moment för dokumentet ${dokument}`);
    return { dokument, steg: steps, grund: 'dokument' };
  }
  return { grund: 'påbörjade' };
}

/** Where each step's answers live (content/paths.ts, the same list `step N --svar` writes to). */
const placesCache = new WeakMap<MethodView, Map<number, YamlPath[]>>();
function placesOf(method: MethodView): Map<number, YamlPath[]> {
  let m = placesCache.get(method);
  if (!m) {
    m = new Map(method.steps.map((s) => [s.nummer, stepPaths(s)]));
    placesCache.set(method, m);
  }
  return m;
}

/** Steps with at least one answered field, question or checklist item. */
export function begunSteps(data: unknown, method: MethodView): number[] {
  const places = placesOf(method);
  return method.steps.filter((s) => places.get(s.nummer)!.some((p) => isAnswered(getPath(data, p)))).map((s) => s.nummer);
}

/**
 * The top-level keys that belong to one step only (förankring to step 1 … uppföljning to step 6),
 * from the steps' places; beslut and checklistor are shared and are split by their second key.
 */
let topSteps: Map<string, number> | undefined;
function topStep(key: string): number | undefined {
  if (!topSteps) {
    const seen = new Map<string, Set<number>>();
    for (const s of loadMethod().steg) {
      for (const [top] of stepPaths(s)) {
        if (typeof top === 'string') seen.set(top, (seen.get(top) ?? new Set()).add(s.nummer));
      }
    }
    topSteps = new Map([...seen].filter(([, steps]) => steps.size === 1).map(([k, steps]) => [k, [...steps][0]!]));
  }
  return topSteps.get(key);
}

/** The step a path belongs to, or undefined for the parts that belong to no step (projekt, the root). */
export function stepOfPath(path: YamlPath): number | undefined {
  const [a, b] = path;
  if (typeof a !== 'string') return undefined;
  const top = topStep(a);
  if (top !== undefined) return top;
  if (a === 'checklistor' && typeof b === 'string') {
    const m = /^steg(\d)$/.exec(b);
    return m ? Number(m[1]) : undefined;
  }
  if (a === 'beslut' && typeof b === 'string') {
    const d = documents().find((x) => x.id === b);
    return d ? decisionStep(d) : undefined;
  }
  return undefined;
}

/**
 * The moment (or checklist) whose interview fills a path: the moment whose content path (its
 * fields, parts and question map, selectors resolved in this file's data) is the longest prefix
 * of the path. Undefined for parts no interview asks (projekt, formatversion).
 */
export function placeOfPath(data: unknown, path: YamlPath, method: MethodView): Place | undefined {
  let best: { place: Place; len: number } | undefined;
  const consider = (place: Place, content: string) => {
    const p = resolvePath(data, splitPath(content));
    if (p.length > path.length || (best && best.len >= p.length)) return;
    if (p.every((s, i) => String(s) === String(path[i]))) best = { place, len: p.length };
  };
  for (const s of method.steps) {
    for (const f of s.fält ?? []) consider({ steg: s.nummer }, f);
    for (const m of s.moment) {
      const place = { steg: s.nummer, moment: m.nummer };
      for (const f of m.fält ?? []) consider(place, f);
      for (const d of m.delar ?? []) for (const f of d.fält ?? []) consider(place, f);
      if (m.svar_i) consider(place, m.svar_i);
    }
    consider({ steg: s.nummer, checklista: true }, `checklistor.steg${s.nummer}`);
  }
  return best?.place;
}
