// The one judgement: what is answered and what is missing, per unit, moment, step and document.
// The units are the fields, questions and checklist items that content/ assigns to each moment.
// The interview (its summaries and --bara-tomma), status, check and render --strikt all ask
// here; nothing else decides these (DESIGN.md §2). Coverage is in coverage.ts, a document's
// readiness (the errors of check --for) in readiness.ts.
import type { YamlPath } from '../project/load.js';
import { getPath, isSelector, selectorOf, splitPath } from '../project/progress.js';
import { schemaAt } from '../project/schema-words.js';
import { cap } from '../text.js';

/** The parts of content/ the judgement needs (see src/content/types.ts for the full types). */
interface QuestionLike { id: string; text: string; delfrågor?: QuestionLike[] }
interface PartLike { id: string; titel: string; fält?: string[] }
export interface MomentLike {
  nummer: string; titel: string; fält?: string[]; delar?: PartLike[];
  frågor?: QuestionLike[]; svar_i?: string; frågegrupper?: { id: string; titel: string; frågor: QuestionLike[] }[];
}
export interface StepLike { nummer: number; titel: string; fält?: string[]; moment: MomentLike[]; checklista: { titel: string; frågor: QuestionLike[] } }
interface DocumentLike { id: string; steg?: number[]; moment?: string[] }

export interface Unit {
  path: YamlPath;
  /** What the unit is, in words (field title or question text). */
  label: string;
  answered: boolean;
  /**
   * A checklist item answered nej or delvis without a next step (åtgärd › vad): not answered,
   * but begun. The method asks what will be done about a nej.
   */
  utanÅtgärd?: boolean;
}

export interface MomentJudgement { nummer: string; titel: string; units: Unit[]; besvarade: number; totalt: number }
export interface StepJudgement {
  nummer: number;
  titel: string;
  /** Step-level fields (e.g. step 4's perspectives) come first as moment "". */
  moment: MomentJudgement[];
  momentBesvarade: number;
  momentTotalt: number;
  checklista: { units: Unit[]; besvarade: number; totalt: number };
  /** Share of the step answered, moments and checklist together, in whole per cent. */
  andel: number;
}

/** Whether one value counts as an answer: text that is not blank, a non-empty list, a map with an answer in it. */
export function isAnswered(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as object).some(isAnswered);
  return true;
}

export const percent = (a: number, b: number): number => (b === 0 ? 0 : Math.round((100 * a) / b));

/** The schema's path for a content path: a selector ("[typ=styrgrupp]", "[senaste]") stands for an item. */
const schemaPath = (path: YamlPath): YamlPath => path.map((seg) => (isSelector(seg) ? 0 : seg));

/**
 * Whether an item a selector picks (the styrgrupp, the current follow-up round) is answered: its id
 * and the field that selected it identify it and are no answer ({id: G1, typ: styrgrupp} alone is
 * a group not yet described).
 */
function selectedAnswered(v: unknown, seg: string): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return isAnswered(v);
  const sel = selectorOf(seg);
  const skip = new Set(['id', ...('fält' in sel ? [sel.fält] : [])]);
  return Object.entries(v).some(([k, x]) => !skip.has(k) && isAnswered(x));
}

function labelOf(path: YamlPath, dotted: string): string {
  const last = path.at(-1);
  if (isSelector(last)) {
    const sel = selectorOf(last);
    if ('värde' in sel) return cap(sel.värde);
  }
  return schemaAt(schemaPath(path))?.title ?? dotted;
}

/** Units for one dotted field path: maps with a fixed key set (the eleven factors) count per key. */
function fieldUnits(data: unknown, dotted: string): Unit[] {
  const path = splitPath(dotted);
  const s = schemaAt(schemaPath(path));
  const keys: string[] | undefined = s?.propertyNames?.enum;
  if (keys) {
    return keys.map((k) => {
      const p = [...path, k];
      return { path: p, label: k, answered: isAnswered(getPath(data, p)) };
    });
  }
  const last = path.at(-1);
  const v = getPath(data, path);
  return [{ path, label: labelOf(path, dotted), answered: isSelector(last) ? selectedAnswered(v, last) : isAnswered(v) }];
}

function questionUnits(data: unknown, base: string, qs: QuestionLike[], prefix: string[] = []): Unit[] {
  return qs.map((q) => {
    const path = [...splitPath(base), ...prefix, q.id];
    return { path, label: q.text, answered: isAnswered(getPath(data, path)) };
  });
}

export function stepFieldUnits(data: unknown, step: StepLike): Unit[] {
  return (step.fält ?? []).flatMap((f) => fieldUnits(data, f));
}

export function momentUnits(data: unknown, m: MomentLike): Unit[] {
  const units: Unit[] = [];
  for (const f of m.fält ?? []) units.push(...fieldUnits(data, f));
  for (const d of m.delar ?? []) for (const f of d.fält ?? []) units.push(...fieldUnits(data, f));
  if (m.svar_i && m.frågor) units.push(...questionUnits(data, m.svar_i, m.frågor));
  if (m.svar_i && m.frågegrupper) for (const g of m.frågegrupper) units.push(...questionUnits(data, m.svar_i, g.frågor, [g.id]));
  return units;
}

const isText = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/** One unit per checklist item (a question's sub-questions each count); nej and delvis need a next step. */
export function checklistUnits(data: unknown, step: StepLike): Unit[] {
  const units: Unit[] = [];
  for (const q of step.checklista.frågor) {
    for (const item of q.delfrågor?.length ? q.delfrågor : [q]) {
      const path = ['checklistor', `steg${step.nummer}`, item.id];
      const svar = getPath(data, path) as Record<string, unknown> | undefined;
      const status = svar && typeof svar === 'object' ? svar.status : undefined;
      const åtgärd = svar && typeof svar === 'object' ? (svar.åtgärd as Record<string, unknown> | undefined) : undefined;
      const utanÅtgärd = (status === 'nej' || status === 'delvis') && !(åtgärd && typeof åtgärd === 'object' && isText(åtgärd.vad));
      units.push({ path, label: item.text, answered: isAnswered(status) && !utanÅtgärd, ...(utanÅtgärd ? { utanÅtgärd } : {}) });
    }
  }
  return units;
}

const count = (units: Unit[]) => units.filter((u) => u.answered).length;
const judged = (nummer: string, titel: string, units: Unit[]): MomentJudgement => ({ nummer, titel, units, besvarade: count(units), totalt: units.length });

/** The step-wide group (moment ""), when the step has step-level fields. */
function stepWide(data: unknown, step: StepLike): MomentJudgement[] {
  const units = stepFieldUnits(data, step);
  return units.length ? [judged('', `Steg ${step.nummer} (genomgående)`, units)] : [];
}

export function judgeStep(data: unknown, step: StepLike): StepJudgement {
  const moment = [...stepWide(data, step), ...step.moment.map((m) => judged(m.nummer, m.titel, momentUnits(data, m)))];
  const cl = checklistUnits(data, step);
  const momentBesvarade = moment.reduce((a, m) => a + m.besvarade, 0);
  const momentTotalt = moment.reduce((a, m) => a + m.totalt, 0);
  return {
    nummer: step.nummer,
    titel: step.titel,
    moment,
    momentBesvarade,
    momentTotalt,
    checklista: { units: cl, besvarade: count(cl), totalt: cl.length },
    andel: percent(momentBesvarade + count(cl), momentTotalt + cl.length),
  };
}

export function judgeProject(data: unknown, steps: StepLike[]): StepJudgement[] {
  return steps.map((s) => judgeStep(data, s));
}

/** Share of the whole file answered (every unit of every step counts the same). */
export function projectShare(steps: StepJudgement[]): number {
  let a = 0, b = 0;
  for (const s of steps) { a += s.momentBesvarade + s.checklista.besvarade; b += s.momentTotalt + s.checklista.totalt; }
  return percent(a, b);
}

/** A step's moments and checklist, all answered? (What the interview's summary says.) */
export const stepComplete = (s: StepJudgement): boolean => s.momentBesvarade === s.momentTotalt && s.checklista.besvarade === s.checklista.totalt;

/**
 * The moments a document needs (content/: begrepp.dokument), per step, with each step's
 * step-wide fields; without a document, every moment of the steps given.
 */
export function documentMoments(data: unknown, steps: StepLike[], doc: DocumentLike | undefined, inScope: (n: number) => boolean = () => true): { step: StepLike; moment: MomentJudgement[] }[] {
  const wanted = doc ? new Set(doc.moment ?? []) : undefined;
  const out: { step: StepLike; moment: MomentJudgement[] }[] = [];
  for (const step of steps) {
    if (!inScope(step.nummer)) continue;
    const moments = step.moment.filter((m) => !wanted || wanted.has(m.nummer) || wanted.has(String(step.nummer)));
    if (!moments.length) continue;
    out.push({ step, moment: [...stepWide(data, step), ...moments.map((m) => judged(m.nummer, m.titel, momentUnits(data, m)))] });
  }
  return out;
}
