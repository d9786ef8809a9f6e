// Validation of a loaded project: the JSON Schema (precompiled at build) and the references
// between ids. Problems carry a Swedish message, the field in words, and line/column.
import type { ErrorObject } from 'ajv';
import { projekt as validateSchema } from '../generated/validators.js';
import { positionOf, type LoadedProject, type YamlPath } from './load.js';
import { allowedKeys, fieldInWords, schemaAt } from './schema-words.js';
import { checkReferences } from './refs.js';
import { closest } from '../text.js';

export interface Problem {
  /** 'schema', 'referens' or 'unikt-id'. */
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  path: YamlPath;
  line: number;
  col: number;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'ett tal', integer: 'ett heltal', boolean: 'true eller false (ja/nej)',
  array: 'en lista', object: 'en mappning (nyckel: värde)', null: 'tomt',
};

function typeOfValue(v: unknown): string {
  if (v === null || v === undefined) return 'tomt';
  if (Array.isArray(v)) return 'en lista';
  if (typeof v === 'object') return 'en mappning';
  if (typeof v === 'string') return `texten ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'boolean') return String(v);
  return `talet ${v}`;
}

/** A key or value as shown in a message: quoted, with invisible characters made visible. */
export function shown(s: string): string {
  return JSON.stringify(s);
}

function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(k) ? Number(k) : k;
  });
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v: any = data;
  for (const seg of path) v = v == null ? undefined : v[seg as any];
  return v;
}

function suggest(key: string, candidates: string[]): string {
  const best = closest(key, candidates);
  return best ? ` – menade du "${best}"?` : candidates.length && candidates.length <= 12 ? `. Tillåtna fält: ${candidates.join(', ')}` : '';
}

/** One ajv error → a problem with a message a kommun coordinator understands. */
function describe(e: ErrorObject, p: LoadedProject): Problem {
  let path = pointerToPath(e.instancePath);
  const value = valueAt(p.data, path);
  const words = fieldInWords(path, p.data);
  let key = false;
  let message: string;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const t = schemaAt([...path, missing])?.title;
      message = `${words}: ${t ? `${t} (${missing})` : missing} saknas`;
      break;
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      message = `${words}: okänt fält ${shown(extra)}${suggest(extra, allowedKeys(path))}`;
      path = [...path, extra];
      key = true;
      break;
    }
    case 'propertyNames': {
      const name = (e.params as { propertyName: string }).propertyName;
      message = `${words}: okänt fält ${shown(name)}${suggest(name, allowedKeys(path))}`;
      path = [...path, name];
      key = true;
      break;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => String(v));
      message = `${words}: ${typeOfValue(value)} är inte tillåtet. Välj en av: ${allowed.join(', ')}`;
      break;
    }
    case 'const':
      message = `${words}: måste vara ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
      break;
    case 'type': {
      const want = String((e.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' eller ');
      message = `${words}: ska vara ${want}, men är ${typeOfValue(value)}`;
      break;
    }
    case 'minLength':
      message = `${words}: får inte vara tom text (ta bort fältet om det inte ska fyllas i)`;
      break;
    case 'format':
      message = (e.params as { format: string }).format === 'date'
        ? `${words}: ${typeOfValue(value)} är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-31`
        : `${words}: ${typeOfValue(value)} har fel format`;
      break;
    case 'pattern': {
      const pat = (e.params as { pattern: string }).pattern;
      const what = pat.includes('{4}$') ? 'ska vara fyra siffror (SCB:s kommunkod, t.ex. "1880")'
        : pat.includes('{2}$') ? 'ska vara två siffror (länskod, t.ex. "18")'
        : pat.includes('A-Z') ? 'är inget giltigt id; ett id är 1–3 versaler följda av siffror, t.ex. M1 eller I12'
        : `har fel format (${pat})`;
      message = `${words}: ${typeOfValue(value)} ${what}`;
      break;
    }
    case 'minimum':
    case 'exclusiveMinimum':
      message = `${words}: ${value} är för litet; minsta tillåtna värde är ${(e.params as { limit: number }).limit}`;
      break;
    case 'maximum':
    case 'exclusiveMaximum':
      message = `${words}: ${value} är för stort; största tillåtna värde är ${(e.params as { limit: number }).limit}`;
      break;
    case 'minItems':
      message = `${words}: listan måste ha minst ${(e.params as { limit: number }).limit} post${(e.params as { limit: number }).limit === 1 ? '' : 'er'}`;
      break;
    case 'uniqueItems':
      message = `${words}: listan innehåller samma värde två gånger`;
      break;
    case 'minProperties':
      message = `${words}: ange minst ett värde`;
      break;
    case 'anyOf': {
      // One message for a value that fits none of its forms (the branches' own errors are dropped in schemaProblems).
      const node = schemaAt(path) as { description?: string; $def?: string } | undefined;
      if (node?.$def === 'datum' || e.schemaPath.startsWith('#/$defs/datum/')) {
        message = `${words}: ${typeOfValue(value)} är inget giltigt datum; skriv ett år (2026), år och månad (2026-03) eller en dag (2026-03-31)`;
        break;
      }
      message = `${words}: ${typeOfValue(value)} är inte tillåtet här${node?.description ? `. ${node.description}` : ''}`;
      break;
    }
    default:
      message = `${words}: ${e.message ?? 'ogiltigt värde'}`;
  }
  const pos = positionOf(p, path, { key });
  return { rule: 'schema', severity: 'error', message, path, line: pos.line, col: pos.col };
}

/** Schema problems, in file order, one per location. */
export function schemaProblems(p: LoadedProject): Problem[] {
  if (validateSchema(p.data)) return [];
  let errors = (validateSchema.errors ?? []) as ErrorObject[];
  // A value that fits none of an anyOf's forms gets one message, not one per form: the form of
  // its own type that it breaks (-5000 is a number below the minimum), or else the anyOf's.
  const anyOf = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOf.length) {
    const TYPE_LIKE = new Set(['type', 'const', 'enum', 'required', 'additionalProperties', 'anyOf']);
    const drop = new Set<ErrorObject>();
    for (const a of anyOf) {
      const prefix = a.schemaPath.replace(/\/anyOf$/, '/anyOf/');
      const branch = errors.filter((e) => e !== a && e.instancePath.startsWith(a.instancePath) && e.schemaPath.startsWith(prefix));
      const own = branch.filter((e) => e.instancePath === a.instancePath && !TYPE_LIKE.has(e.keyword));
      const isDate = (schemaAt(pointerToPath(a.instancePath)) as { $def?: string } | undefined)?.$def === 'datum';
      if (own.length && !isDate) { for (const e of branch) if (e !== own[0]) drop.add(e); drop.add(a); }
      else for (const e of branch) drop.add(e);
    }
    errors = errors.filter((e) => !drop.has(e));
  }
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of errors) {
    const prob = describe(e, p);
    const k = `${prob.line}:${prob.col}:${prob.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(prob);
  }
  return sortProblems(out);
}

export function sortProblems<T extends { line: number; col: number }>(ps: T[]): T[] {
  return ps.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Schema and reference problems. References are only checked where the schema holds. */
export function validateProject(p: LoadedProject): Problem[] {
  const schema = schemaProblems(p);
  const refs = checkReferences(p);
  return sortProblems([...schema, ...refs]);
}
