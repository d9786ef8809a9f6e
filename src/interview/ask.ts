// The only module that imports the prompt library, so that the rest of the interview is
// plain logic that tests can drive, and so that prompts load only in commands that ask.
// Everything the prompts show is Swedish, including the key help lines.
import { checkbox, input, search, select, Separator as InqSeparator } from '@inquirer/prompts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortedError, InputError, formatError } from '../errors.js';
import { decodeUserText } from '../project/load.js';
import { visible } from '../terminal-safe.js';
import type { Asker, Choice as AChoice, Separator, TextAnswer, TextQuestion } from './asker.js';
import { bracketedPaste, editorCommand, editorHelp, runEditor, terminalInput, typedLineBreaks } from './terminal.js';
import { LINE_EDITOR_HELP, LineEditor, PARAGRAPH, fromLine, pasteTabs, termWidth, wrap } from './text.js';

export { PARAGRAPH, fromLine };

/** Streams for the prompts (tests pass @inquirer/testing's); the terminal by default. */
export interface PromptContext { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal?: AbortSignal }

function isExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

/**
 * Runs one prompt. On the terminal (no test streams given) it reads through the paste filter,
 * with bracketed paste mode on while it asks, so that a pasted text is one answer.
 */
async function guard<T>(run: (context?: PromptContext) => Promise<T>, context?: PromptContext): Promise<T> {
  const own = !context?.input && terminalInput();
  if (own) bracketedPaste(true);
  try {
    return await run(own ? { ...context, input: own } : context);
  } catch (e) {
    if (isExit(e)) throw new AbortedError('Avbrutet.');
    throw e;
  } finally {
    if (own) bracketedPaste(false);
  }
}

const color = !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0' && Boolean(process.stdout.isTTY);
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);

const KEYS: Record<string, string> = {
  navigate: 'flytta', select: 'välj', submit: 'klar', all: 'alla', invert: 'invertera', space: 'blanksteg',
};
const keysHelpTip = (keys: [string, string][]) =>
  keys.map(([k, a]) => `${bold(k === 'space' ? 'blanksteg' : k)} ${dim(KEYS[a] ?? a)}`).join(dim(' • '));

/** Shortens a long answer for the one-line summary after a question. */
export function short(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1).trimEnd() + '…';
}

export interface Choice<T> { name: string; value: T; description?: string }

// @inquirer writes the prompts straight to the terminal, past the IO's sanitiser, and a saved
// value or name may hold a bidi control (the loader allows them in values): every text a prompt
// shows goes through visible() here; the values that are returned and saved stay unchanged.
function shownChoice<C extends { name: string; description?: string }>(c: C): C {
  return { ...c, name: visible(c.name), ...(c.description !== undefined ? { description: visible(c.description) } : {}) };
}

export function askSearch<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  // @inquirer/search has no setting for its "No results found"; its error style is the one place it passes through.
  const error = (text: string) => `\x1b[31m> ${text === 'No results found' ? 'Inga träffar – skriv en annan del av namnet' : visible(text)}\x1b[39m`;
  return guard((ctx) => search<T>({ message: visible(message), source: async (term) => source(term ?? '').map(shownChoice), theme: { style: { keysHelpTip, error } } }, ctx as any));
}

/** A yes/no question as a choice between Ja and Nej (the y/n prompt only knows English). */
export function askConfirm(message: string, def = false, context?: PromptContext): Promise<boolean> {
  return guard((ctx) => select<boolean>({
    message: visible(message),
    choices: [{ name: 'Ja', value: true }, { name: 'Nej', value: false }],
    default: def,
    theme: { style: { keysHelpTip } },
  }, ctx as any), context);
}

/** A one-line answer (a name, a period): pasted line breaks become spaces. */
export async function askInput(message: string, def?: string, validate?: (v: string) => true | string): Promise<string> {
  const oneLine = (v: string) => v.split(/\s*¶\s*/).join(' ').trim();
  const v = await guard((ctx) => input({
    message: visible(message),
    default: def,
    validate: validate && ((v) => validate(oneLine(v))),
    transformer: (v) => visible(v),
    theme: { style: { defaultAnswer: (t: string) => dim(`(${visible(t)})`) } },
  }, ctx as any));
  return oneLine(v);
}

/**
 * A free-text question. Enter keeps the existing answer (shown shortened), Tab puts it on the
 * line for editing, "-" (or an emptied line) removes it after a yes, ":e" opens the user's
 * editor for longer text. A pasted text with several lines is one answer (see terminal.ts).
 */
export async function askText(q: TextQuestion, context?: PromptContext): Promise<TextAnswer> {
  const cur = q.current;
  // The line editor has one line: an answer's line breaks are shown as ¶, and a ¶ in the answer
  // becomes a line break again, so that editing one sentence with Tab keeps the paragraphs.
  const shown = cur === undefined || cur === '' ? undefined : cur.trim().split(/[ \t]*\n[ \t]*/).join(` ${PARAGRAPH} `);
  const special = (v: string) => v === shown || v.trim() === '' || v.trim() === '-' || (q.long && v.trim() === ':e');
  // Alt+Enter types a line break (¶) in a text answer (terminal.ts).
  typedLineBreaks(true);
  if (q.table) pasteTabs(true);
  const raw = await guard((ctx) => input({
    message: visible(q.message),
    default: shown,
    validate: (v) => (special(v) ? true : q.validate ? q.validate(fromLine(v.trim())) : true),
    transformer: (v, { isFinal }) => (!isFinal ? visible(v) : v === shown ? dim('(oförändrat)') : v.trim() === '' || v.trim() === '-' ? dim(shown ? '(ta bort?)' : '(hoppar över)') : v.trim() === ':e' ? dim('(öppnar editorn)') : visible(short(v))),
    theme: { style: { defaultAnswer: (t: string) => dim(`(Enter behåller: ${visible(short(t, 50))})`) } },
  }, ctx as any), context).finally(() => { typedLineBreaks(false); if (q.table) pasteTabs(false); });
  if (shown !== undefined && raw === shown) return undefined;
  const t = raw.trim();
  if (t === '' || t === '-') {
    if (shown === undefined) return undefined;
    // An emptied line is easily an accident (Tab, then erasing to retype): removing asks first,
    // and Enter keeps the answer.
    return (await askConfirm(`Ta bort svaret (${short(cur!, 40)})?`, false, context)) ? null : undefined;
  }
  if (q.long && t === ':e') return editLong(q, context);
  return fromLine(t);
}

/**
 * The :e editor. The answer is written to a temp file (0600, in its own directory), the
 * user's editor runs on it with the terminal, and the bytes it saved are read by the one
 * strict decoder (decodeUserText), never guessed and converted. A text that cannot be decoded
 * or does not pass the checks is shown with its message, and the user edits the same file
 * again or keeps the old answer; then the file is left where it is, named, so that the edit is
 * not lost.
 */
async function editLong(q: TextQuestion, context?: PromptContext): Promise<TextAnswer> {
  const cur = q.current;
  const out = context?.output ?? process.stdout;
  const say = (s: string) => void out.write(s + '\n');
  const editor = editorCommand();
  if (!editor) return editBuiltIn(q, context);
  const dir = mkdtempSync(join(tmpdir(), 'fsstod-'));
  const file = join(dir, 'svar.txt');
  writeFileSync(file, cur ?? '', { mode: 0o600, flag: 'wx' });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const keep = () => say(`Texten från editorn finns kvar i ${file}`);
  for (;;) {
    say(dim(`${visible(q.message)}: ${editorHelp(editor.bin)}`));
    const run = await runEditor(file, editor);
    if (run.error || run.status !== 0) {
      remove();
      say(run.error
        ? `fel: editorn "${visible(run.command)}" kunde inte startas (${run.error.code ?? run.error.message}); svaret är oförändrat\n  → Ange din editor i miljövariabeln VISUAL eller EDITOR, t.ex. EDITOR=nano.`
        : `Editorn avslutades med status ${run.status ?? 'okänd'}; svaret är oförändrat.`);
      return undefined;
    }
    let problem: string | undefined;
    let e = '';
    try {
      e = decodeUserText(readFileSync(file), file).text.replace(/\r\n/g, '\n').trim();
      const v = e === '' || !q.validate ? true : q.validate(e);
      if (v !== true) problem = `fel: ${v}`;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problem = formatError(err);
    }
    if (problem === undefined) {
      remove();
      return savedText(cur, e, say);
    }
    say(visible(problem));
    let again: boolean;
    try {
      again = await askSelect({ message: 'Texten från editorn kan inte sparas', choices: [{ name: 'Redigera igen', value: true }, { name: 'Behåll det gamla svaret', value: false }], default: true }, context);
    } catch (err) {
      keep();
      throw err;
    }
    if (!again) {
      keep();
      return undefined;
    }
  }
}

/** What the editor gave, as the answer; the text is shown once more, as it will be saved. */
function savedText(cur: string | undefined, e: string, say: (s: string) => void): TextAnswer {
  if (e === (cur ?? '').trim()) {
    say(dim('  Texten är oförändrad.'));
    return undefined;
  }
  if (e === '') {
    if (cur) say(dim('  Texten är tom: svaret tas bort.'));
    return cur ? null : undefined;
  }
  say(dim('  Texten som sparas:'));
  say(dim(wrap(visible(e), termWidth() - 4, '    ')));
  return e;
}

/**
 * The built-in editor, where neither $VISUAL, $EDITOR nor nano is there: the text a line at a
 * time (LineEditor), each line an input prompt; how to save and close is said first.
 */
async function editBuiltIn(q: TextQuestion, context?: PromptContext): Promise<TextAnswer> {
  const cur = q.current;
  const out = context?.output ?? process.stdout;
  const say = (s: string) => void out.write(s + '\n');
  // "Redigera igen" starts from the text just written, not from the old answer.
  let from = cur;
  for (;;) {
    say(dim(wrap(`${visible(q.message)}. ${LINE_EDITOR_HELP} Alt+Enter delar en rad.`, termWidth(), '  ')));
    const ed = new LineEditor(from);
    let end: 'mer' | 'spara' | 'avbryt' = 'mer';
    while (end === 'mer') {
      const { nummer, old } = ed.next;
      typedLineBreaks(true);
      const line = await guard((ctx) => input({
        message: `${String(nummer).padStart(2)} │`,
        default: old === undefined || old === '' ? undefined : old,
        transformer: (v) => visible(v),
        theme: { style: { defaultAnswer: (t: string) => dim(`(${visible(short(t, 70))})`) } },
      }, ctx as any), context).finally(() => typedLineBreaks(false));
      end = ed.feed(line);
    }
    if (end === 'avbryt') {
      say(dim('  Stängt utan att spara; svaret är oförändrat.'));
      return undefined;
    }
    const e = ed.text;
    const v = e === '' || !q.validate ? true : q.validate(e);
    if (v === true) return savedText(cur, e, say);
    say(visible(`fel: ${v}`));
    const again = await askSelect({ message: 'Texten kan inte sparas', choices: [{ name: 'Redigera igen', value: true }, { name: 'Behåll det gamla svaret', value: false }], default: true }, context);
    if (!again) return undefined;
    from = e;
  }
}

function toInquirer<T>(choices: (AChoice<T> | Separator)[]) {
  return choices.map((c) => ('separator' in c ? new InqSeparator(c.separator) : shownChoice(c)));
}

/** The number a choice's name starts with ("2 – Svag" → 2). */
function numberOf(c: AChoice<unknown> | Separator): number | undefined {
  const m = 'separator' in c ? null : /^(\d+)(?=\s|$)/.exec(c.name);
  return m ? Number(m[1]) : undefined;
}

/**
 * @inquirer's select moves to the n-th option on the digit n. So that a digit picks the option
 * with that number (the 1–5 scales), options numbered 1, 2, 3 … come first, in order, and the
 * others (skip, keep, remove) after them. Numbers that cannot be positions (a scale from 0)
 * keep the order and show the positions instead.
 */
function numbered<T>(choices: (AChoice<T> | Separator)[]): { choices: (AChoice<T> | Separator)[]; showIndex: boolean } {
  const nums = choices.filter((c) => numberOf(c) !== undefined).sort((a, b) => numberOf(a)! - numberOf(b)!);
  if (!nums.length) return { choices, showIndex: false };
  if (!nums.every((c, i) => numberOf(c) === i + 1)) return { choices, showIndex: true };
  const rest = choices.filter((c) => !nums.includes(c));
  // No separator at the edges of the rest, nor two in a row.
  const others = rest.filter((c, i) => !('separator' in c) || (i > 0 && i < rest.length - 1 && !('separator' in rest[i - 1]!)));
  const sep = others.length ? [{ separator: ' ' }] : [];
  return { choices: [...nums, ...sep, ...others], showIndex: false };
}

export function askSelect<T>(q: { message: string; choices: (AChoice<T> | Separator)[]; default?: T; pageSize?: number }, context?: PromptContext): Promise<T> {
  const { choices, showIndex } = numbered(q.choices);
  return guard((ctx) => select<T>({
    message: visible(q.message),
    choices: toInquirer(choices) as any,
    default: q.default,
    pageSize: q.pageSize ?? 12,
    loop: false,
    theme: { style: { keysHelpTip }, indexMode: showIndex ? 'number' : 'hidden' },
  }, ctx as any), context);
}

export function askCheckbox<T>(q: { message: string; choices: (AChoice<T> & { checked?: boolean })[]; pageSize?: number }, context?: PromptContext): Promise<T[]> {
  return guard((ctx) => checkbox<T>({
    message: visible(q.message),
    choices: q.choices.map(shownChoice),
    pageSize: q.pageSize ?? 12,
    loop: false,
    shortcuts: { all: 'a', invert: null },
    theme: { style: { keysHelpTip } },
  }, ctx as any), context);
}

/** The prompts as the interview uses them. */
export const asker: Asker = {
  text: (q) => askText(q),
  select: (q) => askSelect(q),
  checkbox: (q) => askCheckbox(q),
  confirm: (m, d) => askConfirm(m, d),
};
