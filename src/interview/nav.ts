// Moving around in the interview: back one question ("<"), undo the last saved answer
// (":ångra"), the keys ("?"). The prompts stay plain (ask.ts); this wraps the Asker so that these
// commands work in every text prompt and, as choices, in every choice (a select jumps to a
// choice by its first letters, so "<" and Enter work there too). They are never saved as
// answers: the wrapper turns them into signals that the flow (question()) acts on.
import type { Asker, Choice, Separator, TextQuestion } from './asker.js';
import { fieldInWords } from '../project/schema-words.js';
import { ConflictError } from '../errors.js';
import type { Session } from './session.js';
import type { YamlPath } from '../project/load.js';

export const BACK = '<';
export const UNDO = ':ångra';
export const HELP = '?';

const NAV_BACK = '\u0000nav-tillbaka';
const NAV_UNDO = '\u0000nav-ångra';
const NAV_HELP = '\u0000nav-hjälp';

/** The user asked to go back one question. */
export class BackSignal extends Error {
  constructor() { super('tillbaka'); this.name = 'BackSignal'; }
}

/** The user asked to undo the last saved answer. */
export class UndoSignal extends Error {
  constructor() { super('ångra'); this.name = 'UndoSignal'; }
}

/** The keys, as shown at the start of a step and by "?". */
export function keysHelp(): string {
  return [
    'Tangenter:',
    '  Enter      behåller ett svar, eller hoppar över en tom fråga',
    '  Tab        lägger svaret på raden så att du kan redigera det',
    '  -          tar bort svaret',
    '  Alt+Enter  ny rad i en text (visas som ¶)',
    '  :e         öppnar en texteditor för längre text',
    `  ${BACK}          tillbaka till föregående fråga`,
    `  ${UNDO}     ångrar det senast sparade svaret (filen blir som förut, kommentarer kvar)`,
    `  ${HELP}          visar de här tangenterna`,
    '  Pilar      väljer bland alternativ; skriv början av ett alternativ för att hoppa dit',
    '  Ctrl-C     avbryter: allt du har svarat är redan sparat',
  ].join('\n');
}

/**
 * The Asker with the navigation commands. `say` prints (the help). A command typed in a text
 * prompt passes the prompt's own check (it is no answer), then becomes a signal; "?" shows the
 * keys and asks again.
 */
export function navAsker(inner: Asker, say: (s: string) => void): Asker {
  const command = (raw: string) => raw.trim();
  return {
    async text(q: TextQuestion) {
      for (;;) {
        const validate = q.validate && ((raw: string) => ([BACK, UNDO, HELP].includes(command(raw)) ? true : q.validate!(raw)));
        const a = await inner.text({ ...q, validate });
        if (typeof a === 'string') {
          const c = command(a);
          if (c === HELP) { say(keysHelp()); continue; }
          if (c === BACK) throw new BackSignal();
          if (c === UNDO) throw new UndoSignal();
        }
        return a;
      }
    },
    async select<T>(q: { message: string; choices: (Choice<T> | Separator)[]; default?: T; pageSize?: number; path?: YamlPath }) {
      for (;;) {
        const choices: (Choice<T> | Separator)[] = [...q.choices, { separator: ' ' },
          { name: `${BACK} Föregående fråga`, value: NAV_BACK as T },
          { name: `${UNDO} – ta tillbaka senaste svaret`, value: NAV_UNDO as T },
          { name: `${HELP} Tangenterna`, value: NAV_HELP as T }];
        const a = await inner.select({ ...q, choices });
        if (a === NAV_HELP) { say(keysHelp()); continue; }
        if (a === NAV_BACK) throw new BackSignal();
        if (a === NAV_UNDO) throw new UndoSignal();
        return a;
      }
    },
    // In a tick list the commands are choices too: ticked (Space) and Enter, whatever else is ticked.
    async checkbox<T>(q: { message: string; choices: (Choice<T> & { checked?: boolean })[]; pageSize?: number; path?: YamlPath }) {
      let choices = q.choices;
      for (;;) {
        const all = [...choices,
          { name: `${BACK} Föregående fråga (kryssa i och tryck Enter)`, value: NAV_BACK as T },
          { name: `${UNDO} – ta tillbaka senaste svaret`, value: NAV_UNDO as T },
          { name: `${HELP} Tangenterna`, value: NAV_HELP as T }];
        const a = await inner.checkbox({ ...q, choices: all });
        if (a.includes(NAV_BACK as T)) throw new BackSignal();
        if (a.includes(NAV_UNDO as T)) throw new UndoSignal();
        if (a.includes(NAV_HELP as T)) {
          say(keysHelp());
          // Asked again with the ticks the user had made.
          choices = q.choices.map((c) => ({ ...c, checked: a.includes(c.value) }));
          continue;
        }
        return a;
      }
    },
    confirm: (m, d, p) => inner.confirm(m, d, p),
  };
}

/** What the flow needs to move back: the questions asked so far, as functions that ask again. */
export interface Nav {
  history: (() => Promise<void>)[];
}

interface NavCtx {
  nav?: Nav;
  session: Session;
  out: (s: string) => void;
  c: { dim: (s: string) => string; yellow: (s: string) => string; green: (s: string) => string };
}

/**
 * Undoes the last saved answer, and says what was taken back. A file changed by someone else is
 * not overwritten: that is said, and nothing is undone.
 */
export function undoLast(ctx: NavCtx): boolean {
  if (!ctx.session.canUndo) {
    ctx.out(ctx.c.yellow('  Det finns inget sparat svar att ångra i den här körningen.') + '\n');
    return false;
  }
  const before = ctx.session.data;
  try {
    const paths = ctx.session.undo() ?? [];
    const names = [...new Set(paths.map((p) => fieldInWords(p, before)))];
    ctx.out(ctx.c.green(`  ↶ Ångrat: ${names.join('; ')}`) + ctx.c.dim(' – filen är som före svaret') + '\n');
    return true;
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    ctx.out(ctx.c.yellow(`  Kunde inte ångra: ${e.message}`) + '\n');
    return false;
  }
}

/**
 * Asks one question (`ask`), so that the user can go back from it: "<" asks the previous
 * question again (and from there further back), then this one. ":ångra" undoes the last saved
 * answer and asks the previous question again. `remember` false: the question is a container
 * (a moment's field with its own questions inside), which is not itself a step back.
 */
export async function question(ctx: NavCtx, ask: () => Promise<void>, remember = true): Promise<void> {
  const nav = ctx.nav;
  if (!nav) return ask();
  for (;;) {
    try {
      await ask();
      if (remember) nav.history.push(ask);
      return;
    } catch (e) {
      if (!(e instanceof BackSignal) && !(e instanceof UndoSignal)) throw e;
      if (e instanceof UndoSignal && !undoLast(ctx)) continue;
      const prev = nav.history.pop();
      if (!prev) {
        ctx.out(ctx.c.dim('  Det här är den första frågan; det finns ingen föregående.') + '\n');
        continue;
      }
      await question(ctx, prev);
    }
  }
}
