// Fuzz of the loader and of `step --svar` (fast-check, 10,000 cases in all): random bytes,
// YAML escapes and Unicode in a real project file and in answers files, through the built CLI
// in-process (the bundle users run). Never a stack trace or an internal error, never an exit
// code other than 0/1/2, never a saved file that fsstöd then refuses, never a DOCX whose XML a
// real XML parser (saxes, which checks XML 1.0's characters) rejects.
//
// The seed is fixed so that CI is deterministic; FSSTOD_FUZZ_SEED=<n> (or "random") explores
// other cases, FSSTOD_FUZZ_RUNS scales the number of cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { hasStackTrace, ROOT, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
type Cli = { main(argv: string[], io: unknown): Promise<number> };
const cli: Cli = require(join(ROOT, 'bin', 'load-cli.cjs')).loadCli();

const RUNS = Number(process.env.FSSTOD_FUZZ_RUNS ?? 10_000);
const SEED_ENV = process.env.FSSTOD_FUZZ_SEED;
const SEED = SEED_ENV === 'random' ? undefined : Number(SEED_ENV ?? 20261201);
const LOADER_RUNS = Math.round(RUNS * 0.6);
const SVAR_RUNS = RUNS - LOADER_RUNS;

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { out: (s: string) => { out += s; }, err: (s: string) => { out += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: { SOURCE_DATE_EPOCH: '1767225600' } };
  const code = await cli.main(['node', 'fsstod', ...args], io);
  // Back to the event loop after each command: a property of thousands of in-process runs is
  // otherwise one long chain of microtasks, and vitest's worker cannot answer its runner
  // ("Timeout calling onTaskUpdate", an unhandled error that fails the run).
  await new Promise((resolve) => setImmediate(resolve));
  return { code, out };
}

function sane(r: { code: number; out: string }, what: string): void {
  expect([0, 1, 2], `${what}: exit ${r.code}\n${r.out}`).toContain(r.code);
  expect(hasStackTrace(r.out), `${what}: stack trace\n${r.out}`).toBe(false);
  expect(r.out, what).not.toMatch(/internt fel/);
}

/** Parses XML strictly; returns the first error or undefined. */
function xmlError(xml: string): string | undefined {
  const p = new SaxesParser({ xmlns: false });
  let err: string | undefined;
  p.on('error', (e) => { err ??= e.message; });
  try { p.write(xml).close(); } catch (e) { err ??= (e as Error).message; }
  return err;
}

function docxXmlErrors(file: string): string[] {
  const parts = unzipSync(readFileSync(file));
  const out: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const e = xmlError(Buffer.from(bytes).toString('utf8'));
    if (e) out.push(`${name}: ${e}`);
  }
  return out;
}

// Pieces that have broken fsstöd before, or that any reader of YAML, terminals or XML fears.
const ESCAPES = ['\\x0b', '\\0', '\\uFFFE', '\\uFFFF', '\\uD800', '\\uDFFF', '\\x85', '\\e', '\\a', '\\x7f', '\\x1b]52;c;SGk=\\x07', '\\x1b[2J', '\\u202E', '\\u2028', '\\u2029', '\\N', '\\_', '\\L', '\\P', '\\t', '\\n', '\\r', '\\U0010FFFF', '\\U0001F600', '\\"', '\\\\'];
const RAW_TEXT = ['\u00a0', '\u2011', '\u2013', '\u2212', '\u202e', '\u200f', '\u2066', '\ufeff', '\u0301', '😀', 'å', 'Ö', '|', '#', '**', '<script>', '::omslag', '# X', '{{x}}', '&', ':', ': ', ' #', '- ', '[', ']', '{', '}', '"', "'", '*a', '&a', '!x', '%', '@', '`', '\t', '\r', '\r\n', '\n', '\n  ', '\u0085'];
const RAW_BYTES: number[][] = [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe], [0x80], [0xc3], [0x00], [0x0b], [0x1b], [0x7f], [0x0d], [0xef, 0xbb, 0xbf], [0xe2, 0x80, 0xae]];

const escapedText = fc.array(fc.oneof(fc.constantFrom(...ESCAPES), fc.constantFrom(...RAW_TEXT), fc.string({ maxLength: 6, unit: 'grapheme' }), fc.string({ maxLength: 4, unit: 'binary' }).map((s) => JSON.stringify(s).slice(1, -1))), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const rawText = fc.array(fc.oneof(fc.constantFrom(...RAW_TEXT), fc.string({ maxLength: 8, unit: 'binary' }), fc.string({ maxLength: 8, unit: 'grapheme' })), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const rawBytes = fc.array(fc.oneof(fc.constantFrom(...RAW_BYTES), fc.uint8Array({ minLength: 1, maxLength: 4 }).map((u) => [...u])), { minLength: 1, maxLength: 3 }).map((a) => Buffer.from(a.flat()));

/** A YAML scalar for a value: double-quoted with escapes, plain, single-quoted, literal or folded. */
const scalar = fc.oneof(
  escapedText.map((t) => `"${t.replace(/(?<!\\)"/g, '\\"')}"`),
  rawText.map((t) => t.replace(/\n/g, ' ')),
  rawText.map((t) => `'${t.replace(/'/g, "''").replace(/\n/g, ' ')}'`),
  fc.array(rawText, { minLength: 1, maxLength: 3 }).map((ls) => `|\n${ls.map((l) => `    ${l.replace(/\n/g, ' ')}`).join('\n')}`),
  fc.array(rawText, { minLength: 1, maxLength: 3 }).map((ls) => `>-\n${ls.map((l) => `    ${l.replace(/\n/g, ' ')}`).join('\n')}`),
);

const BASE = readFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'));
const BASE_LINES = BASE.toString('utf8').split('\n');
/** Lines holding a plain "key: value" (where a value can be put in). */
const VALUE_LINES = BASE_LINES.flatMap((l, i) => (/^\s*[\p{L}_]+: \S/u.test(l) && !/: [>|]/.test(l) ? [i] : []));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(), value: scalar }),
  fc.record({ kind: fc.constant('bytes' as const), pos: fc.nat(), bytes: rawBytes }),
  fc.record({ kind: fc.constant('text' as const), pos: fc.nat(), text: rawText }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(muts: Mutation[]): Buffer {
  let lines = [...BASE_LINES];
  const byteEdits: Exclude<Mutation, { kind: 'value' }>[] = [];
  for (const m of muts) {
    if (m.kind === 'value') {
      const i = VALUE_LINES[m.line % VALUE_LINES.length]!;
      lines[i] = lines[i]!.replace(/^(\s*[\p{L}_]+: ).*$/u, (_, k: string) => k + m.value.replace(/\n {4}/g, '\n' + ' '.repeat(k.length - k.trimStart().length + 2)));
    } else byteEdits.push(m);
  }
  let bytes = Buffer.from(lines.join('\n'), 'utf8');
  for (const m of byteEdits) {
    const at = m.pos % (bytes.length + 1);
    const ins = m.kind === 'bytes' ? m.bytes : Buffer.from(m.text, 'utf8');
    bytes = Buffer.concat([bytes.subarray(0, at), ins, bytes.subarray(at)]);
  }
  return bytes;
}

describe('fuzz: the loader', () => {
  it(`${LOADER_RUNS} mutated project files: validate, status and check give one sane verdict`, async () => {
    const dir = tempDir('fsstod-fuzz-');
    const f = join(dir, 'projekt.yaml');
    let rendered = 0;
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(), async (muts, pick) => {
      const bytes = mutate(muts);
      writeFileSync(f, bytes);
      const v = await run('validate', f);
      sane(v, 'validate');
      const s = await run('status', f);
      sane(s, 'status');
      const c = await run('check', f);
      sane(c, 'check');
      // One reading: a file is unreadable for every command or for none.
      expect(s.code === 2, `status ${s.code} / validate ${v.code}\n${v.out}\n${s.out}`).toBe(v.code === 2);
      expect(c.code === 2, `check ${c.code} / validate ${v.code}\n${v.out}\n${c.out}`).toBe(v.code === 2);
      expect(readFileSync(f).equals(bytes), 'a read-only command changed the file').toBe(true);
      // A valid file whose values were replaced becomes a document a real XML parser accepts.
      if (v.code === 0 && muts.some((m) => m.kind === 'value') && pick % 40 === 0) {
        const ut = join(dir, 'ut');
        const r = await run('render', 'handlingsplan', f, '--format', 'docx', '--ut', ut);
        sane(r, 'render');
        expect(r.code, r.out).toBe(0);
        for (const name of readdirSync(ut)) expect(docxXmlErrors(join(ut, name)), name).toEqual([]);
        rmSync(ut, { recursive: true, force: true });
        rendered++;
      }
    }), { numRuns: LOADER_RUNS, seed: SEED, endOnFailure: true });
    expect(rendered, 'some valid files were rendered').toBeGreaterThan(0);
  }, 600_000);
});

// Answers for step 3 that reach the lägesbild: texts, a key figure's name, a development need.
const svarFile = fc.record({
  demografi: scalar,
  namn: scalar,
  rubrik: scalar,
  raw: fc.option(rawBytes, { freq: 4 }),
  rawPos: fc.nat(),
}).map((g) => {
  const text = [
    'analys:',
    '  målgruppsanalys:',
    `    demografi: ${g.demografi.replace(/\n {4}/g, '\n      ')}`,
    '    nyckeltal:',
    `      - namn: ${g.namn.replace(/\n {4}/g, '\n          ')}`,
    '        värde: 12.5',
    '        enhet: procent',
    '        år: 2025',
    '        källa: SCB',
    '  utvecklingsbehov:',
    `    - rubrik: ${g.rubrik.replace(/\n {4}/g, '\n        ')}`,
    '      prioritet: hög',
    '',
  ].join('\n');
  let bytes = Buffer.from(text, 'utf8');
  if (g.raw) {
    const at = g.rawPos % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, at), g.raw, bytes.subarray(at)]);
  }
  return bytes;
});

describe('fuzz: step --svar', () => {
  it(`${SVAR_RUNS} answers files: saved only what fsstöd can read back, and documents stay well-formed XML`, async () => {
    const dir = tempDir('fsstod-fuzz-svar-');
    const f = join(dir, 'projekt.yaml');
    const svar = join(dir, 'svar.yaml');
    let saved = 0;
    let rendered = 0;
    await fc.assert(fc.asyncProperty(svarFile, fc.nat(), async (bytes, pick) => {
      copyFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'), f);
      writeFileSync(svar, bytes);
      const r = await run('step', '3', f, '--svar', svar);
      sane(r, 'step --svar');
      if (r.code !== 0) {
        expect(readFileSync(f).equals(BASE), 'a refused answers file changed the project file').toBe(true);
        return;
      }
      saved++;
      const v = await run('validate', f);
      sane(v, 'validate after --svar');
      expect(v.code, `fsstöd refuses the file it saved:\n${v.out}\n--- svar:\n${bytes.toString('utf8')}`).not.toBe(2);
      if (pick % 25 === 0) {
        const ut = join(dir, 'ut');
        const d = await run('render', 'lägesbild', f, '--format', 'docx', '--ut', ut);
        sane(d, 'render');
        expect(d.code, d.out).toBe(0);
        for (const name of readdirSync(ut)) expect(docxXmlErrors(join(ut, name)), `${name}\n--- svar:\n${bytes.toString('utf8')}`).toEqual([]);
        rmSync(ut, { recursive: true, force: true });
        rendered++;
      }
    }), { numRuns: SVAR_RUNS, seed: SEED, endOnFailure: true });
    expect(saved, 'some answers files were saved').toBeGreaterThan(0);
    expect(rendered, 'some saved files were rendered').toBeGreaterThan(0);
  }, 600_000);
});
