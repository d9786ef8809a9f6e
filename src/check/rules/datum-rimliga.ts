// Dates that contradict each other: an intervention that ends before it starts, a follow-up
// before anything has started, a target date before the plan begins. Dates are as precise as the
// plan gives them (2026, 2026-09, 2026-09-30) and are compared at that precision
// (src/project/dates.ts): "2026" is neither before nor after "2026-05-01", so it never contradicts it.
import { decisionStep, documents } from '../../content/dokument.js';
import type { YamlPath } from '../../project/load.js';
import type { MessageData, Rule, RuleFinding } from '../types.js';
import { compareDates, parseDate, yearOf } from '../../project/dates.js';
import { get, idList, isDate, isObj, items, label } from './util.js';

const year = (d: string) => yearOf(d)!;
/** a wholly before b, at the coarser precision of the two. */
const before = (a: string, b: string) => compareDates(a, b) === -1;
/** The earliest of some dates (by their first day), for messages. */
const earliest = (ds: string[]) => [...ds].sort((a, b) => (parseDate(a)!.first < parseDate(b)!.first ? -1 : 1))[0];

export const datumRimliga: Rule = {
  id: 'datum-rimliga',
  severity: 'error',
  beskrivning: 'Datum hänger ihop: start före slut, uppföljning efter start, måldatum inom eller efter planperioden och beslut i rätt ordning.',
  avsnitt: '4.1 Upprätta en lokal handlingsplan (tidplan); 6.1 Följa upp',
  steg: [4, 6],
  dokument: [],
  docs: 'docs/regler/datum-rimliga.md',
  messages: {
    periodReversed: 'Planperioden slutar ({{till}}) före den börjar ({{från}})',
    insatsEndsBeforeStart: 'Insatsen {{insats}} slutar {{slut}}, före sitt startdatum {{start}}',
    insatsAfterPeriod: 'Insatsen {{insats}} startar {{start}}, efter planperioden {{period}}',
    insatsBeforePeriod: 'Insatsen {{insats}} slutar {{slut}}, före planperioden {{period}}',
    targetBeforePeriod: 'Indikatorn {{indikator}} har måldatum {{måldatum}}, före planperioden {{period}}',
    targetBeforeStart: 'Indikatorn {{indikator}} har måldatum {{måldatum}}, innan någon av dess insatser har startat (första start {{start}})',
    followUpReversed: 'Uppföljningsperioden slutar {{till}}, före den börjar {{från}}',
    followUpBeforeStart: 'Uppföljningsperioden slutar {{till}}, innan den första insatsen startade ({{start}})',
    measuredBeforeFollowUp: 'Utfallet för {{indikator}} är mätt {{datum}}, före uppföljningsperioden (från {{från}})',
    followedUpBeforeStart: 'Insatsen {{insats}} följs upp som {{status}}, men startar först {{start}}, efter uppföljningsperioden (till {{till}})',
    roundBeforePrevious: 'Uppföljningsomgången {{omgång}} gäller perioden till {{till}}, före den förra omgången {{förra}} (från {{förraFrån}}); omgångarna står i tidsordning, den senaste sist',
    decisionsOutOfOrder: 'Beslutet om {{senare}} ({{senareDatum}}) är daterat före beslutet om {{tidigare}} ({{tidigareDatum}})',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const d = ctx.data;
    const err = (path: YamlPath, messageId: string, data: MessageData) => out.push({ path, messageId, data });
    const warn = (path: YamlPath, messageId: string, data: MessageData) => out.push({ path, messageId, data, severity: 'warning' });

    // The plan period (years).
    const period = d.projekt?.period;
    const från = isObj(period) && Number.isInteger(period.från) ? (period.från as number) : undefined;
    const till = isObj(period) && Number.isInteger(period.till) ? (period.till as number) : undefined;
    if (från !== undefined && till !== undefined && från > till) {
      err(['projekt', 'period', 'till'], 'periodReversed', { till, från });
    }
    const periodText = från !== undefined && till !== undefined ? `${från}–${till}` : undefined;

    // Interventions: start before end, and inside the plan period.
    const insatser = items(d, 'insats');
    const startOf = new Map<string, string>();
    if (ctx.inScope(4)) {
      for (const { item, path, i } of insatser) {
        const s = isDate(item.start) ? item.start : undefined;
        const e = isDate(item.slut) ? item.slut : undefined;
        if (s && typeof item.id === 'string') startOf.set(item.id, s);
        if (s && e && before(e, s)) err([...path, 'slut'], 'insatsEndsBeforeStart', { insats: label(item, i), slut: e, start: s });
        if (periodText && s && till !== undefined && year(s) > till) warn([...path, 'start'], 'insatsAfterPeriod', { insats: label(item, i), start: s, period: periodText });
        if (periodText && e && från !== undefined && year(e) < från) warn([...path, 'slut'], 'insatsBeforePeriod', { insats: label(item, i), slut: e, period: periodText });
      }
      // Indicators: the target date within or after the plan period, and not before the interventions it measures start.
      for (const { item, path, i } of items(d, 'indikator')) {
        if (!isDate(item.måldatum)) continue;
        const md = item.måldatum;
        if (från !== undefined && year(md) < från) {
          err([...path, 'måldatum'], 'targetBeforePeriod', { indikator: label(item, i), måldatum: md, period: periodText ?? `som börjar ${från}` });
          continue;
        }
        const starts = idList(item.insatser).map((id) => startOf.get(id)).filter((x): x is string => Boolean(x));
        const first = earliest(starts);
        if (first && starts.every((st) => before(md, st))) warn([...path, 'måldatum'], 'targetBeforeStart', { indikator: label(item, i), måldatum: md, start: first });
      }
    } else {
      for (const { item } of insatser) if (isDate(item.start) && typeof item.id === 'string') startOf.set(item.id, item.start);
    }

    // Follow-up: the current round (the last of uppföljningar) has its period in order, does not end
    // before anything had started, and does not lie before the previous round.
    if (ctx.inScope(6)) {
      const rounds = Array.isArray(d.uppföljningar) ? d.uppföljningar : [];
      const n = rounds.length - 1;
      const up = rounds[n];
      const base: YamlPath = ['uppföljningar', n];
      const p = isObj(up) && isObj(up.period) ? up.period : undefined;
      const pf = p && isDate(p.från) ? p.från : undefined;
      const pt = p && isDate(p.till) ? p.till : undefined;
      if (pf && pt && before(pt, pf)) err([...base, 'period', 'till'], 'followUpReversed', { till: pt, från: pf });
      const starts = [...startOf.values()];
      const firstStart = earliest(starts);
      if (pt && firstStart && starts.every((st) => before(pt, st))) err([...base, 'period', 'till'], 'followUpBeforeStart', { till: pt, start: firstStart });
      const prev = rounds[n - 1];
      const prevFrån = isObj(prev) && isObj(prev.period) && isDate(prev.period.från) ? prev.period.från : undefined;
      if (pt && prevFrån && before(pt, prevFrån)) {
        warn([...base, 'period', 'till'], 'roundBeforePrevious', { omgång: typeof up.id === 'string' ? up.id : `nr ${n + 1}`, till: pt, förra: typeof prev.id === 'string' ? prev.id : `nr ${n}`, förraFrån: prevFrån });
      }
      const utfall = isObj(up) && Array.isArray(up.utfall) ? up.utfall : [];
      utfall.forEach((u: unknown, i: number) => {
        if (!isObj(u) || !isDate(u.datum)) return;
        if (pf && before(u.datum, pf)) warn([...base, 'utfall', i, 'datum'], 'measuredBeforeFollowUp', { indikator: typeof u.indikator === 'string' ? u.indikator : `nr ${i + 1}`, datum: u.datum, från: pf });
      });
      const ins = isObj(up) && Array.isArray(up.insatser) ? up.insatser : [];
      ins.forEach((u: unknown, i: number) => {
        if (!isObj(u) || typeof u.insats !== 'string') return;
        const s = startOf.get(u.insats);
        if (s && pt && before(pt, s) && (u.status === 'genomförd' || u.status === 'pågår')) {
          err([...base, 'insatser', i, 'status'], 'followedUpBeforeStart', { insats: u.insats, status: String(u.status), start: s, till: pt });
        }
      });
    }

    // Decisions in order: each document's decision no earlier than that of the document before
    // it in the method's order (begrepp.dokument), when either's step is in scope.
    const decisions = documents().map((dok) => {
      const v = get(d, ['beslut', dok.id, 'datum']);
      return { dok, datum: isDate(v) ? v : undefined, step: decisionStep(dok) };
    });
    for (const [i, b] of decisions.entries()) {
      const a = decisions[i - 1];
      if (!a?.datum || !b.datum || !before(b.datum, a.datum)) continue;
      if ((a.step !== undefined && ctx.inScope(a.step)) || (b.step !== undefined && ctx.inScope(b.step))) {
        warn(['beslut', b.dok.id, 'datum'], 'decisionsOutOfOrder', { senare: b.dok.bestämd, senareDatum: b.datum, tidigare: a.dok.bestämd, tidigareDatum: a.datum });
      }
    }
    return out;
  },
};
