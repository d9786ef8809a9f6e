// The länsstyrelse's picture: every kommun of each län in scope (reference data, data/), with
// the project files that concern it (a samverkan's file counts for each member kommun), what
// the län shares, and what moved since last year. Pure functions over the summaries (read.ts):
// the view model for the template (templates/översikt/) and the CSV come from here.
import { allKommuner, kommunByKod, type Kommun } from '../kommuner.js';
import { UsageError } from '../errors.js';
import type { Method } from '../content/types.js';
import type { Chart } from '../render/charts.js';
import type { RenderContext } from '../render/context.js';
import { MFOF_WEAK_SPOTS } from '../judge/weakspots.js';
import { BEDÖMNINGAR } from '../judge/indikator.js';
import { numText } from '../render/values.js';
import { cap, joinSv, medEnhet } from '../text.js';
import { programKey, type Cellläge, type Oläsbar, type Planstatus, type Sammanfattning } from './read.js';

export interface Län { kod: string; namn: string }

const collator = new Intl.Collator('sv-SE');
const fold = (s: string) => s.toLocaleLowerCase('sv-SE').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();

export function allLän(): Län[] {
  const m = new Map<string, string>();
  for (const k of allKommuner()) m.set(k.länskod, k.län);
  return [...m].map(([kod, namn]) => ({ kod, namn })).sort((a, b) => a.kod.localeCompare(b.kod));
}

/** RIKET: the whole country (--län riket, or alla). */
const RIKET = new Set(['riket', 'alla', 'hela landet', 'sverige']);

/**
 * The län of --län: a code ("18"), a name ("Örebro län", "Örebro", "orebro"), or riket; without
 * --län the län of the files' kommuner, or the whole country when no file names a known kommun.
 */
export function resolveLän(arg: string | undefined, files: Sammanfattning[]): Län[] {
  const all = allLän();
  if (arg === undefined) {
    const koder = new Set(files.flatMap((s) => s.kommuner.map((k) => k.länskod)));
    const mine = all.filter((l) => koder.has(l.kod));
    return mine.length ? mine : all;
  }
  const q = fold(arg);
  if (RIKET.has(q)) return all;
  // "Örebro län", "Örebro", "Västra Götalands", "orebro lan": the name without "län" and its genitive s.
  const bare = (s: string) => fold(s).replace(/ lan$/, '').replace(/s$/, '');
  const hit = all.filter((l) => l.kod === q.padStart(2, '0') || fold(l.namn) === q || bare(l.namn) === bare(q));
  if (hit.length === 1) return hit;
  throw new UsageError(`okänt län "${arg.slice(0, 60)}"`, undefined, `Ange länets namn eller kod, t.ex. --län "Örebro län" eller --län 18, eller --län riket för hela landet. Länen: ${all.map((l) => `${l.kod} ${l.namn}`).join(', ')}.`);
}

export interface Förändring { poster: string[]; ny: boolean }

export interface Rad {
  kommun: Kommun;
  /** The file that concerns this kommun (undefined: ingen projektfil). */
  s?: Sammanfattning;
  /** Last year's (with --jämför): null when last year had no file for the kommun. */
  förra?: Sammanfattning | null;
  förändring?: Förändring;
}

export interface LänÖversikt {
  län: Län;
  rader: Rad[];
  kommuner: Kommun[];
}

export interface Oversikt {
  län: LänÖversikt[];
  oläsbara: Oläsbar[];
  oläsbaraFörra: Oläsbar[];
  jämför: boolean;
  /** Files whose kommuner are all outside the län in scope. */
  utanför: string[];
}

/** The files that concern a kommun, in the files' order. */
function filesFor(files: Sammanfattning[], kod: string): Sammanfattning[] {
  return files.filter((s) => s.kommuner.some((k) => k.kod === kod));
}

/** Last year's file for the kommun: the one with the same kind (own plan or samverkan), else the first. */
function previousFor(prev: Sammanfattning[], kod: string, now?: Sammanfattning): Sammanfattning | null {
  const xs = filesFor(prev, kod);
  return xs.find((x) => now && x.samverkan === now.samverkan) ?? xs[0] ?? null;
}

export function buildOversikt(files: Sammanfattning[], länList: Län[], o: { förra?: Sammanfattning[]; oläsbara: Oläsbar[]; oläsbaraFörra?: Oläsbar[]; method: Method }): Oversikt {
  const koder = new Set(länList.map((l) => l.kod));
  const län = länList.map((l) => {
    const kommuner = allKommuner().filter((k) => k.länskod === l.kod).sort((a, b) => collator.compare(a.namn, b.namn));
    const rader: Rad[] = [];
    for (const k of kommuner) {
      const mine = filesFor(files, k.kod);
      for (const s of mine.length ? mine : [undefined]) {
        const rad: Rad = { kommun: k, ...(s ? { s } : {}) };
        if (o.förra) {
          rad.förra = previousFor(o.förra, k.kod, s);
          rad.förändring = change(rad.förra, s, o.method);
        }
        rader.push(rad);
      }
    }
    return { län: l, rader, kommuner };
  });
  const utanför = files.filter((s) => !s.kommuner.some((k) => koder.has(k.länskod))).map((s) => s.fil);
  return { län, oläsbara: o.oläsbara, oläsbaraFörra: o.oläsbaraFörra ?? [], jämför: Boolean(o.förra), utanför };
}

const PLAN_ORDNING: Planstatus[] = ['beslutad', 'remiss', 'utkast', 'ingen handlingsplan'];

/** Cells as "13–18 år indikerad" with their state, for comparing two years. */
function cells(s: Sammanfattning, method: Method): Map<string, Cellläge> {
  const b = method.begrepp;
  const m = new Map<string, Cellläge>();
  b.åldersband.forEach((band, i) => b.preventionsnivåer.forEach((n, j) => m.set(`${band.titel} ${n.titel.toLocaleLowerCase('sv-SE')}`, s.täckning[i]?.[j] ?? 'ej kartlagt')));
  return m;
}

/** What moved for one kommun between last year's file and this year's. */
export function change(förra: Sammanfattning | null | undefined, nu: Sammanfattning | undefined, method: Method): Förändring {
  if (!nu && !förra) return { poster: ['Ingen projektfil något av åren.'], ny: false };
  if (!nu) return { poster: ['Hade en projektfil förra året men har ingen i år.'], ny: false };
  if (!förra) return { poster: ['Ny projektfil i år (ingen förra året).'], ny: true };
  const p: string[] = [];
  for (const st of nu.steg) {
    const före = förra.steg.find((x) => x.nummer === st.nummer)?.andel ?? 0;
    if (före !== st.andel) p.push(`Steg ${st.nummer}: ${medEnhet(String(före), '%')} → ${medEnhet(String(st.andel), '% besvarat')}`);
  }
  if (förra.plan.status !== nu.plan.status) p.push(`Handlingsplan: ${förra.plan.status} → ${nu.plan.status}`);
  const a = cells(förra, method), z = cells(nu, method);
  const stängda = [...z].filter(([k, v]) => v === 'stöd' && a.get(k) === 'lucka').map(([k]) => k);
  const nya = [...z].filter(([k, v]) => v === 'lucka' && a.get(k) !== 'lucka').map(([k]) => k);
  if (stängda.length) p.push(`Luckor som täckts: ${stängda.join(', ')}`);
  if (nya.length) p.push(`Nya luckor: ${nya.join(', ')}`);
  if (förra.luckor.length !== nu.luckor.length) p.push(`Luckor i täckningen: ${förra.luckor.length} → ${nu.luckor.length}`);
  if (förra.påRättSpår !== nu.påRättSpår || förra.indikatorer.length !== nu.indikatorer.length) {
    p.push(`Indikatorer på rätt spår: ${förra.påRättSpår} av ${förra.indikatorer.length} → ${nu.påRättSpår} av ${nu.indikatorer.length}`);
  }
  return { poster: p.length ? p : ['Oförändrat.'], ny: false };
}

// ── The view model ──────────────────────────────────────────────────────────

/** A share with what it is a share of: "50 % av heltid". */
const procent = (n: number | undefined, av: string) => (n === undefined ? '' : medEnhet(numText(n), `% ${av}`));
const kommunNamn = (r: Rad) => r.kommun.namn;
const short = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t);

function planText(s: Sammanfattning): string {
  const p = s.plan;
  if (p.status === 'ingen handlingsplan') return 'ingen handlingsplan';
  // A plan not yet decided names the body that is to decide it.
  if (p.status !== 'beslutad') return `${p.status}${p.organ ? ` (beslutas av ${p.organ})` : ''}`;
  return [p.status, p.datum, p.organ && `av ${p.organ}`].filter(Boolean).join(' ');
}

function samordnareText(s: Sammanfattning): string {
  if (!s.samordnare.length) return '';
  return s.samordnare.map((x) => `${x.roll}${x.tjänstgöringsgrad !== undefined ? ` (${procent(x.tjänstgöringsgrad, 'av heltid')})` : ''}`).join('; ');
}

const indikatorText = (s: Sammanfattning) => (s.indikatorer.length ? `${s.påRättSpår} av ${s.indikatorer.length} på rätt spår` : 'inga indikatorer');

/** Groups of kommuner by a key, with the kommuner's names; only keys at least `min` kommuner share. */
function shared<T>(rader: Rad[], items: (s: Sammanfattning) => { key: string; label: T }[], min = 2): { label: T; kommuner: string[] }[] {
  const m = new Map<string, { label: T; kommuner: Set<string> }>();
  for (const r of rader) {
    if (!r.s) continue;
    for (const it of items(r.s)) {
      const e = m.get(it.key) ?? { label: it.label, kommuner: new Set<string>() };
      e.kommuner.add(kommunNamn(r));
      m.set(it.key, e);
    }
  }
  return [...m.values()].filter((e) => e.kommuner.size >= min).map((e) => ({ label: e.label, kommuner: [...e.kommuner] })).sort((a, b) => b.kommuner.length - a.kommuner.length || collator.compare(String(a.label), String(b.label)));
}

/**
 * From this many kommuner on (several län, the whole country) the document is compact: each
 * kommun is one row in the län's tables and the per-kommun sections are left out (the CSV keeps
 * every detail). A single län, at most 49 kommuner, keeps a section per kommun.
 */
export const KOMPAKT_FRÅN = 60;

function länView(l: LänÖversikt, method: Method, jämför: boolean, charts: RenderContext['charts'], kompakt: boolean) {
  const b = method.begrepp;
  const med = l.rader.filter((r) => r.s);
  const medFil = new Set(med.map((r) => r.kommun.kod));
  // A kommun's plan status: its best (a kommun with a decided plan in any of its files has one).
  const status = (k: Kommun): Planstatus | 'ingen projektfil' => {
    const xs = med.filter((r) => r.kommun.kod === k.kod).map((r) => r.s!.plan.status);
    return xs.length ? PLAN_ORDNING.find((x) => xs.includes(x))! : 'ingen projektfil';
  };
  const statusar = l.kommuner.map(status);
  const räkna = (x: string) => statusar.filter((y) => y === x).length;
  const beslutade = l.kommuner.filter((k) => status(k) === 'beslutad').map((k) => k.namn);

  // Charts: steps per kommun, plan status, coverage heat map.
  const stegRader = l.rader.map((r) => ({ etikett: r.s?.samverkan ? `${r.kommun.namn} (samverkan)` : r.kommun.namn, andelar: r.s ? r.s.steg.map((x) => x.andel) : method.steg.map(() => null) }));
  charts[`steg${l.län.kod}`] = {
    chart: { typ: 'stegPerKommun', kolumner: method.steg.map((s) => `Steg ${s.nummer}`), rader: stegRader, ...(kompakt ? { utanTal: true } : {}) },
    alt: `Rutnät över hur stor andel av metodens sex steg varje kommun i ${l.län.namn} har besvarat: ${stegRader.map((r) => `${r.etikett}: ${r.andelar.every((a) => a === null) ? 'ingen projektfil' : r.andelar.map((a, i) => `steg ${i + 1} ${a} %`).join(', ')}`).join('; ')}.`,
  };
  const staplar = [...PLAN_ORDNING, 'ingen projektfil' as const].map((x) => ({ etikett: cap(x), antal: räkna(x) }));
  charts[`plan${l.län.kod}`] = {
    chart: { typ: 'planstatus', staplar, kommuner: l.kommuner.length },
    alt: `Stapeldiagram över handlingsplanernas status i ${l.län.namn}, antal kommuner av ${l.kommuner.length}: ${staplar.map((s) => `${s.etikett.toLocaleLowerCase('sv-SE')} ${s.antal}`).join(', ')}.`,
  };
  // The heat map counts each kommun once, by its first file.
  const förstaFil = [...new Map(med.map((r) => [r.kommun.kod, r.s!])).values()];
  const celler = b.åldersband.map((_, i) => b.preventionsnivåer.map((_, j) => {
    const st = förstaFil.map((s) => s.täckning[i]?.[j]);
    return { stöd: st.filter((x) => x === 'stöd').length, luckor: st.filter((x) => x === 'lucka').length, okänt: st.filter((x) => x !== 'stöd' && x !== 'lucka').length };
  }));
  charts[`tackning${l.län.kod}`] = {
    chart: { typ: 'täckningLän', rader: b.åldersband.map((x) => x.titel), kolumner: b.preventionsnivåer.map((x) => x.titel), celler, kommuner: förstaFil.length } as Chart,
    alt: `Värmekarta över täckningen i ${l.län.namn} per åldersgrupp och preventionsnivå, antal kommuner av ${förstaFil.length} med projektfil som saknar stöd: ${b.åldersband.map((band, i) => b.preventionsnivåer.map((n, j) => `${band.titel} ${n.titel.toLocaleLowerCase('sv-SE')} ${celler[i]![j]!.luckor}`).join(', ')).join('; ')}.`,
  };

  const luckor = shared(med, (s) => s.luckor.map((x) => ({ key: x, label: x })));
  const behov = shared(med, (s) => [...new Set(s.behov.map((x) => x.område).filter(Boolean))].map((x) => ({ key: x, label: x })), 1)
    .map((g) => ({ område: cap(g.label), kommuner: joinSv(g.kommuner), antal: g.kommuner.length }));
  const behovRubriker = shared(med, (s) => s.behov.filter((x) => x.rubrik).map((x) => ({ key: programKey(x.rubrik), label: x.rubrik })));
  const program = shared(med, (s) => s.program.map((x) => ({ key: programKey(x), label: x })));
  const samverkan = [...new Map(med.filter((r) => r.s!.samverkan).map((r) => [r.s!.fil, r.s!])).values()].map((s) => ({
    namn: s.samverkanNamn || s.projekt || s.fil,
    kommuner: joinSv([...s.kommuner.map((k) => `${k.namn}${k.länskod !== l.län.kod ? ` (${kommunByKod(k.kod)?.län ?? ''})` : ''}${k.roll ? `, ${k.roll}` : ''}`), ...s.okändaKommuner]),
  }));
  const svaga = MFOF_WEAK_SPOTS.map((w) => {
    const ks = [...new Set(med.filter((r) => r.s!.svagaPunkter.some((x) => x.regel === w.regel)).map(kommunNamn))];
    // "ingen", not the template's "Ej ifyllt": nothing is missing, no kommun has the weak spot.
    return { titel: w.titel, antal: ks.length, kommuner: joinSv(ks) || 'ingen' };
  });

  const rader = l.rader.map((r) => {
    const s = r.s;
    const namn = s?.samverkan ? `${r.kommun.namn} (samverkan)` : r.kommun.namn;
    if (!s) return { kommun: namn, kod: r.kommun.kod, ingenFil: true, steg: method.steg.map(() => ''), totalt: '', plan: 'ingen projektfil', samordnartid: '', finansiering: '', svaga: '', indikatorer: '', luckor: '' };
    return {
      kommun: namn, kod: r.kommun.kod, ingenFil: false,
      steg: s.steg.map((x) => medEnhet(String(x.andel), '%')), totalt: medEnhet(String(s.andel), '%'),
      plan: planText(s), samordnartid: procent(s.samordnartid, 'av heltid'), finansiering: s.finansiering.join(', ') || 'ej angiven',
      svaga: s.svagaPunkter.map((x) => x.titel).join('; ') || 'inga', indikatorer: indikatorText(s), luckor: String(s.luckor.length),
    };
  });

  const kommunVy = kompakt ? [] : l.rader.map((r) => {
    const s = r.s;
    const rubrik = `${r.kommun.namn} (${r.kommun.kod})${s?.samverkan ? ' – samverkan' : ''}`;
    const förändring = r.förändring ? r.förändring.poster : [];
    if (!s) return { rubrik, ingenFil: true, fakta: [], förändring };
    // One line per fact: a whole country's report has 290 of these sections, so no tables here.
    const plan = [planText(s), s.plan.diarienummer && `dnr ${s.plan.diarienummer}`, s.period && `period ${s.period}`].filter(Boolean).join(', ');
    const läge = (l: string) => s.indikatorer.filter((i) => i.läge === l).map((i) => i.id);
    const indikatorer = s.indikatorer.length
      ? `${indikatorText(s)}${BEDÖMNINGAR.map((x) => (läge(x).length ? `; ${x}: ${läge(x).join(', ')}` : '')).join('')}`
      : 'inga';
    const fakta = [
      ['Projektfil', `${s.fil}${s.projekt ? ` – ${s.projekt}` : ''}`],
      ...(s.samverkan ? [['Samverkan', `${s.samverkanNamn ? `${s.samverkanNamn}: ` : ''}${joinSv([...s.kommuner.map((k) => `${k.namn}${k.roll ? ` (${k.roll})` : ''}`), ...s.okändaKommuner])}`]] : []),
      ['Handlingsplan', plan],
      ['Samordning', s.samordnare.length ? `${samordnareText(s)}${s.samordnartid !== undefined ? `; sammanlagt ${procent(s.samordnartid, 'av en heltid')}` : ''}` : ''],
      ['Finansiering', s.finansiering.length ? `${s.finansiering.join(', ')}${s.ordinarieBudget ? '' : ' (ingen ordinarie budget angiven)'}` : ''],
      ['Besvarad andel per steg', s.steg.map((x) => `${x.nummer}: ${medEnhet(String(x.andel), '%')}`).join(', ')],
      ['Luckor i täckningen', s.täckning.every((row) => row.every((c) => c === 'ej kartlagt')) ? 'stödet är inte kartlagt' : s.luckor.length ? s.luckor.join(', ') : 'inga'],
      ['MFoF:s svaga punkter', s.svagaPunkter.length ? s.svagaPunkter.map((x) => x.titel).join('; ') : 'inga'],
      ['Utvecklingsbehov', s.behov.map((x) => x.rubrik || x.id).join('; ')],
      [`Mål (${s.mål.length})`, s.mål.map((m) => `${m.id} ${short(m.text, 90)}`).join('; ')],
      [`Insatser (${s.insatser.length})`, s.insatser.map((i) => `${i.id} ${i.namn}${i.nivå ? ` (${i.nivå.toLocaleLowerCase('sv-SE')})` : ''}`).join('; ')],
      [`Indikatorer (${s.indikatorer.length})`, indikatorer],
      ...(s.valideringsfel ? [['Valideringsfel', `${s.valideringsfel} (se fsstöd validate ${s.fil})`]] : []),
    ].map(([titel, text]) => ({ titel, text }));
    return { rubrik, ingenFil: false, fakta, förändring };
  });

  return {
    kod: l.län.kod, namn: l.län.namn,
    antalKommuner: l.kommuner.length, medFil: medFil.size, utanFil: l.kommuner.length - medFil.size,
    beslutade: beslutade.length, beslutadeNamn: joinSv(beslutade),
    remiss: räkna('remiss'), utkast: räkna('utkast'), ingenPlan: räkna('ingen handlingsplan'),
    utanFilNamn: joinSv(l.kommuner.filter((k) => !medFil.has(k.kod)).map((k) => k.namn)),
    steg: method.steg.map((s) => `Steg ${s.nummer}`),
    rader, kommuner: kommunVy,
    luckor: luckor.map((x) => ({ lucka: x.label, antal: x.kommuner.length, kommuner: joinSv(x.kommuner) })),
    behov, behovRubriker: behovRubriker.map((x) => ({ rubrik: x.label, kommuner: joinSv(x.kommuner) })),
    program: program.map((x) => ({ namn: x.label, antal: x.kommuner.length, kommuner: joinSv(x.kommuner) })),
    samverkan, svaga,
    jämför: jämför ? l.rader.map((r) => ({ kommun: r.kommun.namn, förändring: r.förändring?.poster.join('; ') ?? '' })) : [],
  };
}

export function oversiktTitle(o: Oversikt): string {
  return o.län.length === 1 ? o.län[0]!.län.namn : o.län.length === allLän().length ? 'Hela landet' : joinSv(o.län.map((l) => l.län.namn));
}

export function oversiktContext(o: Oversikt, method: Method, datum: string, exempel: boolean): RenderContext {
  const charts: RenderContext['charts'] = {};
  const kompakt = o.län.reduce((a, l) => a + l.kommuner.length, 0) >= KOMPAKT_FRÅN;
  const län = o.län.map((l) => länView(l, method, o.jämför, charts, kompakt));
  const område = oversiktTitle(o);
  return {
    titel: 'Översikt över föräldraskapsstödet',
    område, datum, exempel, jämför: o.jämför,
    flerLän: län.length > 1,
    kompakt,
    län,
    oläsbara: o.oläsbara.map((x) => ({ fil: x.fil, fel: x.fel.replace(/\n\s*→.*$/s, '') })),
    oläsbaraFörra: o.oläsbaraFörra.map((x) => ({ fil: x.fil, fel: x.fel.replace(/\n\s*→.*$/s, '') })),
    charts,
  };
}

// ── CSV (Swedish Excel: UTF-8 with BOM, semicolons, CRLF) ─────────────────────

/** One CSV field as Excel reads it: quoted when it holds ; " or a line break, and never a formula. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v).replace('.', ',');
  // A text Excel would run as a formula (=, +, -, @, tab, CR first) is kept as text.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function oversiktCsv(o: Oversikt, method: Method): Buffer {
  const head = ['Länskod', 'Län', 'Kommunkod', 'Kommun', 'Projektfil', 'Samverkan', ...method.steg.map((s) => `Steg ${s.nummer} (%)`), 'Totalt (%)',
    'Handlingsplan', 'Beslutsdatum', 'Beslutat av', 'Diarienummer', 'Period', 'Samordnartid (% av heltid)', 'Samordnare (roller)', 'Finansiering', 'Ordinarie budget',
    'Luckor i täckningen', 'MFoF:s svaga punkter', 'Mål', 'Insatser', 'Indikatorer', 'Indikatorer på rätt spår', ...(o.jämför ? ['Förändring sedan förra året'] : []), 'Anmärkning'];
  const rows: (string | number)[][] = [head];
  const blank = (n: number) => Array.from({ length: n }, () => '');
  for (const l of o.län) {
    for (const r of l.rader) {
      const s = r.s;
      const base = [l.län.kod, l.län.namn, r.kommun.kod, r.kommun.namn];
      const ändring = o.jämför ? [r.förändring?.poster.join('; ') ?? ''] : [];
      if (!s) { rows.push([...base, ...blank(head.length - base.length - ändring.length - 1), ...ändring, 'ingen projektfil']); continue; }
      rows.push([
        ...base, s.fil, s.samverkan ? joinSv(s.kommuner.map((k) => k.namn)) : '', ...s.steg.map((x) => x.andel), s.andel,
        s.plan.status, s.plan.datum, s.plan.organ, s.plan.diarienummer, s.period, s.samordnartid ?? '', s.samordnare.map((x) => x.roll).join('; '), s.finansiering.join(', '), s.ordinarieBudget ? 'ja' : 'nej',
        s.luckor.join(', '), s.svagaPunkter.map((x) => x.titel).join('; '), s.mål.length, s.insatser.length, s.indikatorer.length, s.påRättSpår, ...ändring,
        s.valideringsfel ? `${s.valideringsfel} valideringsfel` : '',
      ]);
    }
  }
  for (const x of [...o.oläsbara, ...o.oläsbaraFörra.map((y) => ({ ...y, fil: `${y.fil} (förra året)` }))]) {
    rows.push([...blank(4), x.fil, ...blank(head.length - 6), `kunde inte läsas: ${x.fel.replace(/\s*\n\s*/g, ' ')}`]);
  }
  const text = rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
