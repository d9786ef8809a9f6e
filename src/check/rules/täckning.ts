// Coverage: for each prevention level, which age bands (graviditet, 0–5, 6–12, 13–18 …, from
// content/begrepp) have no support, existing or planned.
//
// Which documents it concerns is said in content: the entries of begrepp.dokument with
// `täckning: true` are those whose template shows the coverage chart, so check --for <them> runs
// the rule. Whether planned support counts is not a property of a document but of the steps: the
// plan's interventions are step 4's, so they count when step 4 is in scope and, with --for, when
// the document reports step 4 (a lägesbild is made before anything is planned and shows only
// existing support; a handlingsplan shows both).
import { documents } from '../../content/dokument.js';
import { coverage, isGap } from '../../judge/coverage.js';
import type { Rule, RuleFinding } from '../types.js';
import { joinSv } from './util.js';

export const täckning: Rule = {
  id: 'täckning',
  severity: 'warning',
  beskrivning: 'Det finns stöd, befintligt eller planerat, för varje åldersband på varje preventionsnivå; luckor visas som varningar.',
  avsnitt: '3.2 Kartlägg befintligt föräldraskapsstöd och aktörerna; 3.4 Gör en sammanfattande lägesbild och analysera (når vi fram?); 4.1 Specificera arbetssätt och insatser',
  get steg() {
    return [...new Set(documents().filter((d) => d.täckning).flatMap((d) => d.steg))].sort((a, b) => a - b);
  },
  get dokument() {
    return documents().filter((d) => d.täckning).map((d) => d.id);
  },
  docs: 'docs/regler/täckning.md',
  messages: {
    noSupportAtLevel: 'Det finns inget {{vad}} på preventionsnivån {{nivå}} för någon åldersgrupp',
    gap: 'Lucka i täckningen: inget {{vad}} på preventionsnivån {{nivå}} för {{åldrar}}',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const bands = ctx.method.åldersband;
    const levels = ctx.method.preventionsnivåer;
    if (!bands.length || !levels.length) return out;
    const PLAN = 4; // where handlingsplan.insatser, the planned support, is answered
    const withPlan = ctx.inScope(PLAN) && (!ctx.scope.dokument || ctx.method.stepsOf(ctx.scope.dokument).includes(PLAN));
    // The same coverage as the charts in the documents (src/judge/coverage.ts).
    const cov = coverage(ctx.data, bands, levels, withPlan);
    if (!cov.kartlagt) return out; // nothing mapped yet: moment-ifyllda reports that
    const path = withPlan ? ['handlingsplan', 'insatser'] : ['analys', 'kartläggning', 'befintligt_stöd'];
    const what = withPlan ? 'befintligt eller planerat stöd' : 'befintligt stöd';
    for (const [j, level] of levels.entries()) {
      // Bands outside the plan's scope and cells of support with nivå "ej angivet" are no gaps (isGap).
      const missing = bands.filter((_, i) => isGap(cov.celler[i]![j]!));
      if (!missing.length) continue;
      const all = missing.length === bands.filter((_, i) => !cov.celler[i]![j]!.utanför).length;
      out.push({
        path,
        key: true,
        ...(all
          ? { messageId: 'noSupportAtLevel', data: { vad: what, nivå: level.namn.toLowerCase() } }
          : { messageId: 'gap', data: { vad: what, nivå: level.namn.toLowerCase(), åldrar: joinSv(missing.map((b) => (/^\p{Lu}\p{Ll}/u.test(b.namn) ? b.namn.charAt(0).toLocaleLowerCase('sv-SE') + b.namn.slice(1) : b.namn))) } }),
      });
    }
    return out;
  },
};
