// From Kolada's answers to edits of the project file: one key figure per Kolada id, kommun and
// year (for a samverkan one per member kommun), with the gender split and the comparisons the
// file names. A key figure fsstöd wrote from Kolada (källa "Kolada (RKA), <id>, …") is updated in
// place, field by field, so that comments and order stay; one written by hand is never touched.
import { ServiceError } from '../errors.js';
import { allKommuner, genitive } from '../kommuner.js';
import { COLLECTIONS } from '../project/refs.js';
import { EJ_ANGIVET, type Nyckeltal, type Project } from '../project/types.js';
import { nextId } from '../interview/fields.js';
import type { Edit } from '../interview/session.js';
import { numText } from '../render/values.js';
import type { DataRow, KpiMeta } from './format.js';

export const RIKET = '0000';
const LIST = COLLECTIONS.nyckeltal.path;

export interface Member {
  kod: string;
  namn: string;
  länskod: string;
  län: string;
}

/** A comparison Kolada can answer: how the file names it (med), and Kolada's municipality id. */
export interface Comparison {
  med: string;
  id: string;
  /** In messages: "riket", "Örebro län", "Örebro kommun". */
  label: string;
}

export interface Change {
  id: string;
  kind: 'ny' | 'ändrad' | 'oförändrad';
  line: string;
}

const KOLADA_SOURCE = /^Kolada \(RKA\), ([A-Za-z0-9]+)\b/;

/** The Kolada id of a key figure fsstöd wrote from Kolada, or undefined for one written by hand. */
export function koladaId(n: Pick<Nyckeltal, 'källa'>): string | undefined {
  return typeof n.källa === 'string' ? KOLADA_SOURCE.exec(n.källa)?.[1] : undefined;
}

/** The file's kommuner (each member of a samverkan), with their län from SCB's codes when the file lacks it. */
export function membersOf(p: Project): Member[] {
  const all = allKommuner();
  return p.projekt.kommuner.map((k) => {
    const ref = all.find((x) => x.kod === k.kod);
    return { kod: k.kod, namn: k.namn ?? ref?.namn ?? k.kod, länskod: k.länskod ?? ref?.länskod ?? '', län: k.län ?? ref?.län ?? '' };
  });
}

export const kommunNamn = (m: Pick<Member, 'namn'>) => `${genitive(m.namn)} kommun`;
/** Kolada's id of a län (region) is the län's code prefixed with 00: Örebro län (18) is 0018. */
export const länId = (länskod: string) => `00${länskod}`;

function keyFigures(p: Project): Nyckeltal[] {
  return p.analys?.målgruppsanalys?.nyckeltal ?? [];
}

/** Where a key figure for this member is: a single kommun's figure covers the whole kommun. */
function områdeFor(member: Member, many: boolean): string {
  return many ? kommunNamn(member) : 'Hela kommunen';
}

function sameOmråde(n: Nyckeltal, member: Member, many: boolean): boolean {
  const o = (n.område ?? '').trim().toLocaleLowerCase('sv-SE');
  const own = [kommunNamn(member), member.namn].map((s) => s.toLocaleLowerCase('sv-SE'));
  return many ? own.includes(o) : o === '' || o === 'hela kommunen' || own.includes(o);
}

/** What a comparison named in the file is in Kolada: riket, the member's län, or a named kommun. */
export function comparisonOf(med: string, member: Member): Comparison | undefined {
  const m = med.trim().toLocaleLowerCase('sv-SE');
  if (m === 'riket') return { med, id: RIKET, label: 'riket' };
  if (m === 'länet') return member.länskod ? { med, id: länId(member.länskod), label: member.län || 'länet' } : undefined;
  if (m === '' || med === EJ_ANGIVET || m === 'liknande kommuner') return undefined;
  const k = allKommuner().filter((x) => x.namn.toLocaleLowerCase('sv-SE') === m || kommunNamn(x).toLocaleLowerCase('sv-SE') === m);
  return k.length === 1 ? { med, id: k[0]!.kod, label: kommunNamn(k[0]!) } : undefined;
}

/**
 * The comparisons for one Kolada id: those of the key figures fsstöd already wrote from it (the
 * file names them), else riket and the län.
 */
export function comparisonsFor(p: Project, kpi: string, member: Member): Comparison[] {
  const named = keyFigures(p).filter((n) => koladaId(n) === kpi).flatMap((n) => (n.jämförelser ?? []).map((j) => j.med));
  const meds = named.length ? [...new Set(named)] : ['riket', 'länet'];
  return meds.map((m) => comparisonOf(m, member)).filter((c): c is Comparison => c !== undefined);
}

/** Every municipality id to ask Kolada about for these key figures: the members and their comparisons. */
export function municipalityIds(p: Project, kpi: string): string[] {
  const ids = new Set<string>();
  for (const m of membersOf(p)) {
    ids.add(m.kod);
    for (const c of comparisonsFor(p, kpi, m)) ids.add(c.id);
  }
  return [...ids];
}

// Young adults ("unga 16–24 år") are kvinnor/män; a barnmorska is not a child.
// Letters, not \b: \b does not see å, ä, ö as letters ("årskurs").
const CHILD_WORDS = /(?<![\p{L}\p{N}])(barn(?!morsk)\p{L}*|elev\p{L}*|flickor|pojkar|skol\p{L}*|grundskol\p{L}*|gymnasie\p{L}*|förskol\p{L}*|årskurs|åk \d|0-17|0–17|1-17|6-15|13-17)(?![\p{L}\p{N}])/iu;

/**
 * The names of Kolada's K and M for a key figure: flickor/pojkar when it concerns children or
 * pupils, else kvinnor/män; a figure already in the file keeps the words it has.
 */
export function genderWords(title: string, existing?: Nyckeltal['per_kön']): { K: 'flickor' | 'kvinnor'; M: 'pojkar' | 'män' } {
  if (existing && ('flickor' in existing || 'pojkar' in existing)) return { K: 'flickor', M: 'pojkar' };
  if (existing && ('kvinnor' in existing || 'män' in existing)) return { K: 'kvinnor', M: 'män' };
  return CHILD_WORDS.test(title) ? { K: 'flickor', M: 'pojkar' } : { K: 'kvinnor', M: 'män' };
}

/** The unit: Kolada's own when the answer gives one, else what the title ends with ("…, andel (%)"). */
export function unitOf(meta: Pick<KpiMeta, 'unit' | 'title'>): string | undefined {
  if (meta.unit) return meta.unit;
  const t = meta.title.trim();
  if (/\(%\)$|procent$/i.test(t)) return 'procent';
  if (/kr\/inv(ånare)?\.?$/i.test(t)) return 'kr per invånare';
  if (/\bkr\b\.?$|\bkronor$/i.test(t)) return 'kr';
  if (/\bantal$/i.test(t)) return 'antal';
  return undefined;
}

export interface ApplyOptions {
  /** Only this year (--år); else the latest year Kolada has for each kommun. */
  år?: number;
  /** The key figure's source: "Kolada (RKA), <id>, hämtad 2026-12-02". */
  källa: (kpi: string) => string;
  /** "Kolada" or the answers file, in messages. */
  origin: string;
  /** Hint for a missing year or value. */
  hint: string;
}

export interface Applied {
  edits: Edit[];
  changes: Change[];
  notes: string[];
}

const fmt = (v: number, enhet?: string) => `${numText(v)}${enhet === 'procent' ? ' %' : enhet ? ` ${enhet}` : ''}`;

/**
 * The edits that put Kolada's values for `kpis` into the file. Throws ServiceError (the file
 * stays unchanged) for an id Kolada does not know, a year without data or a value that is null.
 */
export function koladaEdits(p: Project, kpis: string[], metas: Map<string, KpiMeta>, rows: DataRow[], o: ApplyOptions): Applied {
  const members = membersOf(p);
  const many = members.length > 1;
  const list = keyFigures(p);
  const edits: Edit[] = [];
  const changes: Change[] = [];
  const notes: string[] = [];
  const added: Record<string, unknown>[] = [];
  let data: unknown = p;
  const row = (kpi: string, id: string, year: number) => rows.find((r) => r.kpi === kpi && r.municipality === id && r.period === year);

  for (const kpi of kpis) {
    const known = list.find((n) => koladaId(n) === kpi);
    const meta = metas.get(kpi);
    if (!meta && !known) {
      throw new ServiceError(`${o.origin} känner inte till nyckeltalet ${kpi}`, undefined, o.origin === 'Kolada' ? 'Sök rätt id med fsstöd nyckeltal sök <ord>.' : `Spara också svaret från /v2/kpi/${kpi} (nyckeltalets namn) i samma fil, som en lista: [svar1, svar2].`);
    }
    const title = meta?.title ?? known!.namn;
    const enhet = meta ? unitOf(meta) : known!.enhet;
    for (const member of members) {
      const where = `${kpi} (${title}) för ${kommunNamn(member)} (${member.kod})`;
      const own = rows.filter((r) => r.kpi === kpi && r.municipality === member.kod);
      const year = o.år ?? Math.max(...own.map((r) => r.period));
      const r = own.find((x) => x.period === year);
      if (!r) {
        const years = own.map((x) => x.period).sort((a, b) => a - b);
        throw new ServiceError(`${o.origin} har inga värden för ${where}${o.år !== undefined ? ` år ${o.år}` : ''}${years.length ? ` (år med värden: ${years.join(', ')})` : ''}`, undefined, o.hint);
      }
      const t = r.values.find((v) => v.gender === 'T');
      if (!t || t.value === null) {
        throw new ServiceError(`${o.origin} anger inget värde (${t ? 'null' : 'inget totalvärde'}) för ${where} år ${year}${t?.status ? `; status: ${t.status}` : ''}`, undefined, o.hint);
      }
      const i = list.findIndex((n) => koladaId(n) === kpi && n.år === year && sameOmråde(n, member, many));
      const existing = i >= 0 ? list[i] : undefined;
      const words = genderWords(title, existing?.per_kön);
      const kön: Record<string, number> = {};
      for (const v of r.values) if (v.gender !== 'T' && v.value !== null) kön[words[v.gender]] = v.value;
      const comps = comparisonsFor(p, kpi, member).flatMap((c) => {
        const cr = row(kpi, c.id, year)?.values.find((v) => v.gender === 'T');
        if (!cr || cr.value === null) {
          notes.push(`obs: ${o.origin} har ${cr ? 'inget värde (null)' : 'inga värden'} för ${kpi} år ${year} för ${c.label} (${c.id}); den jämförelsen lämnas ${existing ? 'som den är' : 'bort'}`);
          return [];
        }
        return [{ c, värde: cr.value }];
      });
      const källa = o.källa(kpi);
      const jKälla = `Kolada (RKA), ${kpi}`;
      const summary = [
        `${kommunNamn(member)} ${year}: ${fmt(t.value, enhet)}`,
        Object.keys(kön).length ? `(${Object.entries(kön).map(([k, v]) => `${k} ${fmt(v, enhet)}`).join(', ')})` : '',
        comps.length ? `; ${comps.map((x) => `${x.c.label} ${fmt(x.värde, enhet)}`).join(', ')}` : '',
      ].filter(Boolean).join(' ').replace(' ;', ';');

      // One written by hand with the same name is the user's: a note, never an edit.
      const hand = list.find((n) => !koladaId(n) && n.namn.trim().toLocaleLowerCase('sv-SE') === title.trim().toLocaleLowerCase('sv-SE') && sameOmråde(n, member, many));
      if (hand) notes.push(`obs: ${hand.id} har samma namn men är skrivet för hand${hand.källa ? ` (källa: ${hand.källa})` : ''}; det ändras inte`);

      if (!existing) {
        const id = nextId(data, COLLECTIONS.nyckeltal.prefix);
        const item: Record<string, unknown> = { id, namn: title, värde: t.value };
        if (enhet) item.enhet = enhet;
        Object.assign(item, { år: year, källa, område: områdeFor(member, many) });
        if (Object.keys(kön).length) item.per_kön = kön;
        if (comps.length) item.jämförelser = comps.map((x) => ({ med: x.c.med, värde: x.värde, år: year, källa: jKälla }));
        added.push(item);
        // Ids are counted over the data with the new items in it.
        data = { ...(data as object), analys: { ...p.analys, målgruppsanalys: { ...p.analys?.målgruppsanalys, nyckeltal: [...list, ...added] } } };
        changes.push({ id, kind: 'ny', line: `+ ${id} ${title} – ${summary}` });
        continue;
      }

      // In place: only the fields whose value changes, each at its own path.
      const base = [...LIST, i];
      const what: string[] = [];
      const set = (path: (string | number)[], value: unknown, before: unknown, label?: string) => {
        if (JSON.stringify(before) === JSON.stringify(value)) return;
        edits.push({ path: [...base, ...path], value });
        if (label) what.push(label);
      };
      if (meta) set(['namn'], title, existing.namn, 'namn');
      if (enhet !== undefined) set(['enhet'], enhet, existing.enhet, 'enhet');
      set(['värde'], t.value, existing.värde, `värde ${typeof existing.värde === 'number' ? fmt(existing.värde, enhet) : JSON.stringify(existing.värde)} → ${fmt(t.value, enhet)}`);
      if (Object.keys(kön).length) {
        if (!existing.per_kön) set(['per_kön'], kön, undefined, 'per kön');
        else for (const [k, v] of Object.entries(kön)) set(['per_kön', k], v, (existing.per_kön as Record<string, unknown>)[k], `${k}`);
      }
      const js = existing.jämförelser ?? [];
      const fresh: Record<string, unknown>[] = [];
      for (const x of comps) {
        const j = js.findIndex((y) => y.med.trim().toLocaleLowerCase('sv-SE') === x.c.med.trim().toLocaleLowerCase('sv-SE'));
        if (j < 0) { fresh.push({ med: x.c.med, värde: x.värde, år: year, källa: jKälla }); continue; }
        set(['jämförelser', j, 'värde'], x.värde, js[j]!.värde, `${x.c.label}`);
        set(['jämförelser', j, 'år'], year, js[j]!.år);
        set(['jämförelser', j, 'källa'], jKälla, js[j]!.källa);
      }
      if (fresh.length) {
        if (!existing.jämförelser) set(['jämförelser'], fresh, undefined, 'jämförelser');
        else fresh.forEach((f, k) => set(['jämförelser', js.length + k], f, undefined, `${f.med}`));
      }
      // The date it was fetched changes only with a value: an unchanged figure stays unchanged.
      if (what.length) set(['källa'], källa, existing.källa);
      changes.push(what.length
        ? { id: existing.id, kind: 'ändrad', line: `~ ${existing.id} ${title} – ${summary} (ändrat: ${[...new Set(what)].join(', ')})` }
        : { id: existing.id, kind: 'oförändrad', line: `= ${existing.id} ${title} – ${summary} (oförändrat)` });
    }
  }
  if (added.length) {
    if (p.analys?.målgruppsanalys?.nyckeltal) added.forEach((a, k) => edits.push({ path: [...LIST, list.length + k], value: a }));
    else edits.push({ path: [...LIST], value: added });
  }
  return { edits, changes, notes: [...new Set(notes)] };
}
