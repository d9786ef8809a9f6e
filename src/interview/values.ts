// A typed answer read the way the schema says the value is shaped: numbers ("85 000 kr",
// "1,5"), dates of any precision ("2026", "2026-09", "2026-09-30"), and the choices of an anyOf
// (a tal: "ca 52 000" → {ca: 52000}, "40–50" → {från: 40, till: 50}, "hög" → {bedömning: "hög"},
// "ej angivet"). Also the other way: a stored value as the text to edit.
import { parseDate } from '../project/dates.js';
import { branchSchema } from '../project/schema-words.js';

type S = Record<string, any>;
export type Parsed = unknown | { error: string };

export const isError = (v: unknown): v is { error: string } => !!v && typeof v === 'object' && 'error' in (v as object) && Object.keys(v as object).length === 1;

const NUM = String.raw`[-−]?\d[\d\s\u00a0]*(?:[.,]\d+)?`;

/** "85 000 kr" → 85000, "1,5" → 1.5; undefined when it is not a number. */
function numberOf(raw: string): number | undefined {
  const t = raw.trim().replace(/\s*(kr|kronor|sek)\.?$/i, '').replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^[-−]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t.replace('−', '-'));
}

export function parseNumber(raw: string, integer: boolean): number | { error: string } {
  const n = numberOf(raw);
  if (n === undefined) return { error: integer ? 'Skriv ett heltal, t.ex. 12.' : 'Skriv ett tal, t.ex. 12 eller 12,5.' };
  if (integer && !Number.isInteger(n)) return { error: 'Skriv ett heltal, utan decimaler.' };
  return n;
}

const MONTH_DAYS = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseDatum(raw: string): string | { error: string } {
  const t = raw.trim();
  if (parseDate(t)) return t;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && m[3]) {
    return { error: `"${t}" är inget giltigt datum (månaden har ${MONTH_DAYS(Number(m[1]), Number(m[2]))} dagar)` };
  }
  if (m) return { error: `"${t}" är inget giltigt datum (månaden ska vara 01–12)` };
  return { error: 'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, t.ex. 2026, 2026-09 eller 2026-09-30.' };
}

const isDatum = (s: S) => s.$def === 'datum';
const isNumeric = (s: S) => s.type === 'number' || s.type === 'integer';
const onlyKeys = (s: S, keys: string[]) => s.type === 'object' && Array.isArray(s.required) && s.required.length === keys.length && keys.every((k) => s.required.includes(k));

/** The branches of a value's schema: its anyOf, or itself. */
export const branches = (s: S): S[] => (Array.isArray(s.anyOf) ? s.anyOf.map(branchSchema) : [s]);

/** Whether the answer is typed (not a choice): numbers, dates, texts and their anyOf mixes. */
export function isTyped(s: S): boolean {
  return branches(s).some((b) => isNumeric(b) || b.type === 'string' || b.type === 'object');
}

/** The answer in the shape of the first branch it fits, or why it fits none. */
export function parseValue(s: S, raw: string): Parsed {
  const t = raw.trim();
  // A date (itself an anyOf of a text and a year as a number): kept as the text typed.
  if (isDatum(s)) return parseDatum(t);
  const bs = branches(s);
  let firstError: { error: string } | undefined;
  const note = (e: { error: string }) => { firstError ??= e; };
  // Exact words first ("ej angivet"), then the numeric shapes, then dates, then free text.
  for (const b of bs) if (b.const !== undefined && t.toLowerCase() === String(b.const)) return b.const;
  for (const b of bs) {
    if (isNumeric(b)) {
      const n = parseNumber(t, b.type === 'integer');
      if (!isError(n)) return n;
      note(n);
    } else if (onlyKeys(b, ['ca'])) {
      const m = new RegExp(`^(?:ca|c:a|cirka|ungefär|omkring|~)\\.?\\s*(${NUM})(?:\\s*(?:kr|kronor))?$`, 'i').exec(t);
      const n = m ? numberOf(m[1]!) : undefined;
      if (n !== undefined) return { ca: n };
    } else if (onlyKeys(b, ['från', 'till'])) {
      const m = new RegExp(`^(${NUM})\\s*(?:[–—-]|till)\\s*(${NUM})$`, 'i').exec(t);
      const a = m ? numberOf(m[1]!) : undefined;
      const z = m ? numberOf(m[2]!) : undefined;
      if (a !== undefined && z !== undefined) return { från: a, till: z };
    }
  }
  for (const b of bs) {
    if (isDatum(b)) {
      const d = parseDatum(t);
      if (!isError(d)) return d;
      // A day that does not exist is the message, also where other shapes were possible.
      if (/inget giltigt datum/.test(d.error)) return d;
      note(d);
    }
  }
  for (const b of bs) {
    if (b.type === 'string' && b.const === undefined && !isDatum(b) && !b.pattern) return raw;
    if (onlyKeys(b, ['bedömning']) && t) return { bedömning: t };
  }
  if (bs.length > 1 && bs.some((b) => isNumeric(b)) && bs.some((b) => b.const !== undefined) && !firstError?.error.includes('datum')) {
    const words = bs.filter((b) => b.const !== undefined).map((b) => `"${b.const}"`).join(' eller ');
    return { error: `Skriv ett tal (t.ex. 45 000${bs.some((b) => onlyKeys(b, ['ca'])) ? ' eller ca 45 000' : ''}) eller ${words}.` };
  }
  return firstError ?? (bs.some((b) => b.pattern && b.type === 'string') ? raw : { error: 'Svaret passar inte här.' });
}

const num = (n: number) => String(n).replace('.', ',');

/** A stored value as the text the answer is edited from. */
export function formatValue(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return num(v);
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.ca === 'number') return `ca ${num(o.ca)}`;
    if (typeof o.från === 'number' && typeof o.till === 'number') return `${num(o.från)}–${num(o.till)}`;
    if (typeof o.bedömning === 'string') return o.bedömning;
  }
  return String(v);
}

/** What the prompt says about how to write the answer, e.g. " (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)". */
export function formatHint(s: S): string {
  if (isDatum(s)) return ' (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)';
  const bs = branches(s);
  const parts: string[] = [];
  if (bs.some(isDatum)) parts.push('ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD');
  // A bound that only guards against absurd numbers (a tal's ±10^15) says nothing to the user.
  const range = bs.find((b) => isNumeric(b) && b.minimum !== undefined && b.maximum !== undefined && Math.abs(b.maximum) < 1e12);
  if (bs.length > 1 && range) parts.push(`${range.minimum}–${range.maximum}`);
  if (bs.length > 1 && bs.some(isNumeric)) {
    if (bs.some((b) => onlyKeys(b, ['ca']))) parts.push(bs.some((b) => onlyKeys(b, ['från', 'till'])) ? 'tal, ca 52 000, 40–50' : 'tal eller ca 52 000');
    if (bs.some((b) => onlyKeys(b, ['bedömning']))) parts.push('en bedömning i ord');
  }
  const consts = bs.filter((b) => b.const !== undefined).map((b) => String(b.const));
  if (bs.length > 1 && consts.length) parts.push(consts.join(', '));
  if (!bs.length || parts.length === 0) {
    const b = bs[0]!;
    if (isNumeric(b) && b.minimum !== undefined && b.maximum !== undefined) return ` (${b.minimum}–${b.maximum})`;
    return '';
  }
  return ` (${parts.join('; ')})`;
}
