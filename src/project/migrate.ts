// Formatversion 1 → 2 (issue 12), on the YAML Document: values are moved, not copied, so the
// user's comments, key order and scalar styles go with them, and each moved node keeps its place
// in the original text (positions in messages about a v1 file point at the user's own lines).
// The same function serves `fsstöd migrera` (which saves the result) and the loader (which reads
// a v1 file as v2 in memory). No value is lost: test/project/migrate.test.ts migrates every valid
// file of the tests and compares every value.
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { yamlLib } from './load.js';
import { joinSv } from '../text.js';

export const CURRENT_FORMAT = 2;

/**
 * What one change did, in terms the text migration (migrate-text.ts) replays on the user's own
 * lines: the list below is the one definition of the migration, and the text edits follow it.
 */
export type MigrationStep =
  | { op: 'formatversion' }
  | { op: 'grupp'; nyckel: 'styrgrupp' | 'arbetsgrupp'; id: string; tillBefintlig: boolean }
  | { op: 'jämförelse'; i: number }
  | { op: 'kostnader'; lista: 'befintligt_stöd' | 'insatser'; i: number; perÅr: boolean }
  | { op: 'ansvarig'; i: number; tillLista: boolean }
  | { op: 'uppföljning' };

/** One change, described for `fsstöd migrera --torrkörning`. */
export interface MigrationChange { sökväg: string; ändring: string; steg: MigrationStep }

type Lib = ReturnType<typeof yamlLib>;

function pairOf(lib: Lib, map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!lib.isMap(map)) return undefined;
  return (map as YAMLMap<Node, Node | null>).items.find((p) => lib.isScalar(p.key) && String(p.key.value) === key);
}

/** A new node made from a value, placed (for messages) where `origin` is in the text. */
function made(doc: Document, value: unknown, origin: Node | null | undefined): Node {
  const n = doc.createNode(value) as Node;
  if (origin?.range) {
    const r = origin.range;
    const { isNode, isPair } = yamlLib();
    const mark = (x: unknown): void => {
      if (!isNode(x)) return;
      if (!x.range) x.range = [r[0], r[0], r[0]];
      for (const it of (x as { items?: unknown[] }).items ?? []) {
        if (isPair(it)) { mark(it.key); mark(it.value); } else mark(it);
      }
    };
    mark(n);
  }
  return n;
}

/** Replaces a pair's key (keeping its comments and place in the map). */
function renameKey(doc: Document, pair: Pair<Node, Node | null>, key: string): void {
  const old = pair.key as any;
  const k = made(doc, key, old) as any;
  k.commentBefore = old.commentBefore;
  k.comment = old.comment;
  k.spaceBefore = old.spaceBefore;
  pair.key = k;
}

/** Inserts `first` pairs at the start of a map (id and typ of a group, id of a round). */
function prepend(doc: Document, map: YAMLMap, entries: [string, unknown][], origin: Node | null | undefined): void {
  const { Pair: P } = yamlLib();
  const pairs = entries.map(([k, v]) => new P(made(doc, k, origin), made(doc, v, origin)));
  // A comment above the map's first key belongs above the new first key.
  const firstKey = map.items[0]?.key as any;
  if (firstKey?.commentBefore && pairs[0]) {
    (pairs[0].key as any).commentBefore = firstKey.commentBefore;
    firstKey.commentBefore = undefined;
  }
  map.items.unshift(...(pairs as any));
}

const pathText = (path: (string | number)[]) => path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');

/**
 * Migrates a parsed Document of formatversion 1 to formatversion 2 in place. Returns the changes
 * (none when the file already has formatversion 2 or is not a v1 project file).
 */
export function migrateDocument(doc: Document): MigrationChange[] {
  const lib = yamlLib();
  const root = doc.contents;
  const changes: MigrationChange[] = [];
  const fv = pairOf(lib, root, 'formatversion');
  if (!fv || !lib.isScalar(fv.value) || fv.value.value !== 1) return changes;
  fv.value.value = CURRENT_FORMAT;
  changes.push({ sökväg: 'formatversion', ändring: '1 → 2', steg: { op: 'formatversion' } });

  // Groups: organisation.styrgrupp and .arbetsgrupp become items of organisation.grupper.
  const org = pairOf(lib, root, 'organisation')?.value;
  if (lib.isMap(org)) {
    const groups: Node[] = [];
    const intoExisting = lib.isSeq(pairOf(lib, org, 'grupper')?.value);
    let at = -1;
    let n = 1;
    for (const typ of ['styrgrupp', 'arbetsgrupp']) {
      const pair = pairOf(lib, org, typ);
      if (!pair) continue;
      const value = pair.value;
      if (value !== null && !lib.isMap(value) && !(lib.isScalar(value) && value.value === null)) continue; // not a group: left for validation to report
      const i = org.items.indexOf(pair as any);
      if (at < 0) at = i;
      const group = lib.isMap(value) ? value : (made(doc, {}, pair.key as Node) as YAMLMap);
      prepend(doc, group, [['id', `G${n++}`], ['typ', typ]], pair.key as Node);
      const keyComment = (pair.key as any)?.commentBefore;
      if (keyComment) group.commentBefore = [keyComment, group.commentBefore].filter(Boolean).join('\n');
      groups.push(group);
      org.items.splice(i, 1);
      changes.push({ sökväg: `organisation.${typ}`, ändring: `blir en grupp i organisation.grupper (id G${n - 1}, typ ${typ})`, steg: { op: 'grupp', nyckel: typ as 'styrgrupp' | 'arbetsgrupp', id: `G${n - 1}`, tillBefintlig: intoExisting } });
    }
    if (groups.length) {
      const existing = pairOf(lib, org, 'grupper');
      if (existing && lib.isSeq(existing.value)) existing.value.items.push(...groups);
      else {
        const seq = made(doc, [], groups[0]) as YAMLSeq;
        seq.items.push(...groups);
        const { Pair: P } = lib;
        org.items.splice(at, 0, new P(made(doc, 'grupper', groups[0]), seq) as any);
      }
    }
  }

  const analys = pairOf(lib, root, 'analys')?.value;
  // Key figures: jämförelse (one number, compared with what was never said) → jämförelser.
  const nyckeltal = pairOf(lib, pairOf(lib, analys, 'målgruppsanalys')?.value, 'nyckeltal')?.value;
  if (lib.isSeq(nyckeltal)) {
    nyckeltal.items.forEach((item, i) => {
      const pair = pairOf(lib, item, 'jämförelse');
      if (!pair) return;
      const value = pair.value;
      renameKey(doc, pair, 'jämförelser');
      const entry = made(doc, { med: 'ej angivet' }, value) as YAMLMap;
      const { Pair: P } = lib;
      entry.items.push(new P(made(doc, 'värde', value), value) as any);
      const seq = made(doc, [], value) as YAMLSeq;
      seq.items.push(entry);
      pair.value = seq;
      changes.push({ sökväg: `analys.målgruppsanalys.nyckeltal[${i}].jämförelse`, ändring: 'blir jämförelser: [{med: ej angivet, värde}] (version 1 sade inte vad värdet jämfördes med)', steg: { op: 'jämförelse', i } });
    });
  }

  // Costs: one number (and a funding source) → kostnader, a list per year and source.
  const costs = (seq: unknown, lista: 'befintligt_stöd' | 'insatser', base: string, yearly: boolean) => {
    if (!lib.isSeq(seq)) return;
    seq.items.forEach((item, i) => {
      if (!lib.isMap(item)) return;
      const kr = pairOf(lib, item, 'kostnad_kr');
      const fin = pairOf(lib, item, 'finansiering');
      if (!kr && !fin) return;
      const first = kr && fin ? (item.items.indexOf(kr as any) < item.items.indexOf(fin as any) ? kr : fin) : (kr ?? fin)!;
      const entry = made(doc, {}, first.key as Node) as YAMLMap;
      const { Pair: P } = lib;
      // Version 1 did not say whether an insats's cost was per year or in all: "ej angivet".
      if (!yearly) entry.items.push(new P(made(doc, 'år', first.key as Node), made(doc, 'ej angivet', first.key as Node)) as any);
      // The first key's comment goes above kostnader (below); the other's stays with its value.
      const moved = (pair: Pair<Node, Node | null>, key: string) => {
        const k = made(doc, key, pair.key as Node) as any;
        if (pair !== first) k.commentBefore = (pair.key as any)?.commentBefore;
        return k;
      };
      if (kr) entry.items.push(new P(moved(kr, 'belopp_kr'), kr.value) as any);
      if (fin) {
        if (lib.isScalar(fin.value) && fin.value.value === 'extern') fin.value.value = 'extern finansiering';
        entry.items.push(new P(moved(fin, 'källa'), fin.value) as any);
      }
      const list = made(doc, [], first.key as Node) as YAMLSeq;
      list.items.push(entry);
      const at = item.items.indexOf(first as any);
      const pair = new P(made(doc, 'kostnader', first.key as Node), list) as any;
      (pair.key as any).commentBefore = (first.key as any)?.commentBefore;
      item.items = item.items.filter((p) => p !== kr && p !== fin);
      item.items.splice(Math.min(at, item.items.length), 0, pair);
      changes.push({ sökväg: `${base}[${i}]`, ändring: `${joinSv([kr && 'kostnad_kr', fin && 'finansiering'].filter((x): x is string => Boolean(x)))} blir kostnader${yearly ? ' (per år)' : ' (år: ej angivet)'}`, steg: { op: 'kostnader', lista, i, perÅr: yearly } });
    });
  };
  costs(pairOf(lib, pairOf(lib, analys, 'kartläggning')?.value, 'befintligt_stöd')?.value, 'befintligt_stöd', 'analys.kartläggning.befintligt_stöd', true);

  const insatser = pairOf(lib, pairOf(lib, root, 'handlingsplan')?.value, 'insatser')?.value;
  costs(insatser, 'insatser', 'handlingsplan.insatser', false);
  // One responsible actor → a list of them.
  if (lib.isSeq(insatser)) {
    insatser.items.forEach((item, i) => {
      const pair = pairOf(lib, item, 'ansvarig');
      if (!pair) return;
      renameKey(doc, pair, 'ansvariga');
      // An empty ansvarig stays empty (null): [null] would invent an entry.
      const wrap = pair.value !== null && !lib.isSeq(pair.value) && !(lib.isScalar(pair.value) && pair.value.value === null);
      if (wrap) {
        const seq = made(doc, [], pair.value) as YAMLSeq;
        seq.flow = true;
        seq.items.push(pair.value);
        pair.value = seq;
      }
      changes.push({ sökväg: `handlingsplan.insatser[${i}].ansvarig`, ändring: 'blir ansvariga (en lista)', steg: { op: 'ansvarig', i, tillLista: wrap } });
    });
  }

  // Follow-up: one uppföljning → the first round of uppföljningar.
  const upp = pairOf(lib, root, 'uppföljning');
  if (upp && (lib.isMap(upp.value) || upp.value === null || (lib.isScalar(upp.value) && upp.value.value === null))) {
    const round = lib.isMap(upp.value) ? upp.value : (made(doc, {}, upp.key as Node) as YAMLMap);
    prepend(doc, round, [['id', 'U1']], upp.key as Node);
    renameKey(doc, upp as Pair<Node, Node | null>, 'uppföljningar');
    const seq = made(doc, [], round) as YAMLSeq;
    seq.items.push(round);
    upp.value = seq;
    changes.push({ sökväg: 'uppföljning', ändring: 'blir den första omgången i uppföljningar (id U1)', steg: { op: 'uppföljning' } });
  }
  return changes.map((c) => ({ ...c, sökväg: c.sökväg || pathText([]) }));
}
