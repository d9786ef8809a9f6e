// The översikt of many files on two threads (src/oversikt/parallel.ts: a worker draws the charts'
// PNGs ahead of the model, then writes the DOCX while the main thread writes the PDF; with more
// than two cores, or FSSTOD_TRADAR=1, it first reads files beside the main thread) gives what one
// thread gives: the same bytes in every file, the same stdout and stderr (a broken file, notices in
// the files' order), with last year's files read in the same queue.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), 'utf8');
const KOMMUNER = readFileSync(join(ROOT, 'data', 'kommuner.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));

/** The example as the project file of one kommun (as scripts/bench-check.mjs makes the country's). */
const kommunFile = ([kod, namn, länskod]: string[]) => EXAMPLE.replace(/kod: "1885"/, `kod: "${kod}"`).replace(/länskod: "18"/, `länskod: "${länskod}"`).replace(/Lindesberg/g, namn!);

describe('översikt on two threads', () => {
  it('40 files and last year\'s 6: the same files, stdout and stderr as on one thread', async () => {
    const dir = tempDir('fsstod-oversikt-tradar-');
    mkdirSync(join(dir, 'i-år'));
    mkdirSync(join(dir, 'i-fjol'));
    // Stockholms and Uppsala län and more: 40 kommuner, below the compact report (60), so each kommun has its section.
    KOMMUNER.slice(0, 40).forEach((k, i) => writeFileSync(join(dir, 'i-år', `${k[0]}.yaml`), i === 23 ? 'formatversion: 2\nprojekt:\n  namn: "Trasig\n' : kommunFile(k)));
    // Last year: one broken file, and one of formatversion 1 (a notice on stderr, in the files' order).
    KOMMUNER.slice(0, 6).forEach((k, i) => writeFileSync(join(dir, 'i-fjol', `${k[0]}.yaml`), i === 2 ? 'projekt: [\n' : kommunFile(k).replace(/status: beslutad/, 'status: utkast').replace(i === 4 ? /^formatversion: 2/m : /^$/, 'formatversion: 1')));
    const outs = [];
    // One run after the other (the machine is shared).
    // '' as the machine has it (on two cores the thread only draws), '1' a thread that also reads.
    for (const t of ['0', '', '1']) {
      const ut = join(dir, `ut-${t || 'tråd'}`);
      const r = await runCliAsync(['översikt', 'i-år', '--jämför', 'i-fjol', '--format', 'docx,pdf,html,csv', '--ut', ut], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1764633600', FSSTOD_TRADAR: t } });
      outs.push({ ...r, ut });
    }
    const [one, ...others] = outs as [(typeof outs)[0], ...(typeof outs)[0][]];
    expect(one.code, one.stderr).toBe(1);
    expect(one.stderr).toMatch(/i-år\/0188\.yaml:\d+:\d+: fel: ogiltig YAML/);
    expect(one.stderr).toMatch(/i-fjol\/0117\.yaml:\d+:\d+: fel: ogiltig YAML[^]*\(förra årets fil, --jämför\)/);
    expect(one.stderr).toMatch(/i-fjol\/0123\.yaml: obs: filen har formatversion 1/);
    const files = readdirSync(one.ut).sort();
    expect(files.map((f) => f.split('.').pop())).toEqual(['csv', 'docx', 'html', 'pdf']);
    for (const two of others) {
      const same = (s: string) => s.replace(/ut-(tråd|1)/g, 'ut-0');
      expect(two.code).toBe(one.code);
      expect(same(two.stderr)).toBe(one.stderr);
      expect(same(two.stdout)).toBe(one.stdout);
      expect(readdirSync(two.ut).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(two.ut, f)).equals(readFileSync(join(one.ut, f))), `${two.ut}/${f}`).toBe(true);
    }
    // The DOCX alone is written on the main thread, with the charts the worker drew: the same bytes.
    const ut = join(dir, 'ut-docx');
    const docx = await runCliAsync(['översikt', 'i-år', '--jämför', 'i-fjol', '--format', 'docx', '--ut', ut], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1764633600' } });
    expect(docx.code, docx.stderr).toBe(1);
    const name = files.find((f) => f.endsWith('.docx'))!;
    expect(readFileSync(join(ut, name)).equals(readFileSync(join(one.ut, name)))).toBe(true);
  }, 600_000);
});
