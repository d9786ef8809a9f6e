// Small text helpers shared by the messages of validate and check.

/** Edit distance between two words. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** The candidate a typo most likely meant, or undefined when none is close. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const x = editDistance(word.toLowerCase(), c.toLowerCase());
    if (x < bestD) { bestD = x; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * An integer with thousands grouped as in sv-SE ("12 345"; the separator is a no-break space
 * unless another is given). The same as toLocaleString('sv-SE') for whole numbers, without the
 * ~12 ms it costs to load ICU's number data on first use.
 */
/** No-break space: between digit groups and between a number and its unit, so "255 000 kr" never breaks. */
export const NBSP = '\u00a0';

/** A number and its unit on one line: "255 000 kr", "72 % av svarande" (a no-break space after the number). */
export function medEnhet(num: string, unit?: string): string {
  return unit ? `${num}${NBSP}${unit}` : num;
}

export function tusental(n: number, separator = '\u00a0'): string {
  const digits = String(Math.abs(Math.round(n)));
  return (n <= -0.5 ? '\u2212' : '') + digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** A Swedish list: "a", "a och b", "a, b och c"; with `och` = 'eller' "a, b eller c" (an item may hold a comma of its own). */
export function joinSv(parts: readonly (string | number)[], och = 'och'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${och} ${parts.at(-1)}`;
}

/** The first letter in upper case, as a value that starts a table cell or a sentence. */
export const cap = (s: string): string => (s ? s.charAt(0).toLocaleUpperCase('sv-SE') + s.slice(1) : s);
