// MFoF 2019: support financed in the ordinary budget makes the work last.
import type { Rule, RuleFinding } from '../types.js';
import { isObj, items } from './util.js';

export const ordinarieBudget: Rule = {
  id: 'ordinarie-budget',
  severity: 'warning',
  beskrivning: 'Arbetet har ordinarie budget: handlingsplanen anger ordinarie budget, eller minst en insats finansieras i ordinarie budget.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Säkerställ hållbarhetsperspektiv och långsiktighet; 4.2; MFoF:s kartläggning 2019 (ordinarie budget skapar långsiktighet)',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/ordinarie-budget.md',
  messages: {
    missing: 'Arbetet saknar ordinarie budget: handlingsplanen anger inte ordinarie budget (hållbarhet › ordinarie_budget) och ingen insats finansieras i ordinarie budget. Projektmedel tar slut; planera hur samordning och insatser ska finansieras långsiktigt',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const hp = ctx.data.handlingsplan;
    if (!isObj(hp)) return out;
    const h = isObj(hp.hållbarhet) ? hp.hållbarhet : undefined;
    if (h?.ordinarie_budget === true) return out;
    const insatser = items(ctx.data, 'insats');
    if (insatser.some(({ item }) => item.finansiering === 'ordinarie budget')) return out;
    if (!insatser.length && !h) return out; // the plan has not got that far yet
    const path = h && 'ordinarie_budget' in h ? ['handlingsplan', 'hållbarhet', 'ordinarie_budget'] : h ? ['handlingsplan', 'hållbarhet'] : ['handlingsplan'];
    out.push({ path, key: true, messageId: 'missing' });
    return out;
  },
};
