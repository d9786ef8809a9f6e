// Every rule has its docs page (what, why with the method's words, how to fix) and its
// table-driven test file; the config schema knows exactly the rules there are.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIL_RULE, RULES } from '../../src/check/rules/index.js';
import { ROOT } from '../helpers/cli.js';
import type { Rule } from '../../src/check/types.js';
import { uncovered, type Case } from './helpers.js';

const ALL = [...RULES, FIL_RULE];

describe('every rule is documented and tested', () => {
  it.each(ALL.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    expect(rule.docs).toBe(`docs/regler/${id}.md`);
    const page = join(ROOT, rule.docs);
    expect(existsSync(page), `${rule.docs} saknas`).toBe(true);
    const md = readFileSync(page, 'utf8');
    expect(md.startsWith(`# ${id}\n`)).toBe(true);
    for (const section of ['## Vad regeln kontrollerar', '## Varför', '## Så rättar du']) expect(md, `${id}: ${section}`).toContain(section);
    // personnummer rests on the law on public documents and fil on the file format, not on the method's text.
    if (id !== 'personnummer' && id !== 'fil') expect(md, `${id}: the method's words, quoted`).toMatch(/\*”[^”]{20,}”\*/);
    expect(rule.beskrivning.length).toBeGreaterThan(20);
    expect(rule.avsnitt.length).toBeGreaterThan(3);
  });

  // Behaviour, not the test files' text: each rule's table (test/check/rules/<id>.cases.ts, run by
  // <id>.test.ts) is of that very rule, has valid and invalid cases, and expects every one of the
  // rule's messageIds somewhere (the docs examples are run by regelexempel.test.ts).
  it.each(RULES.map((r) => [r.id, r] as const))('%s: its table covers every messageId', async (id, rule) => {
    expect(existsSync(join(ROOT, 'test', 'check', 'rules', `${id}.test.ts`)), `test/check/rules/${id}.test.ts saknas`).toBe(true);
    const table = (await import(`./rules/${id}.cases.ts`)) as { rule: Rule; cases: Case[] };
    expect(table.rule, `${id}.cases.ts: fel regel`).toBe(rule);
    expect(table.cases.filter((c) => !c.fynd.length).length, `${id}: inga giltiga fall`).toBeGreaterThan(0);
    expect(table.cases.filter((c) => c.fynd.length).length, `${id}: inga ogiltiga fall`).toBeGreaterThan(0);
    expect(uncovered(rule, table.cases), `${id}: meddelanden som inget fall i tabellen väntar sig`).toEqual([]);
    expect(Object.keys(rule.messages).length, `${id}: inga meddelanden`).toBeGreaterThan(0);
  });

  it('no stray docs pages or rule tests', () => {
    const ids = new Set(ALL.map((r) => r.id));
    for (const f of readdirSync(join(ROOT, 'docs', 'regler'))) expect(ids.has(f.replace(/\.md$/, '')), f).toBe(true);
    for (const f of readdirSync(join(ROOT, 'test', 'check', 'rules'))) expect(ids.has(f.replace(/\.(test|cases)\.ts$/, '')), f).toBe(true);
  });

  it('rule ids are unique and the config schema lists exactly them', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'check-konfig.schema.json'), 'utf8'));
    expect([...schema.properties.regler.propertyNames.enum].sort()).toEqual([...ids].sort());
  });

  it('docs/ci.md has the GitHub Actions and GitLab CI examples and links every rule page', () => {
    const md = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
    expect(md).toContain('```yaml\n# .github/workflows/');
    expect(md).toContain('```yaml\n# .gitlab-ci.yml');
    for (const r of ALL) expect(md, r.id).toContain(`(regler/${r.id}.md)`);
  });
});
