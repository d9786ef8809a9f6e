// Typed errors. Commands throw these; the one catch in cli.ts maps them to exit codes and
// prints them without a stack trace (unless --debug). Names are spelled out because the build
// minifies identifiers.

export interface Location {
  file: string;
  line?: number;
  col?: number;
}

export class FsstodError extends Error {
  readonly exitCode: number = 2;
  constructor(
    message: string,
    readonly location?: Location,
    /** What to do next, e.g. the command that fixes it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FsstodError';
  }
}

/** Bad flags or arguments. */
export class UsageError extends FsstodError {
  override name = 'UsageError';
}

/** The project file cannot be read or parsed as an fsstöd project (exit 2). */
export class InputError extends FsstodError {
  override name = 'InputError';
}

/** A service fsstöd asked (Kolada) could not be reached or gave an answer that cannot be used (exit 2). */
export class ServiceError extends FsstodError {
  override name = 'ServiceError';
}

/** The file on disk changed since it was read; we refuse to overwrite it. */
export class ConflictError extends FsstodError {
  override name = 'ConflictError';
}

/** A needed answer is missing and there is no terminal to ask it in. */
export class NoTerminalError extends FsstodError {
  override name = 'NoTerminalError';
}

/** The user pressed Ctrl-C or closed the terminal in a prompt. Everything before is saved. */
export class AbortedError extends FsstodError {
  override name = 'AbortedError';
  override readonly exitCode: number = 130;
}

export function formatLocation(loc?: Location): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line) s += `:${loc.line}`;
  if (loc.line && loc.col) s += `:${loc.col}`;
  return s;
}

/** One error as the user sees it: "fil:rad:kol: fel: meddelande" and a hint line. */
export function formatError(err: FsstodError): string {
  const where = formatLocation(err.location);
  // Ctrl-C is the user's choice, not an error: it says what became of the answers, without "fel:".
  const body = err instanceof AbortedError ? err.message : `fel: ${err.message}`;
  let out = (where ? `${where}: ` : '') + body;
  if (err.hint) out += `\n  → ${err.hint}`;
  return out;
}
