// The check engine: for each file, load it, run the rules in scope, turn what they return into
// findings with file, line and column, apply the config, and mask any personnummer.
import { FsstodError } from '../errors.js';
import { loadProject, type LoadedProject, type YamlPath } from '../project/load.js';
import { indexIds } from '../project/refs.js';
import { validateProject } from '../project/validate.js';
import type { Project } from '../project/types.js';
import type { CheckConfig } from './config.js';
import { locator } from './positions.js';
import { maskPnr } from './personnummer.js';
import type { MethodView } from './method.js';
import { begunSteps, placeOfPath, stepOfPath } from './scope.js';
import { fixCommand } from '../content/paths.js';
import { FIL_MESSAGE, FIL_RULE } from './rules/index.js';
import { SEVERITY_RANK, type Dokument, type FileResult, type Finding, type MessageData, type Rule, type RuleContext, type RuleFinding, type RuleState, type Scope, type Severity, type Summary } from './types.js';

export interface EngineOptions {
  rules: Rule[];
  method: MethodView;
  config: CheckConfig;
  dokument?: Dokument;
  /** Steps from --steg or --for; undefined = the steps each file has begun. */
  steg?: number[];
  grund: Scope['grund'];
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const maskPath = (path: YamlPath): YamlPath => path.map((s) => (typeof s === 'string' ? maskPnr(s) : s));
const maskData = (data: MessageData): MessageData => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? maskPnr(v) : v]));

/** The engine's own finding kind: a rule that threw (reported under the rule's id). */
export const INTERNAL_ERROR = 'internalError';
const ENGINE_MESSAGES: Record<string, string> = {
  [INTERNAL_ERROR]: 'regeln kunde inte köras (internt fel i fsstöd: {{fel}})',
};

/**
 * The one place a message is made: the template of a rule's messageId with its {{placeholders}}
 * filled from data. An unknown id or a placeholder without a value is a bug in the rule (thrown).
 */
export function formatMessage(rule: Pick<Rule, 'id' | 'messages'>, messageId: string, data: MessageData = {}): string {
  const template = rule.messages[messageId] ?? ENGINE_MESSAGES[messageId];
  if (template === undefined) throw new Error(`regeln ${rule.id} har inget meddelande ${messageId}`);
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, k: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, k)) throw new Error(`meddelandet ${rule.id}/${messageId} saknar värdet ${k}`);
    return String(data[k]);
  });
}

/**
 * Whether a rule applies to a scope. With --for, a rule that names the document runs whatever
 * its steps (en-person-samordnar belongs to step 2 but gates the handlingsplan); a rule for every
 * document runs when one of its steps is in scope. With --steg (alone or with --for), one of the
 * rule's steps must be the step.
 */
export function ruleInScope(rule: Rule, scope: Scope): boolean {
  const named = Boolean(scope.dokument && rule.dokument.includes(scope.dokument));
  if (scope.dokument && rule.dokument.length && !named) return false;
  if (!rule.steg.length) return true;
  if (named && scope.grund === 'dokument') return true;
  return rule.steg.some((s) => scope.steg.includes(s));
}

export function checkFile(file: string, o: EngineOptions): FileResult {
  let p: LoadedProject;
  try {
    p = loadProject(file);
  } catch (e) {
    if (!(e instanceof FsstodError)) throw e;
    return unreadable(e, file);
  }
  return checkLoaded(p, o);
}

/** A file that cannot be read as a project file: one finding, no rules run. */
function unreadable(e: FsstodError, file: string): FileResult {
  const data = { fel: maskPnr(e.message) };
  return {
    file: e.location?.file ?? file,
    läst: false,
    steg: [],
    findings: [{
      rule: FIL_RULE.id, messageId: FIL_MESSAGE, data, severity: 'error', message: formatMessage(FIL_RULE, FIL_MESSAGE, data), file: e.location?.file ?? file,
      ...(e.location?.line ? { line: e.location.line, col: e.location.col ?? 1 } : {}), path: [], ...(e.hint ? { hint: e.hint } : {}),
    }],
    regler: [],
  };
}

export function checkLoaded(p: LoadedProject, o: EngineOptions): FileResult {
  // The loader has already accepted the file by the `yaml` library's verdict (its own fast
  // reading only takes texts in the subset where both provably agree, src/project/subset.ts),
  // so a Document built later, if one is needed, parses. Any other user error raised while
  // checking (FsstodError) still makes this one file unreadable rather than stopping the run.
  try {
    return checkParsed(p, o);
  } catch (e) {
    if (e instanceof FsstodError) return unreadable(e, p.display);
    throw e;
  }
}

function checkParsed(p: LoadedProject, o: EngineOptions): FileResult {
  const data = p.data as unknown as Project;
  const scope: Scope = { dokument: o.dokument, steg: o.steg ?? begunSteps(data, o.method), grund: o.grund };
  let problems: ReturnType<typeof validateProject> | undefined;
  let index: RuleContext['index'] | undefined;
  const ctx: RuleContext = {
    project: p,
    data,
    method: o.method,
    scope,
    get index() { return (index ??= indexIds(data)); },
    problems: () => (problems ??= validateProject(p)),
    inScope: (s) => scope.steg.includes(s),
  };
  const locate = locator(p);
  const findings: Finding[] = [];
  const regler: RuleState[] = [];
  for (const rule of o.rules) {
    const conf = o.config.regler.get(rule.id);
    const nivå = conf?.nivå ?? rule.severity;
    const körd = nivå !== 'av' && ruleInScope(rule, scope);
    regler.push({ id: rule.id, nivå, körd, ...(conf ? { motivering: conf.motivering } : {}) });
    if (!körd) continue;
    let out: (RuleFinding & { message: string })[];
    try {
      // Formatting is part of the rule's run: an unknown messageId or a missing value is its bug.
      out = rule.check(ctx).map((f) => ({ ...f, message: formatMessage(rule, f.messageId, f.data) }));
    } catch (e) {
      if (e instanceof FsstodError) throw e;
      const data = { fel: maskPnr((e as Error)?.message ?? String(e)) };
      findings.push({
        rule: rule.id, messageId: INTERNAL_ERROR, data, severity: 'error', file: p.display, path: [], line: 1, col: 1,
        message: formatMessage(rule, INTERNAL_ERROR, data),
        hint: 'Det här är ett fel i fsstöd, inte i filen. Rapportera det gärna, med regelns namn och en fil utan personuppgifter som visar felet.',
      });
      regler[regler.length - 1]!.fel = true;
      continue;
    }
    for (const f of out) {
      // --steg N is about one step: findings in other steps' parts of the file are left out.
      if (scope.grund === 'steg') {
        const s = stepOfPath(f.path);
        if (s !== undefined && !scope.steg.includes(s)) continue;
      }
      const severity: Severity = conf ? (conf.nivå as Severity) : f.severity ?? rule.severity;
      const pos = f.line !== undefined ? { line: f.line, col: f.col ?? 1 } : locate(f.path, { key: f.key });
      // The command that fixes it, unless the message already names one.
      const place = f.message.includes('fsstöd step') ? undefined : f.plats ?? placeOfPath(data, f.path, o.method);
      findings.push({ rule: rule.id, messageId: f.messageId, ...(f.data ? { data: maskData(f.data) } : {}), severity, message: maskPnr(f.message), file: p.display, line: pos.line, col: pos.col, path: maskPath(f.path), ...(place ? { kommando: fixCommand(place, p.display) } : {}) });
    }
  }
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || cmp(a.rule, b.rule) || cmp(a.message, b.message));
  const proj = data.projekt as Project['projekt'] | undefined;
  return {
    file: p.display,
    läst: true,
    steg: scope.steg,
    ...(typeof proj?.namn === 'string' ? { projekt: maskPnr(proj.namn) } : {}),
    ...(Array.isArray(proj?.kommuner) ? { kommuner: proj.kommuner.filter((k) => k && typeof k === 'object').map((k) => ({ kod: String(k.kod ?? ''), namn: String(k.namn ?? '') })) } : {}),
    findings,
    regler,
  };
}

export function summarize(files: FileResult[], failSeverity: Severity): Summary {
  let fel = 0, varningar = 0, info = 0, filerMedFynd = 0, oläsbara = 0;
  let worst = 0;
  let internal = false;
  for (const f of files) {
    if (!f.läst) oläsbara++;
    if (f.findings.length) filerMedFynd++;
    if (f.regler.some((r) => r.fel)) internal = true;
    for (const x of f.findings) {
      if (x.severity === 'error') fel++;
      else if (x.severity === 'warning') varningar++;
      else info++;
      worst = Math.max(worst, SEVERITY_RANK[x.severity]);
    }
  }
  const exitkod = oläsbara || internal ? 2 : worst >= SEVERITY_RANK[failSeverity] ? 1 : 0;
  return { filer: files.length, filerMedFynd, oläsbara, fel, varningar, info, failSeverity, exitkod };
}
