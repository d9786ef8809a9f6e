// Saving a project file without ever losing data. Under a lock beside the file (one writer at a
// time), the file is read again; if it changed since it was loaded, the caller may re-apply its
// edits onto the new version (three-way: only values nobody else changed) or the save is refused.
// The new text is written to a temporary file beside the real target (symbolic links resolved),
// with the original's mode and owner, fsynced, read back through the loader (it must give the
// same data), then renamed over the original (atomic on POSIX). A hard-linked file, or one whose
// owner cannot be kept, is written in place instead, with a backup until the write is verified.
// The YAML Document keeps the user's comments, key order and scalar styles.
import {
  closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, linkSync, openSync, readdirSync,
  readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync, writeSync, existsSync, type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ConflictError, FsstodError, InputError } from '../errors.js';
import { displayPath, hashBytes, loadProject, MAX_BYTES, type LoadedProject } from './load.js';

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
  /**
   * Called (under the lock) when the file on disk is no longer the one loaded: re-applies the
   * caller's edits onto `fresh` (and takes it over as p) and returns the text and data to
   * save, or throws ConflictError. Without it, a changed file is a ConflictError.
   */
  rebase?: (fresh: LoadedProject) => { text: string; data: Record<string, unknown> };
}

/** How long a save waits for another writer's lock before giving up. */
const LOCK_WAIT_MS = 5000;
/** A lock older than this is abandoned even if its pid seems alive (pid reused, other host). */
const LOCK_STALE_MS = 2 * 60_000;

const sleep = (ms: number) => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); };

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Our files beside a project file: `.<name>.<pid>.<token>.<kind>`. */
const sideName = (base: string, token: string, kind: 'tmp' | 'bak' | 'part' | 'lk' | 'stale') => `.${base}.${process.pid}.${token}.${kind}`;
const newToken = () => randomBytes(4).toString('hex');

function cannotSave(e: unknown, display: string): FsstodError {
  if (e instanceof FsstodError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'disken är full'
    : code === 'EACCES' || code === 'EPERM' ? 'mappen är skrivskyddad eller behörighet saknas'
    : code === 'EROFS' ? 'filsystemet är skrivskyddat'
    : code === 'EDQUOT' ? 'diskkvoten är slut'
    : (e as Error).message;
  return new InputError(`kunde inte spara (${why}); filen på disken är oförändrad`, { file: display }, 'Åtgärda felet och kör kommandot igen: svaren som redan sparats finns kvar.');
}

function writeAll(fd: number, bytes: Buffer): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off, off);
}

function fsyncDir(dir: string): void {
  try {
    const dfd = openSync(dir, 'r');
    try { fsyncSync(dfd); } finally { closeSync(dfd); }
  } catch { /* some filesystems do not allow fsync on directories */ }
}

/**
 * Writes bytes to `file` atomically (temporary file beside it, fsync, rename). Used for the
 * documents render writes; project files go through saveProject.
 */
export function writeAtomic(file: string, bytes: Buffer, mode = 0o644, hooks: Pick<SaveHooks, 'beforeRename'> = {}): void {
  const dir = dirname(file);
  const tmp = join(dir, sideName(basename(file), newToken(), 'tmp'));
  try {
    writeTemp(tmp, bytes, mode);
    hooks.beforeRename?.(tmp);
    renameSync(tmp, file);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* not created */ }
    throw cannotSave(e, file);
  }
  fsyncDir(dir);
}

/** Creates `tmp` exclusively with `bytes` and `mode` (not narrowed by the umask), fsynced. */
function writeTemp(tmp: string, bytes: Buffer, mode: number, owner?: { uid: number; gid: number }): { ownerKept: boolean } {
  const fd = openSync(tmp, 'wx', mode);
  let ownerKept = true;
  try {
    fchmodSync(fd, mode);
    if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
      try {
        fchownSync(fd, owner.uid, owner.gid);
      } catch (e) {
        // Only root may give a file away: then the rename would change the owner.
        if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
        ownerKept = false;
      }
    }
    writeAll(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { ownerKept };
}

/**
 * Whether the running user may write the file by its mode bits. Root may write anything, so
 * for root a file with no write bit at all counts as read-only (a 444 file is meant to stay).
 */
function mayWrite(st: Stats): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return (st.mode & 0o222) !== 0;
  if (uid === 0) return (st.mode & 0o222) !== 0;
  if (st.uid === uid) return (st.mode & 0o200) !== 0;
  if (st.gid === process.getgid?.() || process.getgroups?.().includes(st.gid)) return (st.mode & 0o020) !== 0;
  return (st.mode & 0o002) !== 0;
}

function readOnlyError(st: Stats, display: string): InputError {
  const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
  return new InputError(`filen är skrivskyddad (rättigheter ${mode}); inget sparades`, { file: display },
    `Ge dig skrivrätt till filen om den ska ändras (t.ex. chmod u+w ${display}) och kör kommandot igen.`);
}

/**
 * Cleans up after writers that died (a lock, temporary files, an unfinished in-place write) when
 * a writer starts, not only when it saves: a run that ends up changing nothing must not leave a
 * dead writer's files behind either. Costs one readdir when there is nothing to clean; a live
 * writer's lock is not waited for (that writer cleans up itself when it saves).
 */
export function recoverAbandoned(file: string): void {
  let real: string;
  try { real = realpathSync(file); } catch { return; }
  const dir = dirname(real);
  const base = basename(real);
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  const prefix = `.${base}.`;
  if (!names.some((n) => n.startsWith(prefix))) return;
  let lock: Lock;
  try { lock = Lock.take(dir, base, displayPath(real), 0); } catch { return; }
  try { recover(dir, base, real); } catch { /* the next save tries again */ } finally { lock.release(); }
}

/** Refuses a file its user may not write (the interview checks this before the first question). */
export function assertWritable(file: string, display: string): void {
  let st: Stats;
  try {
    const real = realpathSync(file);
    const fd = openSync(real, 'r');
    try { st = fstatSync(fd); } finally { closeSync(fd); }
  } catch {
    return; // saving will say what is wrong
  }
  if (!mayWrite(st)) throw readOnlyError(st, display);
}

interface LockBody { pid: number; host: string; time: number; token: string }

function readLock(path: string): LockBody | null | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
  try {
    const b = JSON.parse(text) as LockBody;
    return typeof b.pid === 'number' && typeof b.time === 'number' ? b : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

const lockStale = (b: LockBody) => (b.host === hostname() && !alive(b.pid)) || Date.now() - b.time > LOCK_STALE_MS;

class Lock {
  constructor(readonly path: string, readonly token: string) {}

  /**
   * Takes `.<name>.lock` beside the file. The lock file is made whole (pid, host, time, token)
   * under a private name and then link()ed into place, which fails if a lock exists: a lock
   * file is never empty. A lock whose process is dead, or that is older than LOCK_STALE_MS, is
   * taken over; a live one is waited for (LOCK_WAIT_MS), then the save is refused.
   */
  static take(dir: string, base: string, display: string, waitMs?: number): Lock {
    const path = join(dir, `.${base}.lock`);
    const token = newToken();
    const mine = join(dir, sideName(base, token, 'lk'));
    const body: LockBody = { pid: process.pid, host: hostname(), time: Date.now(), token };
    const wait = waitMs ?? (Number(process.env.FSSTOD_TEST_LOCK_WAIT_MS) || LOCK_WAIT_MS);
    const deadline = Date.now() + wait;
    try {
      writeFileSync(mine, JSON.stringify(body), { flag: 'wx' });
      for (;;) {
        try {
          linkSync(mine, path);
          return new Lock(path, token);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const held = readLock(path);
        if (held === null) continue; // released meanwhile
        if (held !== 'unreadable' && lockStale(held)) { Lock.breakStale(dir, base, path, held); continue; }
        if (Date.now() > deadline) {
          const who = held === 'unreadable' ? '' : ` (process ${held.pid}${held.host !== hostname() ? ` på ${held.host}` : ''})`;
          throw new InputError(`filen sparas just nu av ett annat fsstöd${who}; inget sparades`, { file: display },
            `Vänta tills det är klart och kör kommandot igen. Om inget annat fsstöd arbetar med filen: ta bort låsfilen ${path}.`);
        }
        sleep(1 + Math.random() * 4);
      }
    } catch (e) {
      throw cannotSave(e, display);
    } finally {
      try { unlinkSync(mine); } catch { /* not created */ }
    }
  }

  /**
   * Removes a stale lock without removing a fresh one that replaced it meanwhile: the lock is
   * renamed away (only one process can), and if what was renamed is not the stale lock that
   * was judged, it is put back (link fails if yet another lock exists; the holder whose lock
   * went away notices at its own check before renaming and gives up).
   */
  private static breakStale(dir: string, base: string, path: string, stale: LockBody): void {
    const grave = join(dir, sideName(base, newToken(), 'stale'));
    try {
      renameSync(path, grave);
    } catch {
      return; // someone else broke it
    }
    const got = readLock(grave);
    if (got === null || got === 'unreadable' || got.token !== stale.token || got.pid !== stale.pid) {
      try { linkSync(grave, path); } catch { /* a newer lock exists */ }
    }
    try { unlinkSync(grave); } catch { /* gone */ }
  }

  /** Whether the lock is still ours (checked right before replacing the file). */
  held(): boolean {
    const b = readLock(this.path);
    return b !== null && b !== 'unreadable' && b.token === this.token;
  }

  release(): void {
    if (this.held()) try { unlinkSync(this.path); } catch { /* gone */ }
  }
}

/**
 * Cleans up after writers that died (kill -9, power loss), under the lock: temporary files of
 * dead processes are removed; an in-place write that did not finish (a .bak of a dead process)
 * is completed or undone first, so the file is the old or the new version. Files of live
 * processes (this machine) are never touched. A .bak is complete (written as .part, fsynced,
 * then renamed), so restoring from it never writes a half backup.
 */
function recover(dir: string, base: string, real: string): void {
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  const re = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.([0-9a-f]+)\\.(tmp|bak|part|lk|stale)$`);
  const ours = names.map((n) => ({ n, m: re.exec(n) })).filter((x) => x.m && !alive(Number(x.m[1])));
  for (const { n, m } of ours.filter((x) => x.m![3] === 'bak')) {
    const bak = join(dir, n);
    const tmp = join(dir, `.${base}.${m![1]}.${m![2]}.tmp`);
    const now = readFileSync(real);
    let done = false;
    try { done = readFileSync(tmp).equals(now); } catch { /* no new version */ }
    const old = readFileSync(bak);
    if (!done && !old.equals(now)) writeInPlace(real, old);
    unlinkSync(bak);
  }
  for (const { n, m } of ours) if (m![3] !== 'bak') try { unlinkSync(join(dir, n)); } catch { /* gone */ }
}

/** Overwrites the file's own inode with bytes (same inode: hard links, owner and mode kept). */
function writeInPlace(real: string, bytes: Buffer): void {
  const fd = openSync(real, 'r+');
  try {
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Test hooks (environment): a gate all racing writers pass at once, and a wider race window. */
function testGate(): void {
  const gate = process.env.FSSTOD_TEST_SAVE_GATE;
  if (!gate) return;
  writeFileSync(`${gate}.${process.pid}`, '');
  for (let i = 0; i < 20_000 && !existsSync(gate); i++) sleep(1);
}
function testDelay(): void {
  const ms = Number(process.env.FSSTOD_TEST_SAVE_DELAY_MS);
  if (ms > 0) sleep(ms);
}

function tooLarge(bytes: number, display: string): InputError {
  return new InputError(`svaren gör filen för stor (${(bytes / 1048576).toFixed(1)} MB; fsstöd läser högst ${MAX_BYTES / 1048576} MB); inget sparades, filen är oförändrad`, { file: display },
    'Korta svaret: en projektfil är normalt under 1 MB. Långa texter hör hemma i ett eget dokument som planen hänvisar till.');
}

/**
 * Saves the Document (or hooks.text) of a loaded project. Throws ConflictError if the file on
 * disk is no longer the one that was read and hooks.rebase cannot re-apply the edits. On
 * success the LoadedProject is updated to the new bytes.
 */
export function saveProject(p: LoadedProject, hooks: SaveHooks = {}): void {
  testGate();
  let text = hooks.text !== undefined ? (p.bom ? '\ufeff' : '') + hooks.text : serialise(p);
  let data = hooks.data;
  // Refused before anything else: such a file could not be loaded again.
  if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) throw tooLarge(Buffer.byteLength(text, 'utf8'), p.display);
  const gone = () => new ConflictError('filen har tagits bort eller flyttats sedan den lästes; inget sparades', { file: p.display },
    'Återställ filen (t.ex. med git) och kör kommandot igen.');
  let real: string;
  try { real = realpathSync(p.file); } catch { throw gone(); }
  const dir = dirname(real);
  const base = basename(real);
  const lock = Lock.take(dir, base, p.display);
  let tmp: string | undefined;
  let bak: string | undefined;
  let current: Buffer | undefined;
  let overwriting = false;
  try {
    recover(dir, base, real);
    let st: Stats;
    try {
      const fd = openSync(real, 'r');
      try { st = fstatSync(fd); current = readFileSync(fd); } finally { closeSync(fd); }
    } catch { throw gone(); }
    if (!mayWrite(st)) throw readOnlyError(st, p.display);
    if (hashBytes(current) !== p.hash) {
      if (!hooks.rebase) {
        throw new ConflictError('filen har ändrats av någon annan (eller i en editor) sedan fsstöd läste den; den skrivs inte över', { file: p.display },
          'Spara eller stäng ändringen i den andra editorn och kör kommandot igen: fsstöd läser då in den nya versionen.');
      }
      const fresh = loadProject(p.file);
      ({ text, data } = hooks.rebase(fresh));
      text = (p.bom ? '\ufeff' : '') + text;
      if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) throw tooLarge(Buffer.byteLength(text, 'utf8'), p.display);
    }
    testDelay();
    const bytes = Buffer.from(text, 'utf8');
    const token = newToken();
    tmp = join(dir, sideName(base, token, 'tmp'));
    const { ownerKept } = writeTemp(tmp, bytes, st.mode & 0o777, { uid: st.uid, gid: st.gid });
    // What is saved must load again as the same data (size, encoding, YAML): checked on the
    // bytes on disk through the loader itself, before the original is touched.
    const expected = data ?? (p.doc.toJS() as Record<string, unknown>);
    let back: unknown;
    try {
      back = loadProject(tmp).data;
    } catch (e) {
      throw new InputError(`svaren kunde inte sparas så att fsstöd kan läsa filen igen (${(e as Error).message}); inget sparades, filen är oförändrad`, { file: p.display }, 'Ändra svaret (t.ex. ta bort ovanliga tecken) och kör kommandot igen.');
    }
    if (!isDeepStrictEqual(back, expected)) {
      throw new InputError('svaren skulle inte läsas tillbaka likadant ur filen (t.ex. ett tecken som inte kan skrivas som UTF-8); inget sparades, filen är oförändrad', { file: p.display }, 'Ändra svaret (t.ex. ta bort ovanliga tecken) och kör kommandot igen.');
    }
    hooks.beforeRename?.(tmp);
    if (!lock.held()) throw new ConflictError('en annan process tog över låset medan svaren sparades; inget sparades', { file: p.display }, 'Kör kommandot igen.');
    if (st.nlink > 1 || !ownerKept) {
      // A hard link (another name for the same inode) would be cut off by a rename, and a file
      // we may write but not own would change owner. So the inode itself is overwritten. Its
      // old bytes are first kept in a fsynced .bak beside it, the new ones are in the verified
      // .tmp: if we die while writing, the next save (recover) finds both and makes the file the
      // old or the new version. After writing, the file is read back and compared.
      const part = join(dir, sideName(base, token, 'part'));
      try {
        writeTemp(part, current, 0o600);
        bak = join(dir, sideName(base, token, 'bak'));
        renameSync(part, bak);
      } catch (e) {
        try { unlinkSync(part); } catch { /* not created */ }
        throw e;
      }
      fsyncDir(dir);
      overwriting = true;
      writeInPlace(real, bytes);
      if (!readFileSync(real).equals(bytes)) {
        writeInPlace(real, current);
        throw new InputError('filen kunde inte skrivas om på plats (den lästes inte tillbaka likadant); den gamla versionen är återställd', { file: p.display });
      }
      unlinkSync(bak);
      bak = undefined;
      unlinkSync(tmp);
    } else {
      renameSync(tmp, real);
    }
    tmp = undefined;
    fsyncDir(dir);
    p.hash = hashBytes(bytes);
    p.text = p.bom ? text.slice(1) : text;
    p.data = expected;
  } catch (e) {
    if (bak) {
      // Failed before the in-place write was verified: put the old bytes back.
      try {
        if (overwriting) writeInPlace(real, current!);
        unlinkSync(bak);
      } catch { /* the .bak stays; recover() finishes it */ }
    }
    if (tmp) try { unlinkSync(tmp); } catch { /* not created */ }
    throw cannotSave(e, p.display);
  } finally {
    lock.release();
  }
}
