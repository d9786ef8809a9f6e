// Checking many files (a länsstyrelse's 290 kommuner) on several cores: worker threads take
// batches of files from a shared queue while the main thread checks batches too. Each file is
// checked exactly as in a single run, and results come back in the order the files were given,
// so the output is the same whatever the number of threads.
//
// A worker loads the built CLI (bin/load-cli.cjs, with its code cache) and serves batches with
// serveWorker() below. From TypeScript sources (the unit tests) there is no worker; everything
// runs here.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism, loadavg } from 'node:os';
import { checkFile, type EngineOptions } from './engine.js';
import type { RuleConfig } from './config.js';
import { methodView } from './method.js';
import { RULES } from './rules/index.js';
import type { FileResult } from './types.js';
import { fromRoot } from '../paths.js';
import { collectNotices, notice, type Notice } from '../notices.js';

/** Defined as true by the build (scripts/build.mjs); undefined when running from sources. */
declare const BUNDLED: boolean | undefined;

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 32;
const BATCH = 8;

interface WorkerInit {
  fsstodCheck: true;
  files: string[];
  regler: [string, RuleConfig][];
  dokument: EngineOptions['dokument'];
  steg: EngineOptions['steg'];
  grund: EngineOptions['grund'];
}

type Options = Omit<EngineOptions, 'rules' | 'method'>;

/**
 * How many worker threads to start for n files: one per idle core (as `make -l` does, cores
 * already busy with other work are left alone; a thread costs ~0.1 s of CPU to start), at most
 * 7, and none below 32 files. FSSTOD_TRADAR sets the number (0 = none).
 */
export function threadsFor(n: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(), load = loadavg()[0]!): number {
  const forced = env.FSSTOD_TRADAR;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), Math.max(0, Math.ceil(n / BATCH) - 1));
  if (n < MIN_FILES) return 0;
  const idle = Math.floor(cores - load);
  return Math.max(0, Math.min(idle - 1, 7, Math.floor(n / MIN_FILES)));
}

export async function checkFiles(files: string[], o: Options, env: NodeJS.ProcessEnv = process.env): Promise<FileResult[]> {
  const method = methodView();
  const one = (f: string) => checkFile(f, { ...o, rules: RULES, method });
  const threads = typeof BUNDLED !== 'undefined' && BUNDLED ? threadsFor(files.length, env) : 0;
  if (threads === 0) return files.map(one);

  const results: FileResult[] = new Array(files.length);
  // A file's notices (e.g. "formatversion 1"), printed in the files' order once all are checked.
  const notices: Notice[][] = new Array(files.length);
  const mine = (i: number) => {
    const c = collectNotices(() => one(files[i]!));
    results[i] = c.value;
    notices[i] = c.notices;
  };
  let nextIndex = 0;
  const take = (size = BATCH): number[] => {
    const batch: number[] = [];
    while (batch.length < size && nextIndex < files.length) batch.push(nextIndex++);
    return batch;
  };
  const init: WorkerInit = { fsstodCheck: true, files, regler: [...o.config.regler], dokument: o.dokument, steg: o.steg, grund: o.grund };
  const workers: Worker[] = [];
  // Each worker settles when the queue is empty or when it fails; a failed worker's batch is
  // simply checked again below, on the main thread, so a thread problem never changes results.
  const settled = Array.from({ length: threads }, () => new Promise<void>((resolve) => {
    let w: Worker;
    try {
      w = new Worker(workerSource(), { eval: true, workerData: init });
    } catch {
      resolve();
      return;
    }
    workers.push(w);
    // Two batches in flight, so that a worker never waits for the main thread to hand out the next.
    let inFlight = 0;
    const feed = () => {
      while (inFlight < 2) {
        const batch = take();
        if (!batch.length) break;
        w.postMessage(batch);
        inFlight++;
      }
      if (inFlight === 0) resolve();
    };
    w.on('message', (m: { results?: [number, FileResult, Notice[]][]; error?: string; ready?: boolean }) => {
      if (m.error) { resolve(); return; }
      if (!m.ready) inFlight--;
      for (const [i, r, n] of m.results ?? []) { results[i] = r; notices[i] = n ?? []; }
      feed();
    });
    w.on('error', () => resolve());
    w.on('exit', () => resolve());
  }));
  // The main thread works through the queue too, one file at a time, letting the workers'
  // messages in between.
  for (let batch = take(1); batch.length; batch = take(1)) {
    mine(batch[0]!);
    await new Promise<void>((r) => setImmediate(r));
  }
  await Promise.all(settled);
  await Promise.all(workers.map((w) => w.terminate()));
  for (let i = 0; i < files.length; i++) if (!results[i]) mine(i);
  for (const ns of notices) for (const n of ns ?? []) notice(n.key, n.display, n.message, n.hint);
  return results;
}

/** What a worker thread runs: the built CLI, loaded with the check command's code cache. */
export function workerSource(): string {
  return `const l = require(${JSON.stringify(fromRoot('bin', 'load-cli.cjs'))}); l.loadCli(l.CACHES.check).checkWorker();`;
}

/** Worker side: check the batches the main thread sends (see checkFiles). */
export function serveWorker(): void {
  if (isMainThread || !(workerData as WorkerInit | undefined)?.fsstodCheck) return;
  const init = workerData as WorkerInit;
  const opts: EngineOptions = {
    rules: RULES, method: methodView(), config: { regler: new Map(init.regler) },
    dokument: init.dokument, steg: init.steg, grund: init.grund,
  };
  parentPort!.on('message', (batch: number[]) => {
    try {
      parentPort!.postMessage({ results: batch.map((i) => { const c = collectNotices(() => checkFile(init.files[i]!, opts)); return [i, c.value, c.notices]; }) });
    } catch (e) {
      parentPort!.postMessage({ error: (e as Error)?.message ?? String(e) });
    }
  });
  parentPort!.postMessage({ ready: true }); // ask for the first batches
}
