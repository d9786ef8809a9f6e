// The fast reading's outline (project/subset.ts) must give exactly the positions the real yaml
// Document gives (positionOf),
// for every key and value of the examples and of every readable file in the corpus, and for
// paths that do not exist (the nearest existing parent).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadProject, positionOf, type LoadedProject, type YamlPath } from '../../src/project/load.js';
import { locator } from '../../src/check/positions.js';
import { keyPos, readSubset, valuePos, walk, type OutlineNode } from '../../src/project/subset.js';

const outline = (text: string) => readSubset(text)?.outline;
import { ROOT, tempDir } from '../helpers/cli.js';
import { InputError } from '../../src/errors.js';

function allPaths(v: unknown, path: YamlPath = [], out: YamlPath[] = []): YamlPath[] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...path, k], out);
  return out;
}

const keyOf = (path: YamlPath) => path.map((s) => (typeof s === 'number' ? `#${s}` : `.${s}`)).join('');
function get(root: OutlineNode | undefined, path: YamlPath): OutlineNode | undefined {
  if (!root) return undefined;
  const { node, found } = walk(root, path);
  return found === path.length ? node : undefined;
}

function compare(p: LoadedProject): number {
  const idx = outline(p.text);
  let n = 0;
  for (const path of allPaths(p.data)) {
    const e = get(idx, path);
    expect(e, `${p.display}: ${keyOf(path)} saknas i outline`).toBeDefined();
    expect(valuePos(e!), `${p.display}: värde ${keyOf(path)}`).toEqual(positionOf(p, path));
    if (path.length && typeof path.at(-1) === 'string') {
      expect(keyPos(e!), `${p.display}: nyckel ${keyOf(path)}`).toEqual(positionOf(p, path, { key: true }));
    }
    n++;
  }
  return n;
}

/** The file as the rules see it; undefined for files check reports as unreadable (also those
 * that only the strict parser, run for positions, rejects). */
function tryLoad(f: string): LoadedProject | undefined {
  try {
    const p = loadProject(f);
    void p.doc;
    return p;
  } catch {
    return undefined;
  }
}

/**
 * The file as formatversion 2 text, unmigrated: the outline is a reading of the text, and a v1 file
 * is migrated in memory (its data no longer matches its text, so the loader drops the outline and
 * asks the Document, see src/project/load.ts). The outline's claim is tested on the text as it stands.
 */
let copies: string | undefined;
function asV2(f: string): string {
  const text = readFileSync(f, 'utf8');
  if (!/^formatversion: 1\b/m.test(text)) return f;
  copies ??= tempDir('fsstod-positions-');
  const g = join(copies, f.replace(/[/\\]/g, '_'));
  writeFileSync(g, text.replace(/^formatversion: 1\b/m, 'formatversion: 2'));
  return g;
}

describe('outline positions equal positionOf', () => {
  const files = [
    join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'),
    join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'),
    join(ROOT, 'examples', 'boras', 'projekt.yaml'),
    ...readdirSync(join(ROOT, 'test', 'korpus', 'filer')).map((f) => join(ROOT, 'test', 'korpus', 'filer', f)),
  ];
  // Each file in one of three groups, and each group asserts its own claim (no early return).
  const readable = files.filter((f) => tryLoad(f));
  const unreadable = files.filter((f) => !tryLoad(f));
  const outlines = (f: string) => outline(loadProject(f).text) !== undefined;
  it.each(unreadable)('the loader refuses %s (its positions never reach the rules)', (f) => {
    expect(() => loadProject(f)).toThrow(InputError);
  });
  it.each(readable.filter(outlines))('%s', (f) => {
    expect(compare(loadProject(asV2(f)))).toBeGreaterThan(0);
  });
  it.each(readable.filter((f) => !outlines(f)))('%s is outside the subset: no outline, so the locator asks the Document', (f) => {
    const p = loadProject(f);
    expect(p.outline).toBeUndefined();
    expect(outline(p.text)).toBeUndefined();
  });

  it.each(readable)('locator (per top-level section) equals positionOf, also for missing paths: %s', (f) => {
    const p = loadProject(f);
    const locate = locator(p);
    const paths = allPaths(p.data);
    const missing: YamlPath[] = [['saknas'], ['handlingsplan', 'saknas'], ['handlingsplan', 'mål', 99, 'text'], ['checklistor', 'steg4', 'c9', 'status'], ['beslut', 'handlingsplan', 'organ']];
    for (const path of [...paths, ...paths.filter((x) => x.length).map((x) => [...x, 'saknas']), ...missing]) {
      expect(locate(path), `${p.display}: ${keyOf(path)}`).toEqual(positionOf(p, path));
      if (path.length && typeof path.at(-1) === 'string') expect(locate(path, { key: true }), `${p.display}: nyckel ${keyOf(path)}`).toEqual(positionOf(p, path, { key: true }));
    }
  });

  it('CRLF line endings and a byte-order mark give the same positions as positionOf', () => {
    const dir = tempDir();
    const f = join(dir, 'crlf.yaml');
    writeFileSync(f, '\uFEFF' + readFileSync(files[0]!, 'utf8').replace(/\n/g, '\r\n'));
    const p = loadProject(f);
    expect(p.bom).toBe(true);
    const locate = locator(p);
    for (const path of allPaths(p.data)) expect(locate(path), keyOf(path)).toEqual(positionOf(p, path));
  });

  it('the examples take the fast path (they are v2; a v1 file is migrated and asks the Document)', () => {
    for (const f of files.slice(0, 3)) {
      expect(loadProject(asV2(f)).outline).toBeDefined();
      const p = loadProject(f);
      if (p.migratedFrom === 1) expect(p.outline).toBeUndefined();
      else expect(p.outline).toBeDefined();
    }
  });

  it('handles the YAML shapes people write (in the subset: from the outline)', () => {
    const dir = tempDir();
    const f = join(dir, 'p.yaml');
    writeFileSync(f, `# kommentar
---
formatversion: 2
projekt:
  namn: "Citerad: text"   # kommentar
  kort: 'enkel ''citerad'''
  kommuner:
  - kod: '1885'
    namn: Lindesberg
  period:
    från: 2025
    till: 2028
  taggar: [a, b, 3]
  tomt: {}
förankring:
  motivering: |
    Rad ett
      # inte en kommentar
    Rad tre
  sammanhang: >-
    En lång
    text över två rader
  förankringsplan:   # bara kommentar, tomt värde
organisation:
  arenor:
    -   # tom rad efter streck
      id: AR1
      namn: x
    - id: AR2
      namn: x
    -
`);
    const p = loadProject(f);
    expect(p.outline).toBeDefined();
    expect(compare(p)).toBeGreaterThan(10);
  });

  it('handles the YAML shapes people write (outside the subset: from the Document)', () => {
    const dir = tempDir();
    const f = join(dir, 'p.yaml');
    writeFileSync(f, `formatversion: 1
projekt:
  period: {från: 2025, till: 2028}
  sammanhang: En lång
    text över två rader
  skiss: "citat över
    två rader"
organisation:
  arenor:
    - id: AR1
      namn: [a, "b, c", {x: 1}]
`);
    const p = loadProject(f);
    expect(p.outline).toBeUndefined();
    const locate = locator(p);
    for (const path of allPaths(p.data)) expect(locate(path), keyOf(path)).toEqual(positionOf(p, path));
  });

  it('agrees with positionOf on generated files (yaml.stringify of random data)', () => {
    const key = fc.stringMatching(/^[a-zåäö_][a-zåäö_0-9]{0,8}$/);
    const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.lorem({ maxCount: 30 }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })),
    }));
    const dir = tempDir();
    fc.assert(fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), fc.integer({ min: 20, max: 120 }), (d, lineWidth) => {
      const data = { formatversion: 1, ...d };
      const f = join(dir, 'g.yaml');
      writeFileSync(f, stringify(data, { lineWidth }));
      const p = tryLoad(f);
      if (!p) { expect(() => loadProject(f)).toThrow(InputError); return; }
      const idx = outline(p.text);
      if (!idx) {
        // Outside the subset: the locator must still give positionOf's answers.
        const locate = locator(p);
        for (const path of allPaths(p.data)) expect(locate(path), keyOf(path) + '\n' + p.text).toEqual(positionOf(p, path));
        return;
      }
      for (const path of allPaths(p.data)) {
        const e = get(idx, path);
        if (!e) throw new Error(`saknas: ${keyOf(path)}\n${p.text}`);
        expect(valuePos(e), keyOf(path) + '\n' + p.text).toEqual(positionOf(p, path));
      }
    }), { numRuns: 300 });
  });
});
