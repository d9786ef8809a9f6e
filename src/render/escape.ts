// Escaping for the target: a value typed by a user reaches the Markdown templates escaped as
// Markdown, so that | # * _ [ ] <script> and the like print literally and never change the
// document's structure. CommonMark allows a backslash before any ASCII punctuation.
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

const ITEM = /^(?:([-*•])|(\d{1,3})[.)])\s+(\S.*)$/;

/**
 * Escapes running text; keeps the user's paragraphs (blank lines) but no indentation tricks.
 * A run of two or more lines that start "- " (or "* ", "• ") or "1. " is a list the user typed:
 * it stays a Markdown list (marker kept, item text escaped), set off by blank lines so that it
 * neither joins the paragraph before it nor swallows the line after it.
 */
export function escapeMarkdown(s: string): string {
  const lines = s.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim());
  const item = lines.map((l) => ITEM.exec(l));
  const kind = (m: RegExpExecArray | null) => (m ? (m[1] ? 'ul' : 'ol') : undefined);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const k = kind(item[i]!);
    // In a list only when a neighbour of the same kind is one too.
    const inList = k !== undefined && (kind(item[i - 1] ?? null) === k || kind(item[i + 1] ?? null) === k);
    if (!inList) { out.push(lines[i]!.replace(PUNCT, '\\$&')); continue; }
    const m = item[i]!;
    const first = kind(item[i - 1] ?? null) !== k;
    if (first) out.push('');
    out.push(`${m[1] ? '-' : `${m[2]}.`} ${m[3]!.replace(PUNCT, '\\$&')}`);
    if (kind(item[i + 1] ?? null) !== k) out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Whether escaped text begins with a list (only a typed list can: every other marker is escaped). */
export const startsWithList = (escaped: string): boolean => /^(?:- |\d{1,3}\. )/.test(escaped);

/** Escapes a value for one GFM table cell: one line, pipes escaped. */
export function escapeCell(s: string): string {
  return escapeMarkdown(s).replace(/\s*\n+\s*/g, ' ');
}

/** Escapes a value for a directive attribute in double quotes. */
export function escapeAttribute(s: string): string {
  return s.replace(/["\\\n]/g, ' ');
}
