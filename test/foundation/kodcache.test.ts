// The built CLI is loaded with V8 code caches made by the build (bin/load-cli.cjs): check that
// V8 takes them, and that a cache older than the bundle is left alone (V8 itself only compares
// the source's length, so a stale cache could otherwise run old code).
import { cpSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const probe = (root: string, cache: string) => execFileSync(process.execPath, ['-e', `
  const l = require(${JSON.stringify(join(root, 'bin', 'load-cli.cjs'))});
  const cli = l.loadCli(l.CACHES[${JSON.stringify(cache)}]);
  process.stdout.write(JSON.stringify({ used: l.cacheUsed(), main: typeof cli.main }));
`], { encoding: 'utf8' });

describe('kodcache', () => {
  it.each(['hjälp', 'validate', 'status', 'check', 'full'])('V8 använder cachen %s', (cache) => {
    expect(JSON.parse(probe(ROOT, cache))).toEqual({ used: true, main: 'function' });
  });

  // The document libraries are a bundle of their own (dist/libs.cjs), loaded only to write documents.
  it('V8 använder dokumentbibliotekens cache, och de är pdfkit, fontkit och docx', () => {
    const out = execFileSync(process.execPath, ['-e', `
      const l = require(${JSON.stringify(join(ROOT, 'bin', 'load-cli.cjs'))});
      const x = l.loadLibs();
      process.stdout.write(JSON.stringify({ used: l.cacheUsed('libs'), same: l.loadLibs() === x, pdf: typeof x.PDFDocument, fontkit: typeof x.fontkit.create, docx: typeof x.docx.Document }));
    `], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ used: true, same: true, pdf: 'function', fontkit: 'function', docx: 'function' });
  });

  it('kommandona som inte skriver dokument läser inte dokumentbiblioteken', () => {
    const out = execFileSync(process.execPath, ['-e', `
      const fs = require('node:fs');
      const read = fs.readFileSync;
      const seen = [];
      fs.readFileSync = function (f, ...a) { seen.push(String(f)); return read.call(this, f, ...a); };
      const l = require(${JSON.stringify(join(ROOT, 'bin', 'load-cli.cjs'))});
      l.loadCli(l.CACHES.validate).main(['node', 'fsstod', 'validate', ${JSON.stringify(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'))}], { out() {}, err() {}, color: false, stdoutIsTTY: false, stdinIsTTY: false, env: {} })
        .then((code) => process.stdout.write(JSON.stringify({ code, libs: seen.filter((f) => f.includes('libs.cjs')) })));
    `], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ code: 0, libs: [] });
  });

  it('en cache som är äldre än bunten används inte, och CLI:t fungerar ändå', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    const old = new Date(Date.now() - 3600_000);
    for (const c of readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.cache'))) utimesSync(join(dir, 'dist', c), old, old);
    expect(JSON.parse(probe(dir, 'validate'))).toEqual({ used: false, main: 'function' });
  });

  it('kommandon väljer cache efter sitt namn', () => {
    const { cacheFor, CACHES } = require(join(ROOT, 'bin', 'load-cli.cjs'));
    expect(cacheFor(['node', 'fsstod', 'validate', 'a.yaml'])).toBe(CACHES.validate);
    expect(cacheFor(['node', 'fsstod', 'status', 'a.yaml', 'b.yaml'])).toBe(CACHES.status);
    expect(cacheFor(['node', 'fsstod', 'init', '--kommun', 'Hjo'])).toBe(CACHES.full);
    expect(cacheFor(['node', 'fsstod', '--debug', 'render', 'alla'])).toBe(CACHES.full);
    expect(cacheFor(['node', 'fsstod', 'step', '3'])).toBe(CACHES.full);
    // Every command the help lists (with its aliases) gets its own cache or the full one, never the help's.
    const help = execFileSync(process.execPath, [join(ROOT, 'bin', 'fsstod.js'), '--help'], { encoding: 'utf8' });
    const commands = help.split('Kommandon:')[1]!.split('\n\n')[0]!.trim().split('\n').flatMap((l) => l.trim().split(' ')[0]!.split('|')).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['init', 'steg', 'visa', 'nyckeltal', 'oversikt']));
    for (const c of commands) expect([CACHES.full, CACHES[c]]).toContain(cacheFor(['node', 'fsstod', c]));
    expect(cacheFor(['node', 'fsstod'])).toBe(CACHES.hjälp);
    expect(cacheFor(['node', 'fsstod', '--help'])).toBe(CACHES.hjälp);
    expect(cacheFor(['node', 'fsstod', 'check', '--help'])).toBe(CACHES.check);
    expect(cacheFor(['node', 'fsstod', 'okänt'])).toBe(CACHES.hjälp);
    expect(cacheFor(['node', 'fsstod', 'validate'], { FSSTOD_KODCACHE: '0' })).toBe(null);
  });
});
