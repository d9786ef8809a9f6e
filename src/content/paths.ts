// Where a step's answers live in the project file, as content/steg-N.yaml says: the step's
// fields, its moments' fields (and their parts'), the maps their questions are answered in
// (svar_i) and its checklist. The one list behind `step N --svar` (what an answers file may set)
// and check's "the steps the file has begun".
import type { YamlPath } from '../project/load.js';
import { splitPath } from '../project/progress.js';

/** The parts of a step (content/types.ts Step, check's StepView) that name places in the file. */
export interface StepPlaces {
  nummer: number;
  fält?: string[];
  moment?: { fält?: string[]; delar?: { fält?: string[] }[]; svar_i?: string }[];
}

/** The paths a step's answers may set: its fields, question maps and checklist. */
export function stepPaths(step: StepPlaces): YamlPath[] {
  const out: string[] = [...(step.fält ?? [])];
  for (const m of step.moment ?? []) {
    out.push(...(m.fält ?? []));
    for (const d of m.delar ?? []) out.push(...(d.fält ?? []));
    if (m.svar_i) out.push(m.svar_i);
  }
  out.push(`checklistor.steg${step.nummer}`);
  return [...new Set(out)].map(splitPath);
}

/** The interview that fills a place in the file: a step, and its moment or its checklist. */
export interface Place { steg: number; moment?: string; checklista?: true }

/** The command that asks for a place again: "fsstöd step 3 --moment 3.4 plan.yaml". */
export function fixCommand(place: Place, display: string): string {
  const file = display === 'projekt.yaml' ? '' : ` ${/[\s"'$`\\]/.test(display) ? JSON.stringify(display) : display}`;
  const where = place.moment ? ` --moment ${place.moment}` : place.checklista ? ' --checklista' : '';
  return `fsstöd step ${place.steg}${file}${where}`;
}
