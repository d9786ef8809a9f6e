// What check needs from the method (content/): steps, moments, checklists, the documents and
// the moments each needs, age bands and prevention levels. The engine holds no method text;
// everything here is read from loadMethod().
import { loadMethod } from '../content/load.js';
import { decisionStep } from '../content/dokument.js';
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
  /** The method's documents' ids, in order (begrepp.dokument). */
  dokumentIds: Dokument[];
  dokument(id: Dokument): DokumentView | undefined;
  /** The step beslut.<id> belongs to (the document's last step). */
  decisionStep(id: Dokument): number | undefined;
  /** Steps whose moments a document needs, in order. */
  stepsOf(id: Dokument): number[];
  åldersband: Åldersband[];
  preventionsnivåer: Nivå[];
}

let view: MethodView | undefined;

export function methodView(): MethodView {
  if (view) return view;
  const m = loadMethod();
  const steps = (m.steg as StepView[]).slice().sort((a, b) => a.nummer - b.nummer);
  const begrepp = m.begrepp;
  const dokument = new Map<string, DokumentView & { steg: number[] }>();
  // Carriers (the tjänsteskrivelse) have no decision or steps of their own: check does not know them.
  for (const d of begrepp.dokument) if (!d.bär) dokument.set(d.id, { id: d.id, titel: d.titel, moment: d.moment, steg: d.steg });
  const momentIndex = new Map<string, { step: StepView; moment: MomentView }>();
  for (const s of steps) for (const mo of s.moment ?? []) momentIndex.set(mo.nummer, { step: s, moment: mo });
  view = {
    steps,
    step: (n) => steps.find((s) => s.nummer === n),
    moment: (n) => momentIndex.get(n),
    dokumentIds: [...dokument.keys()],
    dokument: (id) => dokument.get(id),
    decisionStep: (id) => { const d = dokument.get(id); return d ? decisionStep(d) : undefined; },
    stepsOf: (id) => {
      const d = dokument.get(id);
      const set = new Set<number>(d?.steg ?? []);
      for (const mo of d?.moment ?? []) {
        const hit = momentIndex.get(mo);
        if (hit) set.add(hit.step.nummer);
      }
      return [...set].sort((a, b) => a - b);
    },
    åldersband: (begrepp?.åldersband ?? []).map((b) => ({ id: b.id, namn: b.titel, ...(b.graviditet ? { graviditet: true } : { från: b.från, till: b.till }) })),
    preventionsnivåer: (begrepp?.preventionsnivåer ?? []).map((n) => ({ id: n.id, namn: n.titel })),
  };
  return view;
}
