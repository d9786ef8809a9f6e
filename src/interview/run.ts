// One step of the method as an interview: the step's purpose, then each moment with its
// guidance and fields (from content/), then the checklist; afterwards what is still missing
// and the command to run next.
import type { Moment, Question, Step } from '../content/types.js';
import { shown } from './showif.js';
import { isAnswered } from '../judge/index.js';
import { dokumentAfterStep } from '../content/dokument.js';
import type { YamlPath } from '../project/load.js';
import { getPath, isSelector, selectorOf, splitPath } from '../project/progress.js';
import { checklistUnits, judgeStep as stepProgress, stepComplete, type StepJudgement as StepProgress } from '../judge/index.js';
import { schemaAt } from '../project/schema-words.js';
import { askAny, askList, at, child, needs, nextId, placeOf, listPrefix, commit, shortAnswer, type Ctx } from './fields.js';
import { short, wrap } from './text.js';
import { keysHelp, navAsker, question } from './nav.js';

export interface RunOptions {
  /** Start at this moment ("3.2"); earlier moments and the step-wide fields are not asked. */
  moment?: string;
  /** Ask only the checklist. */
  checklista?: boolean;
}

function progressLine(p: StepProgress): string {
  return `Besvarat i steg ${p.nummer}: ${p.momentBesvarade} av ${p.momentTotalt} frågor, checklistan ${p.checklista.besvarade} av ${p.checklista.totalt}.`;
}

/** The fields a moment asks, as paths with an optional label (question text). */
function momentFields(m: Moment): { path: YamlPath; label?: string; del?: { titel: string; vägledning: string } ; grupp?: string }[] {
  const out: { path: YamlPath; label?: string; del?: { titel: string; vägledning: string }; grupp?: string }[] = [];
  for (const f of m.fält ?? []) out.push({ path: splitPath(f) });
  for (const d of m.delar ?? []) for (const f of d.fält ?? []) out.push({ path: splitPath(f), del: d });
  if (m.svar_i && m.frågor) for (const q of m.frågor) out.push({ path: [...splitPath(m.svar_i), q.id], label: q.text });
  if (m.svar_i && m.frågegrupper) {
    for (const g of m.frågegrupper) for (const q of g.frågor) out.push({ path: [...splitPath(m.svar_i), g.id, q.id], label: q.text, grupp: g.titel });
  }
  return out;
}

async function askMoment(ctx: Ctx, step: Step, m: Moment, i: number): Promise<void> {
  const { c, out, width } = ctx;
  const fields = momentFields(m);
  const prog = stepProgress(ctx.session.data, step).moment.find((x) => x.nummer === m.nummer);
  const counts = prog ? ` (${prog.besvarade} av ${prog.totalt} besvarade)` : '';
  out('\n' + c.bold.blue(`── Moment ${i + 1} av ${step.moment.length} · ${m.nummer} ${m.titel}`) + c.dim(counts) + '\n');
  if (ctx.baraTomma && !fields.some((f) => needs(ctx, f.path))) {
    out(c.dim('  Allt i momentet är besvarat.') + '\n');
    return;
  }
  out(c.dim(wrap(m.vägledning, width, '  ')) + '\n');
  let del: string | undefined;
  let grupp: string | undefined;
  for (const f of fields) {
    if (!needs(ctx, f.path)) continue;
    if (f.del && f.del.titel !== del) {
      del = f.del.titel;
      const only = (m.delar ?? []).find((d) => d.titel === del)?.fält ?? [];
      const onlyPath = only.length === 1 ? splitPath(only[0]!) : undefined;
      // A part that is one field with the same title, or one selected item (titled by the part).
      const sameTitle = !!onlyPath && (schemaAt(onlyPath)?.title === del || isSelector(onlyPath[onlyPath.length - 1]));
      out('\n' + (sameTitle ? '' : c.bold(`  ${del}`) + '\n') + c.dim(wrap(f.del.vägledning, width, '  ')) + '\n');
    }
    if (f.grupp && f.grupp !== grupp) {
      grupp = f.grupp;
      out('\n' + c.bold(`  ${grupp}`) + '\n');
    }
    const last = f.path[f.path.length - 1];
    const sel = isSelector(last) ? selectorOf(last) : undefined;
    // A selected item (the styrgrupp) is titled by its part; its selecting field is not asked.
    await question(ctx, () => askAny(ctx, placeOf(ctx, f.path), f.label ?? (sel ? f.del?.titel : undefined), sel && 'fält' in sel ? { except: [sel.fält] } : {}), false);
  }
  await question(ctx, () => askOtherItems(ctx, fields.map((f) => f.path)), false);
  await question(ctx, () => reviewMoment(ctx, m, fields), false);
}

type Field = ReturnType<typeof momentFields>[number];

function fieldTitle(f: Field): string {
  const last = f.path[f.path.length - 1];
  if (f.label) return f.label;
  if (isSelector(last) && f.del) return f.del.titel;
  return schemaAt(f.path.map((seg) => (isSelector(seg) ? 0 : seg)))?.title ?? String(last);
}

const DONE = '\u0000klar';

/**
 * The review screen at the end of a moment: its questions, numbered, with their answers
 * shortened; choosing one asks it again (a digit jumps to it), Enter goes on.
 */
async function reviewMoment(ctx: Ctx, m: Moment, fields: Field[]): Promise<void> {
  for (;;) {
    const choices = fields.map((f, i) => ({ name: `${i + 1}  ${short(fieldTitle(f), 48)}: ${shortAnswer(getPath(ctx.session.data, f.path))}`, value: i as number | string }));
    const pick = await ctx.ask.select({
      message: `Översikt ${m.nummer} ${m.titel} – välj en fråga att ändra, eller Enter för att gå vidare`,
      choices: [...choices, { separator: ' ' }, { name: 'Klar – gå vidare', value: DONE }],
      default: DONE,
      pageSize: 20,
    });
    if (pick === DONE) return;
    const f = fields[pick as number]!;
    const last = f.path[f.path.length - 1];
    const sel = isSelector(last) ? selectorOf(last) : undefined;
    const was = ctx.baraTomma;
    ctx.baraTomma = false;
    try {
      await question(ctx, () => askAny(ctx, placeOf(ctx, f.path), f.label ?? (sel ? f.del?.titel : undefined), sel && 'fält' in sel ? { except: [sel.fält] } : {}), false);
    } finally {
      ctx.baraTomma = was;
    }
  }
}

/**
 * After the parts that select items of a list by a field (the styrgrupp, the arbetsgrupp): the
 * list's other items, in a list editor ("Finns fler grupper?": beredningsgrupp, nätverk …).
 */
async function askOtherItems(ctx: Ctx, paths: YamlPath[]): Promise<void> {
  const lists = new Map<string, { list: YamlPath; field: string; values: string[] }>();
  for (const p of paths) {
    const last = p[p.length - 1];
    if (!isSelector(last)) continue;
    const sel = selectorOf(last);
    if (!('fält' in sel)) continue;
    const list = p.slice(0, -1);
    const k = list.join('.');
    if (!lists.has(k)) lists.set(k, { list, field: sel.fält, values: [] });
    lists.get(k)!.values.push(sel.värde);
  }
  for (const { list, field, values } of lists.values()) {
    const items = schemaAt([...list, 0]);
    if (!items) continue;
    const shows = (it: any) => !(it && typeof it === 'object' && values.includes(String(it[field])));
    const cur = getPath(ctx.session.data, list);
    const others = Array.isArray(cur) ? cur.filter(shows).length : 0;
    if (ctx.baraTomma && others) continue;
    const title = schemaAt(list)?.title ?? String(list[list.length - 1]);
    out(ctx, '\n' + ctx.c.bold(`  Fler ${title.toLowerCase()}`) + '\n');
    if (!others && !(await ctx.ask.confirm(`Finns fler ${title.toLowerCase()} (t.ex. beredningsgrupp, projektgrupp, referensgrupp, nätverk)?`, false))) continue;
    await askList(ctx, placeOf(ctx, list), items, `Övriga ${title.toLowerCase()}`, { shows, first: [field] });
  }
}

const out = (ctx: Ctx, s: string) => ctx.out(s);

async function askChecklist(ctx: Ctx, step: Step): Promise<void> {
  const { c, out, width } = ctx;
  const prog = stepProgress(ctx.session.data, step).checklista;
  out('\n' + c.bold.blue(`── ${step.checklista.titel}`) + c.dim(` (${prog.besvarade} av ${prog.totalt} besvarade)`) + '\n');
  out(c.dim(wrap('Svara ja, delvis, nej eller ej aktuellt. Vid nej eller delvis: skriv vad som ska göras, av vem och när.', width, '  ')) + '\n');
  const base: YamlPath = ['checklistor', `steg${step.nummer}`];
  // --bara-tomma asks what the judgement finds missing: no status, or nej/delvis without a next step.
  const answered = new Set(checklistUnits(ctx.session.data, step).filter((u) => u.answered).map((u) => String(u.path[2])));
  for (const q of step.checklista.frågor) {
    const items = q.delfrågor?.length ? q.delfrågor : [q];
    const open = items.filter((it) => !ctx.baraTomma || !answered.has(it.id));
    if (!open.length) continue;
    if (q.delfrågor?.length) out('\n' + c.bold(wrap(`${q.id}. ${q.text}`, width, '  ')) + '\n');
    for (const it of open) {
      const place = at([...base, it.id]);
      out('\n' + c.bold(wrap(`${it.id}. ${it.text}`, width, '  ')) + '\n');
      const had = getPath(ctx.session.data, [...base, it.id, 'status']) !== undefined;
      await askAny(ctx, child(ctx, place, 'status'), `Svar på ${it.id}`);
      const status = getPath(ctx.session.data, [...base, it.id, 'status']);
      if (status === undefined) continue;
      pointOutContradictions(ctx, it, status);
      // The comment is optional: once skipped beside a status, --bara-tomma does not ask it again.
      // An open question ("Vilka …?") takes its answer in words there.
      if (!(ctx.baraTomma && had)) await askAny(ctx, child(ctx, place, 'kommentar'), it.öppen ? 'Ditt svar på frågan, i ord' : 'Kommentar (frivillig)');
      // Whether a next step is asked (nej, delvis), and who and when, is content's show-if.
      const åtgärd = child(ctx, place, 'åtgärd');
      if (shown(ctx.begrepp.visa_om, ctx.session.data, åtgärd.path)) {
        if (needs(ctx, åtgärd.path)) out(c.dim('  Nästa steg: vad ska göras, av vem och när?') + '\n');
        for (const k of ['vad', 'vem', 'när']) await askAny(ctx, child(ctx, åtgärd, k));
      }
    }
  }
}

/** A status that contradicts an earlier answer (content: motsägelse) is pointed out at once. */
function pointOutContradictions(ctx: Ctx, q: Question, status: unknown): void {
  for (const m of q.motsägelse ?? []) {
    if (!m.status.includes(String(status))) continue;
    if (!isAnswered(getPath(ctx.session.data, splitPath(m.fält)))) continue;
    ctx.out(ctx.c.yellow(wrap(`  Obs: ${m.text}`, ctx.width, '  ').replace(/^\s+/, '  ')) + '\n');
  }
}

/** Runs the interview for one step. */
export async function runStep(ctx: Ctx, step: Step, stepCount: number, opts: RunOptions = {}): Promise<void> {
  const { c, out, width } = ctx;
  ctx.step = step;
  if (!ctx.nav) {
    ctx.nav = { history: [] };
    ctx.ask = navAsker(ctx.ask, (s) => out(c.dim(s) + '\n'));
  }
  out(c.bold(`Steg ${step.nummer} av ${stepCount} · ${step.titel}`) + '\n');
  out(c.dim(wrap(step.syfte, width, '  ')) + '\n');
  out(progressLine(stepProgress(ctx.session.data, step)) + '\n');
  out(c.dim(keysHelp()) + '\n');
  if (!opts.checklista) {
    await question(ctx, () => chooseRound(ctx, step), false);
    const start = opts.moment ? step.moment.findIndex((m) => m.nummer === opts.moment) : 0;
    if (!opts.moment && step.fält.length && step.fält.some((f) => needs(ctx, splitPath(f)))) {
      out('\n' + c.bold.blue(`── Genomgående i steg ${step.nummer}`) + '\n');
      for (const f of step.fält) await question(ctx, () => askAny(ctx, placeOf(ctx, splitPath(f))), false);
    }
    for (let i = Math.max(0, start); i < step.moment.length; i++) await askMoment(ctx, step, step.moment[i]!, i);
  }
  await question(ctx, () => askChecklist(ctx, step), false);
}

/**
 * A step that works on the last item of a list ("uppföljningar[senaste]", step 6): whether to
 * continue the last round or start a new one (the next id, and its period asked first). With
 * no round yet the first answer creates it (U1).
 */
async function chooseRound(ctx: Ctx, step: Step): Promise<void> {
  const all = [...step.fält, ...step.moment.flatMap((m) => [...(m.fält ?? []), ...(m.delar ?? []).flatMap((d) => d.fält ?? []), ...(m.svar_i ? [m.svar_i] : [])])].map(splitPath);
  const p = all.find((x) => x.some((seg) => seg === '[senaste]'));
  if (!p) return;
  const list = p.slice(0, p.indexOf('[senaste]'));
  const cur = getPath(ctx.session.data, list);
  if (!Array.isArray(cur) || !cur.length) return;
  const last = cur[cur.length - 1] ?? {};
  const prefix = listPrefix(list);
  const next = prefix ? nextId(ctx.session.data, prefix) : undefined;
  const period = last.period ? ` (${[last.period.från, last.period.till].filter(Boolean).join(' – ')})` : '';
  const pick = await ctx.ask.select({
    message: 'Vilken uppföljningsomgång?',
    choices: [
      { name: `Fortsätt ${last.id ?? 'den senaste'}${period}`, value: 'fortsätt' },
      { name: `Börja en ny omgång${next ? ` (${next})` : ''}`, value: 'ny' },
    ],
    default: 'fortsätt',
  });
  if (pick !== 'ny') return;
  const r = commit(ctx, at([...list, cur.length]), next ? { id: next } : {});
  if (r !== true) { ctx.out(ctx.c.red(`  ✗ ${r}`) + '\n'); return; }
  ctx.out(ctx.c.green(`  ✓ ${next ?? 'Ny omgång'} sparad`) + '\n');
  // The period is asked first, unless the step's own questions start with it.
  if (all.some((x) => x[x.indexOf('[senaste]') + 1] === 'period')) return;
  const wasBara = ctx.baraTomma;
  ctx.baraTomma = false;
  try {
    await askAny(ctx, child(ctx, at([...list, cur.length]), 'period'));
  } finally {
    ctx.baraTomma = wasBara;
  }
}

/** The command that comes after a step. */
export function nextCommand(step: number, fileArg: string): string {
  const f = fileArg ? ` ${fileArg}` : '';
  const d = dokumentAfterStep(step);
  if (d) return `fsstöd render ${d.id}${f}`;
  return `fsstöd step ${step + 1}${f}`;
}

/** What is still missing in the step, and what to run next. */
export function summary(data: unknown, step: Step, fileArg: string, width = 80): string {
  const p = stepProgress(data, step);
  const lines: string[] = ['', `Steg ${step.nummer} ${step.titel}: ${p.momentBesvarade} av ${p.momentTotalt} frågor och ${p.checklista.besvarade} av ${p.checklista.totalt} checklistfrågor besvarade.`];
  const missing = p.moment.filter((m) => m.besvarade < m.totalt);
  const clMissing = p.checklista.totalt - p.checklista.besvarade;
  if (!stepComplete(p)) {
    lines.push('Kvar att besvara:');
    for (const m of missing) {
      const open = m.units.filter((u) => !u.answered).map((u) => short(u.label, 40));
      const head = m.nummer ? `${m.nummer} ${m.titel}` : m.titel;
      const list = open.length > 4 ? `${open.slice(0, 3).join('; ')} och ${open.length - 3} till` : open.join('; ');
      lines.push(wrap(`${head}: ${list}`, width, '  ').replace(/^\s+/, '  '));
    }
    if (clMissing) lines.push(`  Checklistan: ${clMissing} fråg${clMissing === 1 ? 'a' : 'or'}`);
    lines.push(`Fortsätt med det som saknas: fsstöd step ${step.nummer}${fileArg ? ` ${fileArg}` : ''} --bara-tomma`);
  } else {
    lines.push('Allt i steget är besvarat.');
  }
  lines.push(`Nästa: ${nextCommand(step.nummer, fileArg)}`);
  return lines.join('\n') + '\n';
}
