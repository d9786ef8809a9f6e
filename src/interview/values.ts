// A typed answer read the way the schema says the value is shaped: numbers ("85 000 kr",
// "1,5", "5 %", the unit checked against the field's), dates of any precision ("2026",
// "2026-09", "2026-09-30", also in words: "mars 2026", "31 mars 2026"), and the choices of an
// anyOf (a tal: "ca 52 000" → {ca: 52000}, "40–50" → {från: 40, till: 50}, "hög" →
// {bedömning: "hög"}, "ej angivet"). Also the other way: a stored value as the text to edit;
// and what is wrong or worth a second look about a value where it is saved (an age span from 3
// to 2, a deadline already past or outside the plan period).
import type { YamlPath } from '../project/load.js';
import { MONTHS, compareDates, parseDate, whollyBefore } from '../project/dates.js';
import { formatMessage } from '../check/engine.js';
import { datumRimliga } from '../check/rules/datum-rimliga.js';
import type { RuleContext, RuleFinding } from '../check/types.js';
import { getPath } from '../project/progress.js';
import { branchSchema, schemaAt } from '../project/schema-words.js';
import { cap } from '../text.js';

type S = Record<string, any>;
export type Parsed = unknown | { error: string };

export const isError = (v: unknown): v is { error: string } => !!v && typeof v === 'object' && 'error' in (v as object) && Object.keys(v as object).length === 1;

const NUM = String.raw`[-−]?\d[\d\s\u00a0]*(?:[.,]\d+)?`;

/** A unit a number may be typed with: kronor or percent. */
type TypedUnit = 'kr' | '%';
const UNIT = /\s*(kr\.?|kronor|sek|:-|%|procent)$/i;
const unitOf = (u: string): TypedUnit => (/^(%|procent)$/i.test(u) ? '%' : 'kr');

/** "85 000 kr" → {n: 85000, unit: 'kr'}, "1,5" → {n: 1.5}, "5 %" → {n: 5, unit: '%'}; undefined when it is not a number. */
function readNumber(raw: string): { n: number; unit?: TypedUnit } | undefined {
  let t = raw.trim();
  const u = UNIT.exec(t);
  if (u) t = t.slice(0, u.index);
  t = t.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^[-−]?\d+(\.\d+)?$/.test(t)) return undefined;
  return { n: Number(t.replace('−', '-')), ...(u ? { unit: unitOf(u[1]!) } : {}) };
}

const numberOf = (raw: string): number | undefined => readNumber(raw)?.n;

/** The fields an item's enhet is the unit of (a nyckeltal's värde, an indicator's values). */
const MEASURED = new Set(['värde', 'utgångsvärde', 'målvärde']);

/**
 * The unit a field's numbers are in: kronor (belopp_kr, "(kr)"), percent (…_procent,
 * "procent"), a count ("Antal …", no unit), or the text of the item's own enhet (an
 * indicator's "%" or "föräldrar"); undefined when nothing says.
 */
export function fieldUnit(path: YamlPath, s: S | undefined, data?: unknown): string | undefined {
  const key = String(path[path.length - 1] ?? '');
  const title = String(s?.title ?? '');
  if (/_kr$/.test(key) || /\(kr\)|kronor/i.test(title)) return 'kr';
  if (/_procent$/.test(key) || /procent/i.test(title)) return '%';
  // The item's enhet is the unit of its measured values, not of its year or other numbers.
  const enhet = data === undefined || !MEASURED.has(key) ? undefined : getPath(data, [...path.slice(0, -1), 'enhet']);
  if (typeof enhet === 'string' && enhet.trim()) {
    const e = enhet.trim();
    if (/^(%|procent)$/i.test(e)) return '%';
    if (/^(kr|kronor|sek)$/i.test(e)) return 'kr';
    return e;
  }
  if (/^antal\b/i.test(title)) return 'antal';
  return undefined;
}

const UNIT_WORDS: Record<string, string> = { kr: 'kronor', '%': 'procent' };

/** Why a number typed with `typed` does not fit a field in `field`, or undefined. */
function unitProblem(n: number, typed: TypedUnit | undefined, field: string | undefined): string | undefined {
  if (typed && field && typed !== field) {
    if (field === 'antal') return `Svaret är ett antal: skriv bara talet, utan ${typed === 'kr' ? 'kr' : '%'}.`;
    if (field === 'kr' || field === '%') return `Svaret anges i ${UNIT_WORDS[field]}, inte i ${UNIT_WORDS[typed]}.`;
    return `Enheten här är "${field}", inte ${typed === 'kr' ? 'kronor' : 'procent'}; skriv bara talet eller ändra enheten.`;
  }
  if ((typed === '%' || field === '%') && (n < 0 || n > 100)) return `En andel är 0–100 %; ${String(n).replace('.', ',')} % går inte.`;
  return undefined;
}

export function parseNumber(raw: string, integer: boolean, unit?: string): number | { error: string } {
  const r = readNumber(raw);
  if (r === undefined) return { error: integer ? 'Skriv ett heltal, t.ex. 12.' : 'Skriv ett tal, t.ex. 12 eller 12,5.' };
  const n = r.n;
  if (integer && !Number.isInteger(n)) return { error: 'Skriv ett heltal, utan decimaler.' };
  const u = unitProblem(n, r.unit, unit);
  if (u) return { error: u };
  return n;
}

const MONTH_DAYS = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const MONTH_WORDS: [RegExp, number][] = MONTHS.map((m, i) => [new RegExp(`^${m.slice(0, 3)}(${m.slice(3).split('').map((c) => `${c}?`).join('')})\\.?$`, 'i'), i + 1]);

/** "mars" or "mar" → 3; undefined when it is no month. */
function monthOf(word: string): number | undefined {
  return MONTH_WORDS.find(([re]) => re.test(word))?.[1];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as typed: "2026", "2026-09", "2026-09-30" (also "2026-9-30"), or in words as a
 * Swedish reader writes it, "september 2026" and "30 september 2026" ("30 sep. 2026"), kept
 * as ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD.
 */
export function parseDatum(raw: string): string | { error: string } {
  let t = raw.trim();
  const loose = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (loose) t = `${loose[1]}-${pad(Number(loose[2]))}${loose[3] ? `-${pad(Number(loose[3]))}` : ''}`;
  const words = /^(?:(\d{1,2})(?::?[ae])?\.?\s+)?([a-zåäö]+\.?),?\s+(\d{4})$/i.exec(t);
  if (words) {
    const m = monthOf(words[2]!);
    if (!m) return { error: `"${words[2]}" är ingen månad; skriv t.ex. 31 mars 2026, mars 2026 eller 2026-03-31.` };
    if (words[1]) {
      const d = Number(words[1]);
      const days = MONTH_DAYS(Number(words[3]), m);
      if (d < 1 || d > days) return { error: `"${raw.trim()}" är inget giltigt datum (${MONTHS[m - 1]} ${words[3]} har ${days} dagar)` };
      t = `${words[3]}-${pad(m)}-${pad(d)}`;
    } else t = `${words[3]}-${pad(m)}`;
  }
  if (parseDate(t)) return t;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && m[3]) {
    return { error: `"${t}" är inget giltigt datum (månaden har ${MONTH_DAYS(Number(m[1]), Number(m[2]))} dagar)` };
  }
  if (m) return { error: `"${t}" är inget giltigt datum (månaden ska vara 01–12)` };
  return { error: 'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, t.ex. 2026, 2026-09 eller 2026-09-30 (eller 30 september 2026).' };
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

/** How an answer is read beyond its schema: the unit of the field (fieldUnit). */
export interface ReadOptions { unit?: string }

/** The answer in the shape of the first branch it fits, or why it fits none. */
export function parseValue(s: S, raw: string, opts: ReadOptions = {}): Parsed {
  const t = raw.trim();
  // A date (itself an anyOf of a text and a year as a number): kept as the text typed.
  if (isDatum(s)) return parseDatum(t);
  const bs = branches(s);
  let firstError: { error: string } | undefined;
  const note = (e: { error: string }) => { firstError ??= e; };
  // A number with a unit that does not fit the field is refused with the reason, whatever shape it has.
  const withUnit = (n: number, unit: TypedUnit | undefined): { error: string } | undefined => {
    const u = unitProblem(n, unit, opts.unit);
    return u ? { error: u } : undefined;
  };
  // Exact words first ("ej angivet"), then the numeric shapes, then dates, then free text.
  for (const b of bs) if (b.const !== undefined && t.toLowerCase() === String(b.const)) return b.const;
  for (const b of bs) {
    if (isNumeric(b)) {
      const n = parseNumber(t, b.type === 'integer', opts.unit);
      if (!isError(n)) return n;
      if (readNumber(t)) return n;
      note(n);
    } else if (onlyKeys(b, ['ca'])) {
      const m = new RegExp(`^(?:ca|c:a|cirka|ungefär|omkring|runt|~)\\.?\\s*(${NUM}(?:\\s*(?:kr\\.?|kronor|sek|:-|%|procent))?)$`, 'i').exec(t);
      const r = m ? readNumber(m[1]!) : undefined;
      if (r !== undefined) return withUnit(r.n, r.unit) ?? { ca: r.n };
    } else if (onlyKeys(b, ['från', 'till'])) {
      const m = new RegExp(`^(${NUM})\\s*(?:[–—-]|till)\\s*(${NUM}(?:\\s*(?:kr\\.?|kronor|sek|:-|%|procent))?)$`, 'i').exec(t);
      const a = m ? readNumber(m[1]!) : undefined;
      const z = m ? readNumber(m[2]!) : undefined;
      if (a !== undefined && z !== undefined) {
        const bad = withUnit(a.n, z.unit) ?? withUnit(z.n, z.unit);
        if (bad) return bad;
        if (a.n > z.n) return { error: `Ett intervall går från det lägre till det högre talet: ${num(z.n)}–${num(a.n)}, inte ${num(a.n)}–${num(z.n)}.` };
        return { från: a.n, till: z.n };
      }
    }
  }
  for (const b of bs) {
    if (isDatum(b)) {
      const d = parseDatum(t);
      if (!isError(d)) return d;
      // A day that does not exist is the message, also where other shapes were possible.
      if (/inget giltigt datum|ingen månad/.test(d.error)) return d;
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

// ── A value where it is saved ────────────────────────────────────────────────────────────

/** The other end of a span: från ↔ till, start ↔ slut. */
const OTHER_END: Record<string, string> = { från: 'till', till: 'från', start: 'slut', slut: 'start' };
const STARTS = new Set(['från', 'start']);

/** A number or a date, for comparing the two ends of a span. */
function compareEnds(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (parseDate(a) && parseDate(b)) return compareDates(a, b);
  return undefined;
}

const shown = (v: unknown) => (typeof v === 'number' ? num(v) : String(v));

/**
 * Why `value` cannot be saved at `path` although the schema allows it: a span whose start
 * lies after its end (an age span from 3 to 2, a period 2028–2025, an insats ending before it
 * starts). undefined when nothing is wrong.
 */
export function valueProblem(path: YamlPath, value: unknown, data: unknown): string | undefined {
  const key = String(path[path.length - 1] ?? '');
  const other = OTHER_END[key];
  if (!other || value === undefined) return undefined;
  const there = getPath(data, [...path.slice(0, -1), other]);
  if (there === undefined) return undefined;
  const [first, last] = STARTS.has(key) ? [value, there] : [there, value];
  if (compareEnds(first, last) !== 1) return undefined;
  const parent = schemaAt(path.slice(0, -1));
  const startKey = STARTS.has(key) ? key : other;
  const endKey = STARTS.has(key) ? other : key;
  const startTitle = String(schemaAt([...path.slice(0, -1), startKey])?.title ?? startKey).toLowerCase();
  const endTitle = String(schemaAt([...path.slice(0, -1), endKey])?.title ?? endKey).toLowerCase();
  if (parent?.title === 'Åldrar' || /ålder/.test(startTitle)) {
    return `Åldersspannet kan inte gå från ${shown(first)} till ${shown(last)} år: ${STARTS.has(key) ? `från-åldern kan vara högst ${shown(last)}` : `till-åldern måste vara minst ${shown(first)}`}.`;
  }
  return `${cap(endTitle)} (${shown(last)}) ligger före ${startTitle} (${shown(first)}); ${STARTS.has(key) ? `${startTitle} kan vara högst ${shown(last)}` : `${endTitle} kan vara tidigast ${shown(first)}`}.`;
}

/** Dates that are deadlines: a target date, an end, "senast". */
const DEADLINES = new Set(['måldatum', 'slut', 'när']);

/** Today as ÅÅÅÅ-MM-DD in local time. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const samePath = (a: YamlPath, b: YamlPath) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

/**
 * What is worth a second look about a date at `path` (the user may keep it): a deadline that
 * has already passed, and what the check rule datum-rimliga says about this very date in the
 * data as it would be saved (`after`): outside the plan period, a target date before its
 * insatser start, a decision out of order. The rule is asked, so that the interview and check
 * judge dates alike.
 */
export function valueWarnings(path: YamlPath, value: unknown, after: unknown, day = today()): string[] {
  const key = String(path[path.length - 1] ?? '');
  if (!parseDate(value)) return [];
  const out: string[] = [];
  const title = String(schemaAt(path)?.title ?? key);
  // Only what is planned has deadlines: the handlingsplan and a checklist's next step (a
  // follow-up and a decision look back).
  if (DEADLINES.has(key) && (path[0] === 'handlingsplan' || path[0] === 'checklistor') && whollyBefore(value, day)) {
    out.push(`${title} ${shown(value)} har redan passerat (i dag är det ${day}).`);
  }
  const ctx = { data: after, inScope: () => true } as unknown as RuleContext;
  for (const f of datumRimliga.check(ctx) as RuleFinding[]) {
    if (samePath(f.path, path)) out.push(`${formatMessage(datumRimliga, f.messageId, f.data)}.`);
  }
  return out;
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
