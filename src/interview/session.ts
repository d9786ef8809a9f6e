// One interview's hold on the project file: every answer is checked against the schema and
// the id references on the would-be data, then written into the text (only the changed lines)
// and saved atomically at once. The file on disk is valid after every answer, or at least no
// less valid than when the interview started.
import { isDeepStrictEqual } from 'node:util';
import { parseUserYaml, yamlLib, type LoadedProject, type YamlPath } from '../project/load.js';
import { assertWritable, recoverAbandoned, saveProject } from '../project/save.js';
import { ConflictError } from '../errors.js';
import { schemaProblems, sortProblems, validateProject, type Problem } from '../project/validate.js';
import { referenceAt } from './paths.js';
import { fieldInWords, schemaAt } from '../project/schema-words.js';
import { parseDate } from '../project/dates.js';
import { editDocument, editText, renderWhole, withValue, type EditResult, type TextState } from './yaml-edit.js';
import { getPath } from '../project/progress.js';
import { firstForbiddenChar, forbiddenCharMessage } from '../project/chars.js';
import { UsageError } from '../errors.js';

/** One change: `value` at `path`; undefined removes the value (and maps or lists left empty). */
export interface Edit {
  path: YamlPath;
  value: unknown;
}

/** The answer would make the file invalid; nothing was written. */
/**
 * A decided plan is never silently rewritten: while beslut.handlingsplan.status is
 * "beslutad", a change under handlingsplan is refused unless the same answer (or --svar file)
 * also takes the plan back to utkast or remiss, so the document no longer claims a decision
 * that does not cover the change.
 */
export function decidedPlanProblems(before: unknown, after: unknown, edits: Edit[]): Problem[] {
  const was = getPath(before, ['beslut', 'handlingsplan']) as { status?: string; organ?: string; datum?: string; diarienummer?: string } | undefined;
  if (was?.status !== 'beslutad') return [];
  if ((getPath(after, ['beslut', 'handlingsplan', 'status']) as string | undefined) !== 'beslutad') return [];
  const touched = edits.filter((e) => e.path[0] === 'handlingsplan' && !isDeepStrictEqual(getPath(before, e.path), e.value));
  const what = [was.organ, was.datum, was.diarienummer].filter(Boolean).join(', ');
  return touched.map((e) => ({
    rule: 'beslutad-plan', severity: 'error' as const, path: e.path, line: 0, col: 0,
    message: `handlingsplanen är beslutad${what ? ` (${what})` : ''} och ändras inte i smyg; sätt först beslutets status till utkast eller remiss (fsstöd step 4 --moment 4.2, eller beslut.handlingsplan.status i samma svarsfil)`,
  }));
}

/**
 * The common gate of every writer (typed answers, the :e editor, --svar): a text or key with a
 * character that firstForbiddenChar refuses is never saved, since render would then write a
 * document that is not well-formed.
 */
export function forbiddenTextProblems(edits: Edit[], data: unknown): Problem[] {
  const out: Problem[] = [];
  const walk = (path: YamlPath, v: unknown, seen: Set<unknown>): void => {
    if (typeof v === 'string') {
      const i = firstForbiddenChar(v);
      if (i >= 0) out.push({ rule: 'tecken', severity: 'error', path, line: 0, col: 0, message: `${fieldInWords(path, data)}: ${forbiddenCharMessage(v, i)}` });
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) { v.forEach((x, i) => walk([...path, i], x, seen)); return; }
    for (const [k, x] of Object.entries(v)) {
      const i = firstForbiddenChar(k);
      if (i >= 0) out.push({ rule: 'tecken', severity: 'error', path: [...path, k], line: 0, col: 0, message: `${fieldInWords(path, data)}: nyckeln ${JSON.stringify(k)} ${forbiddenCharMessage(k, i, '').trimStart()}` });
      else walk([...path, k], x, seen);
    }
  };
  for (const e of edits) walk(e.path, e.value, new Set());
  return out;
}

/**
 * A date the schema's pattern lets through but the calendar does not have ("2026-02-30") is
 * refused by every writer, as dates.ts reads it.
 */
export function impossibleDateProblems(edits: Edit[], data: unknown): Problem[] {
  const out: Problem[] = [];
  const isDatum = (s: Record<string, any> | undefined) => !!s && (s.$def === 'datum' || (Array.isArray(s.anyOf) && s.anyOf.some((b: any) => b.$ref === '#/$defs/datum')));
  const walk = (path: YamlPath, v: unknown): void => {
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !parseDate(v) && isDatum(schemaAt(path))) {
        out.push({ rule: 'datum', severity: 'error', path, line: 0, col: 0, message: `${fieldInWords(path, data)}: "${v}" är inget giltigt datum; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, t.ex. 2026-03-31` });
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) v.forEach((x, i) => walk([...path, i], x));
    else for (const [k, x] of Object.entries(v)) walk([...path, k], x);
  };
  for (const e of edits) walk(e.path, e.value);
  return out;
}

const idOf = (v: unknown) => (v !== null && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : undefined);

/**
 * Whether an edit can be re-applied onto a version someone else saved: the value at its path
 * is what this writer read (or already what it sets), and list items on the way, addressed by
 * position, are still the same items (by id).
 */
function untouched(original: unknown, fresh: unknown, e: Edit): boolean {
  const now = getPath(fresh, e.path);
  if (isDeepStrictEqual(now, e.value)) return true;
  if (!isDeepStrictEqual(getPath(original, e.path), now)) return false;
  return e.path.every((seg, i) => typeof seg !== 'number' || idOf(getPath(original, e.path.slice(0, i + 1))) === idOf(getPath(fresh, e.path.slice(0, i + 1))));
}

export class RejectedError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'RejectedError';
  }
}

const isBelow = (path: YamlPath, base: YamlPath) => base.length <= path.length && base.every((s, i) => String(s) === String(path[i]));

function multiset(ps: Problem[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of ps) m.set(p.message, (m.get(p.message) ?? 0) + 1);
  return m;
}

/** Full-line comments in a piece of YAML text. */
const commentLines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('#'));

export interface SessionStats {
  saves: number;
  /** How many saves had to re-render the whole file (unusual layout). */
  whole: number;
}

export class Session {
  /** Problems the file had before this answer (by message), so that old ones do not block. */
  private baseline: Map<string, number>;
  /** The id-reference problems of the saved file (reused when an answer cannot change them). */
  private refProblems: Problem[];
  private version = 0;
  private cached?: { key: string; version: number; result: ReturnType<Session['check']> };
  readonly stats: SessionStats = { saves: 0, whole: 0 };

  constructor(readonly p: LoadedProject, initialProblems?: Problem[]) {
    if (p.stdin) {
      throw new UsageError('projektfilen kan inte läsas från standard in (-) när svaren ska sparas i den', { file: p.display }, 'Ange projektfilen med namn; svaren kan komma från standard in: fsstöd step <nr> projekt.yaml --svar -');
    }
    // A read-only file is refused before the first question, not after the answers.
    assertWritable(p.file, p.display);
    recoverAbandoned(p.file);
    this.asCurrentFormat(p);
    const all = initialProblems ?? validateProject(p);
    this.baseline = multiset(all);
    this.refProblems = all.filter((pr) => pr.rule !== 'schema');
  }

  /**
   * Called once, before the first save of a file read from an older formatversion (the save
   * writes the current one): the interview says so.
   */
  onFormatUpgrade?: () => void;
  private upgradeSaid = false;

  /**
   * A file of an older formatversion is held migrated in memory (load.ts), but its text is the
   * old one: saves splice lines into the text, so the text becomes the migrated Document's.
   * The hash stays the one of the bytes on disk, so a change by someone else is still noticed.
   */
  private asCurrentFormat(p: LoadedProject): void {
    if (!p.migratedFrom) return;
    p.text = renderWhole(p.doc, p.eol);
    this.reparse();
  }

  get data(): Record<string, any> {
    return this.p.data as Record<string, any>;
  }

  /** Problems the file had when the interview started (or after the last save). */
  get knownProblems(): number {
    let n = 0;
    for (const c of this.baseline.values()) n += c;
    return n;
  }

  /** The data after `edits`, without touching the file. */
  dataAfter(edits: Edit[]): Record<string, unknown> {
    let d: unknown = this.p.data;
    for (const e of edits) d = withValue(d, e.path, e.value);
    return d as Record<string, unknown>;
  }

  /**
   * What would be wrong after `edits`: every problem at or below an edited path, and every
   * problem elsewhere that the file did not already have (a removed id still referred to).
   * The id references are only checked again when an edit can change them.
   */
  check(edits: Edit[]): { problems: Problem[]; data: Record<string, unknown>; all: Problem[] } {
    const key = JSON.stringify(edits);
    if (this.cached && this.cached.key === key && this.cached.version === this.version) return this.cached.result;
    const data = this.dataAfter(edits);
    const view = Object.create(this.p, { data: { value: data, enumerable: true } }) as LoadedProject;
    const refsMayChange = edits.some((e) => {
      if (e.value === undefined || (e.value !== null && typeof e.value === 'object')) return true;
      if (e.path[e.path.length - 1] === 'id' || referenceAt(e.path)) return true;
      const old = getPath(this.p.data, e.path);
      return old !== null && typeof old === 'object';
    });
    const all = refsMayChange ? validateProject(view) : sortProblems([...schemaProblems(view), ...this.refProblems]);
    const seen = new Map(this.baseline);
    const problems = all.filter((pr) => {
      if (edits.some((e) => isBelow(pr.path, e.path))) return true;
      const n = seen.get(pr.message) ?? 0;
      if (n > 0) { seen.set(pr.message, n - 1); return false; }
      return true;
    });
    problems.push(...decidedPlanProblems(this.p.data, data, edits), ...forbiddenTextProblems(edits, this.p.data), ...impossibleDateProblems(edits, this.p.data));
    const result = { problems, data, all };
    this.cached = { key, version: this.version, result };
    return result;
  }

  /** The message for one field: without the field's own name in front (the prompt shows it). */
  messageFor(problems: Problem[], path: YamlPath): string {
    const own = fieldInWords(path, this.p.data) + ': ';
    return problems.map((pr) => (pr.message.startsWith(own) ? pr.message.slice(own.length) : pr.message)).join('\n');
  }

  set(path: YamlPath, value: unknown): void {
    this.apply([{ path, value }]);
  }

  /**
   * Checks, writes and saves the edits as one answer. Throws RejectedError if invalid. If
   * another writer saved the file meanwhile, the edits are re-applied onto its version when
   * they touch only values nobody else changed (and still pass the checks there); otherwise
   * ConflictError names the answers that were not saved.
   */
  apply(edits: Edit[]): void {
    const { problems, data, all } = this.check(edits);
    if (problems.length) throw new RejectedError(problems);
    let made = { ...this.textFor(edits, data), data, all };
    const original = this.p.data;
    const before = { text: this.p.text, data: original, paths: edits.map((e) => e.path) };
    let rebased = false;
    if (this.p.migratedFrom && !this.upgradeSaid) {
      this.upgradeSaid = true;
      this.onFormatUpgrade?.();
    }
    saveProject(this.p, {
      text: made.text, data,
      rebase: (fresh) => {
        rebased = true;
        made = this.rebase(fresh, edits, original);
        return made;
      },
    });
    // Undo goes back to texts this session saved; over someone else's version it would lose theirs.
    if (rebased) this.undoStack.length = 0;
    else this.undoStack.push(before);
    if (made.whole) this.reparse();
    else this.recount();
    this.stats.saves++;
    // What remains is what the file already had: it must not block later answers.
    this.baseline = multiset(made.all);
    this.refProblems = made.all.filter((pr) => pr.rule !== 'schema');
    this.version++;
  }

  /** The saved texts before each answer of this session, newest last (for undo). */
  private undoStack: { text: string; data: unknown; paths: YamlPath[] }[] = [];

  /** Whether there is an answer of this session to undo. */
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /**
   * Takes back the last saved answer: the file gets the exact text it had before it (comments
   * and all), through the same locked, atomic save. If someone else saved the file since, it is
   * not overwritten (ConflictError) and nothing is undone. Returns the paths the answer had set.
   */
  undo(): YamlPath[] | undefined {
    const last = this.undoStack[this.undoStack.length - 1];
    if (!last) return undefined;
    saveProject(this.p, { text: last.text, data: last.data as Record<string, unknown> });
    this.undoStack.pop();
    this.reparse();
    const all = validateProject(this.p);
    this.baseline = multiset(all);
    this.refProblems = all.filter((pr) => pr.rule !== 'schema');
    this.version++;
    this.stats.saves++;
    return last.paths;
  }

  /** The new text for checked edits: only the changed lines, or (unusual layout) the whole file. */
  private textFor(edits: Edit[], data: Record<string, unknown>): { text: string; whole: boolean } {
    const p = this.p;
    const before = p.text;
    const st: TextState = { text: p.text, doc: p.doc, eol: p.eol };
    let ok = true;
    let local: EditResult['container'];
    for (const e of edits) {
      const r = editText(st, e.path, e.value);
      if (r.mode === 'whole') { ok = false; break; }
      if (r.mode === 'splice' && e.value !== undefined) {
        const kept = commentLines(r.inserted);
        if (!commentLines(r.removed).every((c) => kept.includes(c))) { ok = false; break; }
      }
      local = edits.length === 1 ? r.container : undefined;
    }
    let text = st.text;
    // Verify: the changed collection's lines hold exactly the intended data (the rest of the
    // text is unchanged), or, for top-level sections and several edits, the whole file does.
    // (Aliases in the file can make the local check inconclusive; then the whole file decides.)
    if (ok) ok = (local !== undefined && this.verifyLocal(text, local, data)) || isDeepStrictEqual(this.load(text), data);
    if (!ok) {
      // Unusual layout: edit a fresh Document and write it whole (comments and order kept,
      // long lines no longer folded).
      const { parseDocument } = yamlLib();
      const fresh = parseDocument(before, { uniqueKeys: true });
      for (const e of edits) editDocument(fresh, e.path, e.value);
      text = renderWhole(fresh, p.eol);
      if (!isDeepStrictEqual(this.load(text), data)) throw new Error('intervjun kunde inte skriva svaret i filen utan att ändra annat; inget sparades');
      this.stats.whole++;
    }
    return { text, whole: !ok };
  }

  /**
   * Another writer saved the file after this session read it: takes over its version (`fresh`)
   * and re-applies the edits, if each edited value is still what this session read (three-way:
   * nobody else changed it) or already what the edit sets. Then checks again, on the new data.
   */
  private rebase(fresh: LoadedProject, edits: Edit[], original: unknown): { text: string; whole: boolean; data: Record<string, unknown>; all: Problem[] } {
    const lost = edits.filter((e) => !untouched(original, fresh.data, e));
    // From here on this session works on the new version (also if it refuses these edits), so
    // that a later answer is checked against, and saved onto, what is on disk.
    const p = this.p;
    for (const k of ['text', 'data', 'bom', 'eol', 'mode'] as const) (p as any)[k] = fresh[k];
    for (const k of ['hash', 'doc', 'lineCounter']) Object.defineProperty(p, k, Object.getOwnPropertyDescriptor(fresh, k)!);
    p.migratedFrom = fresh.migratedFrom;
    p.migration = fresh.migration;
    this.asCurrentFormat(p);
    const before = validateProject(p);
    this.baseline = multiset(before);
    this.refProblems = before.filter((pr) => pr.rule !== 'schema');
    this.version++;
    if (lost.length) {
      const names = [...new Set(lost.map((e) => fieldInWords(e.path, fresh.data)))];
      throw new ConflictError(`filen ändrades av någon annan medan svaren sparades, och samma fält hade ändrats där; de här svaren sparades inte: ${names.join('; ')}`, { file: p.display },
        'Kör kommandot igen: fsstöd läser då in den nya versionen, och du väljer vilket svar som ska gälla.');
    }
    const { problems, data, all } = this.check(edits);
    if (problems.length) {
      throw new ConflictError(`filen ändrades av någon annan medan svaren sparades, och svaren stämmer inte med den nya versionen (${problems.map((pr) => pr.message).join('; ')}); inget sparades`, { file: p.display },
        'Kör kommandot igen: fsstöd läser då in den nya versionen.');
    }
    return { ...this.textFor(edits, data), data, all };
  }

  private verifyLocal(text: string, c: NonNullable<EditResult['container']>, data: unknown): boolean {
    let got = this.load(text.slice(c.from, c.to));
    const want = getPath(data, c.path);
    // A map that is a list item starts on its "- " line.
    if (Array.isArray(got) && got.length === 1 && !Array.isArray(want)) got = got[0];
    return isDeepStrictEqual(got, want);
  }

  private load(text: string): unknown {
    try {
      // The loader's own parse: a saved text is checked the way every command will read it.
      return parseUserYaml(text, this.p.display).data;
    } catch {
      return undefined;
    }
  }

  /** A new Document and line index for the saved text (after a whole re-render). */
  private reparse(): void {
    const { parseDocument, LineCounter } = yamlLib();
    const lineCounter = new LineCounter();
    this.p.doc = parseDocument(this.p.text, { lineCounter, uniqueKeys: true }) as any;
    this.p.lineCounter = lineCounter;
  }

  /** The line index for the spliced text (the Document's ranges were kept in step). */
  private recount(): void {
    const { LineCounter } = yamlLib();
    const lc = new LineCounter();
    const t = this.p.text;
    lc.addNewLine(0);
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
    this.p.lineCounter = lc;
  }
}
