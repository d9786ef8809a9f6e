// fsstöd migrera through the built CLI (issue 12): the file is rewritten as formatversion 2 in
// place with every other line as it was; --torrkörning changes nothing; a second run changes
// nothing; every other command reads a v1 file and says once that fsstöd migrera upgrades it.
import { chmodSync, copyFileSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, runCliAsync, tempDir } from '../helpers/cli.js';

const V1 = join(ROOT, 'test', 'project', 'v1-filer');
const NOTICE = 'obs: filen har formatversion 1; fsstöd läser den som formatversion 2';

function copy(name: string, as = 'projekt.yaml'): { dir: string; file: string; before: Buffer } {
  const dir = tempDir('fsstod-migrera-');
  const file = join(dir, as);
  copyFileSync(join(V1, name), file);
  return { dir, file, before: readFileSync(file) };
}
const count = (s: string, sub: string) => s.split(sub).length - 1;
/** A line migrera changes itself (a key it renames or replaces). */
const CHANGED_KEY = /^\s*(- )?(formatversion|styrgrupp|arbetsgrupp|jämförelse|kostnad_kr|finansiering|ansvarig|uppföljning):/;

describe('fsstöd migrera', () => {
  it.each(['lindesberg.yaml', 'hjo-tidaholm.yaml'])('%s: every other line stays, in order (only moved right inside moved blocks)', async (name) => {
    const { dir, file, before } = copy(name);
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ projekt.yaml har nu formatversion 2');
    const a = before.toString('utf8').split('\n');
    const b = readFileSync(file, 'utf8').split('\n');
    // Each kept line is found, in order, either byte-identical or with spaces added in front.
    let j = 0;
    const missing: string[] = [];
    for (const l of a) {
      if (CHANGED_KEY.test(l)) continue;
      // The schema line led to ../../schemas/ from the copy's folder (nowhere): it now points at the copy beside the file.
      if (l.startsWith('# yaml-language-server:')) { expect(b[0]).toBe('# yaml-language-server: $schema=projekt.schema.json'); continue; }
      let k = j;
      while (k < b.length && !(b[k] === l || (b[k]!.endsWith(l) && b[k]!.slice(0, b[k]!.length - l.length).trim() === '' && l.trim() !== ''))) k++;
      if (k === b.length) missing.push(l); else j = k + 1;
    }
    expect(missing).toEqual([]);
    // Lines outside the moved blocks are byte-identical: the yaml serialisation would refold
    // every folded text and write [AR6] as [ AR6 ].
    const text = readFileSync(file, 'utf8');
    expect(count(text, ': >-\n')).toBe(count(before.toString('utf8'), ': >-\n'));
    expect(text).not.toContain('[ ');
    expect(text).toMatch(/^formatversion: 2$/m);
    expect(r.stdout).toContain('övriga rader oförändrade');
    expect(r.stdout).not.toContain('obs:');
  });

  it('a second run changes nothing and says so (exit 0, bytes equal)', async () => {
    const { dir, file } = copy('alla-former.yaml');
    expect((await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir })).code).toBe(0);
    const once = readFileSync(file);
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('projekt.yaml har redan formatversion 2; inget att ändra.');
    expect(r.stderr).toBe('');
    expect(readFileSync(file).equals(once)).toBe(true);
  });

  it('--torrkörning lists the changes and leaves the file byte-identical', async () => {
    const { dir, file, before } = copy('alla-former.yaml');
    const r = await runCliAsync(['migrera', 'projekt.yaml', '--torrkörning'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('formatversion 1 → 2 skulle ändra 13 saker (inget sparat)');
    // Each change with its line in the file, in the order of the file.
    expect(r.stdout).toContain([
      '  rad 2: formatversion: 1 → 2',
      '  rad 10: organisation.arbetsgrupp: blir en grupp i organisation.grupper (id G2, typ arbetsgrupp)',
      '  rad 21: organisation.styrgrupp: blir en grupp i organisation.grupper (id G1, typ styrgrupp)',
    ].join('\n'));
    expect(r.stdout).toContain('  rad 45: handlingsplan.insatser[0]: kostnad_kr och finansiering blir kostnader (år: ej angivet)\n  rad 47: handlingsplan.insatser[0].ansvarig: blir ansvariga (en lista)\n');
    expect(r.stdout).toContain('  rad 60: uppföljning: blir den första omgången i uppföljningar (id U1)\n');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps every comment, above keys, inline and inside the moved blocks', async () => {
    const { dir, file, before } = copy('alla-former.yaml');
    expect((await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir })).code).toBe(0);
    const tags = (s: string) => s.match(/# K-[\wåäö-]+/g) ?? [];
    expect(tags(before.toString('utf8')).length).toBeGreaterThan(15);
    expect(tags(readFileSync(file, 'utf8'))).toEqual(expect.arrayContaining(tags(before.toString('utf8'))));
    expect(tags(readFileSync(file, 'utf8')).length).toBe(tags(before.toString('utf8')).length);
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const { dir, file, before } = copy('alla-former.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(before.toString('utf8').replace(/\n/g, '\r\n'))]));
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = readFileSync(file);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = after.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('formatversion: 2   # K-formatversion\r\n');
    expect(text).toContain('  grupper:\r\n    # K-styrgrupp-ovan\r\n    - id: G1\r\n');
    expect((await runCliAsync(['validate', 'projekt.yaml'], { cwd: dir })).stderr).not.toContain(NOTICE);
  });

  it('keeps a symbolic link a link and the file\'s mode', async () => {
    const { dir, file } = copy('alla-former.yaml', 'riktig.yaml');
    chmodSync(file, 0o640);
    symlinkSync('riktig.yaml', join(dir, 'projekt.yaml'));
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'projekt.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toMatch(/^formatversion: 2/m);
  });

  it('an unusual layout (flow style) is written whole and says so', async () => {
    const dir = tempDir('fsstod-migrera-');
    writeFileSync(join(dir, 'projekt.yaml'), 'formatversion: 1\nprojekt: {namn: X, kommuner: [{kod: "1885", namn: Lindesberg}]}\norganisation: {styrgrupp: {finns: true}}\n');
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('obs: raderna kunde inte ändras var för sig');
    expect(readFileSync(join(dir, 'projekt.yaml'), 'utf8')).toMatch(/grupper: \[ \{ id: G1, typ: styrgrupp, finns: true \} \]|id: G1/);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file: a Swedish message, exit 2, no stack trace', async () => {
    const { dir, file } = copy('alla-former.yaml');
    chmodSync(file, 0o000);
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    chmodSync(file, 0o644);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('projekt.yaml: fel: filen får inte läsas (behörighet saknas)');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a file that cannot be read (not UTF-8, as root can read every file): exit 2, file unchanged', async () => {
    const dir = tempDir('fsstod-migrera-');
    copyFileSync(join(ROOT, 'test', 'korpus', 'filer', 'latin1.yaml'), join(dir, 'projekt.yaml'));
    const before = readFileSync(join(dir, 'projekt.yaml'));
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^projekt\.yaml:8:11: fel: filen är inte UTF-8-kodad/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(join(dir, 'projekt.yaml')).equals(before)).toBe(true);
  });

  it('standard in: exit 2 (there is no file to rewrite)', async () => {
    const r = runCli(['migrera', '-'], { cwd: tempDir('fsstod-migrera-'), input: readFileSync(join(V1, 'alla-former.yaml'), 'utf8') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>: fel: fsstöd migrera skriver om en fil på plats och kan inte läsa från standard in');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a missing file: exit 2', async () => {
    const r = await runCliAsync(['migrera', 'finns-inte.yaml'], { cwd: tempDir('fsstod-migrera-') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finns-inte.yaml: fel: filen finns inte');
  });

  it('a file that already has formatversion 2: exit 0, nothing changed', async () => {
    const dir = tempDir('fsstod-migrera-');
    const text = 'formatversion: 2\nprojekt:\n  namn: "X"   # som den var\n';
    writeFileSync(join(dir, 'projekt.yaml'), text);
    const r = await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('har redan formatversion 2');
    expect(readFileSync(join(dir, 'projekt.yaml'), 'utf8')).toBe(text);
  });
});

describe('the notice on a v1 file', () => {
  const cases: [string, (f: string) => string[]][] = [
    ['validate', (f) => ['validate', f]],
    ['status', (f) => ['status', f]],
    ['check', (f) => ['check', f]],
    ['check --format json', (f) => ['check', f, '--format', 'json']],
    ['render', (f) => ['render', 'lägesbild', f, '--format', 'html', '--ut', 'ut']],
  ];
  it.each(cases)('%s: once on stderr for a v1 file, not for a v2 file', async (_, args) => {
    const { dir } = copy('hjo-tidaholm.yaml');
    const r = await runCliAsync(args('projekt.yaml'), { cwd: dir });
    expect(count(r.stderr, NOTICE)).toBe(1);
    expect(r.stderr).toContain('  → Uppgradera filen med: fsstöd migrera projekt.yaml  (visa först vad som ändras med --torrkörning)');
    expect(r.stdout).not.toContain('obs:');
    if (args('x').includes('json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect((await runCliAsync(['migrera', 'projekt.yaml'], { cwd: dir })).code).toBe(0);
    const v2 = await runCliAsync(args('projekt.yaml'), { cwd: dir });
    expect(v2.stderr).not.toContain('obs:');
  });

  it('step --svar: once, and the answers are saved in a file of formatversion 2 with the user\'s lines', async () => {
    const { dir, file, before } = copy('hjo-tidaholm.yaml');
    writeFileSync(join(dir, 'svar.yaml'), 'analys:\n  målgruppsanalys:\n    demografi: Ny text om demografin.\n');
    const r = await runCliAsync(['step', '3', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(count(r.stderr, NOTICE)).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^formatversion: 2$/m);
    expect(text).toContain('demografi: Ny text om demografin.');
    expect(count(text, ': >-\n')).toBe(count(before.toString('utf8'), ': >-\n'));
  });

  it('check on many files in threads: once per file', async () => {
    const dir = tempDir('fsstod-migrera-');
    const names = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}.yaml`);
    for (const n of names) copyFileSync(join(V1, 'alla-former.yaml'), join(dir, n));
    const r = await runCliAsync(['check', ...names, '--format', 'json'], { cwd: dir, env: { FSSTOD_TRADAR: '3' } });
    expect(count(r.stderr, NOTICE)).toBe(40);
    for (const n of names) expect(count(r.stderr, `${n}: ${NOTICE}`)).toBe(1);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
