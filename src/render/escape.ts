// Escaping for the target: a value typed by a user reaches the Markdown templates escaped as
// Markdown, so that | # * _ [ ] <script> and the like print literally and never change the
// document's structure. CommonMark allows a backslash before any ASCII punctuation.
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Escapes running text; keeps the user's paragraphs (blank lines) but no indentation tricks. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim().replace(PUNCT, '\\$&'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Escapes a value for one GFM table cell: one line, pipes escaped. */
export function escapeCell(s: string): string {
  return escapeMarkdown(s).replace(/\s*\n+\s*/g, ' ');
}

/** Escapes a value for a directive attribute in double quotes. */
export function escapeAttribute(s: string): string {
  return s.replace(/["\\\n]/g, ' ');
}
