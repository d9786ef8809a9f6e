// A scripted Asker: drives the interview engine in-process as a person would, without a
// terminal. Each entry answers the next prompt whose message matches; prompts that no entry
// matches get Enter (keep the answer, skip, or "Klar"). Typed answers go through the
// prompt's own validation, and refusals are recorded, as on screen.
import type { Asker, Choice, Separator, TextQuestion } from '../../src/interview/asker.js';

export type Answer =
  | string // text typed, or the name (start) of a choice
  | null // text: remove ("-")
  | { value: unknown } // a choice by value
  | { names: string[] } // checkbox: exactly these ticked (by name start)
  | boolean; // confirm

export interface Prompt { kind: 'text' | 'select' | 'checkbox' | 'confirm'; message: string; current?: string; choices?: string[] }

export class ScriptAsker implements Asker {
  /** Every prompt shown, in order. */
  readonly prompts: Prompt[] = [];
  /** Messages of refused typed answers. */
  readonly refusals: string[] = [];
  private i = 0;
  constructor(private script: [RegExp | string, Answer][], private limit = 2000) {}

  get left(): number { return this.script.length - this.i; }

  private take(message: string): Answer | undefined {
    if (this.prompts.length > this.limit) throw new Error(`för många frågor (slinga?): ${message}`);
    const entry = this.script[this.i];
    if (!entry) return undefined;
    const [m] = entry;
    const ok = typeof m === 'string' ? message.startsWith(m) : m.test(message);
    if (!ok) return undefined;
    this.i++;
    return entry[1];
  }

  async text(q: TextQuestion) {
    this.prompts.push({ kind: 'text', message: q.message, current: q.current });
    for (;;) {
      const a = this.take(q.message);
      if (a === undefined) return undefined;
      if (a === null) return null;
      if (typeof a !== 'string') throw new Error(`textsvar väntades för ${q.message}`);
      const v = q.validate ? q.validate(a) : true;
      if (v === true) return a;
      this.refusals.push(v);
    }
  }

  async select<T>(q: { message: string; choices: (Choice<T> | Separator)[]; default?: T }) {
    const choices = q.choices.filter((c): c is Choice<T> => !('separator' in c));
    this.prompts.push({ kind: 'select', message: q.message, choices: choices.map((c) => c.name) });
    const a = this.take(q.message);
    if (a === undefined) return q.default as T;
    const hit = typeof a === 'string' ? choices.find((c) => c.name.startsWith(a)) : a && typeof a === 'object' && 'value' in a ? choices.find((c) => c.value === a.value) : undefined;
    if (!hit) throw new Error(`inget val "${JSON.stringify(a)}" i ${q.message}: ${choices.map((c) => c.name).join(' | ')}`);
    return hit.value;
  }

  async checkbox<T>(q: { message: string; choices: (Choice<T> & { checked?: boolean })[] }) {
    this.prompts.push({ kind: 'checkbox', message: q.message, choices: q.choices.map((c) => c.name) });
    const a = this.take(q.message);
    if (a === undefined) return q.choices.filter((c) => c.checked).map((c) => c.value);
    if (!a || typeof a !== 'object' || !('names' in a)) throw new Error(`kryssval väntades för ${q.message}`);
    return q.choices.filter((c) => a.names.some((n) => c.name.startsWith(n))).map((c) => c.value);
  }

  async confirm(message: string, def = false) {
    this.prompts.push({ kind: 'confirm', message });
    const a = this.take(message);
    return a === undefined ? def : Boolean(a);
  }
}
