// Dates as precise as a plan gives them (formatversion 2): a year "2026", a year and month
// "2026-09", or a day "2026-09-30". A date stands for an interval of days; comparisons say
// "before", "after" or "overlaps" at the coarser of the two precisions, so that "2026" is
// neither before nor after "2026-05-01", and rules do not guess. A year may also be the number
// 2026 (unquoted in YAML).

import { NBSP } from '../text.js';

export type Precision = 'år' | 'månad' | 'dag';

export interface PlanDate {
  text: string;
  precision: Precision;
  /** First and last day it covers, as YYYY-MM-DD (compare as strings). */
  first: string;
  last: string;
}

const RE = /^([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The date a text stands for, or undefined (not a date, or a day that does not exist). */
export function parseDate(value: unknown): PlanDate | undefined {
  // A year written without quotes is a number in YAML (start: 2026).
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (!m[2]) return { text, precision: 'år', first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const mo = Number(m[2]);
  const last = `${m[1]}-${m[2]}-${String(daysIn(y, mo)).padStart(2, '0')}`;
  if (!m[3]) return { text, precision: 'månad', first: `${m[1]}-${m[2]}-01`, last };
  if (Number(m[3]) > daysIn(y, mo)) return undefined;
  return { text, precision: 'dag', first: text, last: text };
}

/** -1 when a is wholly before b, 1 when wholly after, 0 when they overlap (or either is not a date). */
export function compareDates(a: unknown, b: unknown): -1 | 0 | 1 {
  const x = parseDate(a);
  const y = parseDate(b);
  if (!x || !y) return 0;
  if (x.last < y.first) return -1;
  if (x.first > y.last) return 1;
  return 0;
}

/** Whether a date is wholly before a day given as YYYY-MM-DD (e.g. today). */
export function whollyBefore(a: unknown, day: string): boolean {
  const x = parseDate(a);
  return !!x && x.last < day;
}

/** The year a date falls in. */
export function yearOf(a: unknown): number | undefined {
  const x = parseDate(a);
  return x ? Number(x.first.slice(0, 4)) : undefined;
}

export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * A date as a Swedish reader writes it: "2026", "september 2026", "30 september 2026". Its parts
 * are joined by no-break spaces: a date does not break across lines (in a narrow column either).
 */
export function dateInWords(a: unknown): string {
  const x = parseDate(a);
  if (!x) return typeof a === 'string' ? a : typeof a === 'number' ? String(a) : '';
  const [y, m, d] = x.text.split('-');
  if (x.precision === 'år') return y!;
  if (x.precision === 'månad') return `${MONTHS[Number(m) - 1]}${NBSP}${y}`;
  return `${Number(d)}${NBSP}${MONTHS[Number(m) - 1]}${NBSP}${y}`;
}
