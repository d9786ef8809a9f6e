// kill -9 at random moments of 200 saves: the file is always the old or the new version, valid,
// comments kept; the next run leaves no temporary or lock file behind.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { loadProject } from '../../src/project/load.js';
import { startWriter, type Writer } from './save-writers.js';

const BASE = `# Kommentar överst
formatversion: 1
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

const ROUNDS = Number(process.env.ROUNDS ?? 200);
const started: Writer[] = [];
afterAll(() => { for (const w of started) w.child.kill('SIGKILL'); });

describe('kill -9 while saving', () => {
  it('200 saves killed at random moments: old or new file, valid, comments kept; nothing left behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'projekt.yaml');
    writeFileSync(file, BASE);
    const svar = VALUES.map((v, i) => {
      const f = join(dir, `svar${i}.yaml`);
      writeFileSync(f, `förankring:\n  motivering: ${JSON.stringify(v)}\n`);
      return ['step', '1', file, '--svar', f];
    });
    const allowed = ['Från början', ...VALUES];
    const spawnOne = () => { const w = startWriter(); w.then((x) => started.push(x)); return w; };
    let next = spawnOne();
    let killedInSave = 0;
    const t0 = Date.now();
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 20 === 0) console.log(`omgång ${r}: ${Date.now() - t0} ms`);
      const w = await next;
      next = spawnOne();
      // The next run: one save that must succeed and clean up after the killed one.
      const first = await w.run(svar[r % svar.length]!);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(readdirSync(dir).filter((f) => f.startsWith('.')), `omgång ${r}`).toEqual([]);
      w.loop(svar);
      await new Promise((res) => setTimeout(res, Math.random() * 60));
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
    const last = await next;
    expect((await last.run(svar[0]!)).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    last.child.kill('SIGKILL');
    // Most kills should land while a save was under way (a temporary or lock file was left).
    console.log(`avbrott mitt i en sparning: ${killedInSave} av 200`);
  }, 120_000);
});
