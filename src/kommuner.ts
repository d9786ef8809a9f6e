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

const norm = (s: string) => s.toLocaleLowerCase('sv-SE').replace(/\s+kommun$/, '').replace(/s?\s+stad$/, '').trim();

/** Kommuner matching a query: exact code or name first, else every name containing the text. */
export function findKommuner(query: string): Kommun[] {
  const q = norm(query);
  const all = allKommuner();
  const exact = all.filter((k) => k.kod === q || norm(k.namn) === q);
  if (exact.length) return exact;
  const starts = all.filter((k) => norm(k.namn).startsWith(q));
  if (starts.length) return starts;
  return all.filter((k) => norm(k.namn).includes(q));
}

/** "Lindesbergs kommun" but "Örebro kommun", "Hjo kommun": names ending in a vowel or s take no s. */
export const genitive = (name: string) => (/[aeiouyåäösxz]$/i.test(name) ? name : `${name}s`);
