// TypeScript view of schemas/projekt.schema.json (formatversion 1). Valid data (after
// validateProject) has this shape. The types are generated from the schema at build
// (scripts/projekt-types.mjs → types.generated.ts, committed); this file adds only what the
// schema does not say.

export * from './types.generated.js';
import type { Checksvar } from './types.generated.js';

/**
 * One step's checklist answers, by question id. The schema lists each step's questions (from
 * content/), but code that walks content's questions holds their ids as plain strings.
 */
export type Checklista = Partial<Record<string, Checksvar>>;

/** The value that says the source does not state something (formatversion 2): a value, not a gap. */
export const EJ_ANGIVET = 'ej angivet';
