// What the interview needs from a prompt library. ask.ts implements it with @inquirer/prompts;
// tests drive the interview with a scripted Asker, without a terminal.
import type { YamlPath } from '../project/load.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

/** A line between groups of choices. */
export interface Separator { separator: string }

export interface TextQuestion {
  message: string;
  /** The existing answer: Enter keeps it. */
  current?: string;
  /** Checks a typed answer: true, or a Swedish message and the question is asked again. */
  validate?: (raw: string) => true | string;
  /** Free text may be written in an editor (":e"); numbers and dates may not. */
  long?: boolean;
  /** A table is pasted: its tabs are kept (as cell marks) instead of becoming spaces. */
  table?: boolean;
  /** Where the answer is saved (for scripted askers in tests; the prompts do not show it). */
  path?: YamlPath;
}

/** undefined: keep the answer (or skip an empty one); null: remove it; a string: the new answer. */
export type TextAnswer = string | null | undefined;

export interface Asker {
  text(q: TextQuestion): Promise<TextAnswer>;
  select<T>(q: { message: string; choices: (Choice<T> | Separator)[]; default?: T; pageSize?: number; path?: YamlPath }): Promise<T>;
  checkbox<T>(q: { message: string; choices: (Choice<T> & { checked?: boolean })[]; pageSize?: number; path?: YamlPath }): Promise<T[]>;
  confirm(message: string, def?: boolean, path?: YamlPath): Promise<boolean>;
}
