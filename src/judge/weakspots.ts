// The weak spots MFoF's survey of kommuner (2019) found, as the check rules judge them: work
// carried by one person, no ordinary budget, hard-to-reach parents not planned for, completion
// of programmes not followed up. The same engine and rules as `fsstöd check --for
// handlingsplan`, with their default levels (a kommun's .fsstod-check.yaml does not decide the
// länsstyrelse's picture), so the översikt and check never disagree.
import type { LoadedProject } from '../project/load.js';
import { checkLoaded } from '../check/engine.js';
import { methodView } from '../check/method.js';
import { RULES } from '../check/rules/index.js';
import { flagScope } from '../check/scope.js';

/** The MFoF weak spots: rule id and what the länsstyrelse reads. */
export const MFOF_WEAK_SPOTS = [
  { regel: 'en-person-samordnar', titel: 'En person bär arbetet' },
  { regel: 'ordinarie-budget', titel: 'Ingen ordinarie budget' },
  { regel: 'svåra-att-nå', titel: 'Svåra att nå-grupper inte nådda' },
  { regel: 'fullföljande-indikator', titel: 'Fullföljande följs inte upp' },
] as const;

export type WeakSpotId = (typeof MFOF_WEAK_SPOTS)[number]['regel'];

export interface WeakSpot { regel: WeakSpotId; titel: string; meddelande: string }

const RULE_SET = RULES.filter((r) => MFOF_WEAK_SPOTS.some((w) => w.regel === r.id));

export function weakSpots(p: LoadedProject): WeakSpot[] {
  const method = methodView();
  const scope = flagScope(method, 'handlingsplan', undefined);
  const r = checkLoaded(p, { rules: RULE_SET, method, config: { regler: new Map() }, dokument: 'handlingsplan', steg: scope.steg, grund: scope.grund });
  const out: WeakSpot[] = [];
  for (const w of MFOF_WEAK_SPOTS) {
    const f = r.findings.find((x) => x.rule === w.regel);
    if (f) out.push({ regel: w.regel, titel: w.titel, meddelande: f.message });
  }
  return out;
}
