// MFoF 2019 and the method (step 6): follow how many parents complete a programme.
import type { Rule, RuleFinding } from '../types.js';
import { isObj, isText, items } from './util.js';

/** Words that say an indicator is about completing a programme. */
export const FULLFÖLJA = /fullf[öo]lj|slutf[öo]r|avhopp|avbrott|genomf[öo]r(t|de)? (hela|alla)/i;

export const fullföljandeIndikator: Rule = {
  id: 'fullföljande-indikator',
  severity: 'warning',
  beskrivning: 'Uppföljningsplanen har en processindikator för hur många som fullföljer ett program.',
  avsnitt: 'Steg 6 Följa upp (processmått: andelen som fullföljer); 4.1 Planera för uppföljning; MFoF:s kartläggning 2019',
  steg: [4],
  dokument: ['handlingsplan', 'uppföljning'],
  docs: 'docs/regler/fullföljande-indikator.md',
  messages: {
    wrongType: 'Indikatorn {{indikator}} mäter hur många som fullföljer men har typ {{typ}}; det är ett processmått (typ: process)',
    missing: 'Ingen processindikator följer hur många som fullföljer ett föräldraskapsstödsprogram. Lägg till t.ex. "Andel föräldrar som fullföljer programmet" med typ: process, målvärde och måldatum',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const hp = ctx.data.handlingsplan;
    if (!isObj(hp)) return out;
    const inds = items(ctx.data, 'indikator');
    const ok = inds.some(({ item }) => (item.typ === 'process' || item.typ === undefined) && isText(item.namn) && FULLFÖLJA.test(item.namn));
    if (ok) return out;
    const wrongType = inds.find(({ item }) => isText(item.namn) && FULLFÖLJA.test(item.namn));
    if (wrongType) {
      out.push({ path: [...wrongType.path, 'typ'], messageId: 'wrongType', data: { indikator: String(wrongType.item.id ?? ''), typ: String(wrongType.item.typ) } });
      return out;
    }
    const path = isObj(hp.uppföljningsplan) ? (Array.isArray(hp.uppföljningsplan.indikatorer) ? ['handlingsplan', 'uppföljningsplan', 'indikatorer'] : ['handlingsplan', 'uppföljningsplan']) : ['handlingsplan'];
    out.push({ path, key: true, messageId: 'missing' });
    return out;
  },
};
