// fsstöd status on v2 files: a samverkan shows each member kommun with its roll, in the one-file
// view, in the table of several files and in JSON.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli.js';

const SAMVERKAN = `formatversion: 2
projekt:
  namn: Föräldraskapsstöd i Norra Skaraborg
  kommuner:
    - kod: "1497"
      namn: Hjo
      län: Västra Götalands län
      roll: samverkande
    - kod: "1498"
      namn: Tidaholm
      län: Västra Götalands län
      roll: huvudkommun
  samverkan:
    namn: Samverkan Norra Skaraborg
    organisation: Skaraborgs kommunalförbund
`;

describe('status of a samverkan (v2)', () => {
  const dir = tempDir('fsstod-status-');
  const f = join(dir, 'samverkan.yaml');
  writeFileSync(f, SAMVERKAN);

  it('the one-file view names the samverkan, its organisation and each kommun with its roll', async () => {
    const r = await runCliAsync(['status', 'samverkan.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Samverkan Norra Skaraborg \(samverkan\), Skaraborgs kommunalförbund – samverkan\.yaml$/m);
    expect(r.stdout).toMatch(/^ {2}Hjo \(1497\), samverkande$/m);
    expect(r.stdout).toMatch(/^ {2}Tidaholm \(1498\), huvudkommun$/m);
  });

  it('the table has one row for the samverkan and its kommuner under it; JSON has the roles', async () => {
    const r = await runCliAsync(['status', 'samverkan.yaml', join(ROOT, 'examples', 'lindesberg', 'projekt.yaml')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Samverkan Norra Skaraborg \(samverkan\)\s+Västra Götalands län\s+\d+ %/m);
    expect(r.stdout).toMatch(/^ {2}Hjo \(1497\), samverkande\n {2}Tidaholm \(1498\), huvudkommun\n/m);
    expect(r.stdout).toMatch(/^Lindesberg \(1885\)\s+Örebro län/m);
    const j = JSON.parse((await runCliAsync(['status', '--json', 'samverkan.yaml'], { cwd: dir })).stdout);
    expect(j.filer[0].kommuner.map((k: { roll?: string }) => k.roll)).toEqual(['samverkande', 'huvudkommun']);
    expect(j.filer[0].samverkan).toEqual({ namn: 'Samverkan Norra Skaraborg', organisation: 'Skaraborgs kommunalförbund' });
  });

  it('a v1 samverkan without roles still reads as before', async () => {
    const r = await runCliAsync(['status', join(ROOT, 'test', 'project', 'v1-filer', 'hjo-tidaholm.yaml'), join(ROOT, 'examples', 'lindesberg', 'projekt.yaml')]);
    expect(r.stdout).toMatch(/^Hjo, Tidaholm \(samverkan\)\s+Västra Götalands län\s+100 %/m);
    expect(r.stdout).toMatch(/^ {2}Hjo \(1497\)\n {2}Tidaholm \(1498\)\n/m);
  });
});
