// Coverage: which support, existing or planned, reaches each age band (content/begrepp) on each
// prevention level. The one function behind the coverage charts and the täckning rule. Data may
// not match the schema (check runs on invalid files), so every access checks types.

import { EJ_ANGIVET } from '../project/types.js';

export interface BandLike { graviditet?: boolean; från?: number; till?: number }
export interface LevelLike { id: string }
type Item = Record<string, any>;
export interface CoverageCell {
  befintligt: Item[];
  planerat: Item[];
  /**
   * Support reaching the band whose level the source does not give (nivå "ej angivet"): the
   * cell is "ej angivet", not a gap (an unknown is not a missing support).
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
 * The coverage before the plan (lägesbild: existing support) or with it (handlingsplan: existing
 * support the plan does not wind down, and the insatser that run: insatsCovers), judged within
 * the plan's scope.
 */
export function coverage(data: unknown, bands: BandLike[], levels: LevelLike[], withPlan: boolean): Coverage {
  const d = isObj(data) ? data : {};
  const insatser = withPlan ? list(d.handlingsplan?.insatser) : [];
  // Existing support that the plan winds down, or whose insats is paused or ended, no longer
  // counts in the plan's picture.
  const avvecklas = new Set(insatser.filter((i) => !insatsCovers(i) && typeof i.befintligt_stöd === 'string').map((i) => i.befintligt_stöd as string));
  const mapped = list(d.analys?.kartläggning?.befintligt_stöd);
  const befintligt = mapped.filter((s) => !(typeof s.id === 'string' && avvecklas.has(s.id)));
  const planerat = insatser.filter(insatsCovers);
  const celler = bands.map((band) => {
    const utanför = !inScope(d, band);
    const ejAngivet = [...befintligt, ...planerat].filter((s) => s.nivå === EJ_ANGIVET && covers(s.åldrar, band));
    return levels.map((level) => ({
      befintligt: befintligt.filter((s) => s.nivå === level.id && covers(s.åldrar, band)),
      planerat: planerat.filter((s) => s.nivå === level.id && covers(s.åldrar, band)),
      ejAngivet,
      utanför,
    }));
  });
  return { celler, kartlagt: mapped.length > 0 || insatser.length > 0 };
}

/**
 * What a cell shows: support, "ej angivet" (only support of unstated level), a gap, or outside the
 * plan's scope. A chart that maps the cells' items to names keeps ejAngivet and utanför with them.
 */
/** A coverage cell, or a chart's copy of one (its ejAngivet a flag instead of the items). */
type CellLike = { befintligt: unknown[]; planerat: unknown[]; ejAngivet?: unknown[] | boolean; utanför?: boolean };
export function cellState(c: CellLike): 'stöd' | 'ej angivet' | 'lucka' | 'utanför' {
  if (c.befintligt.length || c.planerat.length) return 'stöd';
  if (c.utanför) return 'utanför';
  const unstated = Array.isArray(c.ejAngivet) ? c.ejAngivet.length > 0 : c.ejAngivet === true;
  return unstated ? 'ej angivet' : 'lucka';
}

export const isGap = (c: CellLike): boolean => cellState(c) === 'lucka';
