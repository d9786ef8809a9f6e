// `fsstöd step N --svar fil`: a step's answers from a YAML or JSON file shaped like the
// project file, without a terminal. Maps are merged key by key into the project file, other
// values (text, numbers, lists) replace what is there, null removes a value. Everything is
// checked with the same schema as `validate` before anything is written; problems point at
// line and column in the answers file. See docs/svar.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { Step } from '../content/types.js';
import { InputError } from '../errors.js';
import { decodeUserText, describeYamlError, displayPath, documentData, hintFor, MAX_BYTES, nodeAt, positionOf, readStdin, STDIN_DISPLAY, yamlLib, type YamlPath } from '../project/load.js';
import { getPath, splitPath } from '../project/progress.js';
import type { Problem } from '../project/validate.js';
import { kindOfList, nextId, PREFIX } from './fields.js';
import type { Edit, Session } from './session.js';

/** The dotted paths a step's answers may set: its fields, question maps and checklist. */
export function stepPaths(step: Step): YamlPath[] {
  const out: string[] = [...step.fält];
  for (const m of step.moment) {
    out.push(...(m.fält ?? []));
    for (const d of m.delar ?? []) out.push(...(d.fält ?? []));
    if (m.svar_i) out.push(m.svar_i);
  }
  out.push(`checklistor.steg${step.nummer}`);
  return [...new Set(out)].map(splitPath);
}

const isMapValue = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const startsWith = (path: YamlPath, base: YamlPath) => base.length <= path.length && base.every((s, i) => s === path[i]);

export interface SvarProblem {
  message: string;
  file: string;
  line?: number;
  col?: number;
}

export interface SvarResult {
  edits: Edit[];
  /** The answers file as shown to the user. */
  display: string;
}

function parseSvar(file: string): { display: string; doc: Document.Parsed; lc: LineCounter; data: Record<string, unknown> } {
  const display = file === '-' ? STDIN_DISPLAY : displayPath(resolve(file));
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readStdin() : readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'svarsfilen finns inte' : code === 'EISDIR' ? 'det här är en mapp, inte en svarsfil' : `svarsfilen kunde inte läsas (${code ?? 'okänt fel'})`, { file: display }, 'Se docs/svar.md för hur en svarsfil ser ut.');
  }
  if (bytes.length > MAX_BYTES) throw new InputError(`svarsfilen är för stor (över ${MAX_BYTES / 1048576} MB)`, { file: display });
  // The same decoding as the project file: what it refuses, an answers file cannot bring in.
  const { text } = decodeUserText(bytes, display);
  const { parseDocument, LineCounter } = yamlLib();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const pos = lc.linePos(err.pos[0]);
    throw new InputError(`ogiltig YAML i svarsfilen: ${describeYamlError(err.code, err.message)}`, { file: display, line: pos.line, col: pos.col }, hintFor(err.code, err.message));
  }
  const data = documentData(doc, lc, display);
  if (!isMapValue(data)) {
    throw new InputError('svarsfilen ska vara en mappning med samma nycklar som projektfilen (t.ex. "förankring:")', { file: display, line: 1, col: 1 }, 'Se docs/svar.md för ett exempel.');
  }
  return { display, doc, lc, data };
}

/** Ids for new list items that have none: the next free ones with the list's prefix. */
function withIds(path: YamlPath, value: unknown[], data: unknown): unknown[] {
  const kind = kindOfList(path);
  if (!kind) return value;
  const prefix = PREFIX[kind];
  const re = new RegExp(`^${prefix}(\\d+)$`);
  // Higher than any id in the file (even in the list being replaced) and in the answers.
  let n = Number(nextId(data, prefix).slice(prefix.length)) - 1;
  for (const it of value) {
    const m = isMapValue(it) && typeof it.id === 'string' ? re.exec(it.id) : null;
    if (m) n = Math.max(n, Number(m[1]));
  }
  return value.map((it) => (!isMapValue(it) || it.id !== undefined ? it : { id: `${prefix}${++n}`, ...it }));
}

/** The edits an answers file makes to `data`, or the problems that stop it. */
export function svarEdits(step: Step, data: unknown, svarData: Record<string, unknown>, where: (path: YamlPath, key?: boolean) => { line: number; col: number }, display: string): { edits: Edit[]; problems: SvarProblem[] } {
  const allowed = stepPaths(step);
  const edits: Edit[] = [];
  const problems: SvarProblem[] = [];
  const merge = (path: YamlPath, v: unknown): void => {
    if (v === null || v === undefined) { edits.push({ path, value: undefined }); return; }
    const cur = getPath(data, path);
    if (isMapValue(v) && isMapValue(cur)) {
      for (const [k, x] of Object.entries(v)) merge([...path, k], x);
      return;
    }
    edits.push({ path, value: Array.isArray(v) ? withIds(path, v, data) : v });
  };
  const walk = (path: YamlPath, obj: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(obj)) {
      const p = [...path, k];
      if (allowed.some((a) => startsWith(p, a))) merge(p, v);
      else if (allowed.some((a) => startsWith(a, p)) && isMapValue(v)) walk(p, v);
      else {
        const inStep = [...new Set(allowed.map((a) => a.slice(0, path.length + 1).join('.')).filter((a) => startsWith(splitPath(a), path)))];
        problems.push({
          message: `${p.join('.')} hör inte till steg ${step.nummer}. Här får svarsfilen innehålla: ${inStep.join(', ')}`,
          file: display, ...where(p, true),
        });
      }
    }
  };
  walk([], svarData);
  return { edits, problems };
}

/** Reads an answers file, checks it, and saves it into the project in one atomic write. */
export function applySvar(session: Session, step: Step, file: string): { edits: number } {
  const { display, doc, lc, data: svarData } = parseSvar(file);
  const svarPos = (path: YamlPath, key = false) => positionOf({ doc, lineCounter: lc }, path, { key });
  const { edits, problems } = svarEdits(step, session.data, svarData, svarPos, display);
  if (edits.length) {
    const { problems: found } = session.check(edits);
    for (const pr of found) problems.push(locate(pr, doc, svarPos, display, session.p.display));
  }
  problems.sort((a, b) => (a.file === b.file ? 0 : a.file === display ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (problems.length) throw new SvarError(problems, display);
  if (edits.length) session.apply(edits);
  return { edits: edits.length };
}

/** A problem found in the merged data, placed in the answers file when it comes from there. */
function locate(pr: Problem, doc: Document, svarPos: (p: YamlPath, key?: boolean) => { line: number; col: number }, display: string, projectDisplay: string): SvarProblem {
  const { found } = nodeAt(doc, pr.path);
  if (found > 0) {
    const key = /okänt fält/.test(pr.message) && found === pr.path.length;
    return { message: pr.message, file: display, ...svarPos(pr.path.slice(0, found), key) };
  }
  return { message: pr.message, file: projectDisplay, line: pr.line, col: pr.col };
}

/** The answers could not be saved; every problem has a place. Nothing was written. */
export class SvarError extends InputError {
  constructor(readonly problems: SvarProblem[], display: string) {
    super(`svarsfilen har ${problems.length} fel; inget sparades`, { file: display }, 'Rätta svarsfilen och kör kommandot igen (se docs/svar.md).');
  }
}
