// Values as the documents print them (formatversion 2): a number as the source gives it (tal),
// amounts, and the budget table built from kostnader. "ej angivet" is a value (the source does
// not state it) and prints as such, never as 0 or as missing.
import { EJ_ANGIVET, type Kostnad, type Tal } from '../project/types.js';
import { cap, medEnhet, tusental } from '../text.js';

/**
 * A number in Swedish: decimal comma, thousands grouped by a no-break space ("2 150", "52 000", "1 234,5"),
 * so that a number never breaks across lines in a narrow column (tusental).
 * Years are not numbers here: they are printed as they stand (år fields), never through this.
 */
export function numText(v?: number): string {
  if (v === undefined || typeof v !== 'number' || !Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return Math.abs(v) >= 1000 ? tusental(v) : String(v);
  const [int, dec] = String(Math.abs(v)).split('.');
  return `${v < 0 ? '−' : ''}${Number(int) >= 1000 ? tusental(Number(int)) : int},${dec}`;
}

/**
 * A unit as Swedish reads it after a number. "antal" is not a unit: the thing counted is, taken
 * from the figure's name ("Antal barn 0–17 år" → "2 150 barn"; "antal per år" → "228 födda per
 * år"). "procent" is "%", and keeps what it is a share of ("procent av svarande" → "% av svarande").
 */
export function enhetText(enhet: string | undefined, namn?: string): string {
  if (!enhet) return '';
  const e = enhet.trim();
  const antal = /^antal\b\s*(.*)$/i.exec(e);
  if (antal) {
    const noun = namn ? /^antal\s+([\p{L}-]+)/iu.exec(namn.trim())?.[1] : undefined;
    return [noun?.toLowerCase(), antal[1]].filter(Boolean).join(' ');
  }
  const pct = /^(procent|%)\s*(.*)$/i.exec(e);
  if (pct) return ['%', pct[2]].filter(Boolean).join(' ');
  return e;
}

/** A tal as the source gives it: 12, "ca 52 000", "40–50", "hög", "ej angivet"; the unit as given (see enhetText). */
export function talText(t: Tal | undefined, enhet?: string): string {
  if (t === undefined) return '';
  if (t === EJ_ANGIVET) return EJ_ANGIVET;
  if (typeof t === 'number') return medEnhet(numText(t), enhet);
  if (typeof t === 'object' && t) {
    if ('ca' in t) return `ca ${medEnhet(numText(t.ca), enhet)}`;
    if ('från' in t) return medEnhet(`${numText(t.från)}–${numText(t.till)}`, enhet);
    if ('bedömning' in t) return t.bedömning;
  }
  return '';
}

type Belopp = Kostnad['belopp_kr'];

/** "85 000 kr", "ca 85 000 kr", "ej angivet"; '' when not filled in. */
export function beloppText(b: Belopp): string {
  if (b === undefined) return '';
  if (b === EJ_ANGIVET) return EJ_ANGIVET;
  if (typeof b === 'number') return medEnhet(tusental(b), 'kr');
  return `ca ${medEnhet(tusental(b.ca), 'kr')}`;
}

/** A sum of amounts that keeps what is approximate and what is not stated. */
interface Sum { kr: number; known: number; ca: boolean; ejAngivet: boolean; ejIfyllt: boolean }
const emptySum = (): Sum => ({ kr: 0, known: 0, ca: false, ejAngivet: false, ejIfyllt: false });
function add(s: Sum, k: Kostnad): void {
  const b = k.belopp_kr;
  if (b === EJ_ANGIVET) s.ejAngivet = true;
  else if (typeof b === 'number') { s.kr += b; s.known++; }
  else if (b && typeof b === 'object') { s.kr += b.ca; s.known++; s.ca = true; }
  else if (k.källa === 'ingen kostnad') s.known++;
  else s.ejIfyllt = true;
}
function merge(into: Sum, s: Sum): void {
  into.kr += s.kr; into.known += s.known; into.ca ||= s.ca; into.ejAngivet ||= s.ejAngivet; into.ejIfyllt ||= s.ejIfyllt;
}
/** "ca 170 000 kr", "85 000 kr + ej angivet", "ej angivet", "–" for nothing at all. */
function sumText(s: Sum): string {
  const parts: string[] = [];
  if (s.known) parts.push(`${s.ca ? 'ca ' : ''}${medEnhet(tusental(s.kr), 'kr')}`);
  if (s.ejAngivet) parts.push(EJ_ANGIVET);
  if (s.ejIfyllt) parts.push('ej ifyllt');
  return parts.join(' + ') || '–';
}

export const ÅR_EJ_ANGIVET = 'år ej angivet';
const EVERY_YEAR = 'varje år';

/**
 * The one reading of a cost's år (schema: kostnad.år; docs/format-v2.md): no år is every year of
 * the plan's period, so the amount stands in each year's column and the total adds it once per
 * year; år "ej angivet" is an amount whose year the source does not give (version 1's kostnad_kr,
 * which did not say per year or in all), so it stands once under "År ej angivet" and is added once
 * to the total. The explanation (budgetFörklaring), the per-insats lines (kostnaderText) and both
 * tables follow from this function.
 */
function yearsOf(k: Kostnad, period: number[]): string[] {
  if (k.år === EJ_ANGIVET) return [ÅR_EJ_ANGIVET];
  if (typeof k.år === 'number') return [String(k.år)];
  return period.length ? period.map(String) : [EVERY_YEAR];
}

export function periodYears(p?: { från?: number; till?: number }): number[] {
  if (!p || typeof p.från !== 'number' || typeof p.till !== 'number' || p.till < p.från || p.till - p.från > 50) return [];
  return Array.from({ length: p.till - p.från + 1 }, (_, i) => p.från! + i);
}

const sourceOf = (k: Kostnad) => k.källa ?? EJ_ANGIVET;

export interface BudgetTable {
  /** Column heads: the years (then "År ej angivet"), then "Totalt". */
  kolumner: string[];
  /** One row per funding source, then "Totalt"; each cell already as text. */
  rader: { källa: string; celler: string[] }[];
  /** How to read the table: only what it holds (every year, no year, not stated, –). */
  förklaring: string;
}

/** Costs per year (columns) and funding source (rows) with row and column totals; undefined when no costs. */
export function budgetTable(kostnader: Kostnad[], period: number[]): BudgetTable | undefined {
  const SOURCES = ['ordinarie budget', 'projektmedel', 'statsbidrag', 'extern finansiering', 'ingen kostnad', EJ_ANGIVET];
  const t = yearTable(kostnader.map((k) => ({ rad: sourceOf(k), k })), period, (a, b) => SOURCES.indexOf(a) - SOURCES.indexOf(b));
  return t && { kolumner: t.kolumner, rader: t.rader.map(({ rad, celler }) => ({ källa: rad, celler })), förklaring: budgetFörklaring(kostnader, period, t.rader) };
}

/**
 * The sentences that say how to read a budget table, each only when the table has what it explains,
 * so that the text and the cells never disagree (issue 13).
 */
export function budgetFörklaring(kostnader: Kostnad[], period: number[], rader: { celler: string[] }[]): string {
  const s: string[] = [];
  if (kostnader.some((k) => k.år === undefined)) {
    s.push(period.length
      ? `En kostnad som gäller varje år står under vart och ett av åren ${period[0]}–${period.at(-1)} och räknas med varje år i totalen.`
      : 'En kostnad som gäller varje år står under ”Varje år”.');
  }
  if (kostnader.some((k) => k.år === EJ_ANGIVET)) s.push('En kostnad där källan inte anger år står under ”År ej angivet” och räknas en gång i totalen.');
  const cells = rader.flatMap((r) => r.celler);
  if (cells.some((c) => c.includes(EJ_ANGIVET))) s.push('”Ej angivet” betyder att källan inte anger beloppet.');
  if (cells.some((c) => c.includes('ej ifyllt'))) s.push('”Ej ifyllt” betyder att beloppet inte är ifyllt i projektfilen.');
  if (cells.includes('–')) s.push('Ett streck (–) betyder ingen kostnad.');
  return s.join(' ');
}

/** Costs per year (columns) and post (rows: each insats, the coordinator's post) in the posts' order, with totals. */
export function budgetByPost(posts: { namn: string; kostnader: Kostnad[] }[], period: number[]): { kolumner: string[]; rader: { post: string; celler: string[] }[] } | undefined {
  const order = posts.map((x) => x.namn);
  const t = yearTable(posts.flatMap((x) => x.kostnader.map((k) => ({ rad: x.namn, k }))), period, (a, b) => order.indexOf(a) - order.indexOf(b));
  return t && { kolumner: t.kolumner, rader: t.rader.map(({ rad, celler }) => ({ post: rad, celler })) };
}

/** Sums per row key and year, with a "Totalt" column and row; undefined when there is nothing. */
function yearTable(items: { rad: string; k: Kostnad }[], period: number[], rowOrder: (a: string, b: string) => number): { kolumner: string[]; rader: { rad: string; celler: string[] }[] } | undefined {
  if (!items.length) return undefined;
  const cells = new Map<string, Map<string, Sum>>(); // row → year → sum
  const years = new Set<string>();
  for (const { rad, k } of items) {
    const row = cells.get(rad) ?? new Map<string, Sum>();
    cells.set(rad, row);
    for (const y of yearsOf(k, period)) {
      years.add(y);
      const s = row.get(y) ?? emptySum();
      add(s, k);
      row.set(y, s);
    }
  }
  const order = (y: string) => (y === ÅR_EJ_ANGIVET ? Infinity : y === EVERY_YEAR ? Infinity - 1 : Number(y));
  const cols = [...years].sort((a, b) => order(a) - order(b));
  const keys = [...cells.keys()].sort(rowOrder);
  const colTotals = cols.map(() => emptySum());
  const all = emptySum();
  const rader = keys.map((rad) => {
    const row = cells.get(rad)!;
    const total = emptySum();
    const celler = cols.map((y, j) => {
      const s = row.get(y);
      if (!s) return '–';
      merge(total, s); merge(colTotals[j]!, s); merge(all, s);
      return sumText(s);
    });
    return { rad, celler: [...celler, sumText(total)] };
  });
  rader.push({ rad: 'Totalt', celler: [...colTotals.map(sumText), sumText(all)] });
  // A head starts its cell: capitalised as every cell's status value ("År ej angivet", "Varje år").
  return { kolumner: [...cols.map(cap), 'Totalt'], rader };
}

const unknown = (v: unknown) => v === undefined || v === EJ_ANGIVET;

/**
 * One cost as a phrase, by the same reading of år as the tables (yearsOf): "2026: 85 000 kr
 * (projektmedel)", "2025–2028: 210 000 kr per år (ordinarie budget)", "90 000 kr (ordinarie
 * budget), år ej angivet", "2025–2028: ingen kostnad"; then " – kommentar".
 */
export function kostnadText(k: Kostnad, period: number[]): string {
  const ingen = k.källa === 'ingen kostnad' && (k.belopp_kr === undefined || k.belopp_kr === 0);
  const belopp = beloppText(k.belopp_kr) || 'belopp ej ifyllt';
  const vad = ingen ? 'ingen kostnad' : `${belopp}${k.år === undefined ? ' per år' : ''} (${k.källa ?? `källa ${EJ_ANGIVET}`})`;
  const text = k.år === EJ_ANGIVET ? `${vad}, ${ÅR_EJ_ANGIVET}`
    : typeof k.år === 'number' ? `${k.år}: ${vad}`
    : period.length ? `${period[0]}–${period.at(-1)}: ${vad}` : vad;
  return `${text}${k.kommentar ? ` – ${k.kommentar}` : ''}`;
}

/**
 * An insats's or a support's costs on one line, joined by "; ", or by a space after a note that
 * ends its sentence (no ".;"; the note stays as written). Costs of which nothing is stated – no
 * year, amount nor source – read "ej angivna"; none at all is '' (the template says "Ej ifyllt").
 */
export function kostnaderText(ks: Kostnad[] | undefined, period: number[]): string {
  const list = ks ?? [];
  if (!list.length) return '';
  if (list.every((k) => unknown(k.belopp_kr) && k.år === EJ_ANGIVET && unknown(k.källa) && !k.kommentar)) return 'ej angivna';
  return list.map((k) => kostnadText(k, period)).reduce((acc, t) => (acc ? `${acc}${/[.!?]$/.test(acc) ? ' ' : '; '}${t}` : t), '');
}

/**
 * A section's sources in the order of their numbers ("[1] …" before "[2] …", unnumbered ones
 * last as given), each number bound to its text by a no-break space so that a long URL after it
 * does not leave the number alone on its line.
 */
export function källorOrdnade(k?: string[]): string[] {
  const nr = (s: string) => { const m = /^\s*\[(\d+)\]/.exec(s); return m ? Number(m[1]) : Infinity; };
  return [...(k ?? [])].sort((a, b) => nr(a) - nr(b)).map((s) => s.replace(/^(\s*\[\d+\])\s+/, '$1\u00a0'));
}

/** Text sources of a section, printed under it. */
export const källorText = (k?: string[]) => källorOrdnade(k).join('; ');
