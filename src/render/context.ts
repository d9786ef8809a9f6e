// The view model a template sees: the project's values with references resolved to names,
// the method's titles from content/, the charts, and what is missing for each document.
import type { Project, Insats, BefintligtStöd, Åldrar, Räckvidd, Beslut, BeslutPerDokument, Checklista, Faktorbedömning } from '../project/types.js';
import type { Method, Step } from '../content/types.js';
import { cellState, coverage, isGap } from '../judge/coverage.js';
import { bedömIndikatorer, bedömningText } from '../judge/indikator.js';
import type { Kostnad, Grupp, Uppföljningsomgång, Datum, Tal } from '../project/types.js';
import { genitive } from '../kommuner.js';
import type { Chart } from './charts.js';
import { dateInWords, parseDate } from '../project/dates.js';
import { talText, numText, beloppText, budgetTable, budgetByPost, kostnadText, kostnaderText as kostnaderRad, källorText, periodYears, enhetText } from './values.js';
import { poster, tjänsteskrivelseView } from './tjanst.js';
import { EJ_ANGIVET } from '../project/types.js';
import { cap, joinSv, medEnhet, tusental } from '../text.js';
import { förankringView, beslutDetaljer } from './forankring.js';

/**
 * The plan's total cost as a sentence: the budget table's last cell ("ca 8 540 000 kr",
 * "600 000 kr + ej angivet", "ej angivet" or "–"), never "sammanlagt ej angivet".
 */
export function kostnadsMening(totalt: string | undefined, se = 'Budget'): string {
  if (!totalt || totalt === '–') return '';
  const belopp = totalt.replace(new RegExp(`\\s*\\+\\s*${EJ_ANGIVET}$`), '');
  if (belopp === EJ_ANGIVET || !/\d/.test(belopp)) return 'Kostnaderna är ännu inte beräknade.';
  return `Kostnaderna är sammanlagt ${belopp} under perioden${belopp !== totalt ? ', och för en del kostnader är beloppet ännu inte angivet' : ''} (se ${se}).`;
}

/** A document's id: one of content/begrepp.yaml's dokument (checked where the user names it); the schema has one beslut per document. */
export type DokumentId = keyof BeslutPerDokument;

/** A date as precise as it is given: "2026", "september 2026", "30 september 2026". */
export function datumText(d?: Datum): string {
  return d ? dateInWords(d) : '';
}

export function åldrarText(a?: Åldrar): string {
  if (!a) return '';
  const parts: string[] = [];
  if (a.graviditet) parts.push('graviditet');
  if (a.från !== undefined || a.till !== undefined) parts.push(`${a.från ?? 0}–${a.till ?? 18} år`);
  return parts.join(', ');
}

export function räckviddText(r?: Räckvidd): string {
  if (!r) return '';
  const p: string[] = [];
  if (r.antal_föräldrar !== undefined) p.push(talText(r.antal_föräldrar, 'föräldrar'));
  if (r.andel_procent !== undefined) p.push(medEnhet(num(r.andel_procent), '% av målgruppen'));
  // "96 föräldrar (5 % av målgruppen) år 2027": the share qualifies the count, the year ends the phrase.
  const mängd = p.length === 2 ? `${p[0]} (${p[1]})` : p.join('');
  const t = [mängd, r.år !== undefined ? `år ${r.år}` : ''].filter(Boolean).join(' ');
  return r.kommentar ? `${t}${t ? ' – ' : ''}${r.kommentar}` : t;
}

const num = numText;

/** A key figure's value with its unit; a judgement in words or "ej angivet" gets the unit in brackets ("hög (procent)"). */
function nyckeltalVärde(v: Tal | undefined, enhet?: string, namn?: string): string {
  const t = talText(v, enhetText(enhet, namn));
  const numeric = typeof v === 'number' || (typeof v === 'object' && v !== null && !('bedömning' in v));
  return enhet && t && !numeric ? `${t} (${enhet})` : t;
}

export interface RenderContext {
  [k: string]: unknown;
  /** tom: why the chart is left out (nothing to show yet); the document says so instead of drawing it. */
  charts: Record<string, { chart: Chart; alt: string; tom?: string }>;
}

/**
 * bärare: the document that carries this one to its decision (the tjänsteskrivelse, content's
 * begrepp.dokument with bär); its template is rendered with this document's decision and data.
 */
/** fel: for a carrier, the errors of check --for <dokument> (judge/readiness.ts), which mark it a draft. */
export function buildContext(p: Project, method: Method, dokument: DokumentId, datum: string, bärare?: string, fel: string[] = []): RenderContext {
  const b = method.begrepp;
  const steg = (n: number) => method.steg[n - 1]!;
  const aktörer = new Map((p.organisation?.aktörer ?? []).map((a) => [a.id, a]));
  const arenor = new Map((p.organisation?.arenor ?? []).map((a) => [a.id, a]));
  const målMap = new Map((p.handlingsplan?.mål ?? []).map((m) => [m.id, m]));
  const behovMap = new Map((p.analys?.utvecklingsbehov ?? []).map((x) => [x.id, x]));
  const insatsMap = new Map((p.handlingsplan?.insatser ?? []).map((x) => [x.id, x]));
  const stödMap = new Map((p.analys?.kartläggning?.befintligt_stöd ?? []).map((x) => [x.id, x]));
  const indMap = new Map((p.handlingsplan?.uppföljningsplan?.indikatorer ?? []).map((x) => [x.id, x]));
  const namnAktör = (id?: string) => (id ? aktörer.get(id)?.namn ?? id : '');
  const namnArena = (id?: string) => (id ? arenor.get(id)?.namn ?? id : '');
  const nivåTitel = (n?: string) => (n === EJ_ANGIVET ? EJ_ANGIVET : b.preventionsnivåer.find((x) => x.id === n)?.titel ?? '');
  const år = periodYears(p.projekt.period);
  const kostnaderText = (ks?: Kostnad[]) => kostnaderRad(ks, år);
  const typTitel = (t?: string) => b.måtttyper.find((x) => x.id === t)?.titel ?? '';
  // A goal's type is a kind of goal (effektmål), an indicator's a kind of measure (effektmått).
  const målTypTitel = (t?: string) => b.måtttyper.find((x) => x.id === t)?.måltitel ?? '';

  const kommuner = p.projekt.kommuner.map((k) => k.namn);
  const kommun = kommuner.length === 1 ? `${genitive(kommuner[0]!)} kommun` : `${joinSv(kommuner)} (samverkan)`;
  const beslut: Beslut = p.beslut?.[dokument] ?? {};
  const docInfo = b.dokument.find((d) => d.id === (bärare ?? dokument))!;

  const stöd = (s: BefintligtStöd) => ({
    id: s.id, namn: s.namn, aktör: namnAktör(s.aktör), arena: namnArena(s.arena), nivå: nivåTitel(s.nivå),
    åldrar: åldrarText(s.åldrar), målgrupp: s.målgrupp ?? '', räckvidd: räckviddText(s.räckvidd), uppföljning: s.uppföljning ?? '',
    forskningsstöd: s.forskningsstöd ?? '', kostnad: kostnaderText(s.kostnader), kommentar: s.kommentar ?? '',
    typ: s.typ ?? '', huvudman: s.huvudman ?? '',
    // What the table has no room for, as a list under it (like the insatser).
    detaljer: ([['Typ', s.typ], ['Huvudman', s.huvudman], ['Målgrupp', s.målgrupp], ['Uppföljning', s.uppföljning], ['Kostnader', kostnaderText(s.kostnader)], ['Kommentar', s.kommentar]] as [string, string | undefined][])
      .filter(([, v]) => v).map(([titel, text]) => ({ titel, text })),
  });
  const insats = (i: Insats) => ({
    id: i.id, namn: i.namn, åtgärd: cap(i.åtgärd ?? ''), beskrivning: i.beskrivning ?? '',
    mål: (i.mål ?? []).join(', '), ansvarig: (i.ansvariga ?? []).map(namnAktör).join(', '), aktörer: (i.aktörer ?? []).map(namnAktör).join(', '),
    arenor: (i.arenor ?? []).map(namnArena).join(', '), målgrupp: i.målgrupp ?? '', nivå: nivåTitel(i.nivå), åldrar: åldrarText(i.åldrar),
    räckvidd: räckviddText(i.räckvidd), anpassningar: i.anpassningar ?? '', start: i.start ?? '', slut: i.slut ?? '',
    tid: i.start ? `${dateInWords(i.start)} – ${i.slut ? dateInWords(i.slut) : 'tills vidare'}` : '',
    status: cap(i.status ?? ''), område: i.område ?? '', huvudmän: (i.huvudmän ?? []).join(', '), språk: (i.språk ?? []).join(', '),
    befintligtStöd: i.befintligt_stöd ? `${i.befintligt_stöd} ${stödMap.get(i.befintligt_stöd)?.namn ?? ''}`.trim() : '',
    kostnad: kostnaderText(i.kostnader), källor: källorText(i.källor),
  });
  const checklista = (n: number) => {
    const answers: Checklista = p.checklistor?.[`steg${n}` as 'steg1'] ?? {};
    return steg(n).checklista.frågor.flatMap((q) => (q.delfrågor?.length ? q.delfrågor.map((d) => ({ ...d, text: `${q.text} ${d.text}` })) : [q])).map((q) => {
      const a = answers[q.id] ?? {};
      const åtg = a.åtgärd ? [a.åtgärd.vad, a.åtgärd.vem && `ansvarig: ${a.åtgärd.vem}`, a.åtgärd.när && `senast ${dateInWords(a.åtgärd.när)}`].filter(Boolean).join('; ') : '';
      return { id: q.id, fråga: q.text, status: b.checkstatus.find((x) => x.id === a.status)?.titel ?? cap(a.status ?? ''), kommentar: a.kommentar ?? '', åtgärd: åtg };
    });
  };

  // Charts.
  const charts: RenderContext['charts'] = {};
  // By content's faktor ids (plain strings; the schema's keys are the same ids, test/content.test.ts).
  const fakt: Partial<Record<string, Faktorbedömning>> = p.analys?.förutsättningar?.faktorer ?? {};
  charts.faktorer = {
    chart: { typ: 'faktorer', skala: b.bedömningsskala.map((s) => s.titel), rader: b.faktorer.map((f) => ({ etikett: `${f.nummer}. ${f.titel}`, värde: fakt[f.id]?.bedömning ?? null })) },
    alt: `Stapeldiagram över de elva organisatoriska faktorerna, bedömda på en skala från 1 (${b.bedömningsskala[0]?.titel.toLowerCase() ?? ''}) till 5 (${b.bedömningsskala.at(-1)?.titel.toLowerCase() ?? ''}): ${b.faktorer.map((f) => { const v = fakt[f.id]?.bedömning; return `${f.titel} ${v ? `${v} (${b.bedömningsskala.find((x) => x.värde === v)?.titel.toLowerCase() ?? ''})` : 'ej bedömd'}`; }).join('; ')}.`,
    ...(b.faktorer.some((f) => fakt[f.id]?.bedömning) ? {} : { tom: 'Ingen av de elva faktorerna är bedömd ännu.' }),
  };
  const matrix = (planned: boolean) => {
    const names = (xs: Record<string, any>[]) => xs.map((x) => String(x.namn ?? x.id ?? ''));
    const cov = coverage(p, b.åldersband, b.preventionsnivåer, planned);
    // What each cell shows comes from the judge (cellState): support, "ej angivet", a gap, or outside the plan's scope.
    const celler = cov.celler.map((row) => row.map((c) => ({ befintligt: names(c.befintligt), planerat: names(c.planerat), utvecklas: names(c.utvecklas), avvecklas: names(c.avvecklas), ejAngivet: cellState(c) === 'ej angivet', utanför: c.utanför })));
    // The alt text says what each cell shows, row by row, in the chart's words.
    const cellText = (c: (typeof celler)[number][number], state: ReturnType<typeof cellState>) => {
      const n = c.befintligt.length, u = c.utvecklas.length, nya = c.planerat.length, a = c.avvecklas.length;
      const parts = [n ? `${n} befintlig${n === 1 ? 't' : 'a'}` : '', planned && u ? `${u} utvecklas` : '', planned && nya ? `${nya} ny${nya === 1 ? 'tt' : 'a'}` : '', planned && a ? `${a} avvecklas` : ''].filter(Boolean);
      const head = state === 'lucka' ? 'saknas' : state === 'utanför' ? 'utanför planen' : state === 'ej angivet' ? 'nivå eller ålder ej angiven' : '';
      return [head, ...parts].filter(Boolean).join(', ');
    };
    const rader = b.åldersband.map((band, i) => `${band.titel}: ${b.preventionsnivåer.map((n, j) => `${n.titel.toLowerCase()} ${cellText(celler[i]![j]!, cellState(cov.celler[i]![j]!))}`).join(', ')}`);
    const gaps = b.åldersband.flatMap((band, i) => b.preventionsnivåer.filter((_, j) => isGap(cov.celler[i]![j]!)).map((n) => `${band.titel} ${n.titel.toLowerCase()}`));
    const sägs = `${gaps.length ? `Luckor: ${gaps.join(', ')}.` : 'Inga luckor.'} ${rader.join('; ')}.${planned ? ' Varje stöd räknas en gång: befintligt, utvecklas, nytt eller avvecklas; stöd som avvecklas räknas inte.' : ''}`;
    return {
      chart: { typ: 'täckning', rader: b.åldersband.map((x) => x.titel), kolumner: b.preventionsnivåer.map((x) => x.titel), celler, visaPlanerat: planned, kartlagt: cov.kartlagt } as Chart,
      alt: cov.kartlagt ? `Matris över stöd per åldersgrupp och preventionsnivå${planned ? ', befintligt och planerat' : ''}. ${sägs}` : 'Stödet är ej kartlagt ännu.',
      // Nothing mapped: a matrix of empty cells would read as gaps everywhere (defect 5 of #13).
      ...(cov.kartlagt ? {} : { tom: planned ? 'Stödet är ej kartlagt ännu och inga insatser är planerade.' : 'Stödet är ej kartlagt ännu.' }),
    };
  };
  charts.täckning = matrix(false);
  // An empty chart is not drawn; its alt text is why (never a list that ends in ": .").
  charts.täckningPlan = matrix(true);
  const per = p.projekt.period;
  const ins = p.handlingsplan?.insatser ?? [];
  // Dates of any precision: a start covers from its first day, an end to its last.
  const first = (d?: Datum) => parseDate(d)?.first;
  const last = (d?: Datum) => parseDate(d)?.last;
  const starts = ins.map((i) => first(i.start)).filter(Boolean).sort() as string[];
  const ends = ins.map((i) => last(i.slut)).filter(Boolean).sort() as string[];
  // The plan period, widened to every insats's dates: a bar outside the axis would be drawn as a sliver at its edge.
  const från = [per?.från ? `${per.från}-01-01` : undefined, starts[0]].filter(Boolean).sort()[0] ?? `${datum.slice(0, 4)}-01-01`;
  const till = [per?.till ? `${per.till}-12-31` : undefined, ends.at(-1)].filter(Boolean).sort().at(-1) ?? `${Number(datum.slice(0, 4)) + 3}-12-31`;
  charts.tidslinje = {
    chart: { typ: 'tidslinje', från, till, rader: ins.map((i) => ({ etikett: `${i.id} ${i.namn}`, start: first(i.start), slut: last(i.slut), åtgärd: i.åtgärd })) },
    alt: `Tidslinje över de planerade insatserna ${från.slice(0, 4)}–${till.slice(0, 4)}: ${ins.map((i) => `${i.id} ${i.namn}, ${i.åtgärd ?? 'införa'}, ${i.start ? `${dateInWords(i.start)} – ${i.slut ? dateInWords(i.slut) : 'tills vidare'}` : 'startdatum ej ifyllt'}`).join('; ')}.`,
    ...(ins.length ? {} : { tom: 'Inga insatser är planerade ännu.' }),
  };
  // Follow-up rounds: the report is about the last one, compared with the one before.
  const omgångar: Uppföljningsomgång[] = p.uppföljningar ?? [];
  const u: Uppföljningsomgång | Record<string, never> = omgångar.at(-1) ?? {};
  const föreg = omgångar.at(-2);
  const periodText = (pp?: { från?: Datum; till?: Datum }, sep = '–') => [...new Set([pp?.från, pp?.till].filter(Boolean))].map((d) => dateInWords(d)).join(sep);
  const omgångNamn = (o: Uppföljningsomgång) => (o.period?.från || o.period?.till ? `${o.id} (${periodText(o.period)})` : o.id);
  const mätning = (o: Uppföljningsomgång | undefined, ind: string) => o?.utfall?.find((x) => x.indikator === ind);
  // Each indicator judged against baseline, target and target date at the latest round (src/judge/indikator.ts).
  const domar = new Map(bedömIndikatorer(p, datum).map((x) => [x.id, x.resultat]));
  const indRader = [...indMap.values()].map((x) => {
    const v = mätning(omgångar.at(-1), x.id)?.värde;
    const riktning = x.riktning ?? 'öka';
    const dom = domar.get(x.id)!;
    const tidigareMed = omgångar.slice(0, -1).map((o) => ({ omgång: o.id, värde: mätning(o, x.id)?.värde })).filter((t): t is { omgång: string; värde: number } => typeof t.värde === 'number');
    return {
      etikett: `${x.id} ${x.namn}`, utgångsvärde: x.utgångsvärde, målvärde: x.målvärde, utfall: v, tidigare: tidigareMed.map((t) => t.värde), riktning, bedömning: dom.bedömning, enhet: enhetText(x.enhet, x.namn) || undefined,
      ...(dom.andelTiden !== undefined ? { andelTiden: dom.andelTiden } : {}), dom, tidigareMed, måldatum: x.måldatum,
    };
  });
  const värdeText = (v: number | undefined, enhet?: string) => (v === undefined ? 'ej ifyllt' : medEnhet(num(v), enhet));
  charts.indikatorer = {
    chart: { typ: 'indikatorer', rader: indRader.map(({ dom: _d, tidigareMed: _t, måldatum: _m, ...r }) => r) },
    alt: `Diagram över indikatorernas utfall${u.id ? ` i uppföljning ${u.id}` : ''}, som andel av vägen från utgångsvärde till målvärde: ${indRader.map((r) => `${r.etikett}: utgångsvärde ${värdeText(r.utgångsvärde, r.enhet)}, ${r.tidigareMed.map((t) => `${t.omgång} ${värdeText(t.värde, r.enhet)}, `).join('')}utfall ${r.utfall === undefined ? 'ingen mätning' : värdeText(r.utfall, r.enhet)}, målvärde ${värdeText(r.målvärde, r.enhet)}${r.måldatum ? ` till ${dateInWords(r.måldatum)}` : ''}; ${r.dom.bedömning}${r.dom.bedömning === 'på väg' || r.dom.bedömning === 'inte på väg' || r.dom.bedömning === 'för tidigt att bedöma' ? ` (${r.dom.skäl.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())})` : ''}`).join('; ')}.`,
    ...(!indRader.length ? { tom: 'Handlingsplanen har inga indikatorer ännu.' } : indRader.every((r) => r.utfall === undefined) ? { tom: 'Ingen indikator är mätt ännu.' } : {}),
  };

  for (const c of Object.values(charts)) if (c.tom) c.alt = c.tom;

  const m = (s: Step, nr: string) => s.moment.find((x) => x.nummer === nr)!;
  const delText = (s: Step, nr: string, data: Record<string, unknown> | undefined) =>
    (m(s, nr).delar ?? []).map((d) => ({ titel: d.titel, text: typeof data?.[d.fält[0]!.split('.').pop()!] === 'string' ? data?.[d.fält[0]!.split('.').pop()!] : '' }));
  const frågor = (qs: { id: string; text: string }[], svar?: Record<string, string>) => qs.map((q) => ({ fråga: q.text, svar: svar?.[q.id] ?? '' }));

  const s3 = steg(3), s4 = steg(4), s6 = steg(6), s5 = steg(5);
  // Step 5 (Genomföra) is what the follow-up reports on: its texts under the method's moments (pilot and
  // adaptations belong to 5.3), and the step's own prerequisites (kompetens, stöd, ledarskap) after them.
  const g = p.genomförande ?? {};
  const del = (titel: string, text: string | undefined) => ({ titel, text: text ?? '' });
  const genomförandeText = {
    moment: ([['5.1', g.tvärperspektiv, []], ['5.2', g.ordinarie_verksamhet, []], ['5.3', g.metoder, [del('Pilotarbete', g.pilot), del('Anpassningar och avvikelser från plan', g.anpassningar)]]] as [string, string | undefined, { titel: string; text: string }[]][])
      .map(([nr, text, delar]) => ({ titel: `${nr} ${m(s5, nr).titel}`, text: text ?? '', delar })),
    delar: [del('Kompetens (utbildning och handledning)', g.kompetens), del('Organisatoriskt stöd', g.organisatoriskt_stöd), del('Ledarskap', g.ledarskap)],
  };
  const a = p.analys ?? {};
  const h = p.handlingsplan ?? {};
  const STATUS_I: Record<string, string> = { 'ej påbörjad': 'ej påbörjad', pågår: 'pågår', genomförd: 'genomförd', försenad: 'försenad', avbruten: 'avbruten' };
  type Insatsstatus = NonNullable<Uppföljningsomgång['insatser']>[number];
  const insatsNamnAv = (id?: string) => (id ? `${id} ${insatsMap.get(id)?.namn ?? ''}`.trim() : '');
  // One round's status of an insats, words for enums and booleans.
  const statusRad = (x: Insatsstatus | undefined) => ({
    status: cap(x?.status ? STATUS_I[x.status] ?? x.status : ''), inomTidsram: x?.inom_tidsram === undefined ? '' : x.inom_tidsram ? 'Ja' : 'Nej',
    nådda: x?.nådda_föräldrar !== undefined ? num(x.nådda_föräldrar) : '', fullföljt: x?.fullföljt_procent !== undefined ? medEnhet(num(x.fullföljt_procent), '% av deltagarna') : '',
    beslut: x?.beslut ?? '', motivering: x?.motivering ?? '', kommentar: x?.kommentar ?? '',
  });
  // The current round per planned insats (every status item, also a second one for the same insats), then items for insatser not in the plan.
  const aktuellaRader = [
    ...ins.flatMap((i) => { const xs = (u.insatser ?? []).filter((x) => x.insats === i.id); return (xs.length ? xs : [undefined]).map((x) => ({ i, x })); }),
    ...(u.insatser ?? []).filter((x) => !insatsMap.has(x.insats)).map((x) => ({ i: undefined, x })),
  ];
  // The earlier rounds, each in full (the report is about the last one, but nothing written about a round is lost).
  const tidigare = omgångar.slice(0, -1).map((o) => ({
    id: o.id, namn: omgångNamn(o), frågor: frågor(m(s6, '6.1').frågor ?? [], o.svar).filter((q) => q.svar),
    insatser: (o.insatser ?? []).map((x) => ({ insats: insatsNamnAv(x.insats), ...statusRad(x) })),
    upplevelseFöräldrar: o.upplevelse?.föräldrar ?? '', upplevelsePersonal: o.upplevelse?.personal ?? '', utvärdering: o.utvärdering ?? '',
    återkoppling: o.återkoppling?.beskrivning ?? '', återkopplingDatum: datumText(o.återkoppling?.datum), lärdomar: o.lärdomar ?? '', anpassaSprida: o.anpassa_sprida ?? '', källor: källorText(o.källor),
  }));
  const föregInsats = new Map((föreg?.insatser ?? []).map((x) => [x.insats, x]));

  // Organisation: every group with what it holds (v2 organisation.grupper).
  const GRUPPTYP: Record<Grupp['typ'], string> = { styrgrupp: 'Styrgrupp', arbetsgrupp: 'Arbetsgrupp', beredningsgrupp: 'Beredningsgrupp', projektgrupp: 'Projektgrupp', referensgrupp: 'Referensgrupp', forskargrupp: 'Forskargrupp', nätverk: 'Nätverk', annan: 'Grupp' };
  const grupp = (g: Grupp) => ({
    id: g.id,
    // Whether the group exists, as a sentence under its heading (not "Finns redan. ja").
    finns: g.finns === undefined ? '' : g.finns ? 'Gruppen finns redan.' : 'Gruppen ska inrättas.',
    rubrik: g.namn ? `${g.namn} (${GRUPPTYP[g.typ].toLowerCase()})` : g.organ ? `${GRUPPTYP[g.typ]}: ${g.organ}` : GRUPPTYP[g.typ],
    fält: ([
      ['Organ', g.namn ? g.organ : undefined],
      ['Befintlig struktur', g.befintlig_struktur], ['Syfte', g.syfte], ['Mandat', g.mandat], ['Uppdrag', g.uppdrag], ['Resurser', g.resurser],
      ['Rollfördelning', g.rollfördelning], ['Mötesfrekvens', g.mötesfrekvens], ['Sammankallande', g.sammankallande], ['Kompetensutveckling', g.kompetensutveckling],
    ] as [string, string | undefined][]).filter(([, v]) => v).map(([titel, text]) => ({ titel, text })),
    medlemmar: (g.medlemmar ?? []).map((x) => ({ roll: x.roll ?? '', aktör: [namnAktör(x.aktör), x.organ].filter(Boolean).join(', '), tid: x.tjänstgöringsgrad !== undefined ? medEnhet(num(x.tjänstgöringsgrad), '% av heltid') : '' })),
  });

  // Goals in their hierarchy: fokusområde → övergripande mål → mål → delmål (by överordnat).
  const SLAG: Record<string, string> = { övergripande: 'Övergripande mål', mål: 'Mål', delmål: 'Delmål' };
  const allaMål = h.mål ?? [];
  const målRad = (x: NonNullable<typeof h.mål>[number], djup: number) => ({
    id: x.id, text: x.text, djup, slag: `${x.slag ? SLAG[x.slag] : 'Mål'}${x.överordnat ? ` under ${x.överordnat}` : ''}`,
    // "Medellång sikt, processmål": one phrase, capitalised once where it starts the cell.
    horisont: cap([x.horisont ? `${x.horisont} sikt` : '', målTypTitel(x.typ).toLocaleLowerCase('sv-SE')].filter(Boolean).join(', ')),
    behov: (x.behov ?? []).map((id) => `${id} ${behovMap.get(id)?.rubrik ?? ''}`.trim()).join('; '),
    insatser: ins.filter((i) => i.mål?.includes(x.id)).map((i) => i.id).join(', '),
    indikatorer: [...indMap.values()].filter((i) => i.mål?.includes(x.id)).map((i) => i.id).join(', '),
  });
  const known = new Set(allaMål.map((x) => x.id));
  const seen = new Set<string>();
  // Under a fokusområde: the goals that name it, each with its subgoals that name it or none.
  const träd = (rötter: typeof allaMål, djup = 0, fokusområde?: string): ReturnType<typeof målRad>[] => rötter.flatMap((x) => {
    if (seen.has(x.id)) return []; // a cycle in överordnat is check's to report; print each goal once
    seen.add(x.id);
    const barn = allaMål.filter((c) => c.överordnat === x.id && (!fokusområde || !c.fokusområde || c.fokusområde === fokusområde));
    return [målRad(x, djup), ...träd(barn, djup + 1, fokusområde)];
  });
  const isRoot = (x: (typeof allaMål)[number]) => !x.överordnat || !known.has(x.överordnat);
  const byId = new Map(allaMål.map((x) => [x.id, x]));
  // A goal that names a fokusområde heads it there unless its överordnat goal is in the same one
  // (a delmål under an övergripande mål without fokusområde is still shown in its fokusområde).
  const fokusRot = (x: (typeof allaMål)[number], f: string) => x.fokusområde === f && (isRoot(x) || byId.get(x.överordnat!)?.fokusområde !== f);
  const fokus = (h.fokusområden ?? []).map((f) => ({ id: f.id, namn: f.namn, beskrivning: f.beskrivning ?? '', mål: träd(allaMål.filter((x) => fokusRot(x, f.id)), 0, f.id) }));
  const övrigaMål = [...träd(allaMål.filter(isRoot)), ...träd(allaMål)]; // the rest, and any goal only reachable through a cycle
  // The overall goals head the list, before the fokusområden whose goals they are over; the
  // other goals without a fokusområde come after them.
  const övergripande = (r: { id: string }) => byId.get(r.id)?.slag === 'övergripande';

  // Budget: every insats cost and the coordinator's post, per year and source (and per post).
  const budgetPoster = poster(p);
  const budget = budgetTable(budgetPoster.flatMap((x) => x.kostnader), år);
  const budgetPerPost = budgetByPost(budgetPoster, år);
  const perKälla = new Map<string, string[]>();
  for (const i of ins) for (const k of i.kostnader ?? []) { const src = k.källa ?? EJ_ANGIVET; const l = perKälla.get(src) ?? []; if (!l.includes(i.id)) l.push(i.id); perKälla.set(src, l); }
  for (const k of p.organisation?.samordning?.kostnader ?? []) { const src = k.källa ?? EJ_ANGIVET; const l = perKälla.get(src) ?? []; if (!l.includes('samordningen')) l.push('samordningen'); perKälla.set(src, l); }
  const annan = ['projektmedel', 'statsbidrag', 'extern finansiering'].filter((x) => perKälla.has(x));
  const enligtKostnader = perKälla.size ? `Enligt kostnaderna per insats och för samordningen: ${[...perKälla].map(([k, ids]) => `${k} (${ids.join(', ')})`).join('; ')}.` : '';
  const ob = h.hållbarhet?.ordinarie_budget;
  // The text follows the data: not "in the ordinary budget" when some insatser run on other money.
  const ordinarieBudget = [
    ob === undefined ? '' : ob && !annan.length ? 'Ja, arbetet finansieras i ordinarie budget.' : ob ? `Delvis: arbetet bärs av ordinarie budget, men en del insatser finansieras med ${joinSv(annan)}.` : 'Nej, arbetet finansieras inte i ordinarie budget.',
    enligtKostnader,
  ].filter(Boolean).join(' ');

  // What each figure is compared with, by name: "länet" is the kommun's own län when the file has one.
  const länNamn = [...new Set(p.projekt.kommuner.map((k) => k.län).filter(Boolean))];
  const medText = (med: string) => (med === EJ_ANGIVET ? 'Jämförelse (ej angivet med vad)'
    : med.trim().toLocaleLowerCase('sv-SE') === 'länet' && länNamn.length === 1 ? länNamn[0]!
    : cap(med));
  // A comparison's source is left out where the figure's own source says it ("Kolada (RKA), N00901, hämtad …").
  const jämförelse = (j: NonNullable<NonNullable<typeof a.målgruppsanalys>['nyckeltal']>[number]['jämförelser'], enhet?: string, egen?: string) =>
    (j ?? []).map((x) => {
      const källa = x.källa && egen?.startsWith(x.källa) ? undefined : x.källa;
      return `${medText(x.med)}: ${talText(x.värde, enhet) || 'ej ifyllt'}${x.år !== undefined || källa ? ` (${[x.år, källa].filter((y) => y !== undefined && y !== '').join(', ')})` : ''}`;
    }).join('; ');

  // Each indicator's series: baseline, every round's measurement, target.
  const serier = [...indMap.values()].map((x) => {
    const unit = enhetText(x.enhet, x.namn);
    const enhet = (v?: number) => (v === undefined ? '' : medEnhet(num(v), unit));
    const cur = mätning(omgångar.at(-1), x.id)?.värde;
    const prev = föreg ? mätning(föreg, x.id)?.värde : undefined;
    const diff = cur !== undefined && prev !== undefined ? cur - prev : undefined;
    const r = indRader.find((y) => y.etikett === `${x.id} ${x.namn}`)!;
    return {
      id: x.id, indikator: `${x.id} ${x.namn}`, utgångsvärde: enhet(x.utgångsvärde), målvärde: enhet(x.målvärde), måldatum: datumText(x.måldatum),
      utfall: enhet(cur), föregående: enhet(prev),
      // A change in a share is in percentage points: 27 % → 31 % is "+4 procentenheter", not "+4 %".
      förändring: diff === undefined ? '' : medEnhet(`${diff > 0 ? '+' : diff < 0 ? '−' : '±'}${num(Number(Math.abs(diff).toFixed(6)))}`, unit.startsWith('%') ? 'procentenheter' : unit),
      målOchDatum: [enhet(x.målvärde), datumText(x.måldatum)].filter(Boolean).join(', '),
      bedömning: bedömningText(r.dom.bedömning), skäl: r.dom.skäl, nått: r.dom.bedömning === 'nått',
      datum: datumText(mätning(omgångar.at(-1), x.id)?.datum), kommentar: mätning(omgångar.at(-1), x.id)?.kommentar ?? '',
      serie: [
        { mätning: 'Utgångsvärde', datum: '', värde: enhet(x.utgångsvärde), kommentar: '' },
        // Every measurement of each round (a round may measure an indicator more than once).
        ...omgångar.flatMap((o) => { const ys = (o.utfall ?? []).filter((y) => y.indikator === x.id); return (ys.length ? ys : [undefined]).map((y) => ({ mätning: omgångNamn(o), datum: datumText(y?.datum), värde: enhet(y?.värde), kommentar: y?.kommentar ?? '' })); }),
        { mätning: 'Målvärde', datum: datumText(x.måldatum), värde: enhet(x.målvärde), kommentar: '' },
      ],
    };
  });

  // Whether there is a lägesbild to build on (step 3 has content), and its decision in words.
  const lb = p.beslut?.lägesbild;
  const harLägesbild = Boolean(a.lägesbild?.sammanfattning || a.målgruppsanalys || a.kartläggning || a.utvecklingsbehov?.length);
  const lägesbildBeslut = lb?.status === 'beslutad' ? [lb.organ && `${/^[A-ZÅÄÖ][a-zåäö]/.test(lb.organ) ? lb.organ.charAt(0).toLowerCase() + lb.organ.slice(1) : lb.organ} beslutade den`, lb.datum && datumText(lb.datum), lb.diarienummer && `(${lb.diarienummer})`].filter(Boolean).join(' ') : '';
  // The plan in a few sentences when the decision gives no sammanfattning of its own.
  const åtgärder = ['införa', 'utveckla', 'fortsätta', 'avveckla'].map((x) => [x, ins.filter((i) => i.åtgärd === x).length] as const).filter(([, n]) => n);
  const totalt = budget?.rader.at(-1)?.celler.at(-1);
  const tomPlan = !(h.mål ?? []).length && !ins.length;
  // se: where the reader finds the budget (the plan's chapter Budget, the tjänsteskrivelse's Ekonomiska konsekvenser).
  const planSammanfattningMed = (se: string) => tomPlan ? `Handlingsplanen är ännu inte ifylld: den har inga mål och inga insatser${per?.från ? ` för ${per.från}–${per.till ?? ''}` : ''}.` : [
    // "varav": the kinds named need not add up to all insatser (an insats may have no åtgärd).
    `Handlingsplanen ${per?.från ? `gäller ${per.från}–${per.till ?? ''} och ` : ''}har ${(h.mål ?? []).length} mål och ${ins.length} insatser${åtgärder.length ? `, varav ${joinSv(åtgärder.map(([x, n]) => `${n} att ${x}`))}` : ''}.`,
    harLägesbild ? 'Den bygger på lägesbilden och analysen (steg 3).' : '',
    kostnadsMening(totalt, se),
    (h.uppföljningsplan?.indikatorer ?? []).length ? `${(h.uppföljningsplan?.indikatorer ?? []).length} indikatorer följs upp.` : 'Planen har ännu inga indikatorer för uppföljningen.',
  ].filter(Boolean).join(' ');
  const planSammanfattning = planSammanfattningMed('Budget');
  // The follow-up in a few sentences, from its data (as the plan's above): the period, the insatser's
  // status and the indicators' verdicts. Empty when the round reports nothing.
  // Adjectives after "är" ("Av 12 insatser är 4 genomförda, 6 pågående och 2 försenade").
  const STATUS_N: Record<string, [string, string]> = { genomförd: ['genomförd', 'genomförda'], pågår: ['pågående', 'pågående'], försenad: ['försenad', 'försenade'], 'ej påbörjad': ['inte påbörjad', 'inte påbörjade'], avbruten: ['avbruten', 'avbrutna'] };
  const insatsStatus = Object.entries(STATUS_N).map(([k, f]) => [f, aktuellaRader.filter(({ x }) => x?.status === k).length] as const).filter(([, n]) => n).map(([[en, flera], n]) => `${n} ${n === 1 ? en : flera}`);
  const mätta = serier.filter((x) => x.utfall);
  const DOM: Record<string, (n: number) => string> = {
    'nått': (n) => `${n} har nått målvärdet`, 'på väg': (n) => `${n} är på väg mot det`, 'inte på väg': (n) => `${n} är inte på väg mot det`,
    'för tidigt att bedöma': (n) => `för ${n} är det för tidigt att bedöma`, 'målvärde saknas': (n) => `${n} saknar målvärde`,
  };
  const domText = Object.entries(DOM).map(([k, f]) => [f, mätta.filter((x) => x.bedömning.toLocaleLowerCase('sv-SE') === k).length] as const).filter(([, n]) => n).map(([f, n]) => f(n));
  const uppfPeriod = periodText(u.period, '–');
  const uppfSammanfattning = !insatsStatus.length && !mätta.length ? '' : [
    `Uppföljningen${uppfPeriod ? ` gäller ${uppfPeriod} och` : ''} redovisar hur handlingsplanens insatser har genomförts och hur indikatorerna har utvecklats.`,
    insatsStatus.length ? `Av ${aktuellaRader.length} insatser är ${joinSv(insatsStatus)}.` : '',
    mätta.length ? `${mätta.length} av ${serier.length} indikatorer är mätta: ${joinSv(domText)}.` : '',
  ].filter(Boolean).join(' ');

  return {
    dokument, titel: docInfo.titel, datum, datumText: datumText(datum),
    // The handlingsplan prints the decision's sammanfattning first, so its decision table does not repeat it.
    sammanfattningFörst: dokument === 'handlingsplan' && !bärare,
    projekt: p.projekt.namn, kommun, kommuner, län: [...new Set(p.projekt.kommuner.map((k) => k.län).filter(Boolean))].join(', '),
    period: per?.från ? `${per.från}–${per.till ?? ''}` : '', version: p.projekt.version ?? '',
    exempel: Boolean(p.projekt.exempel),
    // A samverkan names several kommuner: their names are real, in the plural.
    exempelText: kommuner.length > 1 ? 'Kommunernas namn är verkliga men allt innehåll är påhittat.' : 'Kommunens namn är verkligt men allt innehåll är påhittat.',
    // Every field of this document's decision, dates in words (the same as the Förankringsunderlag prints).
    beslutInfo: beslutDetaljer(beslut, (id) => { const r = p.projekt.referenser?.find((x) => x.id === id); return r ? `${id} ${r.rubrik}` : id; }),
    beslut: { status: cap(beslut.status ?? 'utkast'), organ: beslut.organ ?? '', datum: beslut.datum ?? '', datumText: datumText(beslut.datum), diarienummer: beslut.diarienummer ?? '', paragraf: beslut.paragraf ?? '', kommentar: beslut.kommentar ?? '', dokumentdatum: datumText(beslut.dokumentdatum) },
    steg: Object.fromEntries(method.steg.map((s) => [s.nummer, { titel: `Steg ${s.nummer}: ${s.titel}`, syfte: s.syfte, checklista: s.checklista.titel, moment: Object.fromEntries(s.moment.map((x) => [x.nummer.replace('.', '_'), `${x.nummer} ${x.titel}`])) }])),
    organisation: {
      aktörer: (p.organisation?.aktörer ?? []).map((x) => ({ id: x.id, namn: x.namn, huvudman: x.huvudman ?? '', förvaltning: x.förvaltning ?? '', arenor: (x.arenor ?? []).map(namnArena).join(', ') })),
      arenor: (p.organisation?.arenor ?? []).map((x) => ({ id: x.id, namn: x.namn, huvudman: x.huvudman ?? '' })),
      grupper: (p.organisation?.grupper ?? []).map(grupp),
      samordnare: (p.organisation?.samordning?.personer ?? []).map((x) => ({ roll: x.roll, aktör: namnAktör(x.aktör), tid: x.tjänstgöringsgrad !== undefined ? medEnhet(num(x.tjänstgöringsgrad), '% av heltid') : '' })),
      samordningKostnader: (p.organisation?.samordning?.kostnader ?? []).map((k) => kostnadText(k, år)),
      källor: källorText(p.organisation?.källor),
    },
    lägesbild: {
      målgrupp: delText(s3, '3.1', a.målgruppsanalys as Record<string, unknown>),
      målgruppKällor: källorText(a.målgruppsanalys?.källor),
      nyckeltal: (a.målgruppsanalys?.nyckeltal ?? []).map((n) => ({
        // The category after the name (the table has no room for a column of its own); the unit with every value.
        id: n.id, namn: n.kategori ? `${n.namn} (${n.kategori})` : n.namn, värde: nyckeltalVärde(n.värde, n.enhet, n.namn), år: n.år === undefined ? '' : String(n.år), område: n.område ?? '', källa: n.källa ?? '',
        kön: n.per_kön ? Object.entries(n.per_kön).map(([k, v]) => `${k} ${talText(v, enhetText(n.enhet, n.namn))}`).join(', ') : '', jämförelser: jämförelse(n.jämförelser, enhetText(n.enhet, n.namn), n.källa),
      })),
      // Kolada's terms ask for "Källa: Kolada" under every table that shows its figures.
      nyckeltalKolada: (a.målgruppsanalys?.nyckeltal ?? []).some((n) => /\bKolada\b/i.test(n.källa ?? '') || (n.jämförelser ?? []).some((j) => /\bKolada\b/i.test(j.källa ?? ''))),
      kartläggningsfrågor: frågor(m(s3, '3.2').frågor ?? [], a.kartläggning?.svar),
      befintligt: (a.kartläggning?.befintligt_stöd ?? []).map(stöd),
      kartläggningKällor: källorText(a.kartläggning?.källor),
      forskningsstöd: a.kartläggning?.forskningsstöd ?? '', nås: a.kartläggning?.perspektiv ?? '',
      förutsättningarMetod: a.förutsättningar?.metod ?? '', förutsättningarKällor: källorText(a.förutsättningar?.källor),
      faktorer: b.faktorer.map((f) => ({ nummer: f.nummer, titel: f.titel, bedömning: fakt[f.id]?.bedömning ? `${fakt[f.id]!.bedömning} – ${b.bedömningsskala.find((x) => x.värde === fakt[f.id]!.bedömning)?.titel ?? ''}` : '', kommentar: fakt[f.id]?.kommentar ?? '' })),
      sammanfattning: a.lägesbild?.sammanfattning ?? '', lägesbildKällor: källorText(a.lägesbild?.källor),
      analysgrupper: (m(s3, '3.4').frågegrupper ?? []).map((g) => ({ titel: g.titel, frågor: frågor(g.frågor, (a.lägesbild?.analysfrågor as Record<string, Record<string, string>> | undefined)?.[g.id]) })),
      behov: (a.utvecklingsbehov ?? []).map((x) => ({ id: x.id, rubrik: x.rubrik, beskrivning: x.beskrivning ?? '', område: x.område ?? '', prioritet: x.prioritet ?? '', uppskjutet: x.uppskjutet ?? '' })),
      återkoppling: a.återkoppling?.beskrivning ?? '', återkopplingDatum: datumText(a.återkoppling?.datum), barnInvolverade: a.återkoppling?.barn_involverade ?? '',
      checklista: checklista(3),
    },
    plan: {
      sammanfattning: beslut.sammanfattning ?? '', sammanfattningAuto: planSammanfattning, harLägesbild, lägesbildBeslut,
      koppling: h.koppling ?? '',
      perspektiv: b.perspektiv.map((x) => ({ titel: x.titel, text: (h.perspektiv as Record<string, string> | undefined)?.[x.id] ?? '' })),
      fokusområden: fokus, övergripandeMål: övrigaMål.filter(övergripande), målUtanFokus: övrigaMål.filter((r) => !övergripande(r)), mål: övrigaMål, harMål: allaMål.length > 0,
      insatser: ins.map(insats),
      budget: budget ? { kolumner: budget.kolumner, förklaring: budget.förklaring, rader: budget.rader.map((r) => ({ ...r, källa: cap(r.källa) })) } : undefined,
      budgetPerPost: budgetPerPost ? { kolumner: budgetPerPost.kolumner, rader: budgetPerPost.rader } : undefined,
      förutsättningar: (h.förutsättningar ?? []).map((x) => ({ id: x.id, beskrivning: x.beskrivning, typ: x.typ ?? '', insatser: (x.insatser ?? []).join(', '), ansvarig: x.ansvarig ?? '', klart: datumText(x.klart) })),
      uppföljning: { beskrivning: h.uppföljningsplan?.beskrivning ?? '', redovisning: h.uppföljningsplan?.redovisning ?? '', utvärdering: h.uppföljningsplan?.utvärdering ?? '', ansvarig: h.uppföljningsplan?.ansvarig ?? '' },
      indikatorer: [...indMap.values()].map((x) => ({ id: x.id, namn: x.namn, typ: typTitel(x.typ), mål: (x.mål ?? []).join(', '), utgångsvärde: x.utgångsvärde !== undefined ? medEnhet(num(x.utgångsvärde), enhetText(x.enhet, x.namn)) : '', målvärde: [x.målvärde !== undefined ? medEnhet(num(x.målvärde), enhetText(x.enhet, x.namn)) : '', x.riktning ? `(ska ${x.riktning})` : ''].filter(Boolean).join(' '), måldatum: datumText(x.måldatum), // "Deltagarlistor. Frekvens: Efter varje grupp": two statements, each as written.
        källa: [x.källa, x.frekvens && `Frekvens: ${x.frekvens}`].filter(Boolean).map((t, i, a) => (i < a.length - 1 && !/[.!?]$/.test(t!) ? `${t}.` : t)).join(' '), frekvens: x.frekvens ?? '' })),
      kommunikation: { beskrivning: h.kommunikationsplan?.beskrivning ?? '', överenskommelser: h.kommunikationsplan?.samverkansöverenskommelser ?? '', aktiviteter: (h.kommunikationsplan?.aktiviteter ?? []).map((x) => ({ id: x.id, målgrupp: x.målgrupp, budskap: x.budskap ?? '', kanal: x.kanal ?? '', språk: (x.språk ?? []).join(', '), ansvarig: x.ansvarig ?? '', när: x.när ?? '' })) },
      hållbarhet: [
        ['Jämställt föräldraskap, jämlikhet och funktionshinderperspektiv', h.hållbarhet?.jämställdhet_jämlikhet],
        ['Att nå föräldrar som inte tidigare nåtts', h.hållbarhet?.nå_fler],
        ['Barnets rättigheter', h.hållbarhet?.barnrätt],
        ['Normkritiskt förhållningssätt', h.hållbarhet?.normkritik],
        ['Långsiktighet, mandat och resurser', h.hållbarhet?.långsiktighet],
      ].map(([titel, text]) => ({ titel, text: text ?? '' })),
      ordinarieBudget,
      förankring: h.förankring ?? '',
      källor: källorText(h.källor),
      checklista: checklista(4),
    },
    uppf: {
      omgång: u.id ?? '', föregående: föreg?.id ?? '', antalOmgångar: omgångar.length,
      omgångar: omgångar.map((o) => ({ id: o.id, namn: omgångNamn(o) })),
      period: periodText(u.period, ' – '),
      frågor: frågor(m(s6, '6.1').frågor ?? [], u.svar),
      insatser: aktuellaRader.map(({ i, x }) => {
        const id = i?.id ?? x?.insats ?? '';
        const f = föregInsats.get(id);
        return { id, namn: i?.namn ?? '', tid: i ? insats(i).tid : '', föregåendeStatus: cap(f?.status ?? ''), planStatus: cap(i?.status ?? ''), ...statusRad(x) };
      }),
      tidigare,
      genomförande: genomförandeText,
      checklista5: checklista(5),
      utfall: serier,
      upplevelseFöräldrar: u.upplevelse?.föräldrar ?? '', upplevelsePersonal: u.upplevelse?.personal ?? '',
      utvärdering: u.utvärdering ?? '', återkoppling: u.återkoppling?.beskrivning ?? '', återkopplingDatum: datumText(u.återkoppling?.datum),
      lärdomar: u.lärdomar ?? '', anpassaSprida: u.anpassa_sprida ?? '', källor: källorText(u.källor),
      checklista: checklista(6),
    },
    s4syfte: s4.syfte,
    förankring: { ...förankringView(p), checklista1: checklista(1), checklista2: checklista(2) },
    // Without a sammanfattning of its own, the tjänsteskrivelse summarises what it carries: the plan, or the lägesbild's own summary.
    tj: bärare ? { ...tjänsteskrivelseView(p, method, dokument, fel), sammanfattningAuto: dokument === 'handlingsplan' ? planSammanfattningMed('Ekonomiska konsekvenser') : dokument === 'lägesbild' ? a.lägesbild?.sammanfattning ?? '' : uppfSammanfattning } : undefined,
    charts,
    insatsNamn: Object.fromEntries([...insatsMap].map(([k, v]) => [k, v.namn])),
  };
}
