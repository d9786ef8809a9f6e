// Every planned intervention says what it serves, who does it, where, for whom, at which level,
// when it starts and what it costs. A cost whose belopp or källa is "ej angivet" is an answer
// (the source does not say), not a gap; a start may be a year, a month or a day.
import type { Rule, RuleFinding } from '../types.js';
import { idList, isDate, isObj, isText, items, joinSv, label } from './util.js';

const FIELDS: { key: string; words: string; ok: (v: unknown) => boolean; avveckla: boolean }[] = [
  { key: 'mål', words: 'mål', ok: (v) => idList(v).length > 0, avveckla: false },
  { key: 'ansvariga', words: 'ansvarig aktör', ok: (v) => idList(v).length > 0, avveckla: true },
  { key: 'arenor', words: 'arena', ok: (v) => idList(v).length > 0, avveckla: false },
  { key: 'målgrupp', words: 'målgrupp', ok: isText, avveckla: false },
  { key: 'nivå', words: 'preventionsnivå', ok: isText, avveckla: false },
  { key: 'start', words: 'startdatum', ok: isDate, avveckla: true },
  { key: 'kostnader', words: 'kostnad', ok: (v) => Array.isArray(v) && v.some(isObj), avveckla: false },
];

export const insatsKomplett: Rule = {
  id: 'insats-komplett',
  severity: 'error',
  beskrivning: 'Varje planerad insats har mål, ansvarig aktör, arena, målgrupp, preventionsnivå, startdatum och kostnad (en insats som avvecklas: ansvarig och startdatum).',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Specificera arbetssätt och insatser',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/insats-komplett.md',
  messages: {
    incomplete: 'Insatsen {{insats}} saknar {{saknas}}',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { item, path, i } of items(ctx.data, 'insats')) {
      const avveckla = item.åtgärd === 'avveckla';
      const missing = FIELDS.filter((f) => (!avveckla || f.avveckla) && !f.ok(item[f.key])).map((f) => f.words);
      if (missing.length) out.push({ path, messageId: 'incomplete', data: { insats: label(item, i), saknas: joinSv(missing) } });
    }
    return out;
  },
};
