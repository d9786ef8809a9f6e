// The names a document answers to on the command line (shared by content's build-time check and
// the CLI's look-up, so both agree on what is a name).
import type { Dokument } from './types.js';

/** The ASCII spelling users type on a keyboard without å, ä, ö ("uppfoljning"). */
export function ascii(s: string): string {
  return s.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O');
}

/** A document's names: its id, its aliases, and their ASCII spellings. */
export function namesOf(d: Pick<Dokument, 'id' | 'alias'>): string[] {
  return [...new Set([d.id, ...(d.alias ?? [])].flatMap((n) => [n, ascii(n)]))];
}
