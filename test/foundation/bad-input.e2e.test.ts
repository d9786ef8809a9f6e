// Every kind of unusable project file: a clear Swedish message with its location, exit 2,
// no stack trace, and the file left exactly as it was. Runs the real CLI.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const OK_HEAD = 'formatversion: 1\nprojekt:\n  namn: Test\n  kommuner:\n    - kod: "1885"\n      namn: Lindesberg\n';
const bomb = ['formatversion: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);

interface Case { name: string; content?: Buffer | string; dir?: boolean; missing?: boolean; message: RegExp; where: RegExp }
const cases: Case[] = [
  { name: 'missing file', missing: true, message: /filen finns inte/, where: /^projekt\.yaml: fel:/m },
  { name: 'directory', dir: true, message: /det här är en mapp, inte en projektfil/, where: /^projekt\.yaml: fel:/m },
  { name: 'empty file', content: '', message: /filen är tom/, where: /^projekt\.yaml: fel:/m },
  { name: 'only comments', content: '# bara en kommentar\n', message: /filen är tom/, where: /^projekt\.yaml: fel:/m },
  { name: 'tab indentation', content: OK_HEAD + 'förankring:\n\tmotivering: x\n', message: /tabbtecken används för indrag/, where: /^projekt\.yaml:8:1: fel:/m },
  { name: 'bad indentation', content: 'formatversion: 1\nprojekt:\n  namn: Test\n   kommuner: []\n', message: /ogiltig YAML/, where: /^projekt\.yaml:\d+:\d+: fel:/m },
  { name: 'duplicate key', content: OK_HEAD + 'förankring:\n  skiss: a\n  skiss: b\n', message: /nyckeln finns redan i samma mappning/, where: /^projekt\.yaml:9:3: fel:/m },
  { name: 'unclosed quote', content: OK_HEAD + 'förankring:\n  skiss: "ej stängd\n', message: /ogiltig YAML/, where: /^projekt\.yaml:\d+:\d+: fel:/m },
  { name: 'Latin-1 text', content: Buffer.concat([Buffer.from(OK_HEAD + 'förankring:\n  skiss: '.replace('ö', 'o')), Buffer.from([0x66, 0xf6, 0x72]), Buffer.from('\n')]), message: /inte UTF-8-kodad: ogiltig byte 0xF6 \(troligen Latin-1/, where: /^projekt\.yaml:8:11: fel:/m },
  { name: 'NUL byte', content: OK_HEAD + 'förankring:\n  skiss: a\u0000b\n', message: /NUL-tecken/, where: /^projekt\.yaml:8:11: fel:/m },
  { name: 'alias bomb', content: bomb.join('\n') + '\n', message: /alias-bomb/, where: /^projekt\.yaml: fel:/m },
  { name: 'a list at the top', content: '- formatversion: 1\n- projekt: x\n', message: /ska vara en mappning .* men den här är en lista/, where: /^projekt\.yaml:1:1: fel:/m },
  { name: 'a scalar at the top', content: 'hej\n', message: /ska vara en mappning .* ett enskilt värde/, where: /^projekt\.yaml:1:1: fel:/m },
  { name: 'not a project file', content: 'namn: x\nversion: 2\n', message: /ser inte ut som en fsstöd-projektfil: nyckeln formatversion saknas/, where: /^projekt\.yaml:1:1: fel:/m },
  { name: 'future format version', content: 'formatversion: 3\nprojekt: {}\n', message: /formatversion 3 stöds inte/, where: /^projekt\.yaml:1:16: fel:/m },
  { name: 'two YAML documents', content: OK_HEAD + '---\nformatversion: 1\n', message: /flera YAML-dokument/, where: /^projekt\.yaml:\d+:\d+: fel:/m },
];

describe.each(['validate', 'status'])('fsstöd %s on bad input', (command) => {
  for (const c of cases) {
    it(c.name, () => {
      const dir = tempDir();
      const file = join(dir, 'projekt.yaml');
      if (c.dir) mkdirSync(file);
      else if (!c.missing) writeFileSync(file, c.content!);
      const before = c.dir || c.missing ? null : readFileSync(file);
      const r = runCli([command, 'projekt.yaml'], { cwd: dir });
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(r.stderr + r.stdout).toMatch(c.message);
      expect(r.stderr + r.stdout).toMatch(c.where);
      expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
      if (before) expect(readFileSync(file).equals(before)).toBe(true);
    });
  }
});

describe('accepted variations', () => {
  it('a byte-order mark and CRLF line endings are read as ordinary UTF-8', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'projekt.yaml'), '\ufeff' + OK_HEAD.replace(/\n/g, '\r\n'));
    const r = runCli(['validate', 'projekt.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });
});
