// One parse (issue 11, item 1): the same project file gets the same reading from every command.
// Each case is a file on which the commands once disagreed: js-yaml read it for validate,
// status, check and render, the `yaml` library for the interview.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, ROOT, runCliAsync, tempDir } from '../helpers/cli.js';

const BASE = readFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'), 'utf8');
const NAMN = /^ {2}namn: .*$/m;

const COMMANDS: { name: string; args: (f: string, dir: string) => string[] }[] = [
  { name: 'validate', args: (f) => ['validate', f] },
  { name: 'status', args: (f) => ['status', f] },
  { name: 'check', args: (f) => ['check', f] },
  { name: 'render', args: (f, dir) => ['render', 'lägesbild', f, '--ut', join(dir, 'ut'), '--format', 'html'] },
  { name: 'step --svar', args: (f, dir) => ['step', '1', f, '--svar', join(dir, 'svar.yaml')] },
];

async function everyCommand(text: string) {
  const dir = tempDir('fsstod-tolkning-');
  writeFileSync(join(dir, 'projekt.yaml'), text);
  writeFileSync(join(dir, 'svar.yaml'), 'förankring:\n  motivering: Ett svar från testet\n');
  const out: Record<string, { code: number; out: string }> = {};
  for (const c of COMMANDS) {
    const r = await runCliAsync(c.args('projekt.yaml', dir), { cwd: dir });
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    out[c.name] = { code: r.code, out: r.stdout + r.stderr };
  }
  return { dir, out };
}

describe('one reading of a project file for every command', () => {
  it('a comment right after a quoted value ("Test"#kommentar) is refused by every command, with one message', async () => {
    const { out } = await everyCommand(BASE.replace(NAMN, '  namn: "Test"#kommentar'));
    const msgs = Object.values(out).map((r) => /projekt\.yaml:\d+:\d+: fel: .*/.exec(r.out)?.[0]);
    for (const [name, r] of Object.entries(out)) expect(r.code, `${name}\n${r.out}`).toBe(2);
    expect(new Set(msgs).size, msgs.join('\n')).toBe(1);
    expect(msgs[0]).toMatch(/^projekt\.yaml:14:15: fel: ogiltig YAML/);
  });

  it('0b101 is the text "0b101" (YAML 1.2 core schema) for every command', async () => {
    const { dir, out } = await everyCommand(BASE.replace(NAMN, '  namn: 0b101'));
    for (const [name, r] of Object.entries(out)) expect(r.code, `${name}\n${r.out}`).toBe(0);
    const [html] = readdirSync(join(dir, 'ut'));
    expect(readFileSync(join(dir, 'ut', html!), 'utf8')).toContain('0b101');
  });

  it('a quoted value continued on a less-indented line is refused by every command, with one message', async () => {
    const { out } = await everyCommand(BASE.replace(NAMN, '  namn: "Föräldraskapsstöd\nHjo–Tidaholm"'));
    const msgs = Object.values(out).map((r) => /projekt\.yaml:\d+:\d+: fel: .*/.exec(r.out)?.[0]);
    for (const [name, r] of Object.entries(out)) expect(r.code, `${name}\n${r.out}`).toBe(2);
    expect(new Set(msgs).size, msgs.join('\n')).toBe(1);
    expect(msgs[0]).toMatch(/^projekt\.yaml:\d+:\d+: fel: ogiltig YAML/);
  });
});
