// Runs the real built CLI as a user would (no TTY), for end-to-end tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'fsstod.js');

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'fsstod-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** No stack trace may reach a user. */
export function hasStackTrace(s: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(s) || /\n\s+at .+:\d+:\d+/.test(s);
}
