// Soft hyphens (U+00AD) in words too long for their table column, so that Word and LibreOffice
// break "Kommunledningsförvaltningen" as "Kommunlednings-förvaltningen" with a hyphen instead of
// cutting it anywhere without one. A soft hyphen is invisible unless the line breaks there.
// The break points follow the Swedish rule of thumb: a new syllable starts with the last
// consonant before a vowel (för-valt-ning-en); ng, ck, sj, tj, kj and ch are not split.

const VOWEL = /[aeiouyåäöéü]/i;
const LETTER = /\p{L}/u;
const KEEP_TOGETHER = new Set(['ng', 'ck', 'sj', 'tj', 'kj', 'ch', 'sh', 'th', 'ph']);
export const SHY = '\u00ad';

/** Break points in one word (indices before which a hyphen may stand), at least 3 letters from each end. */
export function breakPoints(word: string): number[] {
  const out: number[] = [];
  for (let j = 3; j <= word.length - 3; j++) {
    const c = word[j]!, next = word[j + 1]!, prev = word[j - 1]!;
    if (!LETTER.test(c) || !LETTER.test(prev) || VOWEL.test(c) || !VOWEL.test(next)) continue;
    if (KEEP_TOGETHER.has((prev + c).toLowerCase())) continue;
    // "st", "sk", "sp" after a consonant begin the syllable together: kaps-stöd, not kapss-töd.
    if (/^[s][tkp]$/i.test(prev + c) && j >= 4 && !VOWEL.test(word[j - 2]!)) {
      if (!out.includes(j - 1)) out.push(j - 1);
      continue;
    }
    if (!VOWEL.test(word.slice(0, j))) continue;
    out.push(j);
  }
  return out;
}

/** The text with soft hyphens in each word longer than `maxLetters` (words that fit stay as they are). */
export function hyphenateLong(text: string, maxLetters: number): string {
  if (maxLetters < 6) maxLetters = 6;
  return text.replace(/\p{L}+/gu, (w) => {
    if (w.length <= maxLetters) return w;
    const points = breakPoints(w);
    if (!points.length) return w;
    let s = '';
    let from = 0;
    for (const p of points) { s += w.slice(from, p) + SHY; from = p; }
    return s + w.slice(from);
  });
}
