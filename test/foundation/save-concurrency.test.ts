// Several fsstöd processes answering into one project file at the same time: every writer that
// reports success has its answers in the final file (no lost update); when two set the same
// field, exactly one wins and the other is refused with exit 2, naming the field.
// Each round is a real race between separate processes: a test gate (FSSTOD_TEST_SAVE_GATE)
// lets every writer load the file before any of them saves, and FSSTOD_TEST_SAVE_DELAY_MS
// widens the window between the final re-read and the rename.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { tempDir } from '../helpers/cli.js';
import { fieldInWords } from '../../src/project/schema-words.js';
import { startWriter, type Writer } from './save-writers.js';

const BASE = `# Kommentar som ska finnas kvar
formatversion: 1
projekt:
  namn: Samtidighet # namnet
  kommuner:
    - kod: "1885"
      namn: Lindesberg
  period:
    från: 2026
    till: 2029
# Steg 1
förankring:
  bedömning: Ja
`;

const FIELDS = ['motivering', 'sammanhang', 'skiss'] as const;
const ENV = { FSSTOD_TEST_SAVE_DELAY_MS: '3' };
// On a RAM disk when there is one: the race is the same, without waiting for the disk's fsync.
const dirs: string[] = [];
const scratch = () => { const d = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/fsstod-') : tempDir(); dirs.push(d); return d; };
const started: Writer[] = [];
afterAll(() => {
  for (const w of started) w.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function writers(n: number): Promise<Writer[]> {
  const ws = await Promise.all(Array.from({ length: n }, () => startWriter(ENV)));
  started.push(...ws);
  return ws;
}

/** Runs one round: each writer i answers `values[i]` into förankring.<fields[i]>, all loaded before any saves. */
async function round(dir: string, ws: Writer[], r: number, fields: readonly string[], values: string[]) {
  const file = join(dir, 'projekt.yaml');
  writeFileSync(file, BASE);
  const gate = join(dir, `grind-${r}`);
  const runs = ws.map((w, i) => {
    const svar = join(dir, `svar${i}.yaml`);
    writeFileSync(svar, `förankring:\n  ${fields[i]}: ${JSON.stringify(values[i])}\n`);
    return w.run(['step', '1', file, '--svar', svar], gate);
  });
  // Every writer has loaded the file and waits at the gate: open it for all at once.
  while (readdirSync(dir).filter((f) => f.startsWith(`grind-${r}.`)).length < ws.length) await new Promise((res) => setTimeout(res, 1));
  writeFileSync(gate, '');
  const replies = await Promise.all(runs);
  const text = readFileSync(file, 'utf8');
  const leftovers = readdirSync(dir).filter((f) => f.startsWith('.'));
  return { replies, text, data: jsyaml.load(text) as any, leftovers };
}

describe('several writers on one file', () => {
  for (const n of [2, 3]) {
    it(`${n} writers × 200 rounds, each a different field of step 1: no answer is lost`, async () => {
      const dir = scratch();
      const ws = await writers(n);
      let lost = 0;
      let failed = 0;
      for (let r = 0; r < 200; r++) {
        const values = ws.map((_, i) => `Skrivare ${i} i omgång ${r}`);
        const { replies, text, data, leftovers } = await round(dir, ws, r, FIELDS, values);
        replies.forEach((rep, i) => {
          if (rep.code !== 0) { failed++; console.error(rep.stderr); return; }
          if (data.förankring[FIELDS[i]!] !== values[i]) lost++;
        });
        expect(text).toContain('# Kommentar som ska finnas kvar');
        expect(data.förankring.bedömning).toBe('Ja');
        expect(leftovers).toEqual([]);
      }
      expect({ lost, failed }).toEqual({ lost: 0, failed: 0 });
    }, 120_000);
  }

  it('two writers set the same field: exactly one wins, the other exits 2 naming the field', async () => {
    const dir = scratch();
    const ws = await writers(2);
    const words = fieldInWords(['förankring', 'motivering'], {});
    for (let r = 0; r < 10; r++) {
      const values = [`Första ${r}`, `Andra ${r}`];
      const { replies, data } = await round(dir, ws, r, ['motivering', 'motivering'], values);
      const won = replies.map((rep) => rep.code === 0);
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = won.indexOf(true);
      const loser = replies[1 - winner]!;
      expect(data.förankring.motivering).toBe(values[winner]);
      expect(loser.code).toBe(2);
      expect(loser.stderr).toContain('sparades inte');
      expect(loser.stderr).toContain(words);
    }
  }, 60_000);
});
