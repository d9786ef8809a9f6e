// Charts for the chart tests: every chart of every document of every example, and charts made hard.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import { buildContext, type DokumentId } from '../../src/render/context.js';
import type { Chart } from '../../src/render/charts.js';
import { BEDÖMNINGAR, bedömningText } from '../../src/judge/indikator.js';
import type { Project } from '../../src/project/types.js';

const method = loadMethod();

/** Every chart of every document of every example, plus charts made to be hard (long labels, big numbers, odd characters). */
export function allCharts(): { name: string; chart: Chart; alt: string; tom?: string }[] {
  const out: { name: string; chart: Chart; alt: string; tom?: string }[] = [];
  for (const ex of readdirSync(join(ROOT, 'examples')).filter((d) => d !== 'profil')) {
    let p: Project;
    try { p = loadProject(join(ROOT, 'examples', ex, 'projekt.yaml')).data as unknown as Project; } catch { continue; }
    for (const doc of ['lägesbild', 'handlingsplan', 'uppföljning'] as DokumentId[]) {
      for (const [k, c] of Object.entries(buildContext(p, method, doc, '2026-11-20').charts)) out.push({ name: `${ex} ${doc} ${k}`, ...c });
    }
  }
  const long = 'Föräldraskapsstödjande arbetssätt i förskola, skola och fritidsverksamhet för familjer med långvariga vårdnadskonflikter';
  out.push({ name: 'hard indikatorer', alt: '', chart: { typ: 'indikatorer', rader: [
    { etikett: `IND99 ${long}`, utgångsvärde: 12000, målvärde: 152000, utfall: 99999.5, tidigare: [-5, 160000], riktning: 'öka', bedömning: 'inte på väg', enhet: 'antal föräldrar per kalenderår', andelTiden: 0.9 },
    { etikett: 'IND100 Ååäöüé—“citat” & <tagg>', målvärde: 5, utfall: 2, riktning: 'minska', bedömning: 'för tidigt att bedöma', enhet: '%' },
    ...BEDÖMNINGAR.map((b, i) => ({ etikett: `B${i} ${bedömningText(b)}`, utgångsvärde: 10, målvärde: 20, utfall: b === 'ingen mätning' ? undefined : 15, riktning: 'öka' as const, bedömning: b })),
  ] } });
  out.push({ name: 'hard tidslinje', alt: '', chart: { typ: 'tidslinje', från: '2025-01-01', till: '2032-12-31', rader: [{ etikett: `I1 ${long}`, start: '2024-01-01', åtgärd: 'avveckla' }, { etikett: 'I2 X', åtgärd: 'utveckla' }] } });
  // The översikt's grid of steps for many kommuner, without numbers: its note is the longest (it was cut at the edge).
  const steg = ['Steg 1', 'Steg 2', 'Steg 3', 'Steg 4', 'Steg 5', 'Steg 6'];
  out.push({ name: 'hard stegPerKommun utan tal', alt: '', chart: { typ: 'stegPerKommun', kolumner: steg, utanTal: true, rader: [{ etikett: 'Upplands Väsby', andelar: [100, 50, null, 0, 20, 30] }, { etikett: 'Ljusnarsberg', andelar: steg.map(() => null) }] } });
  // The översikt's other charts, as a län's.
  out.push({ name: 'planstatus', alt: '', chart: { typ: 'planstatus', kommuner: 12, staplar: [{ etikett: 'Beslutad', antal: 7 }, { etikett: 'Remiss', antal: 0 }, { etikett: 'Ingen projektfil', antal: 5 }] } });
  out.push({ name: 'täckningLän', alt: '', chart: { typ: 'täckningLän', kommuner: 11, rader: ['0–5 år', '6–12 år'], kolumner: ['Universell', 'Selektiv', 'Indikerad'], celler: [[{ stöd: 11, luckor: 0, okänt: 0 }, { stöd: 3, luckor: 6, okänt: 2 }, { stöd: 0, luckor: 11, okänt: 0 }], [{ stöd: 5, luckor: 5, okänt: 1 }, { stöd: 1, luckor: 10, okänt: 0 }, { stöd: 2, luckor: 9, okänt: 0 }]] } });
  out.push({ name: 'stegPerKommun', alt: '', chart: { typ: 'stegPerKommun', kolumner: steg, rader: [{ etikett: 'Ale', andelar: [100, 83, 40, 0, 0, 12] }, { etikett: 'Dals-Ed', andelar: steg.map(() => null) }] } });
  return out;
}

