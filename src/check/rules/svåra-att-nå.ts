// MFoF 2019: newly arrived parents, separated parents and parents with disabilities are hard to
// reach; the plan should say how it will reach them.
import type { Rule, RuleFinding } from '../types.js';
import { insatsCovers } from '../../judge/coverage.js';
import { isObj, isText, items } from './util.js';

export const svåraAttNå: Rule = {
  id: 'svåra-att-nå',
  severity: 'warning',
  beskrivning: 'Handlingsplanen har en plan för att nå föräldrar som är svåra att nå: hållbarhet › nå_fler är ifyllt eller någon insats har anpassningar.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Specificera arbetssätt och insatser; Säkerställ hållbarhetsperspektiv och långsiktighet; MFoF:s kartläggning 2019',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/svåra-att-nå.md',
  messages: {
    missing: 'Planen säger inte hur föräldrar som är svåra att nå ska nås (t.ex. nyanlända, separerade eller föräldrar med funktionsnedsättning): hållbarhet › nå_fler är tomt och ingen insats har anpassningar',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const hp = ctx.data.handlingsplan;
    if (!isObj(hp)) return out;
    const h = isObj(hp.hållbarhet) ? hp.hållbarhet : undefined;
    if (isText(h?.nå_fler)) return out;
    const insatser = items(ctx.data, 'insats');
    if (insatser.some(({ item }) => insatsCovers(item) && isText(item.anpassningar))) return out;
    if (!insatser.length && !h) return out;
    const path = h ? ['handlingsplan', 'hållbarhet'] : ['handlingsplan'];
    out.push({ path, key: true, messageId: 'missing' });
    return out;
  },
};
