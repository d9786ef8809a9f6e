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

/** The years a cost falls in: its år, or every year of the plan's period when it has none. */
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
}

/** Costs per year (columns) and funding source (rows) with row and column totals; undefined when no costs. */
export function budgetTable(kostnader: Kostnad[], period: number[]): BudgetTable | undefined {
  const SOURCES = ['ordinarie budget', 'projektmedel', 'statsbidrag', 'extern finansiering', 'ingen kostnad', EJ_ANGIVET];
  const t = yearTable(kostnader.map((k) => ({ rad: sourceOf(k), k })), period, (a, b) => SOURCES.indexOf(a) - SOURCES.indexOf(b));
  return t && { kolumner: t.kolumner, rader: t.rader.map(({ rad, celler }) => ({ källa: rad, celler })) };
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

/** One cost as a line: "2026: 85 000 kr (projektmedel) – kommentar". */
export function kostnadText(k: Kostnad, period: number[]): string {
  const år = k.år === EJ_ANGIVET ? ÅR_EJ_ANGIVET : typeof k.år === 'number' ? String(k.år) : period.length ? `varje år ${period[0]}–${period.at(-1)}` : EVERY_YEAR;
  const belopp = beloppText(k.belopp_kr) || (k.källa === 'ingen kostnad' ? medEnhet('0', 'kr') : 'belopp ej ifyllt');
  return `${år}: ${belopp} (${k.källa ?? `källa ${EJ_ANGIVET}`})${k.kommentar ? ` – ${k.kommentar}` : ''}`;
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
