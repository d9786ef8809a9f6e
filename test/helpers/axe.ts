// Runs axe-core (node_modules/axe-core/axe.min.js) in headless Chromium on an HTML file and returns the
// violations. No puppeteer: Chromium's DevTools protocol over --remote-debugging-pipe (fd 3 = we write,
// fd 4 = we read; messages are NUL-terminated JSON). Also usable for other in-page checks (reflow at 320 px).
//
//   const v = await runAxe('/tmp/x/handlingsplan.html');            // one file, own browser
//   await withChromium(async (b) => { await b.axe(f1); await b.axe(f2); });  // many files, one browser
//   await withChromium((b) => b.evaluate(file, 'document.documentElement.scrollWidth', { width: 320 }));
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';

const ROOT = resolve(__dirname, '..', '..');
const AXE_SOURCE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Generous: the machine is shared and Chromium starts slowly under load. */
const CALL_TIMEOUT = 120_000;

export interface AxeNode { target: unknown[]; html: string; failureSummary?: string }
export interface AxeViolation { id: string; impact: string | null; help: string; helpUrl: string; tags: string[]; nodes: AxeNode[] }

export interface PageOptions {
  /** Viewport width in CSS px (default 1280). */
  width?: number;
  height?: number;
}

export interface AxeOptions extends PageOptions {
  /** Passed to axe.run as options (e.g. { runOnly: ['wcag2a','wcag2aa'] }). Default: every non-experimental rule. */
  axeOptions?: Record<string, unknown>;
}

/** One line per violated node, for readable assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '-'}): ${v.help}\n    ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}`))
    .join('\n');
}

function chromiumBinary(): string {
  return process.env.CHROMIUM ?? 'chromium';
}

interface Pending { resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; method: string }

export class Chromium {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners: Array<(msg: any) => void> = [];
  private buffer = '';
  private closed = false;
  private exitError: Error | null = null;
  private stderr = '';

  private constructor(private child: ChildProcess, private profileDir: string) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => this.onData(chunk));
    (child.stdio[2] as Readable).setEncoding('utf8').on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-4000);
    });
    // Writes to a dead pipe must not crash the test process.
    (child.stdio[3] as Writable).on('error', () => {});
    child.on('exit', (code, signal) => {
      this.exitError = new Error(`chromium avslutades (kod ${code}, signal ${signal})\n${this.stderr}`);
      for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(this.exitError); }
      this.pending.clear();
    });
    child.on('error', (e) => {
      this.exitError = e;
      for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(e); }
      this.pending.clear();
    });
  }

  static async launch(): Promise<Chromium> {
    const profileDir = mkdtempSync(join(tmpdir(), 'fsstod-chromium-'));
    const child = spawn(chromiumBinary(), [
      '--headless=new',
      '--no-sandbox', // CI runs as root
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--mute-audio',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      '--lang=sv-SE',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const b = new Chromium(child, profileDir);
    try {
      await b.send('Browser.getVersion');
    } catch (e) {
      await b.close();
      throw e;
    }
    return b;
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nul: number;
    while ((nul = this.buffer.indexOf('\0')) >= 0) {
      const raw = this.buffer.slice(0, nul);
      this.buffer = this.buffer.slice(nul + 1);
      let msg: any;
      try { msg = JSON.parse(raw); } catch { continue; }
      if (typeof msg.id === 'number' && this.pending.has(msg.id)) {
        const p = this.pending.get(msg.id)!;
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else if (msg.method) {
        for (const l of [...this.listeners]) l(msg);
      }
    }
  }

  /** Sends one CDP command (to the browser, or to a page session) and waits for its answer. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string, timeout = CALL_TIMEOUT): Promise<any> {
    if (this.exitError) return Promise.reject(this.exitError);
    if (this.closed) return Promise.reject(new Error('chromium är stängd'));
    const id = this.nextId++;
    const msg = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise((res, rej) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rej(new Error(`${method}: inget svar från chromium på ${timeout} ms\n${this.stderr}`));
      }, timeout);
      this.pending.set(id, { resolve: res, reject: rej, timer, method });
      (this.child.stdio[3] as Writable).write(msg + '\0');
    });
  }

  /** Resolves on the first event matching; registered before the action that causes it. */
  private waitForEvent(pred: (msg: any) => boolean, what: string, timeout = CALL_TIMEOUT): { done: Promise<any>; cancel: () => void } {
    let cancel = () => {};
    const done = new Promise((res, rej) => {
      const l = (msg: any) => {
        if (pred(msg)) { cancel(); res(msg); }
      };
      const timer = setTimeout(() => {
        cancel();
        rej(new Error(`${what}: väntade ${timeout} ms\n${this.stderr}`));
      }, timeout);
      cancel = () => { clearTimeout(timer); this.listeners = this.listeners.filter((x) => x !== l); };
      this.listeners.push(l);
    });
    return { done, cancel };
  }

  /**
   * Opens the file in a fresh tab of the given viewport, runs fn with an evaluate function for that
   * page, then closes the tab.
   */
  async withPage<T>(file: string, opts: PageOptions, fn: (evaluate: (expr: string) => Promise<any>) => Promise<T>): Promise<T> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    try {
      const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
      const width = opts.width ?? 1280;
      await this.send('Emulation.setDeviceMetricsOverride', {
        width, height: opts.height ?? 900, deviceScaleFactor: 1, mobile: false,
      }, sessionId);
      await this.send('Page.enable', {}, sessionId);
      const loaded = this.waitForEvent((m) => m.sessionId === sessionId && m.method === 'Page.loadEventFired', `laddar ${file}`);
      let nav: any;
      try {
        nav = await this.send('Page.navigate', { url: pathToFileURL(resolve(file)).href }, sessionId);
      } catch (e) { loaded.cancel(); throw e; }
      if (nav.errorText) { loaded.cancel(); throw new Error(`kan inte öppna ${file}: ${nav.errorText}`); }
      await loaded.done;
      const evaluate = async (expression: string) => {
        const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
        if (r.exceptionDetails) {
          const d = r.exceptionDetails;
          throw new Error(`i sidan: ${d.exception?.description ?? d.text}`);
        }
        return r.result.value;
      };
      return await fn(evaluate);
    } finally {
      await this.send('Target.closeTarget', { targetId }).catch(() => {});
    }
  }

  /** Evaluates an expression (may return a promise) in the loaded file; returns its JSON value. */
  evaluate(file: string, expression: string, opts: PageOptions = {}): Promise<any> {
    return this.withPage(file, opts, (ev) => ev(expression));
  }

  /** axe-core's violations for the file. */
  axe(file: string, opts: AxeOptions = {}): Promise<AxeViolation[]> {
    const source = readFileSync(AXE_SOURCE, 'utf8');
    return this.withPage(file, opts, async (ev) => {
      await ev(`${source}\n;true`);
      const options = JSON.stringify(opts.axeOptions ?? {});
      const json: string = await ev(
        `axe.run(document, ${options}).then(r => JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags, nodes: v.nodes.map(n => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }))))`,
      );
      return JSON.parse(json) as AxeViolation[];
    });
  }

  /** Closes politely, then kills; always removes the profile folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null && !this.exitError) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        const id = this.nextId++;
        (child.stdio[3] as Writable).write(JSON.stringify({ id, method: 'Browser.close', params: {} }) + '\0');
      } catch { /* pipe already gone */ }
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(new Error('chromium stängdes')); }
    this.pending.clear();
    try { rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* best effort */ }
  }
}

/** Starts one Chromium, runs fn, always closes it. */
export async function withChromium<T>(fn: (b: Chromium) => Promise<T>): Promise<T> {
  const b = await Chromium.launch();
  try {
    return await fn(b);
  } finally {
    await b.close();
  }
}

/** axe-core violations of one HTML file (starts and stops its own Chromium). */
export function runAxe(file: string, opts: AxeOptions = {}): Promise<AxeViolation[]> {
  return withChromium((b) => b.axe(file, opts));
}
