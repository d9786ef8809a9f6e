// Coverage: which support, existing or planned, reaches each age band (content/begrepp) on each
// prevention level. The one function behind the coverage charts and the täckning rule. Data may
// not match the schema (check runs on invalid files), so every access checks types.

import { EJ_ANGIVET } from '../project/types.js';

export interface BandLike { graviditet?: boolean; från?: number; till?: number }
export interface LevelLike { id: string }
type Item = Record<string, any>;
export interface CoverageCell {
  /**
   * Support that runs as it is: mapped support the plan neither develops nor winds down, and (in
   * the plan) insatser that continue (fortsätta) a support not in the mapping.
   */
  befintligt: Item[];
  /** New support: insatser that introduce it (införa, or no åtgärd given). */
  planerat: Item[];
  /**
   * Support the plan develops (insatser with åtgärd utveckla): an existing support the insats
   * develops is counted here once, not again as existing.
   */
  utvecklas: Item[];
  /** Support the plan winds down (the mapped support, or the avveckla insats): shown, never counted as coverage. */
  avvecklas: Item[];
  /**
   * Support that may reach the cell but whose level (nivå "ej angivet") or ages (none given) are
   * not stated: the cell is "ej angivet", not a gap (an unknown is not a missing support).
   */
  ejAngivet: Item[];
  /** The band lies outside the plan's scope (projekt.omfattning.åldrar): never a gap. */
  utanför: boolean;
}
export interface Coverage {
  /** One row per age band, one cell per prevention level. */
  celler: CoverageCell[][];
  /** Whether anything is mapped at all (existing support, or in the plan an insats). */
  kartlagt: boolean;
}

const isObj = (v: unknown): v is Item => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Item[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Whether an item says whom it reaches by age at all (från, till or graviditet); real plans often do not. */
export function agesGiven(åldrar: unknown): boolean {
  return isObj(åldrar) && (typeof åldrar.från === 'number' || typeof åldrar.till === 'number' || åldrar.graviditet === true);
}

/** Whether an item's ages (från/till, or graviditet) reach an age band; open ends mean 0 and 18. */
export function covers(åldrar: unknown, band: BandLike): boolean {
  if (!isObj(åldrar)) return false;
  if (band.graviditet) return åldrar.graviditet === true;
  const hasFrom = typeof åldrar.från === 'number';
  const hasTo = typeof åldrar.till === 'number';
  if (!hasFrom && !hasTo) return false;
  const från = hasFrom ? (åldrar.från as number) : 0;
  const till = hasTo ? (åldrar.till as number) : 18;
  return från <= (band.till ?? 18) && till >= (band.från ?? 0);
}


/**
 * Whether an insats reaches anyone in the plan's picture: not one that winds support down
 * (åtgärd avveckla), and not one that is paused or ended (status pausad, avslutad) — the method
 * asks whether the support reaches the parents (3.4 "når vi fram?", 6.1 "har insatserna nått
 * fram"), and a support that does not run reaches no one. `fortsätta` keeps a running support,
 * so it counts like införa and utveckla.
 */
export function insatsCovers(i: Item): boolean {
  return i.åtgärd !== 'avveckla' && i.status !== 'pausad' && i.status !== 'avslutad';
}

/**
 * Whether an age band lies within the plan's scope (projekt.omfattning.åldrar). Without a scope,
 * every band does; a scope with ages but without graviditet excludes the graviditet band.
 */
export function inScope(data: unknown, band: BandLike): boolean {
  const d = isObj(data) ? data : {};
  const åldrar = isObj(d.projekt) && isObj(d.projekt.omfattning) ? d.projekt.omfattning.åldrar : undefined;
  if (!isObj(åldrar) || (typeof åldrar.från !== 'number' && typeof åldrar.till !== 'number' && typeof åldrar.graviditet !== 'boolean')) return true;
  return covers(åldrar, band);
}

/**
 * The coverage before the plan (lägesbild: existing support) or with it (handlingsplan), judged
 * within the plan's scope. With the plan, each support is counted once, in one of four kinds:
 * existing (runs as it is), developed (an utveckla insats, with the existing support it develops),
 * new (införa) and wound down (avveckla: shown, not counted). An insats that does not run
 * (insatsCovers) reaches no one, and neither does the existing support it would carry.
 */
export function coverage(data: unknown, bands: BandLike[], levels: LevelLike[], withPlan: boolean): Coverage {
  const d = isObj(data) ? data : {};
  const insatser = withPlan ? list(d.handlingsplan?.insatser) : [];
  const mapped = list(d.analys?.kartläggning?.befintligt_stöd);
  const byId = new Map(mapped.filter((s) => typeof s.id === 'string').map((s) => [s.id as string, s]));
  const link = (i: Item) => (typeof i.befintligt_stöd === 'string' ? byId.get(i.befintligt_stöd) : undefined);
  // An insats without its own level or ages reaches whom the support it carries reaches.
  const withSupport = (i: Item): Item => { const s = link(i); return s ? { ...i, nivå: i.nivå ?? s.nivå, åldrar: i.åldrar ?? s.åldrar } : i; };
  // Mapped support an insats takes over (develops, winds down, replaces, or carries without running); fortsätta keeps it as it is.
  const takenOver = new Set(insatser.filter((i) => link(i) && (i.åtgärd !== 'fortsätta' || !insatsCovers(i))).map((i) => i.befintligt_stöd as string));
  const running = insatser.filter(insatsCovers);
  const befintligt = [...mapped.filter((s) => !(typeof s.id === 'string' && takenOver.has(s.id))), ...running.filter((i) => i.åtgärd === 'fortsätta' && !link(i))];
  const utvecklas = running.filter((i) => i.åtgärd === 'utveckla').map(withSupport);
  const planerat = running.filter((i) => i.åtgärd !== 'fortsätta' && i.åtgärd !== 'utveckla');
  // Wound down: the support an avveckla insats carries (or the insats itself when it names none).
  const avvecklas = insatser.filter((i) => i.åtgärd === 'avveckla').map((i) => link(i) ?? i);
  const counted = [...befintligt, ...utvecklas, ...planerat];
  const celler = bands.map((band) => {
    const utanför = !inScope(d, band);
    // Support whose level or ages the source does not give may reach the cell: not known to be a gap.
    const ejAngivet = counted.filter((s) => s.nivå === EJ_ANGIVET && (covers(s.åldrar, band) || !agesGiven(s.åldrar)));
    const at = (xs: Item[], level: LevelLike) => xs.filter((s) => s.nivå === level.id && covers(s.åldrar, band));
    return levels.map((level) => ({
      befintligt: at(befintligt, level), planerat: at(planerat, level), utvecklas: at(utvecklas, level), avvecklas: at(avvecklas, level),
      ejAngivet: [...ejAngivet, ...counted.filter((s) => s.nivå === level.id && !agesGiven(s.åldrar))], utanför,
    }));
  });
  return { celler, kartlagt: mapped.length > 0 || insatser.length > 0 };
}

/**
 * What a cell shows: support, "ej angivet" (only support of unstated level), a gap, or outside the
 * plan's scope. A chart that maps the cells' items to names keeps ejAngivet and utanför with them.
 */
/** A coverage cell, or a chart's copy of one (its ejAngivet a flag instead of the items). */
type CellLike = { befintligt: unknown[]; planerat: unknown[]; utvecklas?: unknown[]; ejAngivet?: unknown[] | boolean; utanför?: boolean };
export function cellState(c: CellLike): 'stöd' | 'ej angivet' | 'lucka' | 'utanför' {
  // Wound-down support (avvecklas) is no support.
  if (c.befintligt.length || c.planerat.length || c.utvecklas?.length) return 'stöd';
  if (c.utanför) return 'utanför';
  const unstated = Array.isArray(c.ejAngivet) ? c.ejAngivet.length > 0 : c.ejAngivet === true;
  return unstated ? 'ej angivet' : 'lucka';
}

export const isGap = (c: CellLike): boolean => cellState(c) === 'lucka';
