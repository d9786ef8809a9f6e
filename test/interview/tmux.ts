// Drives a real terminal with tmux, as a person at the keyboard: start a command in a pane,
// wait for text to appear (polling, with a timeout), type, press keys, read the screen.
import { spawnSync } from 'node:child_process';

const SOCKET = `fsstod-test-${process.pid}`;

function tmux(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('tmux', ['-u', '-L', SOCKET, ...args], { encoding: 'utf8', input, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

let n = 0;

export class Pane {
  readonly name = `p${++n}`;
  constructor(cwd: string, command: string, env: Record<string, string> = {}) {
    const vars = Object.entries({ NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...env }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    const r = tmux(['new-session', '-d', '-s', this.name, '-x', '120', '-y', '40', '-c', cwd, `env ${vars} ${command}; echo "EXIT=$?"; sleep 60`]);
    if (r.status !== 0) throw new Error(`tmux kunde inte starta: ${r.stderr}`);
  }

  /** Everything the pane has shown (with scrollback). */
  screen(): string {
    return tmux(['capture-pane', '-p', '-J', '-t', this.name, '-S', '-3000']).stdout.replace(/\s+$/, '');
  }

  /** The prompt being asked now: from the last line starting with "?" to the end. */
  active(): string {
    const lines = this.screen().split('\n');
    let i = lines.length - 1;
    while (i >= 0 && !/^\? /.test(lines[i]!)) i--;
    return i < 0 ? '' : lines.slice(i).join('\n');
  }

  async waitFor(what: RegExp | string, { timeout = 20_000, whole = false } = {}): Promise<string> {
    const t0 = Date.now();
    for (;;) {
      const s = whole ? this.screen() : this.active();
      if (typeof what === 'string' ? s.includes(what) : what.test(s)) return s;
      if (Date.now() - t0 > timeout) throw new Error(`väntade på ${what} i ${timeout} ms; skärmen:\n${this.screen().split('\n').slice(-30).join('\n')}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /**
   * The prompt being asked once the program waits for input: a "?" line is on screen and nothing has
   * changed for a while. Between an answer and the next prompt (the save) there is no "?" line; an Enter
   * pressed then is read by the next prompt, so nothing may be pressed on an unsettled screen.
   */
  async settled(timeout = 20_000): Promise<string> {
    const t0 = Date.now();
    let last = this.active();
    let since = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 40));
      const now = this.active();
      if (now !== last) [last, since] = [now, Date.now()];
      else if (now && Date.now() - since >= 250) return now;
      if (Date.now() - t0 > timeout) throw new Error(`skärmen blev aldrig stilla med en fråga i ${timeout} ms; skärmen:\n${this.screen().split('\n').slice(-30).join('\n')}`);
    }
  }

  /** Presses Enter, one settled prompt at a time, until the prompt being asked matches. */
  async enterUntil(what: RegExp, max = 30): Promise<void> {
    for (let i = 0; i < max; i++) {
      const now = await this.settled();
      if (what.test(now)) return;
      this.keys('Enter');
      const t0 = Date.now();
      while (this.active() === now && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error(`kom aldrig fram till ${what}:\n${this.screen().split('\n').slice(-20).join('\n')}`);
  }

  /** Waits for a prompt, then answers it: text typed literally, then Enter. */
  async answer(prompt: RegExp | string, text: string): Promise<void> {
    await this.waitFor(prompt);
    if (text) this.type(text);
    this.keys('Enter');
  }

  type(text: string): void {
    tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /**
   * Pastes text as a terminal does (Ctrl-Shift-V): in one write, its bytes unchanged (-r: no LF→CR),
   * between the bracketed-paste markers if `bracketed` and the program has asked for them.
   */
  paste(text: string, { bracketed = true } = {}): void {
    const buffer = `b-${this.name}`;
    const load = tmux(['load-buffer', '-b', buffer, '-'], text);
    if (load.status !== 0) throw new Error(`tmux load-buffer: ${load.stderr}`);
    tmux(['paste-buffer', '-d', '-r', ...(bracketed ? ['-p'] : []), '-b', buffer, '-t', this.name]);
  }

  keys(...keys: string[]): void {
    tmux(['send-keys', '-t', this.name, ...keys]);
  }

  /** The command's exit code, once it has ended. */
  async exitCode(timeout = 20_000): Promise<number> {
    const s = await this.waitFor(/EXIT=\d+/, { timeout, whole: true });
    return Number(/EXIT=(\d+)/.exec(s)![1]);
  }

  kill(): void {
    tmux(['kill-session', '-t', this.name]);
  }
}

export function killServer(): void {
  tmux(['kill-server']);
}
