// The only module that imports the prompt library, so that the rest of the interview is
// plain logic that tests can drive, and so that prompts load only in commands that ask.
// Everything the prompts show is Swedish, including the key help lines.
import { checkbox, editor, input, search, select, Separator as InqSeparator } from '@inquirer/prompts';
import { AbortedError } from '../errors.js';
import type { Asker, Choice as AChoice, Separator, TextAnswer, TextQuestion } from './asker.js';

/** Streams for the prompts (tests pass @inquirer/testing's); the terminal by default. */
export interface PromptContext { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal?: AbortSignal }

function isExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isExit(e)) throw new AbortedError('avbrutet');
    throw e;
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

export function askSearch<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  return guard(search<T>({ message, source: async (term) => source(term ?? ''), theme: { style: { keysHelpTip } } }));
}

/** A yes/no question as a choice between Ja and Nej (the y/n prompt only knows English). */
export function askConfirm(message: string, def = false, context?: PromptContext): Promise<boolean> {
  return guard(select<boolean>({
    message,
    choices: [{ name: 'Ja', value: true }, { name: 'Nej', value: false }],
    default: def,
    theme: { style: { keysHelpTip } },
  }, context as any));
}

export function askInput(message: string, def?: string, validate?: (v: string) => true | string): Promise<string> {
  return guard(input({ message, default: def, validate }));
}

/**
 * A free-text question. Enter keeps the existing answer (shown shortened), Tab puts it on the
 * line for editing, "-" (or erasing the shown answer with Backspace) removes it, ":e" opens
 * the user's editor for longer text.
 */
export async function askText(q: TextQuestion, context?: PromptContext): Promise<TextAnswer> {
  const cur = q.current;
  // The line editor has one line: an answer's line breaks are shown as ¶, and a ¶ in the answer
  // becomes a line break again, so that editing one sentence with Tab keeps the paragraphs.
  const shown = cur === undefined || cur === '' ? undefined : cur.trim().split(/[ \t]*\n[ \t]*/).join(` ${PARAGRAPH} `);
  const special = (v: string) => v === shown || v.trim() === '' || v.trim() === '-' || (q.long && v.trim() === ':e');
  const raw = await guard(input({
    message: q.message,
    default: shown,
    validate: (v) => (special(v) ? true : q.validate ? q.validate(fromLine(v.trim())) : true),
    transformer: (v, { isFinal }) => (!isFinal ? v : v === shown ? dim('(oförändrat)') : v.trim() === '' || v.trim() === '-' ? dim(shown ? '(borttaget)' : '(hoppar över)') : v.trim() === ':e' ? dim('(öppnar editorn)') : short(v)),
    theme: { style: { defaultAnswer: (t: string) => dim(`(Enter behåller: ${short(t, 50)})`) } },
  }, context as any));
  if (shown !== undefined && raw === shown) return undefined;
  const t = raw.trim();
  if (t === '' || t === '-') return shown !== undefined ? null : undefined;
  if (q.long && t === ':e') {
    const text = await guard(editor({
      message: `${q.message} (spara och stäng editorn när du är klar)`,
      default: cur ?? '',
      waitForUserInput: false,
      validate: (v) => (v.trim() === '' ? true : q.validate ? q.validate(v.trim()) : true),
    }));
    const e = text.replace(/\r\n/g, '\n').trim();
    if (e === (cur ?? '').trim()) return undefined;
    return e === '' ? (cur ? null : undefined) : e;
  }
  return fromLine(t);
}

/** The mark for a line break in a one-line answer. */
export const PARAGRAPH = '¶';

/** A one-line answer with ¶ marks as text with line breaks. */
export function fromLine(t: string): string {
  return t.includes(PARAGRAPH) ? t.split(/\s*¶\s*/).join('\n').trim() : t;
}

function toInquirer<T>(choices: (AChoice<T> | Separator)[]) {
  return choices.map((c) => ('separator' in c ? new InqSeparator(c.separator) : c));
}

export function askSelect<T>(q: { message: string; choices: (AChoice<T> | Separator)[]; default?: T; pageSize?: number }, context?: PromptContext): Promise<T> {
  return guard(select<T>({
    message: q.message,
    choices: toInquirer(q.choices) as any,
    default: q.default,
    pageSize: q.pageSize ?? 12,
    loop: false,
    theme: { style: { keysHelpTip } },
  }, context as any));
}

export function askCheckbox<T>(q: { message: string; choices: (AChoice<T> & { checked?: boolean })[]; pageSize?: number }, context?: PromptContext): Promise<T[]> {
  return guard(checkbox<T>({
    message: q.message,
    choices: q.choices,
    pageSize: q.pageSize ?? 12,
    loop: false,
    shortcuts: { all: 'a', invert: null },
    theme: { style: { keysHelpTip } },
  }, context as any));
}

/** The prompts as the interview uses them. */
export const asker: Asker = {
  text: (q) => askText(q),
  select: (q) => askSelect(q),
  checkbox: (q) => askCheckbox(q),
  confirm: (m, d) => askConfirm(m, d),
};
