// The översikt of many files (the whole country's 290) on more than one core: one worker thread
// draws the charts' PNGs (which only the DOCX needs) while the main thread makes the document
// model, and writes the DOCX while the main thread writes the PDF. With more than two cores it
// first reads files from a shared queue beside the main thread, as check's workers do
// (check/parallel.ts); on two it does not: V8's own helper threads (the optimizing compiler, the
// garbage collector) already use the second core while the main thread reads, and a reading
// thread made the reading no faster there (measured, docs/benchmarks.md). It loads the chart
// drawing instead. Each file is read exactly as in a single run, results and notices come back in
// the files' order, and whatever the thread fails at is done on the main thread, so the report is
// the same with or without it.
//
// The worker loads the built CLI (bin/load-cli.cjs, the full code cache). From TypeScript sources
// (the unit tests) there is no worker; everything runs here.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { readOne, type Läst } from './read.js';
import { loadMethod } from '../content/load.js';
import { collectNotices, notice, type Notice } from '../notices.js';
import { fromRoot } from '../paths.js';
import type { DocModel } from '../render/model.js';
import type { DocxElsewhere, DrawnElsewhere } from '../render/index.js';
import { chartKey, type Chart, type ChartImage } from '../render/charts.js';
import type { RenderContext } from '../render/context.js';
import type { Method } from '../content/types.js';

/** Defined as true by the build (scripts/build.mjs); undefined when running from sources. */
declare const BUNDLED: boolean | undefined;

/** Below this many files the thread costs more than it saves (check/parallel.ts: the same). */
const MIN_FILES = 32;
const BATCH = 8;

interface Init { fsstodOversikt: true; files: string[] }
type ToWorker = { batch: number[] } | { warm: string } | { charts: [string, Chart, string][]; fontDir: string; ends: SharedArrayBuffer } | { model: DocModel; fontDir: string };
interface FromWorker { ready?: true; results?: [number, Läst, Notice[]][]; drawn?: [string, ChartImage][]; docx?: Uint8Array; warnings?: string[]; error?: string }

/**
 * What a worker thread does, if one helps: nothing below 32 files, on one core or from the
 * sources; 'läser' (reads files, then draws) with more than two cores; 'ritar' (draws only) on
 * two, and only when there are charts to draw (a DOCX). FSSTOD_TRADAR=0 turns it off, 1 makes it
 * read whatever the cores.
 */
export function threadRole(n: number, env: NodeJS.ProcessEnv, charts: boolean, cores = availableParallelism(), bundled = typeof BUNDLED !== 'undefined' && BUNDLED): 'läser' | 'ritar' | undefined {
  if (!bundled || env.FSSTOD_TRADAR === '0' || n < MIN_FILES || cores < 2) return undefined;
  if (env.FSSTOD_TRADAR === '1' || cores > 2) return 'läser';
  return charts ? 'ritar' : undefined;
}

export interface Read {
  läst: Läst[];
  /** Writes the DOCX in the thread (render/index.ts modelBytes); undefined without a thread. */
  docx?: DocxElsewhere;
  /**
   * Has the thread draw the view model's charts with their PNGs (which only the DOCX needs) while
   * this thread makes the model; the drawings, by chartKey, come back for a DOCX written here.
   * `shared`: this thread may take charts from the back of the thread's list (DrawnElsewhere.take).
   */
  draw?: (charts: RenderContext['charts'], shared?: boolean) => DrawnElsewhere;
  /** Ends the thread (when the documents are written, or none is to be). */
  close(): Promise<void>;
}

/**
 * A list two threads work through from its two ends: `ends` holds the next index from the front
 * (low 16 bits) and one past the last from the back (high 16 bits). The next index from that end,
 * or undefined when the ends have met.
 */
export function claim(ends: Int32Array, fromBack: boolean): number | undefined {
  for (;;) {
    const v = Atomics.load(ends, 0);
    const front = v & 0xffff, back = v >>> 16;
    if (front >= back) return undefined;
    const next = fromBack ? front | ((back - 1) << 16) : (front + 1) | (back << 16);
    if (Atomics.compareExchange(ends, 0, v, next) === v) return fromBack ? back - 1 : front;
  }
}

/**
 * Reads the files, with a worker thread beside this one when that helps (threadRole): when it
 * reads, both take files from one queue until it is empty, so that both are done at about the same time.
 */
export async function readFiles(files: string[], method: Method, env: NodeJS.ProcessEnv, opts: {
  /** Whether there are charts to draw (a DOCX): the thread loads the chart drawing ahead. */
  charts?: boolean;
  /** This thread's own preparation (the PDF writer's), awaited once the thread is started and before this thread reads. */
  warmUp?: Promise<unknown>;
} = {}): Promise<Read> {
  const läst: Läst[] = new Array(files.length);
  const notices: Notice[][] = new Array(files.length);
  const mine = (i: number) => {
    const c = collectNotices(() => readOne(files[i]!, method));
    läst[i] = c.value;
    notices[i] = c.notices;
  };
  let next = 0;
  const take = (size: number): number[] => {
    const batch: number[] = [];
    while (batch.length < size && next < files.length) batch.push(next++);
    return batch;
  };
  let w: Worker | undefined;
  const role = threadRole(files.length, env, Boolean(opts.charts));
  if (role) {
    try {
      w = new Worker(`const l = require(${JSON.stringify(fromRoot('bin', 'load-cli.cjs'))}); l.loadCli(l.CACHES.full).oversiktWorker();`, { eval: true, workerData: { fsstodOversikt: true, files } satisfies Init });
    } catch {
      w = undefined;
    }
  }
  let alive = Boolean(w);
  let readingDone: () => void = () => {};
  let docxDone: ((r: { docx: Buffer; warnings: string[] } | undefined) => void) | undefined;
  let drawDone: ((r: Map<string, ChartImage>) => void) | undefined;
  const reading = new Promise<void>((r) => { readingDone = r; });
  // Two batches in flight, so that the worker never waits for this thread to hand out the next.
  let inFlight = 0;
  let warmed = false;
  const feed = () => {
    while (alive && role === 'läser' && inFlight < 2) {
      // Smaller batches as the queue runs out: the thread's last files are not left to wait for.
      const batch = take(Math.min(BATCH, Math.max(1, Math.ceil((files.length - next) / (4 * BATCH)))));
      if (!batch.length) break;
      w!.postMessage({ batch } satisfies ToWorker);
      inFlight++;
    }
    // The thread's reading is done (or it does not read): it loads the chart drawing while this
    // thread reads (its last) files and makes the report's view model.
    if (alive && (role === 'ritar' || next >= files.length) && opts.charts && !warmed) {
      warmed = true;
      w!.postMessage({ warm: fromRoot('assets', 'fonts') } satisfies ToWorker);
    }
    if (inFlight === 0) readingDone();
  };
  const fail = () => {
    alive = false;
    readingDone();
    docxDone?.(undefined);
    drawDone?.(new Map()); // drawn here instead
  };
  if (w) {
    w.on('message', (m: FromWorker) => {
      if (m.error !== undefined) { fail(); return; }
      if (m.drawn) { drawDone?.(new Map(m.drawn.map(asBuffers))); return; }
      if (m.docx) { docxDone?.({ docx: Buffer.from(m.docx.buffer, m.docx.byteOffset, m.docx.byteLength), warnings: m.warnings ?? [] }); return; }
      if (m.results) inFlight--;
      for (const [i, r, n] of m.results ?? []) { läst[i] = r; notices[i] = n; }
      feed();
    });
    w.on('error', fail);
    w.on('exit', fail);
    // The first batches go before the thread is up (they wait in its port): this thread may be
    // busy for a while before it lets the thread's first message in (the PDF writer's warm-up).
    feed();
  } else readingDone();
  await opts.warmUp;
  // This thread works through the queue too, one file at a time, letting the worker's messages in between.
  for (let batch = take(1); batch.length; batch = take(1)) {
    mine(batch[0]!);
    if (w && role === 'läser') await new Promise<void>((r) => setImmediate(r));
  }
  await reading;
  // What the thread did not read (it failed): read here.
  for (let i = 0; i < files.length; i++) if (!läst[i]) mine(i);
  for (const ns of notices) for (const n of ns) notice(n.key, n.display, n.message, n.hint);
  const docx: DocxElsewhere | undefined = alive ? (model) => new Promise((resolve) => {
    if (!alive) { resolve(undefined); return; }
    docxDone = resolve;
    w!.postMessage({ model, fontDir: fromRoot('assets', 'fonts') } satisfies ToWorker);
  }) : undefined;
  const draw = alive ? (charts: RenderContext['charts'], shared = false): DrawnElsewhere => {
    const list = Object.values(charts).filter((c) => !c.tom).map((c): [string, Chart, string] => [chartKey(c.chart, c.alt), c.chart, c.alt]);
    const ends = new SharedArrayBuffer(4);
    const e = new Int32Array(ends);
    e[0] = list.length << 16;
    const drawn = new Promise<Map<string, ChartImage>>((resolve) => {
      if (!alive) { resolve(new Map()); return; }
      drawDone = resolve;
      w!.postMessage({ charts: list, fontDir: fromRoot('assets', 'fonts'), ends } satisfies ToWorker);
    });
    const take = () => { const i = claim(e, true); return i === undefined ? undefined : list[i]![0]; };
    return { drawing: new Set(list.map(([k]) => k)), drawn, ...(shared ? { take } : {}) };
  } : undefined;
  return { läst, ...(docx ? { docx } : {}), ...(draw ? { draw } : {}), close: async () => { alive = false; await w?.terminate(); } };
}

/** A drawing that came through postMessage: its PNG (a Uint8Array there) a Buffer again, as the DOCX writer hashes and zips it. */
const asBuffers = ([k, img]: [string, ChartImage]): [string, ChartImage] => [k, { ...img, ...(img.png ? { png: Buffer.from(img.png.buffer, img.png.byteOffset, img.png.byteLength) } : {}) }];

/** Worker side: read the batches the main thread sends, then write the DOCX of the model it sends (see readFiles). */
export function serveWorker(): void {
  if (isMainThread || !(workerData as Init | undefined)?.fsstodOversikt) return;
  const { files } = workerData as Init;
  const method = loadMethod();
  // The charts drawn ahead of the model (ToWorker charts), for its DOCX.
  const drawn = new Map<string, ChartImage>();
  // One message at a time, in order: the model's DOCX waits for the charts drawn ahead of it.
  let queue = Promise.resolve();
  parentPort!.on('message', (m: ToWorker) => { queue = queue.then(() => serve(m)); });
  const serve = async (m: ToWorker) => {
    try {
      if ('batch' in m) {
        parentPort!.postMessage({ results: m.batch.map((i) => { const c = collectNotices(() => readOne(files[i]!, method)); return [i, c.value, c.notices] as [number, Läst, Notice[]]; }) } satisfies FromWorker);
        return;
      }
      if ('warm' in m) {
        const { warmCharts } = await import('../render/charts.js');
        await warmCharts(m.warm);
        return;
      }
      if ('charts' in m) {
        const { chartPng } = await import('../render/charts.js');
        // From the front of the list; the main thread may be taking charts from its back.
        const ends = new Int32Array(m.ends);
        for (let i = claim(ends, false); i !== undefined; i = claim(ends, false)) {
          const [key, chart, alt] = m.charts[i]!;
          drawn.set(key, await chartPng(chart, alt, m.fontDir));
        }
        parentPort!.postMessage({ drawn: [...drawn] } satisfies FromWorker);
        return;
      }
      const warnings: string[] = [];
      const { chartImages } = await import('../render/index.js');
      const { writeDocx } = await import('../render/docx/write.js');
      const docx = await writeDocx(m.model, await chartImages(m.model, true, m.fontDir, undefined, { drawing: new Set(drawn.keys()), drawn }), (x) => warnings.push(x));
      parentPort!.postMessage({ docx, warnings } satisfies FromWorker);
    } catch (e) {
      parentPort!.postMessage({ error: (e as Error)?.message ?? String(e) } satisfies FromWorker);
    }
  };
  parentPort!.postMessage({ ready: true } satisfies FromWorker); // ask for the first batches
}
