// One project file as the översikt sees it: read once (src/project/load.ts), judged by the one
// judgement (src/judge/: steps, coverage, indicators, MFoF weak spots), and kept as plain data.
// Only roles, never people's names, are taken from the file, and every text is masked for
// personnummer before it can reach a report. Data may not match the schema (a file with
// validation errors is still reported, with their number), so every access checks types.
import { FsstodError, formatError } from '../errors.js';
import { loadProject, type LoadedProject } from '../project/load.js';
import { validateProject } from '../project/validate.js';
import { judgeProject, projectShare } from '../judge/index.js';
import { cellState, coverage, type Coverage } from '../judge/coverage.js';
import { bedömIndikatorer, iRätt, type Indikatorbedömning } from '../judge/indikator.js';
import { weakSpots, type WeakSpot } from '../judge/weakspots.js';
import { maskPnr } from '../check/personnummer.js';
import { dateInWords } from '../project/dates.js';
import { kommunByKod, kommunByNamn } from '../kommuner.js';
import type { Method } from '../content/types.js';

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
/** A text from the file, trimmed and with any personnummer masked; '' when not a text. */
const text = (v: unknown): string => (typeof v === 'string' ? maskPnr(v.replace(/\s+/g, ' ').trim()) : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export type Planstatus = 'beslutad' | 'remiss' | 'utkast' | 'ingen handlingsplan';
export type Cellläge = ReturnType<typeof cellState> | 'ej kartlagt';

export interface KommunRef { kod: string; namn: string; länskod: string; roll?: string }

export interface Sammanfattning {
  fil: string;
  projekt: string;
  kommuner: KommunRef[];
  /** Kommuner the file names that the reference data does not know. */
  okändaKommuner: string[];
  samverkan: boolean;
  samverkanNamn: string;
  exempel: boolean;
  valideringsfel: number;
  steg: { nummer: number; titel: string; andel: number }[];
  andel: number;
  plan: { status: Planstatus; datum: string; organ: string; diarienummer: string };
  period: string;
  /** Coordinators by role only, with their share of a full-time post. */
  samordnare: { roll: string; tjänstgöringsgrad?: number }[];
  samordnartid?: number;
  finansiering: string[];
  ordinarieBudget: boolean;
  /** Per age band (rows) and prevention level (columns). */
  täckning: Cellläge[][];
  luckor: string[];
  svagaPunkter: WeakSpot[];
  mål: { id: string; text: string }[];
  insatser: { id: string; namn: string; nivå: string; åtgärd: string }[];
  program: string[];
  behov: { id: string; rubrik: string; område: string }[];
  indikatorer: { id: string; namn: string; läge: Indikatorbedömning }[];
  påRättSpår: number;
}

export interface Oläsbar { fil: string; fel: string }

export type Läst = { ok: true; s: Sammanfattning } | { ok: false; fel: Oläsbar };

function planOf(data: Obj): Sammanfattning['plan'] {
  const b = isObj(data.beslut) && isObj(data.beslut.handlingsplan) ? data.beslut.handlingsplan : undefined;
  const hasPlan = isObj(data.handlingsplan) && Object.keys(data.handlingsplan).length > 0;
  const st = b?.status;
  const status: Planstatus = st === 'beslutad' || st === 'remiss' || st === 'utkast' ? st : hasPlan || b ? 'utkast' : 'ingen handlingsplan';
  return { status, datum: b?.datum !== undefined ? dateInWords(b.datum) : '', organ: text(b?.organ), diarienummer: text(b?.diarienummer) };
}

function kommunerOf(data: Obj): { kommuner: KommunRef[]; okända: string[] } {
  const kommuner: KommunRef[] = [];
  const okända: string[] = [];
  for (const k of list(isObj(data.projekt) ? data.projekt.kommuner : undefined)) {
    const ref = kommunByKod(String(k.kod ?? '')) ?? kommunByNamn(String(k.namn ?? ''));
    if (!ref) { okända.push(text(k.namn) || text(k.kod) || '(utan namn)'); continue; }
    if (kommuner.some((x) => x.kod === ref.kod)) continue;
    kommuner.push({ kod: ref.kod, namn: ref.namn, länskod: ref.länskod, ...(typeof k.roll === 'string' ? { roll: text(k.roll) } : {}) });
  }
  return { kommuner, okända };
}

/**
 * A programme's name as a key, to see which kommuner run the same one: the name up to its
 * first qualifier ("Connect för föräldrar till tonåringar" and "Connect" are one programme).
 */
export function programKey(namn: string): string {
  let k = keys.get(namn);
  if (k === undefined) keys.set(namn, (k = key(namn)));
  return k;
}
/** The keys made so far: the same names recur in file after file (toLocaleLowerCase is slow). */
const keys = new Map<string, string>();
function key(namn: string): string {
  return namn.split(/\s+(?:för|till|i|på|med|inom)\s+|\s+[–-]\s+|\s*[(,:]/u)[0]!.trim().toLocaleLowerCase('sv-SE');
}

export function summarize(p: LoadedProject, method: Method): Sammanfattning {
  const data = p.data as Obj;
  const b = method.begrepp;
  const projekt = isObj(data.projekt) ? data.projekt : {};
  const { kommuner, okända } = kommunerOf(data);
  const steg = judgeProject(data, method.steg);
  const org = isObj(data.organisation) ? data.organisation : {};
  const personer = list(isObj(org.samordning) ? org.samordning.personer : undefined);
  const people = personer.length ? personer : isObj(projekt.samordnare) ? [projekt.samordnare] : [];
  // Roles only: a person's name (namn) is never read.
  const samordnare = people.map((x) => ({ roll: text(x.roll) || 'roll ej angiven', ...(num(x.tjänstgöringsgrad) !== undefined ? { tjänstgöringsgrad: num(x.tjänstgöringsgrad) } : {}) }));
  const tider = samordnare.map((x) => x.tjänstgöringsgrad).filter((n): n is number => n !== undefined);
  const hp = isObj(data.handlingsplan) ? data.handlingsplan : {};
  const insatser = list(hp.insatser);
  const befintligt = list(isObj(data.analys) && isObj(data.analys.kartläggning) ? data.analys.kartläggning.befintligt_stöd : undefined);
  const källor = [...insatser, ...befintligt].flatMap((i) => list(i.kostnader)).map((k) => (typeof k.källa === 'string' ? k.källa : '')).filter((k) => k && k !== 'ej angivet' && k !== 'ingen kostnad');
  const ordinarieBudget = isObj(hp.hållbarhet) && hp.hållbarhet.ordinarie_budget === true;
  const finansiering = [...new Set([...(ordinarieBudget ? ['ordinarie budget'] : []), ...källor])];
  const cov: Coverage = coverage(data, b.åldersband, b.preventionsnivåer, true);
  const täckning: Cellläge[][] = cov.celler.map((row) => row.map((c) => (cov.kartlagt ? cellState(c) : 'ej kartlagt')));
  const luckor = b.åldersband.flatMap((band, i) => b.preventionsnivåer.filter((_, j) => täckning[i]![j] === 'lucka').map((n) => `${band.titel} ${n.titel.toLocaleLowerCase('sv-SE')}`));
  const nivå = (n: unknown) => (n === 'ej angivet' ? 'ej angivet' : b.preventionsnivåer.find((x) => x.id === n)?.titel ?? '');
  // The follow-up report's judgement (src/judge/indikator.ts): against baseline, target and target date.
  const inds = bedömIndikatorer(data);
  const indNamn = new Map(list(isObj(hp.uppföljningsplan) ? hp.uppföljningsplan.indikatorer : undefined).map((x) => [x.id, text(x.namn)]));
  const programNamn = [...befintligt.filter((s) => s.typ === 'program').map((s) => text(s.namn)), ...insatser.filter((i) => i.åtgärd !== 'avveckla').map((i) => text(i.namn))].filter(Boolean);
  const period = isObj(projekt.period) ? [num(projekt.period.från), num(projekt.period.till)].filter((x) => x !== undefined).join('–') : '';
  const samverkanNamn = isObj(projekt.samverkan) ? text(projekt.samverkan.namn) : '';
  return {
    fil: p.display,
    projekt: text(projekt.namn),
    kommuner,
    okändaKommuner: okända,
    samverkan: kommuner.length + okända.length > 1 || isObj(projekt.samverkan),
    samverkanNamn,
    exempel: projekt.exempel === true,
    valideringsfel: validateProject(p).length,
    steg: steg.map((s) => ({ nummer: s.nummer, titel: s.titel, andel: s.andel })),
    andel: projectShare(steg),
    plan: planOf(data),
    period,
    samordnare,
    ...(tider.length ? { samordnartid: tider.reduce((a, x) => a + x, 0) } : {}),
    finansiering,
    ordinarieBudget: finansiering.includes('ordinarie budget'),
    täckning,
    luckor,
    svagaPunkter: weakSpots(p).map((w) => ({ ...w, meddelande: maskPnr(w.meddelande) })),
    mål: list(hp.mål).map((m) => ({ id: text(m.id), text: text(m.text) })),
    insatser: insatser.map((i) => ({ id: text(i.id), namn: text(i.namn), nivå: nivå(i.nivå), åtgärd: text(i.åtgärd) })),
    program: [...new Map(programNamn.map((n) => [programKey(n), n])).values()],
    behov: list(isObj(data.analys) ? data.analys.utvecklingsbehov : undefined).map((x) => ({ id: text(x.id), rubrik: text(x.rubrik), område: text(x.område) })),
    indikatorer: inds.map((x) => ({ id: x.id, namn: indNamn.get(x.id) ?? x.namn, läge: x.resultat.bedömning })),
    påRättSpår: inds.filter((x) => iRätt(x.resultat.bedömning)).length,
  };
}

/** Reads one file; a file that cannot be read is a reason, never a stop. */
export function readOne(fil: string, method: Method): Läst {
  let p: LoadedProject;
  try {
    p = loadProject(fil);
    return { ok: true, s: summarize(p, method) };
  } catch (e) {
    if (e instanceof FsstodError) return { ok: false, fel: { fil: e.location?.file ?? fil, fel: maskPnr(formatError(e)) } };
    throw e;
  }
}
