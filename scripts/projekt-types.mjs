// The TypeScript types of the project file (src/project/types.generated.ts), generated from
// schemas/projekt.schema.json at build, so that the code's view of the file cannot drift from
// the schema that validates it. Like the schema, the output is committed and written only when it
// changed; test/project/types.test.ts checks that it is up to date.
//
// The schema uses a small subset of JSON Schema (anyOf as a union; no oneOf/allOf/not/if); anything else
// makes the generator fail rather than emit a looser type. Constraints that TypeScript cannot
// express (pattern, minimum, minLength, format …) are left to the validator.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Type names for the schema's nodes, by path: `#` for the root or a $defs name, then `.property`, `[]` for an array's
 * items, `{}` for a map's values. A $def not named here gets its name capitalised; other nodes
 * are written inline. The names are the ones the code uses; a path that no longer exists in the
 * schema is an error (so a renamed property cannot silently drop a type). Several paths may share
 * a name when the schema repeats the same node (the generator checks that they are equal).
 */
const NAMES = {
  '#': 'Project',
  projekt: 'Projektinfo',
  'projekt.kommuner[]': 'Kommunpost',
  'beslut.status': 'Beslutsstatus',
  'checksvar.status': 'Checkstatus',
  'organisation.arenor[]': 'Arena',
  'organisation.aktörer[]': 'Aktör',
  'analys.förutsättningar.faktorer{}': 'Faktorbedömning',
  'analys.målgruppsanalys.nyckeltal[]': 'Nyckeltal',
  'analys.kartläggning.befintligt_stöd[]': 'BefintligtStöd',
  'analys.utvecklingsbehov[]': 'Utvecklingsbehov',
  'handlingsplan.mål[]': 'Mål',
  'handlingsplan.insatser[]': 'Insats',
  'handlingsplan.förutsättningar[]': 'Förutsättning',
  'handlingsplan.uppföljningsplan.indikatorer[]': 'Indikator',
  'handlingsplan.kommunikationsplan.aktiviteter[]': 'Kommunikationsaktivitet',
  'uppföljningsomgång.insatser[]': 'Insatsuppföljning',
  'uppföljningsomgång.utfall[]': 'Utfall',
};

const SUPPORTED = new Set([
  '$schema', '$id', '$defs', '$ref', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties',
  'propertyNames', 'items', 'enum', 'const', 'anyOf',
  // Constraints without a TypeScript counterpart: checked by the validator only.
  'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'minProperties',
]);

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const key = (k) => (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(k) ? k : JSON.stringify(k));
const doc = (s) => s.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
/** A node without its texts, to compare nodes that share a name. */
const shape = (n) => JSON.stringify(n, (k, v) => (k === 'title' || k === 'description' ? undefined : v));

/** The TypeScript source for a project schema (deterministic: follows the schema's key order). */
export function typesText(schema) {
  const defName = (d) => NAMES[d] ?? capitalise(d);
  const decls = new Map(); // name → { path, node, text }
  const seen = new Set();

  const declare = (name, node, path) => {
    const had = decls.get(name);
    if (had) {
      if (shape(had.node) !== shape(node)) throw new Error(`projekt-types: ${path} och ${had.path} heter båda ${name} men är olika`);
      return;
    }
    const entry = { path, node, text: '' };
    decls.set(name, entry); // before the body, so that a type comes before the types it contains
    const comment = node.description ?? node.title;
    const head = comment ? `/** ${doc(comment)} */\n` : '';
    const body = type(node, path, '', true);
    entry.text = head + (node.properties ? `export interface ${name} ${body}` : `export type ${name} = ${body};`);
  };

  /** The type of a node; `own` when it is the body of its own named declaration. */
  const type = (node, path, indent, own = false) => {
    seen.add(path);
    for (const k of Object.keys(node)) if (!SUPPORTED.has(k)) throw new Error(`projekt-types: ${path}: ${k} stöds inte`);
    const name = NAMES[path];
    if (name && !own) { declare(name, node, path); return name; }
    if (node.$ref) {
      const m = /^#\/\$defs\/(.+)$/.exec(node.$ref);
      if (!m || !schema.$defs[m[1]]) throw new Error(`projekt-types: ${path}: okänd $ref ${node.$ref}`);
      return defName(m[1]);
    }
    if ('const' in node) return JSON.stringify(node.const);
    if (node.anyOf) return node.anyOf.map((n, i) => { const t = type(n, `${path}|${i}`, indent); return /[|&]/.test(t) && !t.startsWith('{') ? `(${t})` : t; }).join(' | ');
    if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
    switch (node.type) {
      case 'string': return 'string';
      case 'number': case 'integer': return 'number';
      case 'boolean': return 'boolean';
      case 'array': {
        const t = type(node.items, `${path}[]`, indent);
        return /[|&]/.test(t) && !t.startsWith('{') ? `(${t})[]` : `${t}[]`;
      }
      case 'object': {
        if (node.properties) {
          if (typeof node.additionalProperties === 'object') throw new Error(`projekt-types: ${path}: properties och additionalProperties samtidigt stöds inte`);
          const required = new Set(node.required ?? []);
          const inner = indent + '  ';
          const lines = Object.entries(node.properties).map(([k, p]) => {
            const t = type(p, `${path}.${k}`, inner);
            const title = p.title ?? (p.$ref ? undefined : p.description);
            return `${title ? `${inner}/** ${doc(title)} */\n` : ''}${inner}${key(k)}${required.has(k) ? '' : '?'}: ${t};`;
          });
          return `{\n${lines.join('\n')}\n${indent}}`;
        }
        if (typeof node.additionalProperties === 'object') {
          const v = type(node.additionalProperties, `${path}{}`, indent);
          // Only some of the allowed keys are present in a file: Partial.
          if (node.propertyNames) return `Partial<Record<${type(node.propertyNames, `${path}<>`, indent)}, ${v}>>`;
          return `Record<string, ${v}>`;
        }
        throw new Error(`projekt-types: ${path}: ett objekt utan properties eller additionalProperties stöds inte`);
      }
      default: throw new Error(`projekt-types: ${path}: type ${JSON.stringify(node.type)} stöds inte`);
    }
  };

  declare(NAMES['#'], schema, '#');
  for (const [d, node] of Object.entries(schema.$defs ?? {})) declare(defName(d), node, d);
  const missing = Object.keys(NAMES).filter((p) => !seen.has(p) && !(p in (schema.$defs ?? {})));
  if (missing.length) throw new Error(`projekt-types: schemat saknar ${missing.join(', ')} (se NAMES i scripts/projekt-types.mjs)`);

  return '// Generated by scripts/projekt-types.mjs from schemas/projekt.schema.json at build. Do not edit:\n' +
    '// change the schema (or the names in the generator) and run node scripts/build.mjs.\n\n' +
    [...decls.values()].map((d) => d.text).join('\n\n') + '\n';
}

export const TYPES_FILE = join('src', 'project', 'types.generated.ts');

/** Writes the types for the committed schema, only when they changed (a clean clone's build leaves the file as it is). */
export function writeProjektTypes(root) {
  const file = join(root, TYPES_FILE);
  const text = typesText(JSON.parse(readFileSync(join(root, 'schemas', 'projekt.schema.json'), 'utf8')));
  let before = null;
  try { before = readFileSync(file, 'utf8'); } catch { /* first build */ }
  if (text !== before) writeFileSync(file, text);
}
