// The terminal while the interview asks: a closed terminal ends it quietly, and pasted text
// (several lines from Word or an e-mail) is one answer instead of one answer per line.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { PARAGRAPH, pastedAsLine } from './text.js';

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
 * their line breaks shown as ¶ (see PARAGRAPH). While `lineBreaks` is on (a text prompt),
 * the key for a line break that every keyboard has, Alt+Enter (ESC CR, or ESC LF when it
 * arrives between prompts, in cooked mode), is typed as ¶ too, and so is Shift+Enter where the
 * terminal reports it (CSI 13;2u, CSI 27;2;13~). Not Ctrl+J: it sends LF, and so does Enter
 * typed ahead while no prompt has the terminal in raw mode (ICRNL), which must stay Enter.
 * Everything else passes unchanged.
 */
export class PasteFilter {
  private pasting = false;
  private held = '';
  lineBreaks = false;

  private typed(t: string): string {
    if (looksPasted(t)) return pastedAsLine(t);
    return this.lineBreaks ? t.replace(/\x1b[\r\n]|\x1b\[13;[2-8]u|\x1b\[27;[2-8];13~/g, ` ${PARAGRAPH} `) : t;
  }

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
          return out + this.typed(typed);
        }
        const typed = s.slice(0, start);
        out += this.typed(typed);
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
  readonly paste = new PasteFilter();
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

/** Alt+Enter types a line break (¶) while on: a text prompt is asked (see PasteFilter). */
export function typedLineBreaks(on: boolean): void {
  if (input) input.paste.lineBreaks = on;
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

/** Whether a program is on PATH (nano, for the :e editor). */
export function onPath(bin: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const f = join(dir, bin);
    try {
      accessSync(f, constants.X_OK);
      return f;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * The user's editor for :e: $VISUAL, then $EDITOR (split at spaces not escaped by a
 * backslash: "code --wait", "my\ editor"), else nano where it is installed; undefined when
 * there is none of them, and the built-in editor is used (never vi, which a person who has not
 * learnt it cannot leave).
 */
export function editorCommand(env: NodeJS.ProcessEnv = process.env, find: (bin: string) => string | undefined = (b) => onPath(b, env)): { bin: string; args: string[] } | undefined {
  const cmd = env.VISUAL || env.EDITOR || (find('nano') ? 'nano' : undefined);
  if (!cmd) return undefined;
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
  return bin ? { bin, args } : undefined;
}

/** How to save and close an editor, said before it opens (nano and vi by name; others in general). */
export function editorHelp(bin: string): string {
  const name = basename(bin);
  if (/^(nano|pico|rnano)$/.test(name)) return `Editorn är nano: skriv texten, spara med Ctrl+O och Enter, stäng med Ctrl+X.`;
  if (/^(vi|vim|nvim|view)$/.test(name)) return `Editorn är ${name}: tryck i för att skriva; när du är klar, tryck Esc, skriv :wq och Enter (spara och stäng).`;
  if (/^(emacs|emacsclient)$/.test(name)) return `Editorn är ${name}: spara med Ctrl+X Ctrl+S, stäng med Ctrl+X Ctrl+C.`;
  return `Editorn är ${name}: spara texten och stäng editorn när du är klar.`;
}

/**
 * Runs the user's editor on a file with the terminal inherited and waits for it to end. The
 * prompts' input is paused meanwhile (TerminalInput passes pause to the terminal), so that the
 * keys go to the editor only.
 */
export function runEditor(file: string, editor: { bin: string; args: string[] }): Promise<{ status: number | null; error?: NodeJS.ErrnoException; command: string }> {
  const { bin, args } = editor;
  const command = [bin, ...args].join(' ');
  terminalInput()?.pause();
  return new Promise((resolve) => {
    const child = spawn(bin, [...args, file], { stdio: 'inherit' });
    child.once('error', (error) => resolve({ status: null, error, command }));
    child.once('exit', (status) => resolve({ status, command }));
  });
}
