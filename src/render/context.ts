// The view model a template sees: the project's values with references resolved to names,
// the method's titles from content/, the charts, and what is missing for each document.
import type { Project, Insats, BefintligtStöd, Åldrar, Räckvidd, Beslut, BeslutPerDokument, Checklista, Faktorbedömning } from '../project/types.js';
import type { Method, Step } from '../content/types.js';
import { coverage, isGap } from '../judge/coverage.js';
import { genitive } from '../kommuner.js';
import type { Chart } from './charts.js';
import { tusental } from '../text.js';
import { förankringView } from './forankring.js';

/** A document's id: one of content/begrepp.yaml's dokument (checked where the user names it); the schema has one beslut per document. */
export type DokumentId = keyof BeslutPerDokument;

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
export function datumText(d?: string): string {
  if (!d) return '';
  const [y, m, day] = d.split('-').map(Number);
  return `${day} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function åldrarText(a?: Åldrar): string {
  if (!a) return '';
  const parts: string[] = [];
  if (a.graviditet) parts.push('graviditet');
  if (a.från !== undefined || a.till !== undefined) parts.push(`${a.från ?? 0}–${a.till ?? 18} år`);
  return parts.join(', ');
}

function räckviddText(r?: Räckvidd): string {
  if (!r) return '';
  const p: string[] = [];
  if (r.antal_föräldrar !== undefined) p.push(`${tusental(r.antal_föräldrar)} föräldrar`);
  if (r.andel_procent !== undefined) p.push(`${String(r.andel_procent).replace('.', ',')} %`);
  if (r.år !== undefined) p.push(`(${r.år})`);
  return p.join(' ');
}

const num = (v?: number) => (v === undefined ? '' : String(v).replace('.', ','));
const kr = (v?: number) => (v === undefined ? '' : `${tusental(v, ' ')} kr`);

export interface RenderContext {
  [k: string]: unknown;
  charts: Record<string, { chart: Chart; alt: string }>;
}

export function buildContext(p: Project, method: Method, dokument: DokumentId, datum: string): RenderContext {
  const b = method.begrepp;
  const steg = (n: number) => method.steg[n - 1]!;
  const aktörer = new Map((p.organisation?.aktörer ?? []).map((a) => [a.id, a]));
  const arenor = new Map((p.organisation?.arenor ?? []).map((a) => [a.id, a]));
  const målMap = new Map((p.handlingsplan?.mål ?? []).map((m) => [m.id, m]));
  const behovMap = new Map((p.analys?.utvecklingsbehov ?? []).map((x) => [x.id, x]));
  const insatsMap = new Map((p.handlingsplan?.insatser ?? []).map((x) => [x.id, x]));
  const indMap = new Map((p.handlingsplan?.uppföljningsplan?.indikatorer ?? []).map((x) => [x.id, x]));
  const namnAktör = (id?: string) => (id ? aktörer.get(id)?.namn ?? id : '');
  const namnArena = (id?: string) => (id ? arenor.get(id)?.namn ?? id : '');
  const nivåTitel = (n?: string) => b.preventionsnivåer.find((x) => x.id === n)?.titel ?? '';
  const typTitel = (t?: string) => b.måtttyper.find((x) => x.id === t)?.titel ?? '';

  const kommuner = p.projekt.kommuner.map((k) => k.namn);
  const kommun = kommuner.length === 1 ? `${genitive(kommuner[0]!)} kommun` : kommuner.join(', ').replace(/, ([^,]*)$/, ' och $1') + ' (samverkan)';
  const beslut: Beslut = p.beslut?.[dokument] ?? {};
  const docInfo = b.dokument.find((d) => d.id === dokument)!;

  const stöd = (s: BefintligtStöd) => ({
    id: s.id, namn: s.namn, aktör: namnAktör(s.aktör), arena: namnArena(s.arena), nivå: nivåTitel(s.nivå),
    åldrar: åldrarText(s.åldrar), målgrupp: s.målgrupp ?? '', räckvidd: räckviddText(s.räckvidd), uppföljning: s.uppföljning ?? '',
    forskningsstöd: s.forskningsstöd ?? '', kostnad: kr(s.kostnad_kr),
  });
  const insats = (i: Insats) => ({
    id: i.id, namn: i.namn, åtgärd: i.åtgärd ?? '', beskrivning: i.beskrivning ?? '',
    mål: (i.mål ?? []).join(', '), ansvarig: namnAktör(i.ansvarig), aktörer: (i.aktörer ?? []).map(namnAktör).join(', '),
    arenor: (i.arenor ?? []).map(namnArena).join(', '), målgrupp: i.målgrupp ?? '', nivå: nivåTitel(i.nivå), åldrar: åldrarText(i.åldrar),
    räckvidd: räckviddText(i.räckvidd), anpassningar: i.anpassningar ?? '', start: i.start ?? '', slut: i.slut ?? '',
    tid: i.start ? `${i.start} – ${i.slut ?? 'tills vidare'}` : '', kostnad: kr(i.kostnad_kr), finansiering: i.finansiering ?? '',
  });
  const checklista = (n: number) => {
    const answers: Checklista = p.checklistor?.[`steg${n}` as 'steg1'] ?? {};
    return steg(n).checklista.frågor.flatMap((q) => (q.delfrågor?.length ? q.delfrågor.map((d) => ({ ...d, text: `${q.text} ${d.text}` })) : [q])).map((q) => {
      const a = answers[q.id] ?? {};
      const åtg = a.åtgärd ? [a.åtgärd.vad, a.åtgärd.vem && `ansvarig: ${a.åtgärd.vem}`, a.åtgärd.när && `senast ${a.åtgärd.när}`].filter(Boolean).join('; ') : '';
      return { id: q.id, fråga: q.text, status: a.status ?? '', kommentar: a.kommentar ?? '', åtgärd: åtg };
    });
  };

  // Charts.
  const charts: RenderContext['charts'] = {};
  // By content's faktor ids (plain strings; the schema's keys are the same ids, test/content.test.ts).
  const fakt: Partial<Record<string, Faktorbedömning>> = p.analys?.förutsättningar?.faktorer ?? {};
  charts.faktorer = {
    chart: { typ: 'faktorer', skala: b.bedömningsskala.map((s) => s.titel), rader: b.faktorer.map((f) => ({ etikett: `${f.nummer}. ${f.titel}`, värde: fakt[f.id]?.bedömning ?? null })) },
    alt: `Stapeldiagram över de elva organisatoriska faktorerna, bedömda på en skala 1–5: ${b.faktorer.map((f) => `${f.titel} ${fakt[f.id]?.bedömning ?? 'ej bedömd'}`).join('; ')}.`,
  };
  const matrix = (planned: boolean) => {
    const names = (xs: Record<string, any>[]) => xs.map((x) => String(x.namn ?? x.id ?? ''));
    const celler = coverage(p, b.åldersband, b.preventionsnivåer, planned).celler.map((row) => row.map((c) => ({ befintligt: names(c.befintligt), planerat: names(c.planerat) })));
    const gaps = b.åldersband.flatMap((band, i) => b.preventionsnivåer.filter((_, j) => isGap(celler[i]![j]!)).map((n) => `${band.titel} ${n.titel.toLowerCase()}`));
    return {
      chart: { typ: 'täckning', rader: b.åldersband.map((x) => x.titel), kolumner: b.preventionsnivåer.map((x) => x.titel), celler, visaPlanerat: planned } as Chart,
      alt: `Matris över stöd per åldersgrupp och preventionsnivå${planned ? ', befintligt och planerat' : ''}. ${gaps.length ? `Luckor (inget stöd): ${gaps.join(', ')}.` : 'Inga luckor.'}`,
    };
  };
  charts.täckning = matrix(false);
  charts.täckningPlan = matrix(true);
  const per = p.projekt.period;
  const ins = p.handlingsplan?.insatser ?? [];
  const starts = ins.map((i) => i.start).filter(Boolean).sort() as string[];
  const ends = ins.map((i) => i.slut).filter(Boolean).sort() as string[];
  const från = per?.från ? `${per.från}-01-01` : starts[0] ?? `${datum.slice(0, 4)}-01-01`;
  const till = per?.till ? `${per.till}-12-31` : ends.at(-1) ?? `${Number(datum.slice(0, 4)) + 3}-12-31`;
  charts.tidslinje = {
    chart: { typ: 'tidslinje', från, till, rader: ins.map((i) => ({ etikett: `${i.id} ${i.namn}`, start: i.start, slut: i.slut, åtgärd: i.åtgärd })) },
    alt: `Tidslinje över de planerade insatserna ${från.slice(0, 4)}–${till.slice(0, 4)}: ${ins.map((i) => `${i.id} ${i.namn} ${i.start ?? 'start ej ifyllt'}–${i.slut ?? ''}`).join('; ')}.`,
  };
  const utfall = new Map((p.uppföljning?.utfall ?? []).map((u) => [u.indikator, u]));
  const indRader = [...indMap.values()].map((x) => {
    const u = utfall.get(x.id)?.värde;
    const riktning = x.riktning ?? 'öka';
    const uppnått = u === undefined || x.målvärde === undefined ? null : riktning === 'minska' ? u <= x.målvärde : u >= x.målvärde;
    return { etikett: `${x.id} ${x.namn}`, utgångsvärde: x.utgångsvärde, målvärde: x.målvärde, utfall: u, riktning, uppnått, enhet: x.enhet };
  });
  charts.indikatorer = {
    chart: { typ: 'indikatorer', rader: indRader },
    alt: `Diagram över indikatorernas utfall mot målvärden: ${indRader.map((r) => `${r.etikett}: utfall ${r.utfall ?? 'ej ifyllt'}, mål ${r.målvärde ?? 'ej ifyllt'}${r.uppnått === null ? '' : r.uppnått ? ', nått' : ', ej nått'}`).join('; ')}.`,
  };

  const m = (s: Step, nr: string) => s.moment.find((x) => x.nummer === nr)!;
  const delText = (s: Step, nr: string, data: Record<string, unknown> | undefined) =>
    (m(s, nr).delar ?? []).map((d) => ({ titel: d.titel, text: typeof data?.[d.fält[0]!.split('.').pop()!] === 'string' ? data?.[d.fält[0]!.split('.').pop()!] : '' }));
  const frågor = (qs: { id: string; text: string }[], svar?: Record<string, string>) => qs.map((q) => ({ fråga: q.text, svar: svar?.[q.id] ?? '' }));

  const s3 = steg(3), s4 = steg(4), s6 = steg(6);
  const a = p.analys ?? {};
  const h = p.handlingsplan ?? {};
  const u = p.uppföljning ?? {};
  const uppfInsats = new Map((u.insatser ?? []).map((x) => [x.insats, x]));

  return {
    dokument, titel: docInfo.titel, datum, datumText: datumText(datum),
    projekt: p.projekt.namn, kommun, kommuner, län: [...new Set(p.projekt.kommuner.map((k) => k.län).filter(Boolean))].join(', '),
    period: per?.från ? `${per.från}–${per.till ?? ''}` : '', version: p.projekt.version ?? '',
    exempel: Boolean(p.projekt.exempel),
    beslut: { status: beslut.status ?? 'utkast', organ: beslut.organ ?? '', datum: beslut.datum ?? '', datumText: datumText(beslut.datum), diarienummer: beslut.diarienummer ?? '', paragraf: beslut.paragraf ?? '', kommentar: beslut.kommentar ?? '' },
    steg: Object.fromEntries(method.steg.map((s) => [s.nummer, { titel: `Steg ${s.nummer}: ${s.titel}`, syfte: s.syfte, moment: Object.fromEntries(s.moment.map((x) => [x.nummer.replace('.', '_'), `${x.nummer} ${x.titel}`])) }])),
    organisation: {
      aktörer: (p.organisation?.aktörer ?? []).map((x) => ({ id: x.id, namn: x.namn, huvudman: x.huvudman ?? '', förvaltning: x.förvaltning ?? '', arenor: (x.arenor ?? []).map(namnArena).join(', ') })),
      arenor: (p.organisation?.arenor ?? []).map((x) => ({ id: x.id, namn: x.namn, huvudman: x.huvudman ?? '' })),
      styrgrupp: (p.organisation?.styrgrupp?.medlemmar ?? []).map((x) => ({ roll: x.roll, aktör: namnAktör(x.aktör) })),
      samordnare: (p.organisation?.samordning?.personer ?? []).map((x) => ({ roll: x.roll, aktör: namnAktör(x.aktör), tid: x.tjänstgöringsgrad !== undefined ? `${x.tjänstgöringsgrad} %` : '' })),
    },
    lägesbild: {
      målgrupp: delText(s3, '3.1', a.målgruppsanalys as Record<string, unknown>),
      nyckeltal: (a.målgruppsanalys?.nyckeltal ?? []).map((n) => ({
        id: n.id, namn: n.namn, värde: `${num(n.värde)}${n.enhet ? ' ' + n.enhet : ''}`, år: n.år ?? '', område: n.område ?? '', källa: n.källa ?? '',
        kön: n.per_kön ? Object.entries(n.per_kön).map(([k, v]) => `${k} ${num(v)}`).join(', ') : '', jämförelse: num(n.jämförelse),
      })),
      kartläggningsfrågor: frågor(m(s3, '3.2').frågor ?? [], a.kartläggning?.svar),
      befintligt: (a.kartläggning?.befintligt_stöd ?? []).map(stöd),
      forskningsstöd: a.kartläggning?.forskningsstöd ?? '', nås: a.kartläggning?.perspektiv ?? '',
      förutsättningarMetod: a.förutsättningar?.metod ?? '',
      faktorer: b.faktorer.map((f) => ({ nummer: f.nummer, titel: f.titel, bedömning: fakt[f.id]?.bedömning ? `${fakt[f.id]!.bedömning} – ${b.bedömningsskala.find((x) => x.värde === fakt[f.id]!.bedömning)?.titel ?? ''}` : '', kommentar: fakt[f.id]?.kommentar ?? '' })),
      sammanfattning: a.lägesbild?.sammanfattning ?? '',
      analysgrupper: (m(s3, '3.4').frågegrupper ?? []).map((g) => ({ titel: g.titel, frågor: frågor(g.frågor, (a.lägesbild?.analysfrågor as Record<string, Record<string, string>> | undefined)?.[g.id]) })),
      behov: (a.utvecklingsbehov ?? []).map((x) => ({ id: x.id, rubrik: x.rubrik, beskrivning: x.beskrivning ?? '', område: x.område ?? '', prioritet: x.prioritet ?? '', uppskjutet: x.uppskjutet ?? '' })),
      återkoppling: a.återkoppling?.beskrivning ?? '', återkopplingDatum: datumText(a.återkoppling?.datum),
      checklista: checklista(3),
    },
    plan: {
      koppling: h.koppling ?? '',
      perspektiv: b.perspektiv.map((x) => ({ titel: x.titel, text: (h.perspektiv as Record<string, string> | undefined)?.[x.id] ?? '' })),
      mål: (h.mål ?? []).map((x) => ({ id: x.id, text: x.text, horisont: x.horisont ? `${x.horisont} sikt` : '', typ: typTitel(x.typ), behov: (x.behov ?? []).map((id) => `${id} ${behovMap.get(id)?.rubrik ?? ''}`.trim()).join('; '),
        indikatorer: [...indMap.values()].filter((i) => i.mål?.includes(x.id)).map((i) => i.id).join(', ') })),
      insatser: ins.map(insats),
      förutsättningar: (h.förutsättningar ?? []).map((x) => ({ id: x.id, beskrivning: x.beskrivning, typ: x.typ ?? '', insatser: (x.insatser ?? []).join(', '), ansvarig: x.ansvarig ?? '', klart: x.klart ?? '' })),
      uppföljning: { beskrivning: h.uppföljningsplan?.beskrivning ?? '', redovisning: h.uppföljningsplan?.redovisning ?? '', utvärdering: h.uppföljningsplan?.utvärdering ?? '', ansvarig: h.uppföljningsplan?.ansvarig ?? '' },
      indikatorer: [...indMap.values()].map((x) => ({ id: x.id, namn: x.namn, typ: typTitel(x.typ), mål: (x.mål ?? []).join(', '), utgångsvärde: `${num(x.utgångsvärde)}${x.utgångsvärde !== undefined && x.enhet ? ' ' + x.enhet : ''}`, målvärde: `${num(x.målvärde)}${x.målvärde !== undefined && x.enhet ? ' ' + x.enhet : ''}`, måldatum: x.måldatum ?? '', källa: x.källa ?? '', frekvens: x.frekvens ?? '' })),
      kommunikation: { beskrivning: h.kommunikationsplan?.beskrivning ?? '', överenskommelser: h.kommunikationsplan?.samverkansöverenskommelser ?? '', aktiviteter: (h.kommunikationsplan?.aktiviteter ?? []).map((x) => ({ id: x.id, målgrupp: x.målgrupp, budskap: x.budskap ?? '', kanal: x.kanal ?? '', språk: (x.språk ?? []).join(', '), ansvarig: x.ansvarig ?? '', när: x.när ?? '' })) },
      hållbarhet: [
        ['Jämställt föräldraskap, jämlikhet och funktionshinderperspektiv', h.hållbarhet?.jämställdhet_jämlikhet],
        ['Att nå föräldrar som inte tidigare nåtts', h.hållbarhet?.nå_fler],
        ['Barnets rättigheter', h.hållbarhet?.barnrätt],
        ['Normkritiskt förhållningssätt', h.hållbarhet?.normkritik],
        ['Långsiktighet, mandat och resurser', h.hållbarhet?.långsiktighet],
      ].map(([titel, text]) => ({ titel, text: text ?? '' })),
      ordinarieBudget: h.hållbarhet?.ordinarie_budget === undefined ? '' : h.hållbarhet.ordinarie_budget ? 'Ja, arbetet finansieras i ordinarie budget.' : 'Nej, arbetet finansieras inte i ordinarie budget.',
      förankring: h.förankring ?? '',
      kostnad: kr(ins.reduce((s, i) => s + (i.kostnad_kr ?? 0), 0) || undefined),
      checklista: checklista(4),
    },
    uppf: {
      period: u.period?.från ? `${datumText(u.period.från)} – ${datumText(u.period.till)}` : '',
      frågor: frågor(m(s6, '6.1').frågor ?? [], u.svar),
      insatser: ins.map((i) => { const x = uppfInsats.get(i.id); return { id: i.id, namn: i.namn, tid: insats(i).tid, status: x?.status ?? '', inomTidsram: x?.inom_tidsram === undefined ? '' : x.inom_tidsram ? 'ja' : 'nej', nådda: x?.nådda_föräldrar !== undefined ? String(x.nådda_föräldrar) : '', fullföljt: x?.fullföljt_procent !== undefined ? `${num(x.fullföljt_procent)} %` : '', beslut: x?.beslut ?? '', motivering: x?.motivering ?? '', kommentar: x?.kommentar ?? '' }; }),
      utfall: indRader.map((r, k) => ({ indikator: r.etikett, utgångsvärde: num(r.utgångsvärde), målvärde: num(r.målvärde), utfall: num(r.utfall), datum: utfall.get([...indMap.keys()][k]!)?.datum ?? '', bedömning: r.uppnått === null ? '' : r.uppnått ? 'Målet nått' : 'Målet ej nått', kommentar: utfall.get([...indMap.keys()][k]!)?.kommentar ?? '' })),
      upplevelseFöräldrar: u.upplevelse?.föräldrar ?? '', upplevelsePersonal: u.upplevelse?.personal ?? '',
      utvärdering: u.utvärdering ?? '', återkoppling: u.återkoppling?.beskrivning ?? '', återkopplingDatum: datumText(u.återkoppling?.datum),
      lärdomar: u.lärdomar ?? '', anpassaSprida: u.anpassa_sprida ?? '',
      checklista: checklista(6),
    },
    s4syfte: s4.syfte,
    förankring: { ...förankringView(p), checklista1: checklista(1), checklista2: checklista(2) },
    charts,
    insatsNamn: Object.fromEntries([...insatsMap].map(([k, v]) => [k, v.namn])),
  };
}
