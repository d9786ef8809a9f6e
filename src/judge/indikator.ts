// An indicator's outcome, judged against its baseline, target and target date: the one place
// that decides it (uppföljningsrapport, its chart and alt text, and the översikt's "indicators on
// track" all ask here). A 2025 measurement of an indicator due in 2027 is not "ej nått": the
// question before the target date is whether the value has come as far as the time has.
import { parseDate } from '../project/dates.js';
import { cap, medEnhet } from '../text.js';

export type Indikatorbedömning = 'nått' | 'på väg' | 'inte på väg' | 'för tidigt att bedöma' | 'ingen mätning' | 'målvärde saknas';

/** Every judgement, in the order a reader meets them (legends, counts). */
export const BEDÖMNINGAR: readonly Indikatorbedömning[] = ['nått', 'på väg', 'inte på väg', 'för tidigt att bedöma', 'ingen mätning', 'målvärde saknas'];

/** Whether the indicator is on track: reached, or on its way (what the översikt counts). */
export const iRätt = (b: Indikatorbedömning): boolean => b === 'nått' || b === 'på väg';

export interface IndikatorLike { utgångsvärde?: number; målvärde?: number; riktning?: 'öka' | 'minska'; måldatum?: unknown }
export interface MätningLike { värde?: number; datum?: unknown }

export interface IndikatorResultat {
  bedömning: Indikatorbedömning;
  /** Share of the way from baseline to target covered (0–1, may be negative or above 1), when both are given. */
  andelVägen?: number;
  /** Share of the time from the start to the target date gone by at the measurement (0–1). */
  andelTiden?: number;
  /** Why, in Swedish, briefly (for the report's table and the alt text). */
  skäl: string;
}

/** Less than this share of the time gone: too early to judge a target not yet reached. */
export const TIDIGAST = 0.25;
/** On its way: at least this share of the way the time gone would suggest (progress is seldom linear). */
export const HALVA = 0.5;

const pct = (x: number) => medEnhet(String(Math.round(x * 100)), '%');
const days = (d: string) => Date.parse(d + 'T00:00:00Z') / 86400000;

/**
 * Judge one measurement of an indicator.
 * - start: when the work toward the target began (the plan period's first day), for the time share;
 * - när: the day the measurement stands for when it has no date of its own (the round's end, the document date).
 */
export function bedömIndikator(ind: IndikatorLike, m: MätningLike | undefined, opts: { start?: unknown; när?: string } = {}): IndikatorResultat {
  const v = m?.värde;
  if (typeof v !== 'number') return { bedömning: 'ingen mätning', skäl: 'Ingen mätning i uppföljningen.' };
  const mål = ind.målvärde;
  if (typeof mål !== 'number') return { bedömning: 'målvärde saknas', skäl: 'Indikatorn har inget målvärde.' };
  const minska = ind.riktning === 'minska';
  if (minska ? v <= mål : v >= mål) return { bedömning: 'nått', skäl: 'Målvärdet är nått.' };
  const bas = ind.utgångsvärde;
  const andelVägen = typeof bas === 'number' && bas !== mål ? (v - bas) / (mål - bas) : undefined;
  const slut = parseDate(ind.måldatum)?.last;
  // The measurement's day: its own date (its last day, when given as a month or year), else the round's.
  const dag = parseDate(m?.datum)?.last ?? opts.när;
  if (slut && dag && dag >= slut) return { bedömning: 'inte på väg', ...(andelVägen !== undefined ? { andelVägen } : {}), skäl: 'Måldatum har passerat utan att målvärdet nåtts.' };
  const början = parseDate(opts.start)?.first;
  const andelTiden = slut && dag && början && slut > början ? Math.min(1, Math.max(0, (days(dag) - days(början)) / (days(slut) - days(början)))) : undefined;
  const extra = { ...(andelVägen !== undefined ? { andelVägen } : {}), ...(andelTiden !== undefined ? { andelTiden } : {}) };
  if (andelVägen === undefined) return { bedömning: 'för tidigt att bedöma', ...extra, skäl: 'Utgångsvärde saknas, så förändringen kan inte bedömas före måldatum.' };
  if (andelTiden === undefined) {
    // No target date (or no start): only the direction can be judged.
    return andelVägen > 0
      ? { bedömning: 'på väg', ...extra, skäl: `Värdet har rört sig mot målet (${pct(andelVägen)} av vägen); måldatum eller start saknas.` }
      : { bedömning: 'inte på väg', ...extra, skäl: 'Värdet har inte rört sig mot målet; måldatum eller start saknas.' };
  }
  if (andelTiden < TIDIGAST) return { bedömning: 'för tidigt att bedöma', ...extra, skäl: `Bara ${pct(andelTiden)} av tiden till måldatum har gått.` };
  if (andelVägen > 0 && andelVägen >= HALVA * andelTiden) return { bedömning: 'på väg', ...extra, skäl: `${pct(andelVägen)} av vägen till målet efter ${pct(andelTiden)} av tiden.` };
  return { bedömning: 'inte på väg', ...extra, skäl: andelVägen > 0 ? `Bara ${pct(andelVägen)} av vägen till målet efter ${pct(andelTiden)} av tiden.` : `Värdet har inte rört sig mot målet efter ${pct(andelTiden)} av tiden.` };
}

/** The judgement as a table or a chart prints it: capitalised ("På väg"). */
export const bedömningText = (b: Indikatorbedömning): string => cap(b);

const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface ProjektetsIndikator { id: string; namn: string; resultat: IndikatorResultat }

/**
 * Every indicator of a project file judged at its latest follow-up round (the last of
 * uppföljningar[]): what the uppföljningsrapport prints and what the översikt counts
 * (iRätt). The time runs from the plan period's first day (or the first round's), and a
 * measurement without a date stands for its round's end, else `datum` (the document's date).
 * Data may not match the schema (check runs on invalid files), so every access checks types.
 */
export function bedömIndikatorer(data: unknown, datum?: string): ProjektetsIndikator[] {
  const d = isObj(data) ? data : {};
  const inds = Array.isArray(d.handlingsplan?.uppföljningsplan?.indikatorer) ? (d.handlingsplan.uppföljningsplan.indikatorer as unknown[]).filter(isObj) : [];
  const rounds = Array.isArray(d.uppföljningar) ? (d.uppföljningar as unknown[]).filter(isObj) : [];
  const last = rounds.at(-1);
  const start = d.projekt?.period?.från ?? rounds[0]?.period?.från;
  const när = parseDate(last?.period?.till)?.last ?? datum;
  return inds.filter((x) => typeof x.id === 'string').map((x) => {
    const m = Array.isArray(last?.utfall) ? (last!.utfall as unknown[]).filter(isObj).find((u) => u.indikator === x.id) : undefined;
    const ind: IndikatorLike = {
      ...(typeof x.utgångsvärde === 'number' ? { utgångsvärde: x.utgångsvärde } : {}), ...(typeof x.målvärde === 'number' ? { målvärde: x.målvärde } : {}),
      ...(x.riktning === 'minska' ? { riktning: 'minska' as const } : {}), måldatum: x.måldatum,
    };
    return { id: x.id as string, namn: typeof x.namn === 'string' ? x.namn : '', resultat: bedömIndikator(ind, m && { ...(typeof m.värde === 'number' ? { värde: m.värde } : {}), datum: m.datum }, { start, ...(när ? { när } : {}) }) };
  });
}
