// The same project file and SOURCE_DATE_EPOCH give byte-identical PDFs however many renders run
// at once. pdfkit used to number a chart's /SMask object when png-js finished decoding it on the
// thread pool, so two charts could swap numbers (about one render in 10–40).
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { syncBuiltinESMExports } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import { renderBytes } from '../../src/render/index.js';
import type { Project } from '../../src/project/types.js';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples/lindesberg/projekt.yaml');
const env = { SOURCE_DATE_EPOCH: '1760000000' };
const DOCS = ['lägesbild', 'handlingsplan'] as const;

// png-js takes zlib.inflate when it is loaded (with pdfkit, lazily, by the PDF writer): wrap it
// first, so that a test can make the thread pool finish the charts' decoding in reverse order.
let reverse = false;
let calls = 0;
const inflate = zlib.inflate;
(zlib as { inflate: unknown }).inflate = (buf: Buffer, ...rest: unknown[]) => {
  const cb = rest.pop() as (e: Error | null, r: Buffer) => void;
  const k = calls++;
  return (inflate as (...a: unknown[]) => void)(buf, ...rest, (e: Error | null, r: Buffer) => {
    if (reverse && k % 2 === 0) setTimeout(() => cb(e, r), 200);
    else cb(e, r);
  });
};
// pdfkit's ES module build imports { inflate } from 'zlib': update that binding too.
syncBuiltinESMExports();

describe('PDF determinism under concurrency', () => {
  it('the order in which the thread pool finishes work does not change the PDF', async () => {
    const project = loadProject(EXAMPLE).data as unknown as Project;
    const method = loadMethod();
    for (const doc of DOCS) {
      reverse = false;
      const plain = (await renderBytes(project, method, doc, ['pdf'], { env, warn: () => {} })).files.get('pdf')!;
      reverse = true;
      calls = 0;
      const late = (await renderBytes(project, method, doc, ['pdf'], { env, warn: () => {} })).files.get('pdf')!;
      reverse = false;
      expect(late.equals(plain), doc).toBe(true);
    }
  });


  it('50 PDFs of lägesbild and handlingsplan, rendered 40 at once in one process and 10 in five processes, are byte-identical', async () => {
    const project = loadProject(EXAMPLE).data as unknown as Project;
    const method = loadMethod();
    const inProcess = await Promise.all(Array.from({ length: 40 }, (_, k) =>
      renderBytes(project, method, DOCS[k % 2]!, ['pdf'], { env, warn: () => {} }).then((r) => ({ doc: DOCS[k % 2]!, pdf: r.files.get('pdf')! }))));
    const dirs = Array.from({ length: 5 }, () => tempDir('fsstod-det-'));
    const runs = await Promise.all(dirs.map((d) => runCliAsync(['render', 'lägesbild', EXAMPLE, '--format', 'pdf', '--ut', d], { env })
      .then(async (a) => [a, await runCliAsync(['render', 'handlingsplan', EXAMPLE, '--format', 'pdf', '--ut', d], { env })])));
    for (const [a, b] of runs) { expect(a!.code, a!.stderr).toBe(0); expect(b!.code, b!.stderr).toBe(0); }
    const all = [...inProcess, ...dirs.flatMap((d) => readdirSync(d).map((f) => ({ doc: f.includes('lägesbild') ? 'lägesbild' : 'handlingsplan', pdf: readFileSync(join(d, f)) })))];
    expect(all).toHaveLength(50);
    for (const doc of DOCS) {
      const mine = all.filter((x) => x.doc === doc);
      const first = mine[0]!.pdf;
      const differing = mine.filter((x) => !x.pdf.equals(first)).length;
      expect(differing, `${differing} of ${mine.length} ${doc} PDFs differ from the first`).toBe(0);
    }
  }, 120_000);
});
