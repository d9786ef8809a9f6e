// Plain-text helpers for what the interview prints: wrapping, shortening, item labels.

/** Wraps text to `width` columns, every line starting with `indent`. Keeps blank lines. */
export function wrap(text: string, width = 80, indent = ''): string {
  const out: string[] = [];
  for (const para of text.replace(/\r\n/g, '\n').split('\n')) {
    const words = para.split(/\s+/).filter(Boolean);
    if (!words.length) { out.push(''); continue; }
    let line = indent;
    for (const w of words) {
      if (line.length > indent.length && line.length + 1 + w.length > width) {
        out.push(line);
        line = indent + w;
      } else line += (line.length > indent.length ? ' ' : '') + w;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** One line, at most `max` characters. */
export function short(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1).trimEnd() + '…';
}

/** What to call an item of a list in a menu: its name, heading, text or role. */
export function itemLabel(item: unknown): string {
  if (!item || typeof item !== 'object') return String(item ?? '');
  const it = item as Record<string, unknown>;
  for (const k of ['namn', 'rubrik', 'text', 'målgrupp', 'roll', 'beskrivning']) {
    if (typeof it[k] === 'string' && (it[k] as string).trim()) return it[k] as string;
  }
  return '';
}

/** Terminal width for wrapped text (at most 100, at least 40). */
export function termWidth(): number {
  const c = process.stdout.columns || 80;
  return Math.max(40, Math.min(100, c));
}

/**
 * The mark for a line break in a one-line answer: the line editor has one line, so an answer's
 * line breaks (and a pasted text's) are shown as ¶ and become line breaks again on Enter.
 */
export const PARAGRAPH = '¶';

/** A one-line answer with ¶ marks as text with line breaks. */
export function fromLine(t: string): string {
  return t.includes(PARAGRAPH) ? t.split(/\s*¶\s*/).join('\n').trim() : t;
}

/** A pasted tab while a table is asked (table.ts's CELL): the boundary between two cells. */
const CELL = '⇥';
let tabsAsCells = false;

/** While a table is pasted, tabs are kept as cell marks instead of spaces. */
export function pasteTabs(on: boolean): void {
  tabsAsCells = on;
}

/**
 * Pasted text as one line for the line editor: every line break (CRLF from Word, CR, LF, a
 * vertical tab or a Unicode line separator) as ¶, tabs as spaces (as ⇥ while a table is asked), and other control characters
 * and escape sequences dropped, so that no key inside a paste submits, completes or cancels.
 */
export function pastedAsLine(t: string): string {
  return t
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b./g, '')
    .replace(/\r\n?|[\n\v\f\u2028\u2029]/g, '\n')
    .replace(/\t/g, tabsAsCells ? ` ${CELL} ` : ' ')
    .replace(/[\x00-\x09\x0b-\x1f\x7f]/g, '')
    .replace(/[ \u00a0]*\n[ \u00a0]*/g, ` ${PARAGRAPH} `);
}

/** What the built-in editor's line answers do ("." saves and closes, ":q" closes, "-" removes). */
export const LINE_EDITOR_HELP =
  'Inbyggd editor: en rad i taget, Enter går till nästa rad. Enter behåller en befintlig rad (visas inom parentes), ' +
  'ny text ersätter den och "-" tar bort den. Skriv . ensamt på en rad för att spara och stänga (raderna efter behålls), ' +
  ':q för att stänga utan att spara.';

/**
 * The built-in editor for ":e" where no editor is set or installed: the text a line at a
 * time. Each old line is offered in turn (Enter keeps it, new text replaces it, "-" removes
 * it); after them new lines are added; a ¶ (Alt+Enter, a paste) splits a line.
 */
export class LineEditor {
  private readonly old: string[];
  private readonly lines: string[] = [];
  private i = 0;

  constructor(text: string | undefined) {
    this.old = text ? text.replace(/\r\n?/g, '\n').split('\n') : [];
  }

  /** The line asked next: its number, and the old line that Enter keeps. */
  get next(): { nummer: number; old?: string } {
    return { nummer: this.lines.length + 1, old: this.old[this.i] };
  }

  /** One answered line: whether to ask more, save, or close without saving. */
  feed(answer: string): 'mer' | 'spara' | 'avbryt' {
    const t = answer.trim();
    if (t === ':q') return 'avbryt';
    if (t === '.') {
      this.lines.push(...this.old.slice(this.i));
      this.i = this.old.length;
      return 'spara';
    }
    const hasOld = this.i < this.old.length;
    if (t === '-') {
      if (hasOld) this.i++;
      return 'mer';
    }
    this.lines.push(...(answer.includes(PARAGRAPH) ? answer.split(/[ \t]*¶[ \t]*/) : [answer.replace(/\s+$/, '')]));
    if (hasOld) this.i++;
    return 'mer';
  }

  /** The text so far, without trailing empty lines. */
  get text(): string {
    return this.lines.join('\n').replace(/\s+$/, '');
  }
}
