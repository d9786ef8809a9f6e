// How much of each step is answered: the units are the fields, questions and checklist items
// that content/ assigns to each moment. Used by status, the interview (--bara-tomma) and check.
import type { YamlPath } from './load.js';
import { schemaAt } from './schema-words.js';

/** The parts of content/ that progress needs (see src/content/types.ts for the full types). */
interface QuestionLike { id: string; text: string; delfrågor?: QuestionLike[] }
interface PartLike { id: string; titel: string; fält?: string[] }
interface MomentLike {
  nummer: string; titel: string; fält?: string[]; delar?: PartLike[];
  frågor?: QuestionLike[]; svar_i?: string; frågegrupper?: { id: string; titel: string; frågor: QuestionLike[] }[];
}
interface StepLike { nummer: number; titel: string; fält?: string[]; moment: MomentLike[]; checklista: { titel: string; frågor: QuestionLike[] } }

export interface Unit {
  path: YamlPath;
  /** What the unit is, in words (field title or question text). */
  label: string;
  answered: boolean;
}

export interface MomentProgress { nummer: string; titel: string; units: Unit[]; besvarade: number; totalt: number }
export interface StepProgress {
  nummer: number;
  titel: string;
  /** Step-level fields (e.g. step 4's perspectives) come first as moment "". */
  moment: MomentProgress[];
  momentBesvarade: number;
  momentTotalt: number;
  checklista: { units: Unit[]; besvarade: number; totalt: number };
}

export function isAnswered(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as object).some(isAnswered);
  return true;
}

export function getPath(data: unknown, path: YamlPath): unknown {
  let v: any = data;
  for (const s of path) v = v == null ? undefined : v[s as any];
  return v;
}

export const splitPath = (dotted: string): string[] => dotted.split('.');

/** Units for one dotted field path: maps with a fixed key set (the eleven factors) count per key. */
function fieldUnits(data: unknown, dotted: string): Unit[] {
  const path = splitPath(dotted);
  const s = schemaAt(path);
  const keys: string[] | undefined = s?.propertyNames?.enum;
  if (keys) {
    return keys.map((k) => {
      const p = [...path, k];
      return { path: p, label: k, answered: isAnswered(getPath(data, p)) };
    });
  }
  return [{ path, label: s?.title ?? dotted, answered: isAnswered(getPath(data, path)) }];
}

function questionUnits(data: unknown, base: string, qs: QuestionLike[], prefix: string[] = []): Unit[] {
  return qs.map((q) => {
    const path = [...splitPath(base), ...prefix, q.id];
    return { path, label: q.text, answered: isAnswered(getPath(data, path)) };
  });
}

export function momentUnits(data: unknown, m: MomentLike): Unit[] {
  const units: Unit[] = [];
  for (const f of m.fält ?? []) units.push(...fieldUnits(data, f));
  for (const d of m.delar ?? []) for (const f of d.fält ?? []) units.push(...fieldUnits(data, f));
  if (m.svar_i && m.frågor) units.push(...questionUnits(data, m.svar_i, m.frågor));
  if (m.svar_i && m.frågegrupper) for (const g of m.frågegrupper) units.push(...questionUnits(data, m.svar_i, g.frågor, [g.id]));
  return units;
}

export function checklistUnits(data: unknown, step: StepLike): Unit[] {
  const units: Unit[] = [];
  for (const q of step.checklista.frågor) {
    for (const item of q.delfrågor?.length ? q.delfrågor : [q]) {
      const path = ['checklistor', `steg${step.nummer}`, item.id];
      units.push({ path, label: item.text, answered: isAnswered(getPath(data, [...path, 'status'])) });
    }
  }
  return units;
}

const count = (units: Unit[]) => units.filter((u) => u.answered).length;

export function stepProgress(data: unknown, step: StepLike): StepProgress {
  const moment: MomentProgress[] = [];
  if (step.fält?.length) {
    const units = step.fält.flatMap((f) => fieldUnits(data, f));
    moment.push({ nummer: '', titel: `Steg ${step.nummer} (genomgående)`, units, besvarade: count(units), totalt: units.length });
  }
  for (const m of step.moment) {
    const units = momentUnits(data, m);
    moment.push({ nummer: m.nummer, titel: m.titel, units, besvarade: count(units), totalt: units.length });
  }
  const cl = checklistUnits(data, step);
  return {
    nummer: step.nummer,
    titel: step.titel,
    moment,
    momentBesvarade: moment.reduce((a, m) => a + m.besvarade, 0),
    momentTotalt: moment.reduce((a, m) => a + m.totalt, 0),
    checklista: { units: cl, besvarade: count(cl), totalt: cl.length },
  };
}

export function projectProgress(data: unknown, steps: StepLike[]): StepProgress[] {
  return steps.map((s) => stepProgress(data, s));
}
