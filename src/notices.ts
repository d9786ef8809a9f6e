// Notices that are not errors (a file with an older formatversion): the loader reports them
// here, and main() prints them on standard error, once per file and command. A check worker
// thread (check/parallel.ts) collects them and the main thread passes them on here.
export type NoticeSink = (display: string, message: string, hint: string, key: string) => void;
let sink: NoticeSink | undefined;
const seen = new Set<string>();

export function setNoticeSink(s: NoticeSink | undefined): void {
  sink = s;
  seen.clear();
}

export interface Notice { key: string; display: string; message: string; hint: string }
let collecting: Notice[] | undefined;

/**
 * Runs fn with its notices collected instead of printed (check's worker threads: the main thread
 * prints them in the files' order, so that the output does not depend on the number of threads).
 */
export function collectNotices<T>(fn: () => T): { value: T; notices: Notice[] } {
  const outer = collecting;
  const notices: Notice[] = [];
  collecting = notices;
  try {
    return { value: fn(), notices };
  } finally {
    collecting = outer;
  }
}

export function notice(key: string, display: string, message: string, hint: string): void {
  if (collecting) { collecting.push({ key, display, message, hint }); return; }
  if (!sink || seen.has(key)) return;
  seen.add(key);
  sink(display, message, hint, key);
}
