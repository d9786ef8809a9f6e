// The terminal while the interview asks: a closed terminal ends it quietly, and pasted text
// (several lines from Word or an e-mail) is one answer instead of one answer per line.
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pastedAsLine } from './text.js';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** How much of `s`'s end could be the start of `marker` (a marker split between two reads). */
function partialEnd(s: string, marker: string, min = 1): number {
  for (let n = Math.min(marker.length - 1, s.length); n >= min; n--) if (marker.startsWith(s.slice(-n))) return n;
  return 0;
}

/**
 * Lines that arrive in one read are a paste, even without the markers (a terminal without
 * bracketed paste): a person's keys arrive one read at a time, and Enter typed right after a
 * word ends the read ("svar⏎"), but text, a line break and more text together are not typed.
 */
function looksPasted(s: string): boolean {
  const printable = s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1bO.|\x1b./g, '').split(/\r\n?|\n/).filter((l) => /[^\x00-\x1f\x7f]/.test(l));
  return printable.length >= 2;
}

/**
 * Rewrites what the terminal sends, read by read: text between the bracketed-paste markers
 * (ESC[200~ … ESC[201~), and lines that arrive together, become part of the line being typed,
 * their line breaks shown as ¶ (see PARAGRAPH); everything else passes unchanged.
 */
export class PasteFilter {
  private pasting = false;
  private held = '';

  feed(chunk: string): string {
    let s = this.held + chunk;
    this.held = '';
    let out = '';
    for (;;) {
      if (this.pasting) {
        const end = s.indexOf(PASTE_END);
        if (end < 0) {
          // Keep back a split end marker, and a CR whose LF may come in the next read.
          let keep = partialEnd(s, PASTE_END);
          if (!keep && s.endsWith('\r')) keep = 1;
          out += pastedAsLine(s.slice(0, s.length - keep));
          this.held = s.slice(s.length - keep);
          return out;
        }
        out += pastedAsLine(s.slice(0, end));
        s = s.slice(end + PASTE_END.length);
        this.pasting = false;
      } else {
        const start = s.indexOf(PASTE_START);
        if (start < 0) {
          // Only a split marker is kept back ("ESC[2…"), never a lone Esc key.
          const keep = partialEnd(s, PASTE_START, 3);
          const typed = s.slice(0, s.length - keep);
          this.held = s.slice(s.length - keep);
          return out + (looksPasted(typed) ? pastedAsLine(typed) : typed);
        }
        const typed = s.slice(0, start);
        out += looksPasted(typed) ? pastedAsLine(typed) : typed;
        s = s.slice(start + PASTE_START.length);
        this.pasting = true;
      }
    }
  }
}

/**
 * The terminal's input as the prompts read it, through a PasteFilter. Raw mode, pause and resume
 * go to the terminal itself, so that between prompts (and while an editor runs) nothing is read.
 */
class TerminalInput extends Readable {
  readonly isTTY = true;
  private readonly paste = new PasteFilter();
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly src: NodeJS.ReadStream) {
    super();
    src.on('data', (b: Buffer | string) => {
      const t = this.paste.feed(typeof b === 'string' ? b : this.decoder.write(b));
      if (t) this.push(t);
    });
    src.on('end', () => this.push(null));
    src.pause();
  }

  override _read(): void {}
  get isRaw(): boolean { return Boolean(this.src.isRaw); }
  setRawMode(mode: boolean): this {
    this.src.setRawMode?.(mode);
    return this;
  }
  override pause(): this {
    this.src.pause();
    return super.pause();
  }
  override resume(): this {
    this.src.resume();
    return super.resume();
  }
}

let input: TerminalInput | undefined;

/** The terminal's input for the prompts, or undefined when stdin is not a terminal. */
export function terminalInput(): NodeJS.ReadableStream | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (input ??= new TerminalInput(process.stdin));
}

let pasteMode = false;
const pasteModeOff = () => bracketedPaste(false);

/**
 * Asks the terminal to mark pasted text (bracketed paste mode) while a prompt is shown, and to
 * stop again afterwards; also when the program ends in the middle of a prompt (Ctrl-C, an error).
 */
export function bracketedPaste(on: boolean): void {
  if (on === pasteMode || !process.stdout.isTTY || !process.stdin.isTTY) return;
  pasteMode = on;
  process.stdout.write(on ? '\x1b[?2004h' : '\x1b[?2004l');
  if (on) process.once('exit', pasteModeOff);
  else process.off('exit', pasteModeOff);
}

// A closed terminal (the window closed, ssh dropped, tmux pane killed) ends the interview
// quietly, as a hang-up does (status 129). Answers are saved synchronously, so a signal can
// only arrive between answers: at most the answer being typed is lost, and the file on disk is
// always whole.
export function whileInteractive(): () => void {
  // Dying of the hang-up signal itself: a normal exit would make Node restore the settings of a
  // terminal that no longer exists, and fail an internal assertion doing so.
  const closed = () => {
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  };
  const onError = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EIO' || code === 'ENXIO' || code === 'EBADF' || code === 'EPIPE') closed();
    // Anything else is a bug: report it like the CLI does, without losing saved answers.
    try {
      process.stderr.write(`fel: ett internt fel inträffade i fsstöd (${(e as Error)?.message ?? String(e)}). Svaren som redan sparats finns kvar.\n  → Kör igen med --debug och rapportera felet.\n`);
    } finally {
      process.exit(2);
    }
  };
  process.on('SIGHUP', closed);
  process.on('uncaughtException', onError);
  return () => {
    bracketedPaste(false);
    process.off('SIGHUP', closed);
    process.off('uncaughtException', onError);
  };
}

/**
 * The user's editor as @inquirer/external-editor chose it: $VISUAL, then $EDITOR, then a
 * default; split at spaces not escaped by a backslash ("code --wait", "my\ editor").
 */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): { bin: string; args: string[] } {
  const cmd = env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
  const pieces: string[] = [];
  let cur = '';
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (i > 0 && c === ' ' && cmd[i - 1] !== '\\' && cur.length > 0) {
      pieces.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur) pieces.push(cur);
  const [bin, ...args] = pieces.map((p) => p.replace(/\\ /g, ' '));
  return { bin: bin ?? 'vi', args };
}

/**
 * Runs the user's editor on a file with the terminal inherited and waits for it to end. The
 * prompts' input is paused meanwhile (TerminalInput passes pause to the terminal), so that the
 * keys go to the editor only.
 */
export function runEditor(file: string): Promise<{ status: number | null; error?: NodeJS.ErrnoException; command: string }> {
  const { bin, args } = editorCommand();
  const command = [bin, ...args].join(' ');
  terminalInput()?.pause();
  return new Promise((resolve) => {
    const child = spawn(bin, [...args, file], { stdio: 'inherit' });
    child.once('error', (error) => resolve({ status: null, error, command }));
    child.once('exit', (status) => resolve({ status, command }));
  });
}
