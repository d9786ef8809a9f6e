// Every goal can be followed up: at least one indicator with a target value and a target date.
import type { Rule, RuleFinding } from '../types.js';
import { idList, isDate, items, joinSv, label } from './util.js';

export const målHarIndikator: Rule = {
  id: 'mål-har-indikator',
  severity: 'error',
  beskrivning: 'Varje mål har minst en indikator med målvärde och måldatum, så att det går att följa upp.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan – Formulera mål; Planera för uppföljning och eventuell utvärdering',
  steg: [4],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/mål-har-indikator.md',
  messages: {
    noIndicator: 'Målet {{mål}} har ingen indikator. Lägg till en indikator med mål: [{{id}}], målvärde och måldatum',
    noTarget: 'Målet {{mål}} har ingen indikator med både målvärde och måldatum: {{luckor}}',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const indicators = items(ctx.data, 'indikator');
    for (const { item, path, i } of items(ctx.data, 'mål')) {
      const id = item.id;
      const mine = indicators.filter(({ item: ind }) => typeof id === 'string' && idList(ind.mål).includes(id));
      if (!mine.length) {
        out.push({ path, messageId: 'noIndicator', data: { mål: label(item, i, 'text'), id: typeof id === 'string' ? id : '…' } });
        continue;
      }
      if (mine.some(({ item: ind }) => typeof ind.målvärde === 'number' && isDate(ind.måldatum))) continue;
      const gaps = mine.map(({ item: ind, i: j }) => {
        const missing = [typeof ind.målvärde === 'number' ? '' : 'målvärde', isDate(ind.måldatum) ? '' : 'måldatum'].filter(Boolean);
        return `${label(ind, j)} saknar ${joinSv(missing)}`;
      });
      out.push({ path, messageId: 'noTarget', data: { mål: label(item, i, 'text'), luckor: gaps.join('; ') } });
    }
    return out;
  },
};
