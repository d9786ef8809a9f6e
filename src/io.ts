// What a command may touch of the outside world, so tests can run commands in-process.
import { createRequire } from 'node:module';
import { visible, visibleKeepingColour } from './terminal-safe.js';

export interface IO {
  out(s: string): void;
  err(s: string): void;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
  /** Whether writing to stdout or stderr failed (the command could not deliver its output: exit 2). */
  failed?(): boolean;
}

const STREAM_NAME = { stdout: 'standard ut', stderr: 'standard fel' } as const;
const REASON: Record<string, string> = {
  ENOSPC: 'det finns inget utrymme kvar på enheten',
  EDQUOT: 'diskkvoten är slut',
  EFBIG: 'filen har blivit för stor',
  EIO: 'in- eller utmatningsfel på enheten',
  EBADF: 'strömmen är inte öppen för skrivning',
  ENXIO: 'enheten finns inte längre',
};

export function processIO(): IO {
  const env = process.env;
  const color = !env.NO_COLOR && env.FORCE_COLOR !== '0' && (Boolean(process.stdout.isTTY) || Boolean(env.FORCE_COLOR));
  // Every line a command prints passes here, so this is where text is made safe: a command
  // cannot forget it, and a value interpolated anywhere (project file, file name, flag value,
  // a message quoting either) is covered. The program's own colour escapes (chalk, SGR only)
  // survive when colouring; the cost is that a value holding exactly such an SGR sequence can
  // change a colour on a colour terminal, never move the cursor, clear or write the clipboard.
  // JSON and XML output escape these characters themselves (jsonText, xml), so nothing here changes them.
  const safe = color ? visibleKeepingColour : visible;

  // A stream that cannot be written is not thrown from its 'error' handler (that is an uncaught
  // exception: a stack trace and exit 1, which means "findings"). EPIPE is the reader's choice
  // (`fsstöd check | head -1`): that stream is quietly dropped and the command ends with its own
  // exit code, so that a check in a pipeline keeps its verdict and a render finishes its files.
  // Any other error (ENOSPC, EIO, EBADF …) means the output is incomplete: a Swedish message on
  // the other stream, if it still works, and exit 2. No process.exit(): what is already queued on
  // the other stream is written before Node exits, with process.exitCode as its status.
  const dead = new Set<NodeJS.WriteStream>();
  let failure = false;
  const streams = { stdout: process.stdout, stderr: process.stderr };
  const other = (s: NodeJS.WriteStream) => (s === process.stdout ? process.stderr : process.stdout);
  const fail = (stream: NodeJS.WriteStream, e: NodeJS.ErrnoException) => {
    if (dead.has(stream)) return;
    dead.add(stream);
    if (e?.code === 'EPIPE') return;
    failure = true;
    process.exitCode = 2; // also for an error that arrives after main() has returned (a pipe is written asynchronously)
    const name = stream === process.stdout ? STREAM_NAME.stdout : STREAM_NAME.stderr;
    const reason = (e?.code && REASON[e.code]) ?? e?.message ?? String(e);
    write(other(stream), `fel: kunde inte skriva till ${name}: ${reason}${e?.code && REASON[e.code] ? ` (${e.code})` : ''}; utdata är ofullständig.\n  → Kontrollera vart ${name} skickas (fil, disk, terminal) och kör kommandot igen.\n`);
  };
  function write(stream: NodeJS.WriteStream, s: string) {
    if (dead.has(stream)) return;
    try {
      // A file is written synchronously and its error is thrown here; a pipe's arrives as 'error'.
      stream.write(safe(s));
    } catch (e) {
      fail(stream, e as NodeJS.ErrnoException);
    }
  }
  for (const stream of Object.values(streams)) stream.on('error', (e: NodeJS.ErrnoException) => fail(stream, e));
  return {
    out: (s) => write(process.stdout, s),
    err: (s) => write(process.stderr, s),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // isatty(0), not process.stdin.isTTY: creating the stdin stream loads Node's stream, readline
    // and fs/promises modules. And only when asked: node:tty loads node:net, ~10 ms at every
    // start that only the interview and init need.
    get stdinIsTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(0);
    },
    color,
    env,
    failed: () => failure,
  };
}
