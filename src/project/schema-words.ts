// Names fields in words from the schema's Swedish titles, so that messages say
// "Handlingsplan › Insatser › I3 › Preventionsnivå" instead of a JSON pointer.
import schema from '../../schemas/projekt.schema.json' with { type: 'json' };
import type { YamlPath } from './load.js';
import { isSelector } from './progress.js';

/** The schema of one branch of an anyOf (dereferenced, with its definition's name in $def). */
export const branchSchema = (s: S): S => deref(s) ?? s;

type S = Record<string, any>;
const root = schema as S;

function deref(s: S | undefined): S | undefined {
  let cur = s;
  for (let i = 0; cur && cur.$ref && i < 10; i++) {
    const ref: string = cur.$ref;
    const name = ref.startsWith('#/$defs/') ? ref.slice(8) : undefined;
    const target = name ? root.$defs[name] : undefined;
    // A $ref beside a title keeps the local title; $def names the definition (a datum, a tal).
    cur = target ? { ...target, $def: name, ...(cur.title ? { title: cur.title } : {}), $ref: undefined } : undefined;
  }
  return cur;
}

const atCache = new Map<string, S | undefined>();

/**
 * The (dereferenced) schema for a path, or undefined where the path leaves the schema; the same
 * object for every item of a list, which callers only read.
 */
export function schemaAt(path: YamlPath): S | undefined {
  // A selector ("[typ=styrgrupp]", "[senaste]") stands for one item of its list.
  // Messages and progress ask for the same few hundred paths for every file (check of 290 files).
  const key = path.map((seg) => (typeof seg === 'number' || isSelector(seg) ? '\u0000' : seg)).join('\u0001');
  if (atCache.has(key)) return atCache.get(key);
  const s = walkSchema(path);
  atCache.set(key, s);
  return s;
}

function walkSchema(path: YamlPath): S | undefined {
  let cur: S | undefined = root;
  for (const seg of path) {
    cur = deref(cur);
    if (!cur) return undefined;
    if (typeof seg === 'number' || isSelector(seg)) cur = cur.items;
    else cur = cur.properties?.[seg] ?? (typeof cur.additionalProperties === 'object' ? cur.additionalProperties : undefined);
  }
  return deref(cur);
}

export function titleOf(path: YamlPath): string | undefined {
  return schemaAt(path)?.title;
}

/** "Steg 4 Planera › Insatser › I3 › Preventionsnivå" for a path, using item ids where they exist. */
export function fieldInWords(path: YamlPath, data: unknown): string {
  const parts: string[] = [];
  let value: any = data;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    value = value == null ? undefined : value[seg as any];
    if (typeof seg === 'number') {
      parts.push(value && typeof value === 'object' && typeof value.id === 'string' ? value.id : `nr ${seg + 1}`);
    } else {
      const t = titleOf(path.slice(0, i + 1));
      // Questions are long: name them by id and the start of their text.
      parts.push(!t ? seg : t.length > 50 ? `${seg} ("${t.slice(0, 40).trimEnd()}…")` : t);
    }
  }
  return parts.length ? parts.join(' › ') : 'Projektfilen';
}

export function allowedKeys(path: YamlPath): string[] {
  const s = schemaAt(path);
  return s?.properties ? Object.keys(s.properties) : s?.propertyNames?.enum ?? [];
}

/**
 * Every string the schema allows as an enum or const value ("hög", "fortsätta", "ej angivet",
 * "region"): words of the format, not the user's text. A document shows such a word capitalised
 * where it starts a table cell (render/template.ts cellText).
 */
export const ENUM_WORDS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) { o.forEach(walk); return; }
    if (!o || typeof o !== 'object') return;
    const s = o as S;
    if (Array.isArray(s.enum)) for (const x of s.enum) if (typeof x === 'string') out.add(x);
    if (typeof s.const === 'string') out.add(s.const);
    Object.values(s).forEach(walk);
  };
  walk(root);
  return out;
})();
