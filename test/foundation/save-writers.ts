// Long-lived writer processes (save-writer.cjs) for the saving tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export interface Reply { code: number; stdout: string; stderr: string }

export interface Writer {
  child: ChildProcess;
  /** Runs one command in the writer; `gate` holds its save until the gate file exists. */
  run(argv: string[], gate?: string): Promise<Reply>;
  /** Starts running the commands in turn, until the process is killed. */
  loop(argvs: string[][]): void;
  /** Resolves when the process has exited (after a kill). */
  exited: Promise<void>;
}

export function startWriter(env: NodeJS.ProcessEnv = {}, opts: { uid?: number; gid?: number } = {}): Promise<Writer> {
  const child = spawn(process.execPath, [join(__dirname, 'save-writer.cjs')], {
    cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, stdio: ['pipe', 'pipe', 'inherit'], ...opts,
  });
  const waiting: ((r: any) => void)[] = [];
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiting.shift()?.(JSON.parse(line));
    }
  });
  child.stdin!.on('error', () => { /* killed */ });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const next = () => new Promise<any>((resolve) => waiting.push(resolve));
  const writer: Writer = {
    child, exited,
    run(argv, gate) {
      const r = next();
      child.stdin!.write(JSON.stringify({ argv, gate }) + '\n');
      return r;
    },
    loop(argvs) { child.stdin!.write(JSON.stringify({ loop: argvs }) + '\n'); },
  };
  return next().then(() => writer);
}
