// A person who knows the answers: drives the interview towards a target project file (the
// complete example) and counts the keys they would press. Each prompt says where its answer is
// saved (its path), so the answer is read from the target there. The count is a model of a
// keyboard, the same for every version of the flow:
// - a typed short value (a number, a year, a date, a choice's words): one key per character,
//   then Enter; free text (a prompt that takes long text) is pasted from the user's own notes:
//   one paste (Ctrl-Shift-V) and Enter, whatever its length;
// - a choice: the arrow presses from the highlighted option to the wanted one, then Enter;
// - ticking boxes: arrow presses to each box, Space on it, then Enter;
// - Enter alone to keep or skip;
// - a list the user has as a table (Excel, Word) is pasted in one go where the interview offers
//   it: one paste and Enter (the table with the fields' titles as its header row), then the
//   confirm.
import { isDeepStrictEqual } from 'node:util';
import type { Asker, Choice, Separator, TextQuestion } from '../../src/interview/asker.js';
import type { YamlPath } from '../../src/project/load.js';
import { getPath } from '../../src/project/progress.js';
import { formatValue } from '../../src/interview/values.js';
import { tableColumns } from '../../src/interview/table.js';

export interface OracleStats {
  keys: number;
  prompts: number;
  /** Characters typed (short values) and texts pasted. */
  typed: number;
  pasted: number;
  /** Where the keys went, by kind of prompt. */
  byKind: Record<string, number>;
}

const GENDER: Record<string, string> = { flickor: 'f', pojkar: 'p', kvinnor: 'k', män: 'm' };

const isChoice = <T>(c: Choice<T> | Separator): c is Choice<T> => !('separator' in c);

export class OracleAsker implements Asker {
  readonly stats: OracleStats = { keys: 0, prompts: 0, typed: 0, pasted: 0, byKind: {} };
  /** Prompts the oracle could not answer from the target (kept at their default). */
  readonly unknown: string[] = [];
  readonly log: string[] = [];

  /**
   * `target`: the data to reach; `current`: the data as the interview holds it now (to see
   * how many items a list has); `answerText` may turn a target value into what is typed.
   */
  constructor(private target: unknown, private current: () => unknown, private hooks: {
    /** An answer for a prompt the generic rules do not know (the flow's own menus). */
    select?: (q: { message: string; choices: Choice<unknown>[]; default?: unknown; path?: YamlPath }, o: OracleAsker) => unknown;
    text?: (q: TextQuestion, o: OracleAsker) => string | undefined | null;
  } = {}) {}

  private add(kind: string, n: number): void {
    this.stats.keys += n;
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + n;
  }

  want(path: YamlPath | undefined): unknown {
    return path ? getPath(this.target, path) : undefined;
  }

  have(path: YamlPath | undefined): unknown {
    return path ? getPath(this.current(), path) : undefined;
  }

  /** Keys for typing `s` into a text prompt. */
  typeCost(s: string, long: boolean | undefined): number {
    if (long && /[^\d\s.,–-]/.test(s)) { this.stats.pasted++; return 1; }
    this.stats.typed += [...s].length;
    return [...s].length;
  }

  async text(q: TextQuestion) {
    this.stats.prompts++;
    let answer: string | undefined | null;
    if (q.table) answer = this.table(q.path!);
    else if (this.hooks.text) answer = this.hooks.text(q, this);
    if (answer === undefined) {
      const want = this.want(q.path);
      const g = want && typeof want === 'object' && !Array.isArray(want) && Object.keys(want).every((k) => GENDER[k]) ? want as Record<string, unknown> : undefined;
      // A gender split typed in one line, in its short form ("f 51 p 77").
      const shown = g ? Object.entries(g).map(([k, v]) => `${GENDER[k]} ${formatValue(v)}`).join(' ') : Array.isArray(want) ? want.join(', ') : formatValue(want);
      answer = shown === q.current ? undefined : shown;
    }
    if (answer === undefined) { this.add('text-enter', 1); this.log.push(`T ${q.message} ⏎ (1) @${q.path?.join('.')}`); return undefined; }
    if (answer === null) { this.add('text', 2); this.log.push(`T ${q.message} - (2) @${q.path?.join('.')}`); return null; }
    const v = q.validate ? q.validate(answer) : true;
    if (v !== true) throw new Error(`oraklets svar "${answer}" på "${q.message}" (${q.path?.join('.')}) avvisades: ${v}`);
    const cost = this.typeCost(answer, q.long || q.table) + 1;
    this.add('text', cost);
    this.log.push(`T ${q.message} = ${answer.slice(0, 40)} (${cost}) @${q.path?.join('.')}`);
    return answer;
  }

  /**
   * The target list's items that the file does not have yet, as a table copied from Excel:
   * a header row of the fields' titles, tabs between cells, an inner list's further entries
   * on rows of their own below the item (their other cells empty, as merged cells copy).
   */
  table(path: YamlPath): string {
    const want = (this.want(path) as any[]).slice(((this.have(path) as any[] | undefined) ?? []).length);
    const cell = (v: unknown): string => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nej')
      : Array.isArray(v) ? v.join(', ')
      : v && typeof v === 'object' && Object.keys(v).every((k) => GENDER[k]) ? Object.entries(v).map(([k, x]) => `${GENDER[k]} ${formatValue(x)}`).join(' ')
      : formatValue(v) ?? '');
    const cols = tableColumns(path).filter((c) => want.some((it) => (c.inner ? it[c.key]?.some((e: any) => e[c.sub!] !== undefined) : (c.sub ? it[c.key]?.[c.sub] : it[c.key]) !== undefined)));
    const rows = [cols.map((c) => c.title)];
    for (const it of want) {
      const extra = Math.max(0, ...cols.filter((c) => c.inner).map((c) => (it[c.key]?.length ?? 1) - 1));
      for (let r = 0; r <= extra; r++) {
        rows.push(cols.map((c) => (c.inner ? cell(it[c.key]?.[r]?.[c.sub!]) : r > 0 ? '' : cell(c.sub ? it[c.key]?.[c.sub] : it[c.key]))));
      }
    }
    return rows.map((r) => r.join('\t')).join('\n');
  }

  /** The keys to move from the default to `value` and press Enter. */
  private pick<T>(message: string, all: (Choice<T> | Separator)[], def: T | undefined, value: T): T {
    const choices = all.filter(isChoice);
    const to = choices.findIndex((c) => isDeepStrictEqual(c.value, value));
    if (to < 0) throw new Error(`oraklet hittar inget val ${JSON.stringify(value)} i "${message}": ${choices.map((c) => c.name).join(' | ')}`);
    const from = Math.max(0, choices.findIndex((c) => isDeepStrictEqual(c.value, def)));
    this.add('select', Math.abs(to - from) + 1);
    this.log.push(`S ${message} → ${choices[to]!.name.slice(0, 40)} (${Math.abs(to - from) + 1}) @${this.lastPath}`);
    return choices[to]!.value;
  }

  private lastPath = '';

  async select<T>(q: { message: string; choices: (Choice<T> | Separator)[]; default?: T; path?: YamlPath }) {
    this.stats.prompts++;
    this.lastPath = q.path?.join('.') ?? '';
    const choices = q.choices.filter(isChoice);
    const hooked = this.hooks.select?.({ ...q, choices } as any, this);
    if (hooked !== undefined) return this.pick(q.message, q.choices, q.default, hooked as T);
    const want = this.want(q.path);
    // A list's menu: add until the list has as many items as the target, then done.
    const add = choices.find((c) => /^\+ Lägg till/.test(c.name));
    if (add) {
      const n = (x: unknown) => (Array.isArray(x) ? x.length : 0);
      // Two items or more are pasted as a table, where the list takes one.
      const paste = choices.find((c) => /^Klistra in en tabell/.test(c.name));
      if (paste && n(want) - n(this.have(q.path)) >= 2) return this.pick(q.message, q.choices, q.default, paste.value);
      const done = choices.find((c) => /^(Klar|Hoppa över)/.test(c.name))!;
      return this.pick(q.message, q.choices, q.default, (n(this.have(q.path)) < n(want) ? add : done).value);
    }
    if (want !== undefined && choices.some((c) => isDeepStrictEqual(c.value, want))) return this.pick(q.message, q.choices, q.default, want as T);
    // Nothing to answer: skip it ("Hoppa över"), wherever the cursor starts.
    const skip = choices.find((c) => /^Hoppa över/.test(c.name));
    if (want === undefined && skip && this.have(q.path) === undefined) return this.pick(q.message, q.choices, q.default, skip.value);
    if (want === undefined || isDeepStrictEqual(want, this.have(q.path))) return this.pick(q.message, q.choices, q.default, q.default as T);
    this.unknown.push(`${q.message} (${q.path?.join('.')})`);
    return this.pick(q.message, q.choices, q.default, q.default as T);
  }

  async checkbox<T>(q: { message: string; choices: (Choice<T> & { checked?: boolean })[]; path?: YamlPath }) {
    this.stats.prompts++;
    const want = this.want(q.path);
    // Ticks of an item's fields (the values are its keys): the ones the target item has.
    const set = Array.isArray(want) ? want : want && typeof want === 'object' ? Object.keys(want).filter((k) => (want as any)[k] !== undefined) : [];
    let cursor = 0;
    let n = 0;
    q.choices.forEach((c, i) => {
      if (set.includes(c.value) !== Boolean(c.checked)) { n += i - cursor + 1; cursor = i; }
    });
    this.add('checkbox', n + 1);
    this.log.push(`C ${q.message} (${n + 1}) @${q.path?.join('.')}`);
    return q.choices.filter((c) => set.includes(c.value)).map((c) => c.value);
  }

  async confirm(message: string, def = false, path?: YamlPath) {
    this.stats.prompts++;
    // The preview of a pasted table: yes (Enter when it is the default).
    if (/^Lägga till \d+ st/.test(message)) {
      this.add('confirm', def ? 1 : 2);
      this.log.push(`B ${message} (${def ? 1 : 2}) @${path?.join('.')}`);
      return true;
    }
    // A date the interview points out (a deadline already past, outside the plan period): the
    // example's dates are as the plan has them, so the person keeps them (Enter when it is the default).
    if (/^Spara ändå\?/.test(message)) {
      this.add('confirm', def ? 1 : 2);
      this.log.push(`B ${message} (${def ? 1 : 2}) @${path?.join('.')}`);
      return true;
    }
    this.unknown.push(`bekräfta: ${message} (${path?.join('.')})`);
    this.add('confirm', 1);
    return def;
  }
}
