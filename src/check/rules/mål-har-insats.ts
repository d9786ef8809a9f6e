// Every goal has at least one intervention that works towards it.
import type { Rule, RuleFinding } from '../types.js';
import { idList, items, label } from './util.js';

export const målHarInsats: Rule = {
  id: 'mål-har-insats',
  severity: 'error',
  beskrivning: 'Varje mål i handlingsplanen har minst en insats som arbetar mot det.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Specificera arbetssätt och insatser; Checklista 4 fråga 3',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/mål-har-insats.md',
  messages: {
    noInsats: 'Målet {{mål}} har ingen insats. Ange målet i minst en insats (insatser › mål: [{{id}}])',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const used = new Set(items(ctx.data, 'insats').flatMap(({ item }) => idList(item.mål)));
    for (const { item, path, i } of items(ctx.data, 'mål')) {
      if (typeof item.id === 'string' && used.has(item.id)) continue;
      out.push({ path, messageId: 'noInsats', data: { mål: label(item, i, 'text'), id: typeof item.id === 'string' ? item.id : '…' } });
    }
    return out;
  },
};
