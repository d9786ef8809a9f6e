// Coverage: for each prevention level, which age bands (graviditet, 0–5, 6–12, 13–18 …, from
// content/begrepp) have no support, existing or planned.
import { coverage, isGap } from '../../judge/coverage.js';
import type { Rule, RuleFinding } from '../types.js';
import { joinSv } from './util.js';

export const täckning: Rule = {
  id: 'täckning',
  severity: 'warning',
  beskrivning: 'Det finns stöd, befintligt eller planerat, för varje åldersband på varje preventionsnivå; luckor visas som varningar.',
  avsnitt: '3.2 Kartlägg befintligt föräldraskapsstöd och aktörerna; 3.4 Gör en sammanfattande lägesbild och analysera (når vi fram?); 4.1 Specificera arbetssätt och insatser',
  steg: [3, 4],
  dokument: ['lägesbild', 'handlingsplan'],
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
    const withPlan = ctx.inScope(4) && ctx.scope.dokument !== 'lägesbild';
    // The same coverage as the charts in the documents (src/judge/coverage.ts).
    const cov = coverage(ctx.data, bands, levels, withPlan);
    if (!cov.kartlagt) return out; // nothing mapped yet: moment-ifyllda reports that
    const path = withPlan ? ['handlingsplan', 'insatser'] : ['analys', 'kartläggning', 'befintligt_stöd'];
    const what = withPlan ? 'befintligt eller planerat stöd' : 'befintligt stöd';
    for (const [j, level] of levels.entries()) {
      const missing = bands.filter((_, i) => isGap(cov.celler[i]![j]!));
      if (!missing.length) continue;
      const all = missing.length === bands.length;
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
