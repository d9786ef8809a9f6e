// No blank pages in the DOCX as LibreOffice lays it out (issue 13, page flow): a ::sidbrytning
// that fell at the top of a page used to leave that page empty (Borås förankring, page 7).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliAsync, runTool, tempDir } from '../helpers/cli.js';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftotext', 'pdfinfo'].filter((c) => !have(c));

describe.skipIf(missing.length > 0)(`DOCX pages are never blank${missing.length ? ` (hoppas över: ${missing.join(', ')} saknas)` : ''}`, () => {
  it.each(['boras', 'hjo-tidaholm'])('%s: every page of every document holds more than its header and footer', async (ex) => {
    const out = tempDir('fsstod-tomma-');
    const conv = tempDir('fsstod-tomma-lo-');
    const r = await runCliAsync(['render', 'alla', join(ROOT, 'examples', ex, 'projekt.yaml'), '--format', 'docx', '--ut', out], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
    expect(r.code, r.stderr).toBe(0);
    const profile = tempDir('fsstod-lo-profil-');
    await runTool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', conv, ...readdirSync(out).map((f) => join(out, f))], { timeout: 300_000 });
    const blank: string[] = [];
    for (const pdf of readdirSync(conv).filter((f) => f.endsWith('.pdf'))) {
      const file = join(conv, pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(await runTool('pdfinfo', [file]))![1]);
      for (let p = 2; p <= pages; p++) {
        const lines = (await runTool('pdftotext', ['-f', String(p), '-l', String(p), file, '-'])).split('\n').map((l) => l.trim()).filter(Boolean);
        // The running header (kommun, document) and the footer (Sida N av M) are two or three lines.
        const body = lines.filter((l) => !/^Sida \d+ av \d+$/.test(l) && !/kommun|Exempel/i.test(l) || l.length > 60);
        if (body.length === 0) blank.push(`${pdf} sida ${p}`);
      }
    }
    expect(blank).toEqual([]);
  }, 400_000);
});
