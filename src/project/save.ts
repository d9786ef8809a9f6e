// Saving a project file without ever losing data: refuse if the file changed on disk since it
// was read, write a temporary file beside it, fsync, then rename over the original (atomic on
// POSIX). The YAML Document keeps the user's comments, key order and scalar styles.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConflictError, InputError } from '../errors.js';
import { hashBytes, type LoadedProject } from './load.js';

/** The text a Document serialises to, in the file's own line endings and BOM. */
export function serialise(p: Pick<LoadedProject, 'doc' | 'bom' | 'eol'>): string {
  let text = p.doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  if (p.eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  return (p.bom ? '\ufeff' : '') + text;
}

export interface SaveHooks {
  /** For fault-injection tests: called after the temporary file is written, before rename. */
  beforeRename?: (tmp: string) => void;
  /**
   * The text to write (without BOM, in the file's line endings), when the caller has edited
   * the text itself in step with p.doc (the interview splices only the changed lines).
   */
  text?: string;
  /** The plain data of that text, so that large files are not converted again. */
  data?: Record<string, unknown>;
}

/** Writes bytes to `file` atomically. Exported for init, which creates a new file. */
export function writeAtomic(file: string, bytes: Buffer, mode = 0o644, hooks: SaveHooks = {}): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    hooks.beforeRename?.(tmp);
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already failing */ }
    try { unlinkSync(tmp); } catch { /* not created */ }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'disken är full'
      : code === 'EACCES' || code === 'EPERM' ? 'mappen är skrivskyddad eller behörighet saknas'
      : code === 'EROFS' ? 'filsystemet är skrivskyddat'
      : code === 'EDQUOT' ? 'diskkvoten är slut'
      : (e as Error).message;
    throw new InputError(`kunde inte spara (${why}); filen på disken är oförändrad`, { file }, 'Åtgärda felet och kör kommandot igen: svaren som redan sparats finns kvar.');
  }
  // Make the rename itself durable.
  try {
    const dfd = openSync(dir, 'r');
    try { fsyncSync(dfd); } finally { closeSync(dfd); }
  } catch { /* some filesystems do not allow fsync on directories */ }
}

/**
 * Saves the Document of a loaded project. Throws ConflictError if the file on disk is no
 * longer the one that was read. On success the LoadedProject is updated to the new bytes.
 */
export function saveProject(p: LoadedProject, hooks: SaveHooks = {}): void {
  testGate();
  let current: Buffer;
  try {
    current = readFileSync(p.file);
  } catch {
    throw new ConflictError('filen har tagits bort eller flyttats sedan den lästes; inget sparades', { file: p.display },
      'Återställ filen (t.ex. med git) och kör kommandot igen.');
  }
  if (hashBytes(current) !== p.hash) {
    throw new ConflictError('filen har ändrats av någon annan (eller i en editor) sedan fsstöd läste den; den skrivs inte över', { file: p.display },
      'Spara eller stäng ändringen i den andra editorn och kör kommandot igen: fsstöd läser då in den nya versionen.');
  }
  testDelay();
  const text = hooks.text !== undefined ? (p.bom ? '\ufeff' : '') + hooks.text : serialise(p);
  const bytes = Buffer.from(text, 'utf8');
  writeAtomic(p.file, bytes, p.mode || 0o644, hooks);
  p.hash = hashBytes(bytes);
  p.text = p.bom ? text.slice(1) : text;
  p.data = hooks.data ?? (p.doc.toJS() as Record<string, unknown>);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function testGate(): void {
  const gate = process.env.FSSTOD_TEST_SAVE_GATE;
  if (!gate) return;
  writeFileSync(`${gate}.${process.pid}`, '');
  for (let i = 0; i < 4000 && !existsSync(gate); i++) sleep(5);
}
function testDelay(): void {
  const ms = Number(process.env.FSSTOD_TEST_SAVE_DELAY_MS);
  if (ms > 0) sleep(ms);
}
