// Coverage: for each prevention level, which age bands (graviditet, 0–5, 6–12, 13–18 …, from
// content/begrepp) have no support, existing or planned.
import type { Rule, RuleFinding } from '../types.js';
import type { Åldersband } from '../method.js';
import { isObj, items, joinSv } from './util.js';

function covers(åldrar: unknown, band: Åldersband): boolean {
  if (!isObj(åldrar)) return false;
  if (band.graviditet) return åldrar.graviditet === true;
  const hasFrom = typeof åldrar.från === 'number';
  const hasTo = typeof åldrar.till === 'number';
  if (!hasFrom && !hasTo) return false;
  const från = hasFrom ? (åldrar.från as number) : 0;
  const till = hasTo ? (åldrar.till as number) : 18;
  return från <= band.till! && till >= band.från!;
}

export const täckning: Rule = {
  id: 'täckning',
  severity: 'warning',
  beskrivning: 'Det finns stöd, befintligt eller planerat, för varje åldersband på varje preventionsnivå; luckor visas som varningar.',
  avsnitt: '3.2 Kartlägg befintligt föräldraskapsstöd och aktörerna; 3.4 Gör en sammanfattande lägesbild och analysera (når vi fram?); 4.1 Specificera arbetssätt och insatser',
  steg: [3, 4],
  dokument: ['lägesbild', 'handlingsplan'],
  docs: 'docs/regler/täckning.md',
  check(ctx) {
    const out: RuleFinding[] = [];
    const bands = ctx.method.åldersband;
    const levels = ctx.method.preventionsnivåer;
    if (!bands.length || !levels.length) return out;
    const withPlan = ctx.inScope(4) && ctx.scope.dokument !== 'lägesbild';
    const insatser = withPlan ? items(ctx.data, 'insats') : [];
    // Existing support that the plan winds down no longer counts in the plan's picture.
    const avvecklas = new Set(insatser.filter(({ item }) => item.åtgärd === 'avveckla' && typeof item.befintligt_stöd === 'string').map(({ item }) => item.befintligt_stöd as string));
    const befintligt = items(ctx.data, 'stöd').filter(({ item }) => !(typeof item.id === 'string' && avvecklas.has(item.id)));
    const planerat = insatser.filter(({ item }) => item.åtgärd !== 'avveckla');
    const sources = [...befintligt, ...planerat].map(({ item }) => item);
    if (!sources.length) return out; // nothing mapped yet: moment-ifyllda reports that
    const path = withPlan ? ['handlingsplan', 'insatser'] : ['analys', 'kartläggning', 'befintligt_stöd'];
    const what = withPlan ? 'befintligt eller planerat stöd' : 'befintligt stöd';
    for (const level of levels) {
      const missing = bands.filter((b) => !sources.some((s) => s.nivå === level.id && covers(s.åldrar, b)));
      if (!missing.length) continue;
      const all = missing.length === bands.length;
      out.push({
        path,
        key: true,
        message: all
          ? `Det finns inget ${what} på preventionsnivån ${level.namn.toLowerCase()} för någon åldersgrupp`
          : `Lucka i täckningen: inget ${what} på preventionsnivån ${level.namn.toLowerCase()} för ${joinSv(missing.map((b) => (/^\p{Lu}\p{Ll}/u.test(b.namn) ? b.namn.charAt(0).toLocaleLowerCase('sv-SE') + b.namn.slice(1) : b.namn)))}`,
      });
    }
    return out;
  },
};
