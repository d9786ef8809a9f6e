// What check needs from the method (content/): steps, moments, checklists, the documents and
// the moments each needs, age bands and prevention levels. The engine holds no method text;
// everything here is read from loadMethod().
import { loadMethod } from '../content/load.js';
import type { Dokument } from './types.js';

export interface QuestionView { id: string; text: string; delfrågor?: QuestionView[] }
export interface MomentView {
  nummer: string;
  titel: string;
  fält?: string[];
  delar?: { id: string; titel: string; fält?: string[] }[];
  frågor?: QuestionView[];
  svar_i?: string;
  frågegrupper?: { id: string; titel: string; frågor: QuestionView[] }[];
}
export interface StepView {
  nummer: number;
  titel: string;
  fält?: string[];
  moment: MomentView[];
  checklista: { titel: string; frågor: QuestionView[] };
}
export interface Åldersband { id: string; namn: string; från?: number; till?: number; graviditet?: boolean }
export interface Nivå { id: string; namn: string }
export interface DokumentView { id: Dokument; titel: string; moment: string[] }

export interface MethodView {
  steps: StepView[];
  step(nummer: number): StepView | undefined;
  /** The moment with this number (e.g. "4.1"), with its step. */
  moment(nummer: string): { step: StepView; moment: MomentView } | undefined;
  dokument(id: Dokument): DokumentView | undefined;
  /** Steps whose moments a document needs, in order. */
  stepsOf(id: Dokument): number[];
  åldersband: Åldersband[];
  preventionsnivåer: Nivå[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function asList(v: unknown): { id: string; item: any }[] {
  if (Array.isArray(v)) {
    return v.map((x) => (typeof x === 'string' ? { id: x, item: { id: x } } : { id: str(x?.id) ?? str(x?.namn) ?? '', item: x })).filter((x) => x.id);
  }
  if (v && typeof v === 'object') return Object.entries(v).map(([id, item]) => ({ id, item: typeof item === 'object' && item ? item : { namn: item } }));
  return [];
}

function band(id: string, x: any): Åldersband {
  const namn = str(x.namn) ?? str(x.titel) ?? id;
  const från = typeof x.från === 'number' ? x.från : undefined;
  const till = typeof x.till === 'number' ? x.till : undefined;
  if (x.graviditet === true || /graviditet/i.test(id)) return { id, namn, graviditet: true };
  if (från !== undefined && till !== undefined) return { id, namn, från, till };
  const m = /^(\d+)\s*[-–]\s*(\d+)$/.exec(id);
  if (m) return { id, namn, från: Number(m[1]), till: Number(m[2]) };
  throw new Error(`content: åldersbandet ${id} har inga åldrar`);
}

function momentsOf(x: any): string[] {
  const v = x?.moment ?? x?.moments ?? x?.kräver;
  return Array.isArray(v) ? v.map((m: unknown) => (typeof m === 'object' && m ? str((m as any).nummer) : str(m))).filter((m): m is string => Boolean(m)) : [];
}

let view: MethodView | undefined;

export function methodView(): MethodView {
  if (view) return view;
  const m = loadMethod();
  const steps = (m.steg as StepView[]).slice().sort((a, b) => a.nummer - b.nummer);
  const begrepp = (m.begrepp ?? {}) as Record<string, unknown>;
  const dokument = new Map<string, DokumentView>();
  for (const { id, item } of asList(begrepp.dokument)) {
    const norm = id === 'lagesbild' ? 'lägesbild' : id === 'uppfoljning' ? 'uppföljning' : id;
    dokument.set(norm, { id: norm as Dokument, titel: str(item.titel) ?? str(item.namn) ?? norm, moment: momentsOf(item) });
  }
  const momentIndex = new Map<string, { step: StepView; moment: MomentView }>();
  for (const s of steps) for (const mo of s.moment ?? []) momentIndex.set(mo.nummer, { step: s, moment: mo });
  view = {
    steps,
    step: (n) => steps.find((s) => s.nummer === n),
    moment: (n) => momentIndex.get(n),
    dokument: (id) => dokument.get(id),
    stepsOf: (id) => {
      const d = dokument.get(id);
      const set = new Set<number>();
      for (const mo of d?.moment ?? []) {
        const hit = momentIndex.get(mo);
        if (hit) set.add(hit.step.nummer);
        else if (/^\d+$/.test(mo)) set.add(Number(mo));
      }
      return [...set].sort((a, b) => a - b);
    },
    åldersband: asList(begrepp.åldersband).map(({ id, item }) => band(id, item)),
    preventionsnivåer: asList(begrepp.preventionsnivåer).map(({ id, item }) => ({ id, namn: str(item.namn) ?? str(item.titel) ?? id })),
  };
  return view;
}
