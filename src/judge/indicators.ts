// Whether an indicator has reached its target, and whether it is on track: the one judgement
// behind the follow-up report's indicator chart and table and the översikt's "indikatorer på
// rätt spår". The measurement judged is the last follow-up round's (as the follow-up report
// reports the last round). Data may not match the schema, so every access checks types.

const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export type Riktning = 'öka' | 'minska';

/** Whether a value meets a target in the indicator's direction; null when either is missing. */
export function reached(värde: number | undefined, målvärde: number | undefined, riktning: Riktning = 'öka'): boolean | null {
  if (värde === undefined || målvärde === undefined) return null;
  return riktning === 'minska' ? värde <= målvärde : värde >= målvärde;
}

/**
 * nått: the target is met; på väg: not yet, but the value has moved the right way since the
 * round before (or, without one, since the baseline); ej på väg: measured, not met, not moving
 * the right way (or nothing to compare with); ej mätt: the last round has no value;
 * utan målvärde: no target to judge against.
 */
export type IndikatorLäge = 'nått' | 'på väg' | 'ej på väg' | 'ej mätt' | 'utan målvärde';

export interface IndikatorBedömning {
  id: string;
  utfall?: number;
  /** Values of the earlier rounds, oldest first. */
  tidigare: number[];
  riktning: Riktning;
  uppnått: boolean | null;
  läge: IndikatorLäge;
  /** nått or på väg. */
  påRättSpår: boolean;
}

/** A round's value for an indicator (the first utfall item that names it). */
function valueIn(round: unknown, id: string): number | undefined {
  if (!isObj(round) || !Array.isArray(round.utfall)) return undefined;
  const x = round.utfall.find((u: unknown) => isObj(u) && u.indikator === id);
  return isObj(x) ? num(x.värde) : undefined;
}

export function judgeIndicator(ind: Record<string, any>, omgångar: unknown[]): IndikatorBedömning {
  const id = typeof ind.id === 'string' ? ind.id : '';
  const riktning: Riktning = ind.riktning === 'minska' ? 'minska' : 'öka';
  const målvärde = num(ind.målvärde);
  const utfall = omgångar.length ? valueIn(omgångar.at(-1), id) : undefined;
  const tidigare = omgångar.slice(0, -1).map((o) => valueIn(o, id)).filter((n): n is number => n !== undefined);
  const uppnått = reached(utfall, målvärde, riktning);
  let läge: IndikatorLäge;
  if (målvärde === undefined) läge = 'utan målvärde';
  else if (utfall === undefined) läge = 'ej mätt';
  else if (uppnått) läge = 'nått';
  else {
    const ref = tidigare.at(-1) ?? num(ind.utgångsvärde);
    läge = ref !== undefined && (riktning === 'minska' ? utfall < ref : utfall > ref) ? 'på väg' : 'ej på väg';
  }
  return { id, ...(utfall !== undefined ? { utfall } : {}), tidigare, riktning, uppnått, läge, påRättSpår: läge === 'nått' || läge === 'på väg' };
}

/** Every indicator of the follow-up plan, judged against the last round. */
export function judgeIndicators(data: unknown): IndikatorBedömning[] {
  const d = isObj(data) ? data : {};
  const inds = isObj(d.handlingsplan) && isObj(d.handlingsplan.uppföljningsplan) && Array.isArray(d.handlingsplan.uppföljningsplan.indikatorer) ? d.handlingsplan.uppföljningsplan.indikatorer.filter(isObj) : [];
  const omgångar = Array.isArray(d.uppföljningar) ? d.uppföljningar : [];
  return inds.map((x: Record<string, any>) => judgeIndicator(x, omgångar));
}
