// Runs one rule on a project written as YAML text, through the real loader, so that line and
// column are the ones a user would see.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { checkLoaded } from '../../src/check/engine.js';
import { methodView } from '../../src/check/method.js';
import type { Dokument, Finding, MessageData, Rule } from '../../src/check/types.js';
import { tempDir } from '../helpers/cli.js';

/** The head every case starts with (6 lines): the case's own YAML starts on line 7. */
export const HEAD = `formatversion: 2
projekt:
  namn: Test
  kommuner:
    - kod: "1885"
      namn: Lindesberg
`;

export interface Case {
  namn: string;
  yaml: string;
  /** Steps in scope (default: all six, as with --steg for each). */
  steg?: number[];
  dokument?: Dokument;
  /**
   * Expected findings, in order: [line, col, messageId, severity or { data, severity }?]. Empty =
   * valid. Tests name the message by id, so that its wording can change; data where it matters.
   */
  fynd: [number, number, string, (Finding['severity'] | { data?: Partial<MessageData>; severity?: Finding['severity'] })?][];
}

let dir: string | undefined;

export function runRule(rule: Rule, yaml: string, o: { steg?: number[]; dokument?: Dokument; head?: boolean } = {}): Finding[] {
  dir ??= tempDir('fsstod-regel-');
  const f = join(dir, `${rule.id}.yaml`);
  writeFileSync(f, (o.head === false ? '' : HEAD) + yaml);
  const p = loadProject(f);
  const method = methodView();
  const steg = o.steg ?? (o.dokument ? method.stepsOf(o.dokument) : [1, 2, 3, 4, 5, 6]);
  return checkLoaded(p, { rules: [rule], method, config: { regler: new Map() }, dokument: o.dokument, steg, grund: o.dokument ? 'dokument' : 'steg' }).findings;
}

export function expectCase(rule: Rule, c: Case): void {
  const got = runRule(rule, c.yaml, { steg: c.steg, dokument: c.dokument });
  const shown = got.map((x) => `${x.line}:${x.col} ${x.severity} ${x.message}`).join('\n');
  expect(got.length, `${c.namn}: fick\n${shown}`).toBe(c.fynd.length);
  c.fynd.forEach(([line, col, id, more], i) => {
    const x = got[i]!;
    const o = typeof more === 'string' ? { severity: more } : more ?? {};
    expect(x.rule).toBe(rule.id);
    expect(`${x.line}:${x.col}`, `${c.namn}: fynd ${i + 1}: ${x.message}`).toBe(`${line}:${col}`);
    expect(x.messageId, `${c.namn}: ${x.message}`).toBe(id);
    expect(Object.keys(rule.messages), `${c.namn}: ${x.messageId} är inte ett av regelns meddelanden`).toContain(x.messageId);
    if (o.data) expect(x.data, `${c.namn}: ${x.message}`).toMatchObject(o.data);
    expect(x.severity, `${c.namn}: ${x.message}`).toBe(o.severity ?? rule.severity);
  });
}

/** A rule's table as tests, one per case (each rule's test file calls this with its cases module). */
export function ruleTable(rule: Rule, cases: Case[]): void {
  describe(rule.id, () => {
    it.each(cases)('$namn', (c) => expectCase(rule, c));
  });
}

/** The rule's messageIds that no case of the table expects. */
export const uncovered = (rule: Rule, cases: Case[]): string[] => {
  const seen = new Set(cases.flatMap((c) => c.fynd.map((f) => f[2])));
  return Object.keys(rule.messages).filter((id) => !seen.has(id));
};
