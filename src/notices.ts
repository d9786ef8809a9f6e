// Notices that are not errors (a file with an older formatversion): the loader reports them
// here, and main() prints them on standard error, once per file and command. A check worker
// thread (check/parallel.ts) collects them and the main thread passes them on here.
export type NoticeSink = (display: string, message: string, hint: string, key: string) => void;
type Sink = NoticeSink;
let sink: Sink | undefined;
const seen = new Set<string>();

export function setNoticeSink(s: Sink | undefined): void {
  sink = s;
  seen.clear();
}

export function notice(key: string, display: string, message: string, hint: string): void {
  if (!sink || seen.has(key)) return;
  seen.add(key);
  sink(display, message, hint, key);
}
