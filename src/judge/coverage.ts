// Coverage: which support, existing or planned, reaches each age band (content/begrepp) on each
// prevention level. The one function behind the coverage charts and the täckning rule. Data may
// not match the schema (check runs on invalid files), so every access checks types.

export interface BandLike { graviditet?: boolean; från?: number; till?: number }
export interface LevelLike { id: string }
type Item = Record<string, any>;
export interface CoverageCell { befintligt: Item[]; planerat: Item[] }
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
 * The coverage before the plan (lägesbild: existing support) or with it (handlingsplan: existing
 * support the plan does not wind down, and the insatser that are not avveckla).
 */
export function coverage(data: unknown, bands: BandLike[], levels: LevelLike[], withPlan: boolean): Coverage {
  const d = isObj(data) ? data : {};
  const insatser = withPlan ? list(d.handlingsplan?.insatser) : [];
  // Existing support that the plan winds down no longer counts in the plan's picture.
  const avvecklas = new Set(insatser.filter((i) => i.åtgärd === 'avveckla' && typeof i.befintligt_stöd === 'string').map((i) => i.befintligt_stöd as string));
  const mapped = list(d.analys?.kartläggning?.befintligt_stöd);
  const befintligt = mapped.filter((s) => !(typeof s.id === 'string' && avvecklas.has(s.id)));
  const planerat = insatser.filter((i) => i.åtgärd !== 'avveckla');
  const celler = bands.map((band) => levels.map((level) => ({
    befintligt: befintligt.filter((s) => s.nivå === level.id && covers(s.åldrar, band)),
    planerat: planerat.filter((s) => s.nivå === level.id && covers(s.åldrar, band)),
  })));
  return { celler, kartlagt: mapped.length > 0 || insatser.length > 0 };
}

export const isGap = (c: { befintligt: unknown[]; planerat: unknown[] }): boolean => c.befintligt.length === 0 && c.planerat.length === 0;
