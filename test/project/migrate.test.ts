// Formatversion 1 → 2 (issue 12): no value is lost, comments and the user's lines stay.
// Every v1 project file the tests have (the bad-input corpus where it loads, the v1 copies of
// both examples and a file with every shape the migration changes) is migrated as `fsstöd
// migrera` does it (asCurrentText), and every leaf value of the v1 data is looked up in the v2
// data through the table V1_TO_V2 below.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, parseUserYaml, yamlLib } from '../../src/project/load.js';
import { asCurrentText } from '../../src/project/migrate-text.js';
import { serialise } from '../../src/project/save.js';
import { ROOT, tempDir } from '../helpers/cli.js';

type Seg = string | number;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? yamlFiles(f) : /\.ya?ml$/.test(n) ? [f] : [];
  });
}
const V1 = /^formatversion:\s*1\s*(#.*)?$/m;
const loads = (f: string) => { try { loadProject(f); return true; } catch { return false; } };
const OWN = join(ROOT, 'test', 'project', 'v1-filer');
const FILES = [
  ...yamlFiles(join(ROOT, 'test')),
  ...['lindesberg', 'hjo-tidaholm'].map((k) => join(ROOT, 'examples', k, 'projekt.yaml')),
].filter((f) => V1.test(readFileSync(f, 'utf8')) && loads(f));

/**
 * Where a v1 value is in v2, and what it is there: the whole v1 → v2 table (docs/format-v2.md).
 * `[typ=styrgrupp]` is the first group of that type.
 */
function toV2(path: Seg[], value: unknown): { path: Seg[]; value: unknown } {
  const [a, b, c, d, e] = path;
  const rest = (n: number) => path.slice(n);
  if (a === 'formatversion') return { path, value: 2 };
  if (a === 'organisation' && (b === 'styrgrupp' || b === 'arbetsgrupp')) return { path: ['organisation', 'grupper', `[typ=${b}]`, ...rest(2)], value };
  if (a === 'uppföljning') return { path: ['uppföljningar', 0, ...rest(1)], value };
  if (a === 'analys' && b === 'målgruppsanalys' && c === 'nyckeltal' && e === 'jämförelse') return { path: [...path.slice(0, 4), 'jämförelser', 0, 'värde', ...rest(5)], value };
  const item = (a === 'handlingsplan' && b === 'insatser') || (a === 'analys' && b === 'kartläggning' && c === 'befintligt_stöd');
  if (item) {
    const at = a === 'handlingsplan' ? 3 : 4;
    const key = path[at];
    const base = path.slice(0, at);
    if (key === 'kostnad_kr') return { path: [...base, 'kostnader', 0, 'belopp_kr', ...rest(at + 1)], value };
    if (key === 'finansiering') return { path: [...base, 'kostnader', 0, 'källa', ...rest(at + 1)], value: value === 'extern' ? 'extern finansiering' : value };
    if (a === 'handlingsplan' && key === 'ansvarig') {
      // One actor becomes a list of one; a list stays a list; an empty one stays empty.
      if (path.length === at + 1 && value !== null && typeof value !== 'object') return { path: [...base, 'ansvariga', 0], value };
      return { path: [...base, 'ansvariga', ...rest(at + 1)], value };
    }
  }
  void d;
  return { path, value };
}

/** Keys v2 adds that v1 did not have (patterns with [] for any index). */
const ADDED = new Set([
  'organisation.grupper[].id', 'organisation.grupper[].typ',
  'analys.målgruppsanalys.nyckeltal[].jämförelser[].med',
  'handlingsplan.insatser[].kostnader[].år',
  'uppföljningar[].id',
]);

/** Every leaf (scalar, null, empty list or mapping) with its path. */
function leaves(v: unknown, path: Seg[] = [], out: [Seg[], unknown][] = []): [Seg[], unknown][] {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    if (!entries.length) out.push([path, v]);
    for (const [k, x] of entries) leaves(x, [...path, k], out);
  } else out.push([path, v]);
  return out;
}

/** Follows a path (with [typ=x] selectors) to concrete indexes; undefined if it does not exist. */
function resolve(data: unknown, path: Seg[]): { path: Seg[]; value: unknown } | undefined {
  let v: any = data;
  const concrete: Seg[] = [];
  for (const s of path) {
    const sel = typeof s === 'string' ? /^\[(\w+)=(.*)\]$/.exec(s) : null;
    if (sel) {
      const i = Array.isArray(v) ? v.findIndex((x: any) => x?.[sel[1]!] === sel[2]) : -1;
      if (i < 0) return undefined;
      concrete.push(i);
      v = v[i];
    } else {
      if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) return undefined;
      concrete.push(s);
      v = v[s as any];
    }
  }
  return { path: concrete, value: v };
}
const key = (p: Seg[]) => p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
const pattern = (p: Seg[]) => key(p).replace(/\[\d+\]/g, '[]');

describe.each(FILES.map((f) => ({ fil: relative(ROOT, f), f })))('$fil', ({ f }) => {
  it('every v1 value is in the v2 data, where the table says, and nothing else is added', () => {
    const p = loadProject(f);
    const m = asCurrentText(p);
    const v1 = yamlLib().parse(p.text);
    const v2 = parseUserYaml(m.text, p.display).data;
    expect((v2 as any).formatversion).toBe(2);
    const found = new Set<string>();
    const lost: string[] = [];
    for (const [path, value] of leaves(v1)) {
      const want = toV2(path, value);
      const got = resolve(v2, want.path);
      if (!got || !Object.is(JSON.stringify(got.value), JSON.stringify(want.value))) lost.push(`${key(path)} = ${JSON.stringify(value)} → ${key(want.path)} = ${JSON.stringify(got?.value)}`);
      else found.add(key(got.path));
    }
    expect(lost).toEqual([]);
    const invented = leaves(v2).map(([path]) => path).filter((path) => !found.has(key(path)) && !ADDED.has(pattern(path)));
    expect(invented.map(key)).toEqual([]);
  });

  it('the text edits give the data of the Document migration (the one definition)', () => {
    const p = loadProject(f);
    const m = asCurrentText(p);
    expect(m.data).toEqual(p.data);
    expect(parseUserYaml(serialise({ doc: p.doc, bom: false, eol: p.eol }), p.display).data).toEqual(p.data);
  });
});

/** Longest common subsequence of two line lists: which lines stayed as they were. */
function diff(a: string[], b: string[]): { removed: string[]; added: string[]; kept: number } {
  const n = a.length;
  const m = b.length;
  const t = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { i++; j++; } else if (t[i + 1]![j]! >= t[i]![j + 1]!) removed.push(a[i++]!); else added.push(b[j++]!);
  }
  removed.push(...a.slice(i));
  added.push(...b.slice(j));
  return { removed, added, kept: t[0]![0]! };
}

/** A line the migration changes itself: a key it renames or replaces. */
const CHANGED_KEY = /^\s*(- )?(formatversion|styrgrupp|arbetsgrupp|jämförelse|kostnad_kr|finansiering|ansvarig|uppföljning):/;
/** A line the migration writes. */
const NEW_LINE = /^\s*(- )?(formatversion: 2|grupper:|id: (G|U)\d+|typ: (styrgrupp|arbetsgrupp)|jämförelser:|med: ej angivet|värde:|kostnader:|år: ej angivet|belopp_kr:|källa:|ansvariga:|uppföljningar:)/;

describe.each(readdirSync(OWN).map((n) => ({ fil: n })))('layout: test/project/v1-filer/$fil', ({ fil }) => {
  const f = join(OWN, fil);
  it('every line outside the changed keys stays byte-identical or only moves right (a moved block)', () => {
    const p = loadProject(f);
    const m = asCurrentText(p);
    expect(m.layout).toBeUndefined();
    const { removed, added } = diff(p.text.split('\n'), m.text.split('\n'));
    const addedSet = new Set(added.map((l) => l.trimStart()));
    // A removed line is a changed key, or the same line moved right (inside a moved block).
    const unexplained = removed.filter((l) => !CHANGED_KEY.test(l) && !added.some((x) => x.length > l.length && x.endsWith(l) && x.slice(0, x.length - l.length).trim() === ''));
    expect(unexplained).toEqual([]);
    const invented = added.filter((l) => !NEW_LINE.test(l) && !removed.some((x) => l.endsWith(x) && l.slice(0, l.length - x.length).trim() === ''));
    expect(invented).toEqual([]);
    void addedSet;
    // Folded and quoted texts are not re-rendered.
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    expect(count(m.text, /: >-?\n/g)).toBe(count(p.text, /: >-?\n/g));
    expect(count(m.text, /\[ /g)).toBe(count(p.text, /\[ /g));
  });

  it('keeps every comment (above keys, inline, inside moved blocks)', () => {
    const p = loadProject(f);
    const m = asCurrentText(p);
    const comments = (t: string) => t.split('\n').flatMap((l) => { const c = /(?:^|\s)(#.*)$/.exec(l); return c ? [c[1]!.trim()] : []; });
    const after = comments(m.text);
    expect(comments(p.text).filter((c) => !after.includes(c))).toEqual([]);
  });
});

describe('layout of every shape (test/project/v1-filer/alla-former.yaml)', () => {
  const f = join(OWN, 'alla-former.yaml');
  it('writes the v2 shapes where the v1 keys were', () => {
    const m = asCurrentText(loadProject(f));
    expect(m.text).toContain([
      'organisation:',
      '  grupper:',
      '    # K-styrgrupp-ovan',
      '    - id: G1',
      '      typ: styrgrupp',
      '      finns: true',
      "      syfte: 'Citerad text'",
    ].join('\n'));
    expect(m.text).toContain('      typ: arbetsgrupp   # K-arbetsgrupp-rad\n');
    expect(m.text).toContain('      mandat: >-\n        En vikt text som ska\n        förbli vikt på två rader.\n');
    expect(m.text).toContain('        jämförelser:\n          - med: ej angivet\n            värde: 68   # K-jämförelse\n');
    expect(m.text).toContain("          - källa: 'extern finansiering'   # K-extern\n");
    expect(m.text).toContain('      ansvariga: [AK1]   # K-ansvarig\n');
    expect(m.text).toContain('    - kostnader:\n        - år: ej angivet\n          belopp_kr: 9000\n      id: I2\n');
    expect(m.text).toContain('uppföljningar:   # K-uppföljning\n  # K-uppföljning-inuti\n  - id: U1\n    period: 2025\n');
    expect(m.text.endsWith('# K-sist\n')).toBe(true);
  });

  it('keeps CRLF line endings and the BOM', () => {
    const dir = tempDir('fsstod-migrera-');
    const crlf = join(dir, 'crlf.yaml');
    const text = readFileSync(f, 'utf8');
    writeFileSync(crlf, '\ufeff' + text.replace(/\n/g, '\r\n'));
    const p = loadProject(crlf);
    const m = asCurrentText(p);
    expect(m.layout).toBeUndefined();
    expect(m.bom).toBe(true);
    expect(m.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(m.text.replace(/\r\n/g, '\n')).toBe(asCurrentText(loadProject(f)).text);
  });
});

describe('a layout the line edits do not handle', () => {
  it('falls back to the migrated Document, says why, and loses nothing', () => {
    const dir = tempDir('fsstod-migrera-');
    const file = join(dir, 'flow.yaml');
    writeFileSync(file, 'formatversion: 1\nprojekt: {namn: X, kommuner: [{kod: "1885", namn: Lindesberg}]}\norganisation: {styrgrupp: {finns: true}}  # flödesform\n');
    const p = loadProject(file);
    const m = asCurrentText(p);
    expect(m.layout).toMatch(/styrgrupp är inte skriven som ett block|ändrade raderna/);
    expect(m.data).toEqual(p.data);
    expect((m.data as any).organisation.grupper).toEqual([{ id: 'G1', typ: 'styrgrupp', finns: true }]);
    expect(m.text).toContain('# flödesform');
  });

  it('a current file is left as it is', () => {
    const dir = tempDir('fsstod-migrera-');
    const file = join(dir, 'v2.yaml');
    writeFileSync(file, 'formatversion: 2\nprojekt:\n  namn: X\n');
    const p = loadProject(file);
    expect(asCurrentText(p)).toBe(p);
  });
});
