// The bad-input corpus (test/korpus/filer, expectations in test/korpus/förväntat.yaml) through
// every command that reads a project file. Unreadable files: exit 2 and the same message from
// every command. Valid YAML with wrong content: validate and check 1, status 0, render 2.
// Nothing may print a stack trace, and no file may change.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hasStackTrace, ROOT, runCliAsync, tempDir } from '../helpers/cli.js';

interface Expected { fil: string; kategori: 'oläsbar' | 'ogiltig'; rad?: number; kolumn?: number; meddelande: string }
const CORPUS = join(ROOT, 'test', 'korpus');
const expected: Expected[] = parse(readFileSync(join(CORPUS, 'förväntat.yaml'), 'utf8'));

const COMMANDS: { name: string; args: (f: string, dir: string) => string[] }[] = [
  { name: 'validate', args: (f) => ['validate', f] },
  { name: 'status', args: (f) => ['status', f] },
  { name: 'check', args: (f) => ['check', f] },
  { name: 'render', args: (f, dir) => ['render', 'alla', f, '--ut', join(dir, 'ut'), '--format', 'html'] },
  { name: 'step --svar', args: (f, dir) => ['step', '1', f, '--svar', join(dir, 'svar.yaml')] },
];

// Asynchronous on purpose: a long file of synchronous child processes would starve the
// vitest worker's event loop (its runner then times out).
async function run(e: Expected, cmd: (typeof COMMANDS)[number]) {
  const dir = tempDir('fsstod-korpus-');
  copyFileSync(join(CORPUS, 'filer', e.fil), join(dir, e.fil));
  writeFileSync(join(dir, 'svar.yaml'), 'förankring:\n  motivering: Ett svar från korpustestet\n');
  const before = readFileSync(join(dir, e.fil));
  const r = await runCliAsync(cmd.args(e.fil, dir), { cwd: dir });
  const out = r.stdout + r.stderr;
  expect(hasStackTrace(out), out).toBe(false);
  expect(readFileSync(join(dir, e.fil)).equals(before), 'filen får inte ändras').toBe(true);
  return { ...r, out };
}

it('the corpus has at least 40 files', () => {
  expect(expected.length).toBeGreaterThanOrEqual(40);
});

describe.each(expected.filter((e) => e.kategori === 'oläsbar'))('oläsbar: $fil', (e) => {
  const where = e.rad ? `${e.fil}:${e.rad}:${e.kolumn}: fel: ` : `${e.fil}: fel: `;
  it.each(COMMANDS)('$name → exit 2 och meddelandet', async (cmd) => {
    const r = await run(e, cmd);
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain(where + e.meddelande);
  });
});

describe.each(expected.filter((e) => e.kategori === 'ogiltig'))('ogiltig: $fil', (e) => {
  it('validate → exit 1 med fil:rad:kolumn och meddelandet', async () => {
    const r = await run(e, COMMANDS[0]!);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(`${e.fil}:${e.rad}:${e.kolumn}: fel: ${e.meddelande}`);
  });
  it('status → exit 0 och antal valideringsfel', async () => {
    const r = await run(e, COMMANDS[1]!);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\d+ valideringsfel/);
  });
  it('check → exit 1 med meddelandet på rätt rad', async () => {
    const r = await run(e, COMMANDS[2]!);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(e.meddelande);
    expect(r.out).toContain(`${e.rad}:${e.kolumn}`);
  });
  it('render → exit 2 och meddelandet', async () => {
    const r = await run(e, COMMANDS[3]!);
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain(e.meddelande);
  });
});

describe('generated at test time', () => {
  it('a 20 MB file is refused by every command with exit 2', async () => {
    const dir = tempDir('fsstod-stor-');
    const line = '  # ' + 'x'.repeat(95) + '\n';
    const head = 'formatversion: 1\nprojekt:\n  namn: Stor\n  kommuner:\n    - kod: "1885"\n      namn: Lindesberg\n';
    writeFileSync(join(dir, 'stor.yaml'), head + line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
    writeFileSync(join(dir, 'svar.yaml'), 'förankring:\n  motivering: x\n');
    for (const cmd of COMMANDS) {
      const r = await runCliAsync(cmd.args('stor.yaml', dir), { cwd: dir });
      expect(r.code, cmd.name + r.stderr).toBe(2);
      expect(r.stderr).toMatch(/stor\.yaml: fel: filen är för stor \(20\.0 MB; gränsen är 10 MB\)/);
    }
  });
});
