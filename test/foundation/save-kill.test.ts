// kill -9 at random moments of 200 saves: the file is always the old or the new version, valid,
// comments kept; the next run leaves no temporary or lock file behind.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { loadProject } from '../../src/project/load.js';
import { startWriter, type Writer } from './save-writers.js';

const BASE = `# Kommentar överst
formatversion: 2
projekt:
  namn: Avbrott # namnet
  kommuner:
    - kod: "1885"
      namn: Lindesberg
# Steg 1
förankring:
  # kommentar om motiveringen
  motivering: Från början
  bedömning: Ja
`;
const COMMENTS = BASE.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));
// Long answers make each save take a while, so that kills land inside writing as well.
const VALUES = ['A', 'B', 'C'].map((v) => `Svar ${v} ` + `${v.toLowerCase()}`.repeat(20_000));

const KILLS = 200;
// The lock is held a little longer (test hook), so that more kills land inside a save.
const HOLD = { FSSTOD_TEST_SAVE_DELAY_MS: '30' };
const started: Writer[] = [];
afterAll(() => { for (const w of started) w.child.kill('SIGKILL'); });

/** One lane: `rounds` writers in turn, each cleaning up after the last and then killed mid-loop. */
async function lane(rounds: number): Promise<number> {
  const dir = tempDir();
  const file = join(dir, 'projekt.yaml');
  writeFileSync(file, BASE);
  const svar = VALUES.map((v, i) => {
    const f = join(dir, `svar${i}.yaml`);
    writeFileSync(f, `förankring:\n  motivering: ${JSON.stringify(v)}\n`);
    return ['step', '1', file, '--svar', f];
  });
  const allowed = ['Från början', ...VALUES];
  const spawnOne = () => { const w = startWriter(HOLD); void w.then((x) => started.push(x)); return w; };
  // The next writer starts while this one works, so that Node's start-up overlaps.
  let next = spawnOne();
  let killedInSave = 0;
  for (let r = 0; r <= rounds; r++) {
    const w = await next;
    if (r < rounds) next = spawnOne();
    // The next run: one save that must succeed and leave nothing of the killed one behind.
    const first = await w.run(svar[r % svar.length]!);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.')), `omgång ${r}`).toEqual([]);
    if (r === rounds) { w.child.kill('SIGKILL'); break; }
    w.loop(svar);
    await new Promise((res) => setTimeout(res, Math.random() * 300));
    w.child.kill('SIGKILL');
    await w.exited;
    if (readdirSync(dir).some((f) => f.startsWith('.'))) killedInSave++;
    const text = readFileSync(file, 'utf8');
    for (const c of COMMENTS) expect(text).toContain(c);
    const data = loadProject(file).data as any;
    expect(allowed).toContain(data.förankring.motivering);
    expect(data.förankring.bedömning).toBe('Ja');
    expect(data.projekt.namn).toBe('Avbrott');
  }
  return killedInSave;
}

describe('kill -9 while saving', () => {
  it(`${KILLS} saves killed at random moments: old or new file, valid, comments kept; nothing left behind`, async () => {
    // Four files side by side, a quarter of the kills each (the machine has 2 cores).
    const lanes = await Promise.all([0, 1, 2, 3].map(() => lane(KILLS / 4)));
    const inSave = lanes.reduce((a, b) => a + b, 0);
    console.log(`avbrott mitt i en sparning (en temporär fil eller ett lås blev kvar): ${inSave} av ${KILLS}`);
    expect(inSave).toBeGreaterThan(0);
  }, 300_000);
});
