// Which page each of a table's rows starts on, in a PDF read by pdftotext -bbox: the tables and
// their rows come from the same document's HTML (one model), each row found by its first word in
// the PDF's words in order, after the rows before it. Used to see that no page holds a table's
// last row alone (issue 13).
import { runTool } from './cli.js';

const unescape = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const firstWord = (s: string) => unescape(s).replace(/\u00ad/g, '').trim().split(/\s+/)[0] ?? '';

/** Each table of the HTML: the first word of each body row's first cell. */
export function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>\s*<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => firstWord(c[1]!)));
}

/** The PDF's words in order, each with its page (1-based); a word broken at a soft hyphen ends in "-". */
export async function pdfWords(pdf: string): Promise<{ page: number; t: string }[]> {
  const xml = await runTool('pdftotext', ['-bbox', pdf, '-']);
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].flatMap((p, i) =>
    // In reading order (top to bottom, then left to right): LibreOffice does not draw a table row by row.
    [...p[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((w) => ({ x: Number(w[1]), y: Math.round(Number(w[2])), t: w[3]! }))
      .sort((a, b) => a.y - b.y || a.x - b.x)
      // A word joined by no-break spaces ("Barn 0–17") is read as one: split, as the HTML's words are.
      .flatMap((w) => unescape(w.t).replace(/\u00ad$/, '-').replace(/\u00ad/g, '').split(/\s+/).filter(Boolean).map((t) => ({ page: i + 1, t }))));
}

/**
 * The tables (of at least 3 rows) whose last row stands on a page of its own, and those whose rows
 * could not be found in order (so that a table the search misses cannot pass unseen).
 */
export function lastRowsAlone(tables: string[][], words: { page: number; t: string }[]): { alone: string[]; missed: string[] } {
  const alone: string[] = [], missed: string[] = [];
  // A long word may be read in pieces: broken at the end of a line ("Kommunlednings-"), or, in our
  // PDF, cut by pdftotext at each soft hyphen ("Kom" "mun" …): its first piece begins the word.
  const same = (w: string, token: string) => w === token || (w.replace(/-$/, '').length >= 2 && token.startsWith(w.replace(/-$/, '')));
  let at = 0;
  for (const rows of tables) {
    // A row whose first cell is empty has no word to find: its page stays unknown.
    const pages: (number | undefined)[] = [];
    let k = at;
    for (const token of rows) {
      if (!token) { pages.push(undefined); continue; }
      while (k < words.length && !same(words[k]!.t, token)) k++;
      if (k >= words.length) break;
      pages.push(words[k]!.page);
      k++;
    }
    if (pages.length < rows.length) { missed.push(rows.join(' ')); continue; }
    at = k;
    const [before, last] = [pages.at(-2), pages.at(-1)];
    if (rows.length >= 3 && before !== undefined && last !== undefined && before !== last) alone.push(`"${rows.at(-1)}" (efter "${rows.at(-2)}") ensam på sidan ${last}`);
  }
  return { alone, missed };
}
