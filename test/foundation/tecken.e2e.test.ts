// Characters and encodings on every input path (issue 10, items 7, 8, 16): control characters
// written as YAML escapes, invalid UTF-8 that only a strict decoder sees, CR-only line ends,
// cyclic aliases and alias bombs, in the project file, the --svar file and --konfig; and "-"
// for standard in. Every case is refused with a Swedish message, its place and exit 2, and no
// file is written. The project-file shapes are also in the corpus (test/korpus).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, runCli, runCliAsync, tempDir } from '../helpers/cli.js';

const HEAD = 'formatversion: 1\nprojekt:\n  namn: Tecken\n  kommuner:\n    - kod: "1885"\n      namn: Lindesberg\n';
const VALID = HEAD + 'förankring:\n  skiss: Ett utkast\n';

function setup(project: string | Buffer = VALID): { dir: string; file: string; before: Buffer } {
  const dir = tempDir('fsstod-tecken-');
  const file = join(dir, 'projekt.yaml');
  writeFileSync(file, project);
  return { dir, file, before: readFileSync(file) };
}

function refused(r: { code: number; stdout: string; stderr: string }, where: string, message: string | RegExp): void {
  const out = r.stdout + r.stderr;
  expect(r.code, out).toBe(2);
  expect(hasStackTrace(out), out).toBe(false);
  expect(out).not.toMatch(/internt fel/);
  const line = out.split('\n').find((l) => l.startsWith(`${where}: fel: `));
  expect(line, out).toBeDefined();
  if (typeof message === 'string') expect(line).toContain(message);
  else expect(line).toMatch(message);
}

describe('render refuses what used to become a broken DOCX', () => {
  it.each([
    ['"\\x0b"', 'U+000B'],
    ['"\\0"', 'U+0000'],
    ['"\\uFFFE"', 'U+FFFE'],
    ['"\\uD800"', 'U+D800'],
  ])('a text with %s: exit 2 at the scalar, no DOCX written', async (esc, code) => {
    const { dir, file, before } = setup(HEAD + `förankring:\n  skiss: ${esc}\n`);
    const r = await runCliAsync(['render', 'handlingsplan', 'projekt.yaml', '--ut', 'ut', '--format', 'docx'], { cwd: dir });
    refused(r, 'projekt.yaml:8:10', `(${code}) som inte kan stå i dokumenten`);
    expect(existsSync(join(dir, 'ut')) ? readdirSync(join(dir, 'ut')) : []).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('--svar', () => {
  const svar = async (content: string | Buffer, project: string | Buffer = VALID) => {
    const s = setup(project);
    writeFileSync(join(s.dir, 'svar.yaml'), content);
    const r = await runCliAsync(['step', '1', 'projekt.yaml', '--svar', 'svar.yaml'], { cwd: s.dir });
    expect(readFileSync(s.file).equals(s.before), 'projektfilen får inte ändras').toBe(true);
    return r;
  };

  it('"\\uFFFE" in an answer is refused at its place in the answers file', async () => {
    refused(await svar('förankring:\n  motivering: "Text \\uFFFE"\n'), 'svar.yaml:2:15', 'texten innehåller ett otillåtet tecken (U+FFFE)');
  });

  it('"\\x0b" in a key is refused at the key', async () => {
    refused(await svar('förankring:\n  "motivering\\x0b": Text\n'), 'svar.yaml:2:3', 'nyckeln innehåller ett osynligt kontrolltecken (U+000B)');
  });

  it('a cyclic alias is a Swedish message at the alias, not an internal error', async () => {
    refused(await svar('förankring:\n  motivering: &x [*x]\n'), 'svar.yaml:2:19', 'ett alias (*namn) hänvisar till värdet som det själv står i');
  });

  it('invalid UTF-8 (an encoded surrogate) is refused at its byte instead of being saved as U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('förankring:\n  motivering: Text '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]);
    refused(await svar(bytes), 'svar.yaml:2:20', 'bytesekvensen 0xED 0xA0 0x80 är ett kodat surrogattecken');
  });

  it('an overlong form (C0 AF) is refused', async () => {
    const bytes = Buffer.concat([Buffer.from('förankring:\n  motivering: a'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]);
    refused(await svar(bytes), 'svar.yaml:2:16', 'bytesekvensen 0xC0 0xAF är en för lång kodning');
  });

  it('a project file with invalid UTF-8 on an unrelated line is refused at load, never rewritten by the save', async () => {
    const project = Buffer.concat([Buffer.from(HEAD + '# en kommentar med '), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from('\nförankring:\n  skiss: Ett utkast\n')]);
    refused(await svar('förankring:\n  motivering: Ett svar\n', project), 'projekt.yaml:7:20', 'bytesekvensen 0xF4 0x90 0x80 0x80 är ett tecken över U+10FFFF');
  });

  it('a project file with CR-only line ends gets a Swedish message, not an internal error', async () => {
    refused(await svar('förankring:\n  motivering: Ett svar\n', VALID.replace(/\n/g, '\r')), 'projekt.yaml:1:17', 'filen har ett ensamt CR-tecken som radslut');
  });

  it('an answers file with CR-only line ends is refused the same way', async () => {
    refused(await svar('förankring:\r  motivering: Ett svar\r'), 'svar.yaml:1:12', 'filen har ett ensamt CR-tecken som radslut');
  });
});

describe('--konfig', () => {
  const konfig = async (content: string | Buffer) => {
    const s = setup();
    writeFileSync(join(s.dir, 'konfig.yaml'), content);
    return runCliAsync(['check', 'projekt.yaml', '--konfig', 'konfig.yaml'], { cwd: s.dir });
  };

  it('an alias bomb is a Swedish message, not an internal error', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0, prev = 'a'; i < 8; i++, prev = `b${i - 1}`) lines.push(`b${i}: &b${i} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    refused(await konfig(lines.join('\n') + '\nregler: {}\n'), 'konfig.yaml', 'alias-bomb');
  });

  it('"\\x0b" in a motivering is refused at its place', async () => {
    refused(await konfig('regler:\n  täckning:\n    nivå: av\n    motivering: "Regionen\\x0bgör det"\n'), 'konfig.yaml:4:17', '(U+000B)');
  });

  it('invalid UTF-8 is refused at its byte', async () => {
    const bytes = Buffer.concat([Buffer.from('regler:\n  täckning:\n    nivå: av\n    motivering: R'), Buffer.from([0xe0, 0x80, 0xaf]), Buffer.from('\n')]);
    refused(await konfig(bytes), 'konfig.yaml:4:18', 'bytesekvensen 0xE0 0x80 0xAF är en för lång kodning');
  });
});

describe('"-" reads standard in', () => {
  it('validate -: a valid file, shown as <stdin>', () => {
    const r = runCli(['validate', '-'], { input: VALID });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ <stdin> är giltig');
  });

  it('validate -: an error has <stdin>:line:col', () => {
    const r = runCli(['validate', '-'], { input: HEAD + 'förankring:\n  skiss: "\\x0b"\n' });
    refused(r, '<stdin>:8:10', '(U+000B)');
  });

  it('check -', () => {
    const r = runCli(['check', '-', '--format', 'json'], { input: VALID });
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).filer[0].fil).toBe('<stdin>');
  });

  it('step N projekt.yaml --svar -: the answers from standard in are saved', async () => {
    const { dir, file } = setup();
    const r = runCli(['step', '1', 'projekt.yaml', '--svar', '-'], { cwd: dir, input: 'förankring:\n  motivering: Från standard in\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('motivering: Från standard in');
  });

  it('step N - is refused: there is no file to save the answers in', () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'svar.yaml'), 'förankring:\n  motivering: x\n');
    refused(runCli(['step', '1', '-', '--svar', 'svar.yaml'], { cwd: dir, input: VALID }), '<stdin>', 'projektfilen kan inte läsas från standard in');
  });
});
