// fsstöd visa: a step's answers (or all steps') as readable text, grouped by moment, for a
// meeting or a mail. What belongs to which moment and what is unanswered is the judgement's
// (src/judge/); the words for fields are the schema's titles. Nothing is written.
import type { IO } from '../io.js';
import { UsageError } from '../errors.js';
import { loadProject, type YamlPath } from '../project/load.js';
import { loadMethod } from '../content/load.js';
import { judgeStep, type Unit } from '../judge/index.js';
import { getPath, resolvePath } from '../project/progress.js';
import { titleOf } from '../project/schema-words.js';
import { termWidth, wrap } from '../interview/text.js';
import { tusental } from '../text.js';

export interface VisaOptions {
  /** A step's number, or the file when only a file is given (`fsstöd visa plan.yaml`). */
  steg?: string;
  fil?: string;
}

const NOT_ANSWERED = '(ej besvarat)';

export async function visa(opts: VisaOptions, io: IO): Promise<number> {
  let steg = opts.steg;
  let fil = opts.fil;
  if (steg !== undefined && !/^\d+$/.test(steg.trim())) {
    if (fil !== undefined) throw new UsageError(`okänt steg "${steg}"`, undefined, 'Ange stegets nummer 1–6 före filen, t.ex. fsstöd visa 3 projekt.yaml.');
    fil = steg;
    steg = undefined;
  }
  const method = loadMethod();
  const steps = steg === undefined ? method.steg : method.steg.filter((s) => s.nummer === Number(steg));
  if (!steps.length) throw new UsageError(`steg ${steg} finns inte`, undefined, `Välj ett steg 1–${method.steg.length}, eller inget för alla.`);
  const p = loadProject(fil ?? 'projekt.yaml');
  const data = p.data;
  const width = Math.min(termWidth(), 100);
  const proj = data.projekt as { namn?: unknown } | undefined;
  let out = `${typeof proj?.namn === 'string' ? proj.namn : p.display}\n${p.display}\n`;
  for (const s of steps) {
    const j = judgeStep(data, s);
    out += `\n${'═'.repeat(Math.min(width, 60))}\nSteg ${s.nummer} ${s.titel} – ${j.andel} % besvarat\n${'═'.repeat(Math.min(width, 60))}\n`;
    for (const m of j.moment) {
      out += `\n${m.nummer ? `${m.nummer} ${m.titel}` : m.titel} (${m.besvarade}/${m.totalt})\n`;
      for (const u of m.units) out += unitText(data, u, width);
    }
    out += `\nChecklista: ${s.checklista.titel} (${j.checklista.besvarade}/${j.checklista.totalt})\n`;
    for (const u of j.checklista.units) out += checklistText(data, u, method.begrepp.checkstatus, width);
  }
  io.out(out);
  return 0;
}

/** "  Label: value", or the label and the value below it when the value is long or nested. */
function unitText(data: unknown, u: Unit, width: number): string {
  const path = resolvePath(data, u.path);
  const v = getPath(data, path);
  const label = u.label.replace(/\s+/g, ' ').trim();
  if (!u.answered) return `${wrap(`${label}: ${NOT_ANSWERED}`, width, '  ')}\n`;
  const lines = valueLines(v, path, width - 4);
  if (lines.length === 1 && label.length + lines[0]!.length < width - 4) return `  ${label}: ${lines[0]}\n`;
  return `${wrap(`${label}:`, width, '  ')}\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
}

function checklistText(data: unknown, u: Unit, statuses: { id: string; titel: string }[], width: number): string {
  const svar = getPath(data, u.path) as Record<string, any> | undefined;
  const status = svar && typeof svar === 'object' ? svar.status : undefined;
  const word = statuses.find((x) => x.id === status)?.titel ?? (status === undefined ? NOT_ANSWERED : String(status));
  let s = `${wrap(`${u.label.replace(/\s+/g, ' ').trim()} – ${word}`, width, '  ')}\n`;
  if (svar && typeof svar === 'object') {
    for (const [k, v] of Object.entries(svar)) {
      if (k === 'status' || v === undefined || v === null) continue;
      const lines = valueLines(v, [...u.path, k], width - 6);
      if (lines.length) s += `${wrap(`${titleOf([...u.path, k]) ?? k}: ${lines.join('; ')}`, width, '    ')}\n`;
    }
  }
  return s;
}

/** A value as lines of text: numbers with digit groups, lists item by item, maps with their fields' titles. */
export function valueLines(v: unknown, path: YamlPath, width: number): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return wrap(v.trim(), width).split('\n');
  if (typeof v === 'number') return [Number.isInteger(v) ? tusental(v, ' ') : String(v).replace('.', ',')];
  if (typeof v === 'boolean') return [v ? 'ja' : 'nej'];
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) return wrap(v.map(String).join(', '), width).split('\n');
    return v.flatMap((x, i) => {
      const lines = valueLines(x, [...path, i], width - 2);
      return [`– ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `  ${l}`)];
    });
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Shapes of one value (v2 tal): "ca 40", "40–50", a judgement in words.
    if (Object.keys(o).length === 1 && typeof o.ca === 'number') return [`ca ${valueLines(o.ca, path, width)[0]}`];
    if (typeof o.från === 'number' && typeof o.till === 'number' && Object.keys(o).length === 2) return [`${o.från}–${o.till}`];
    // An item is named by its id and its name (or title) on the first line.
    const nameKey = ['namn', 'titel', 'rubrik', 'roll'].find((k) => typeof o[k] === 'string' && (o[k] as string).length < width);
    const head = [typeof o.id === 'string' ? o.id : '', nameKey ? (o[nameKey] as string) : ''].filter(Boolean).join(' ');
    const out: string[] = [];
    for (const [k, x] of Object.entries(o)) {
      if (k === 'id' || k === nameKey || x === undefined || x === null || (Array.isArray(x) && !x.length)) continue;
      const title = titleOf([...path, k]) ?? k;
      const lines = valueLines(x, [...path, k], width - 2);
      if (lines.length === 1 && title.length + lines[0]!.length < width) out.push(`${title}: ${lines[0]}`);
      else out.push(`${title}:`, ...lines.map((l) => `  ${l}`));
    }
    if (head) return [head, ...out.map((l) => `  ${l}`)];
    return out;
  }
  return [String(v)];
}
