// Runs the real built CLI as a user would (no TTY), for end-to-end tests.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
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

/**
 * The same as runCli, without blocking the test worker: long commands (render, LibreOffice)
 * must not stop vitest's worker from answering its runner.
 */
export function runCliAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code: code ?? -1, stdout, stderr }); });
  });
}

/** Runs any program without blocking the worker; rejects with its stderr on failure. */
export function runTool(cmd: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: opts.cwd, timeout: opts.timeout ?? 180_000, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Whether a program is on PATH (the readers the document tests use). */
export const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** The file in a folder whose name holds `part` and ends in `.ext` (a rendered document). */
export const pick = (dir: string, part: string, ext: string): string => join(dir, readdirSync(dir).find((n) => n.includes(part) && n.endsWith(`.${ext}`))!);

/** A rendered document's text as a reader gives it: pdftotext for PDF (the page's lines), pandoc for DOCX and HTML. */
export function documentText(dir: string, part: string, fmt: 'pdf' | 'docx' | 'html'): Promise<string> {
  const f = pick(dir, part, fmt);
  return fmt === 'pdf' ? runTool('pdftotext', [f, '-']) : runTool('pandoc', ['-f', fmt, '-t', 'plain', '--wrap=none', f]);
}
