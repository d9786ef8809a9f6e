// MFoF 2019: support financed in the ordinary budget makes the work last. The insatser's costs
// (kostnader[]: år, belopp_kr, källa) say which source pays for what, year by year.
import type { Rule, RuleFinding } from '../types.js';
import { EJ_ANGIVET } from '../../project/types.js';
import { isObj, items, joinSv } from './util.js';

const ORDINARIE = 'ordinarie budget';
/** Money that ends: what the work must not rest on alone in its last year. */
const TILLFÄLLIG = new Set(['projektmedel', 'statsbidrag', 'extern finansiering']);

interface Cost { år: number | undefined; every: boolean; källa: string; path: (string | number)[] }

export const ordinarieBudget: Rule = {
  id: 'ordinarie-budget',
  severity: 'warning',
  beskrivning: 'Arbetet har ordinarie budget: handlingsplanen anger ordinarie budget, eller insatsernas kostnader finansieras (också) i ordinarie budget, även planperiodens sista år.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Säkerställ hållbarhetsperspektiv och långsiktighet; 4.2; MFoF:s kartläggning 2019 (ordinarie budget skapar långsiktighet)',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/ordinarie-budget.md',
  messages: {
    missing: 'Arbetet saknar ordinarie budget: handlingsplanen anger inte ordinarie budget (hållbarhet › ordinarie_budget) och ingen insats har en kostnad med källa ordinarie budget. Projektmedel tar slut; planera hur samordning och insatser ska finansieras långsiktigt',
    lastYearTemporary: 'År {{år}}, planens sista år med kostnader, finansieras insatserna bara med {{källor}}, ingen kostnad med källa ordinarie budget. Planera vad som förs in i ordinarie budget när de pengarna tar slut',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const hp = ctx.data.handlingsplan;
    if (!isObj(hp)) return out;
    const h = isObj(hp.hållbarhet) ? hp.hållbarhet : undefined;
    if (h?.ordinarie_budget === true) return out;
    const insatser = items(ctx.data, 'insats');
    // A cost without år applies to every year; år "ej angivet" to some year the source does not give.
    const costs: Cost[] = insatser.flatMap(({ item, path }) => (Array.isArray(item.kostnader) ? item.kostnader : [])
      .map((k: unknown, i: number) => (isObj(k) && typeof k.källa === 'string' ? { år: Number.isInteger(k.år) ? (k.år as number) : undefined, källa: k.källa, path: [...path, 'kostnader', i, 'källa'], every: k.år === undefined } : undefined))
      .filter(Boolean) as Cost[]);
    if (costs.some((c) => c.källa === ORDINARIE)) {
      // The last year: the plan period's end, else the last year a cost names.
      const period = isObj(ctx.data.projekt) && isObj(ctx.data.projekt.period) ? ctx.data.projekt.period : undefined;
      const years = costs.map((c) => c.år).filter((y): y is number => y !== undefined);
      const last = Number.isInteger(period?.till) ? (period!.till as number) : years.length ? Math.max(...years) : undefined;
      if (last === undefined) return out;
      const that = costs.filter((c) => c.år === last || c.every);
      const temporary = that.filter((c) => TILLFÄLLIG.has(c.källa));
      if (temporary.length && !that.some((c) => c.källa === ORDINARIE)) {
        out.push({ path: temporary[0]!.path, messageId: 'lastYearTemporary', data: { år: last, källor: joinSv([...new Set(temporary.map((c) => c.källa))]) } });
      }
      return out;
    }
    // Financing the source does not give is "ej angivet", not missing: only when something is
    // known (a temporary source, no cost at all, or hållbarhet saying false) is ordinary budget missing.
    if (costs.length && costs.every((c) => c.källa === EJ_ANGIVET) && h?.ordinarie_budget !== false) return out;
    if (!insatser.length && !h) return out; // the plan has not got that far yet
    const path = h && 'ordinarie_budget' in h ? ['handlingsplan', 'hållbarhet', 'ordinarie_budget'] : h ? ['handlingsplan', 'hållbarhet'] : ['handlingsplan'];
    out.push({ path, key: true, messageId: 'missing' });
    return out;
  },
};
