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
import { buildModel, documentDate, renderBytes } from '../../src/render/index.js';
import { chartPng } from '../../src/render/charts.js';
import type { Block } from '../../src/render/model.js';
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

async function buildImages(project: Project, method: ReturnType<typeof loadMethod>, doc: (typeof DOCS)[number], fontDir: string) {
  const { model } = buildModel(project, method, doc, documentDate(project, doc, env), undefined, () => {});
  const images = new Map<Block, Awaited<ReturnType<typeof chartPng>>>();
  for (const b of model.blocks) if (b.kind === 'figure') images.set(b, await chartPng(b.chart, b.alt, fontDir));
  return { model, images };
}

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


  // 50 PDFs in under a minute on this machine: the PDF writer (where the numbering went wrong)
  // runs 44 times at once in this process on models built twice per document, and three
  // processes render the two documents end to end at the same time.
  it('50 PDFs of lägesbild and handlingsplan, 44 written at once in one process and 6 by three CLI processes, are byte-identical', async () => {
    const project = loadProject(EXAMPLE).data as unknown as Project;
    const method = loadMethod();
    const dirs = Array.from({ length: 3 }, () => tempDir('fsstod-det-'));
    const cli = Promise.all(dirs.map((d) => runCliAsync(['render', 'lägesbild', EXAMPLE, '--format', 'pdf', '--ut', d], { env })
      .then(async (a) => [a, await runCliAsync(['render', 'handlingsplan', EXAMPLE, '--format', 'pdf', '--ut', d], { env })])));
    const { writePdf } = await import('../../src/render/pdf/write.js');
    const fontDir = join(ROOT, 'assets', 'fonts');
    const built = await Promise.all([...DOCS, ...DOCS].map(async (doc) => ({ doc, ...(await buildImages(project, method, doc, fontDir)) })));
    const inProcess = await Promise.all(Array.from({ length: 44 }, (_, k) => {
      const b = built[k % built.length]!;
      return writePdf(b.model, b.images, fontDir, () => {}).then((pdf) => ({ doc: b.doc, pdf }));
    }));
    for (const [a, b] of await cli) { expect(a!.code, a!.stderr).toBe(0); expect(b!.code, b!.stderr).toBe(0); }
    const all = [...inProcess, ...dirs.flatMap((d) => readdirSync(d).map((f) => ({ doc: f.includes('lägesbild') ? 'lägesbild' : 'handlingsplan', pdf: readFileSync(join(d, f)) })))];
    expect(all).toHaveLength(50);
    for (const doc of DOCS) {
      const mine = all.filter((x) => x.doc === doc);
      const first = mine[0]!.pdf;
      const differing = mine.filter((x) => !x.pdf.equals(first)).length;
      expect(differing, `${differing} of ${mine.length} ${doc} PDFs differ from the first`).toBe(0);
    }
  }, 180_000);
});
