// The project file's TypeScript types are generated from schemas/projekt.schema.json at build
// (scripts/projekt-types.mjs) and committed, like the schema: the committed file must be what the
// generator makes from the committed schema, so that neither can be changed without the other.
import { describe, it, expect, expectTypeOf } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { typesText, TYPES_FILE } from '../../scripts/projekt-types.mjs';
import type { Insats, Nivå, Project, Huvudman } from '../../src/project/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const schemaFile = join(ROOT, 'schemas', 'projekt.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const committed = readFileSync(join(ROOT, TYPES_FILE), 'utf8');
const generate = (s: unknown): string => typesText(s);
/** One generated declaration, without its doc comment (declarations are separated by blank lines). */
const decl = (text: string, name: string) =>
  text.split('\n\n').map((b) => b.replace(/^\/\*\*.*\*\/\n/, '')).find((b) => new RegExp(`^export (?:interface|type) ${name} `).test(b));

describe('the project types are generated from the schema', () => {
  it('the committed types are what the generator makes from the committed schema', () => {
    expect(committed).toBe(generate(schema));
  });

  it('the generator is deterministic', () => {
    expect(generate(structuredClone(schema))).toBe(generate(schema));
  });

  it('a schema changed without rebuilding no longer matches the committed types', () => {
    const changed = structuredClone(schema);
    changed.$defs.nivå.enum.push('ny nivå');
    expect(generate(changed)).not.toBe(committed);
    expect(decl(generate(changed), 'Nivå')).toBe('export type Nivå = "universell" | "selektiv" | "indikerad" | "ej angivet" | "ny nivå";');
  });

  it('an insats\'s nivå is the schema\'s enum, as a union of string literals', () => {
    expect(schema.properties.handlingsplan.$ref).toBe('#/$defs/handlingsplan');
    expect(schema.$defs.handlingsplan.properties.insatser.items.properties.nivå.$ref).toBe('#/$defs/nivå');
    expect(decl(committed, 'Insats')).toMatch(/^ {2}nivå\?: Nivå;$/m);
    expect(decl(committed, 'Nivå')).toBe(`export type Nivå = ${schema.$defs.nivå.enum.map((v: string) => JSON.stringify(v)).join(' | ')};`);
    // The same, checked by tsc (npx tsc --noEmit type-checks test/ too).
    expectTypeOf<NonNullable<Insats['nivå']>>().toEqualTypeOf<'universell' | 'selektiv' | 'indikerad' | 'ej angivet'>();
    expectTypeOf<Nivå>().toEqualTypeOf<'universell' | 'selektiv' | 'indikerad' | 'ej angivet'>();
  });

  it('required properties are not optional, the others are; const is a literal type', () => {
    expect(decl(committed, 'Insats')).toMatch(/^ {2}id: Id;$/m);
    expect(decl(committed, 'Insats')).toMatch(/^ {2}namn: Text;$/m);
    expect(decl(committed, 'Project')).toMatch(/^ {2}formatversion: 2;\n {2}projekt: Projektinfo;\n {2}förankring\?: Förankring;$/m);
    expectTypeOf<Project['formatversion']>().toEqualTypeOf<2>();
    expectTypeOf<Insats['id']>().toEqualTypeOf<string>();
  });

  it('a node the schema repeats gets one name (arenas\' and actors\' huvudman)', () => {
    expect(committed.match(/^export type Huvudman = /gm)).toHaveLength(1);
    expectTypeOf<Huvudman>().toEqualTypeOf<'kommun' | 'region' | 'civilsamhälle' | 'privat' | 'stat' | 'annan'>();
  });

  it('a map with propertyNames becomes a Partial Record over those names', () => {
    const keys = schema.$defs.analys.properties.förutsättningar.properties.faktorer.propertyNames.enum as string[];
    expect(committed).toContain(`faktorer?: Partial<Record<${keys.map((k) => JSON.stringify(k)).join(' | ')}, Faktorbedömning>>;`);
    const withMap = structuredClone(schema);
    withMap.$defs.genomförande.properties.antal = { type: 'object', additionalProperties: { type: 'integer' } };
    expect(decl(generate(withMap), 'Genomförande')).toMatch(/^ {2}antal\?: Record<string, number>;$/m);
  });

  it('refuses what it cannot express, and names that no longer match the schema', () => {
    const withOneOf = structuredClone(schema);
    withOneOf.$defs.nivå = { oneOf: [{ const: 'a' }, { const: 'b' }] };
    expect(() => generate(withOneOf)).toThrow(/nivå: oneOf stöds inte/);
    const renamed = structuredClone(schema);
    renamed.$defs.handlingsplan.properties.åtgärder = renamed.$defs.handlingsplan.properties.insatser;
    delete renamed.$defs.handlingsplan.properties.insatser;
    expect(() => generate(renamed)).toThrow(/schemat saknar handlingsplan\.insatser\[\]/);
  });
});
