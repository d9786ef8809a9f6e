// Traceability from the lägesbild to the plan: every development need is answered by a goal,
// or deferred with a written reason.
import type { Rule, RuleFinding } from '../types.js';
import { idList, isText, items, label } from './util.js';

export const behovAdresserat: Rule = {
  id: 'behov-adresserat',
  severity: 'error',
  beskrivning: 'Varje utvecklingsbehov från lägesbilden besvaras av minst ett mål i handlingsplanen, eller är uppskjutet med en motivering.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Formulera mål; Checklista 4 fråga 2',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/behov-adresserat.md',
  messages: {
    unaddressed: 'Utvecklingsbehovet {{behov}} besvaras inte av något mål och är inte uppskjutet. Koppla ett mål till behovet (mål › behov: [{{id}}]) eller skriv i uppskjutet varför det väntar',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const needs = items(ctx.data, 'behov');
    if (!needs.length) return out;
    const addressed = new Set(items(ctx.data, 'mål').flatMap(({ item }) => idList(item.behov)));
    for (const { item, path, i } of needs) {
      if (typeof item.id === 'string' && addressed.has(item.id)) continue;
      if (isText(item.uppskjutet)) continue;
      out.push({
        path,
        messageId: 'unaddressed',
        data: { behov: label(item, i, 'rubrik'), id: typeof item.id === 'string' ? item.id : '…' },
      });
    }
    return out;
  },
};
