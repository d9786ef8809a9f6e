// Installing (issue 14, item 12): `npm pack` of a clean checkout gives a working package. The
// sources (what git tracks, as a clean clone has them, without dist/) are copied to a temporary
// folder and packed there (prepack builds dist/ in that copy, not in the tree the other tests
// read); the tarball is installed into an empty prefix, and init, step --svar and render run
// from the installed command.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, tempDir } from '../helpers/cli.js';

const ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const runSync = (cmd: string, args: string[], cwd: string, timeout = 30_000) => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: ENV });
/** Asynchronous: a minute of npm in spawnSync would block the test worker's link to vitest. */
function run(cmd: string, args: string[], cwd: string, timeout = 240_000): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => c.kill('SIGKILL'), timeout);
    c.on('close', (status) => { clearTimeout(t); resolve({ status, stdout, stderr }); });
  });
}

// The dependencies come from the npm registry (npm ci reached it before the tests ran); where it
// cannot be reached, installing cannot be tried and the test says so instead of passing.
const git = runSync('git', ['-C', ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT);
const ping = runSync('npm', ['ping'], ROOT);
const reason = git.status !== 0 ? 'inte en git-utcheckning' : ping.status !== 0 ? 'npm-registret nås inte (npm ping)' : '';

describe('npm pack of a clean checkout', () => {
  it.skipIf(Boolean(reason))(`installs into an empty prefix and runs init, step --svar and render${reason ? ` (hoppas över: ${reason})` : ''}`, async () => {
    const tmp = tempDir('fsstod-paket-');
    const src = join(tmp, 'källa');
    for (const f of git.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(ROOT, f))) continue; // deleted but not yet committed
      mkdirSync(dirname(join(src, f)), { recursive: true });
      cpSync(join(ROOT, f), join(src, f));
    }
    expect(existsSync(join(src, 'dist'))).toBe(false);
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));

    const pack = await run('npm', ['pack', '--pack-destination', tmp], src);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const files = (await run('tar', ['tzf', join(tmp, tarball!)], tmp)).stdout.split('\n');
    for (const f of ['package/dist/cli.cjs', 'package/dist/content.json', 'package/bin/fsstod.js', 'package/schemas/projekt.schema.json', 'package/templates/handlingsplan/dokument.md.hbs', 'package/content/steg-1.yaml', 'package/data/kommuner.csv']) expect(files, f).toContain(f);
    // Nothing of the tests or the sources' TypeScript travels.
    expect(files.filter((f) => /^package\/(test|src)\//.test(f))).toEqual([]);

    const prefix = join(tmp, 'pfx');
    const install = await run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', join(tmp, tarball!)], tmp);
    expect(install.status, install.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'fsstöd');
    expect(existsSync(bin)).toBe(true);

    const work = join(tmp, 'arbete');
    mkdirSync(work);
    const init = await run(bin, ['init', '--kommun', 'orebro'], work, 60_000);
    expect(init.status, init.stderr).toBe(0);
    expect(readFileSync(join(work, 'projekt.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=projekt.schema.json');
    expect(existsSync(join(work, 'projekt.schema.json'))).toBe(true);

    writeFileSync(join(work, 'svar.yaml'), 'förankring:\n  motivering: Samla kommunens stöd till föräldrar i en plan.\n');
    const step = await run(bin, ['step', '1', '--svar', 'svar.yaml'], work, 60_000);
    expect(step.status, step.stderr).toBe(0);
    expect(readFileSync(join(work, 'projekt.yaml'), 'utf8')).toContain('Samla kommunens stöd till föräldrar i en plan.');

    const render = await run(bin, ['render', 'handlingsplan', '--format', 'docx,pdf,html', '--ut', 'ut'], work, 120_000);
    expect(render.status, render.stderr).toBe(0);
    const made = readdirSync(join(work, 'ut'));
    for (const ext of ['.docx', '.pdf', '.html']) expect(made.some((f) => f.endsWith(ext)), ext).toBe(true);
    const pdf = made.find((f) => f.endsWith('.pdf'))!;
    expect(readFileSync(join(work, 'ut', pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 600_000);
});
