// What a command may touch of the outside world, so tests can run commands in-process.
import { isatty } from 'node:tty';

export interface IO {
  out(s: string): void;
  err(s: string): void;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
}

export function processIO(): IO {
  // `fsstöd status | head`: a closed pipe is the reader's choice, not an error to report.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const env = process.env;
  const color = !env.NO_COLOR && env.FORCE_COLOR !== '0' && (Boolean(process.stdout.isTTY) || Boolean(env.FORCE_COLOR));
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // isatty(0), not process.stdin.isTTY: creating the stdin stream loads Node's stream, readline
    // and fs/promises modules, a few ms that only the interview needs.
    stdinIsTTY: isatty(0),
    color,
    env,
  };
}
