// The 290 kommuner and 21 län (SCB codes, CC0 data in data/), and finding one by part of its name.
import { readFileSync } from 'node:fs';
import { fromRoot } from './paths.js';

export interface Kommun {
  kod: string;
  namn: string;
  länskod: string;
  län: string;
}

let cache: Kommun[] | undefined;

function csv(file: string): string[][] {
  return readFileSync(fromRoot('data', file), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
}

export function allKommuner(): Kommun[] {
  if (cache) return cache;
  const lan = new Map(csv('lan.csv').map(([kod, namn]) => [kod!, namn!]));
  return (cache = csv('kommuner.csv').map(([kod, namn, länskod]) => ({ kod: kod!, namn: namn!, länskod: länskod!, län: lan.get(länskod!) ?? '' })));
}

let byKod: Map<string, Kommun> | undefined;
let byNamn: Map<string, Kommun> | undefined;
/** The kommun with this code (e.g. "1885"), from the reference data. */
export function kommunByKod(kod: string): Kommun | undefined {
  return (byKod ??= new Map(allKommuner().map((k) => [k.kod, k]))).get(kod);
}
/** The kommun with this exact name, in any case (e.g. "lindesberg"). */
export function kommunByNamn(namn: string): Kommun | undefined {
  return (byNamn ??= new Map(allKommuner().map((k) => [k.namn.toLocaleLowerCase('sv-SE'), k]))).get(namn.toLocaleLowerCase('sv-SE'));
}

const norm = (s: string) => s.toLocaleLowerCase('sv-SE').replace(/\s+kommun$/, '').replace(/s?\s+stad$/, '').trim();
/** Without diacritics, so that "orebro" finds Örebro and "malmo" Malmö (as people type without å, ä, ö). */
const bare = (s: string) => norm(s).normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Kommuner matching a query: exact code or name first (with å, ä, ö as typed, then without), else
 * every name starting with the text, else every name containing it; both without diacritics.
 */
export function findKommuner(query: string): Kommun[] {
  const q = norm(query);
  const b = bare(query);
  // "Lindesbergs kommun": the genitive s before "kommun" is not part of the name.
  const g = /s\s+kommun$/i.test(query.trim()) ? b.replace(/s$/, '') : b;
  const all = allKommuner();
  for (const same of [(k: Kommun) => k.kod === q || norm(k.namn) === q, (k: Kommun) => bare(k.namn) === b || bare(k.namn) === g, (k: Kommun) => bare(k.namn).startsWith(b), (k: Kommun) => bare(k.namn).includes(b)]) {
    const hits = all.filter(same);
    if (hits.length) return hits;
  }
  return [];
}

/** The same kommuner with those of the given län first (a samverkan is mostly within one län). */
export function ownLänFirst(list: Kommun[], länskod: string | undefined): Kommun[] {
  if (!länskod) return list;
  return [...list.filter((k) => k.länskod === länskod), ...list.filter((k) => k.länskod !== länskod)];
}

/** "Lindesbergs kommun" but "Örebro kommun", "Hjo kommun": names ending in a vowel or s take no s. */
export const genitive = (name: string) => (/[aeiouyåäösxz]$/i.test(name) ? name : `${name}s`);
