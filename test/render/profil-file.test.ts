// Which profil.yaml in a folder of project files is a kommun's profile (passed over by check and
// översikt, check/files.ts) and which is a project file or something to report (render/profil-file.ts).
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProfileFile } from '../../src/render/profil-file.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const CASES: [string, string, string | Buffer, boolean][] = [
  ['the example profile', 'profil.yaml', readFileSync(join(ROOT, 'examples', 'profil', 'profil.yaml')), true],
  ['profile fields only', 'profil.yaml', 'namn: Hjo\nfärger:\n  primär: "#003366"\n', true],
  ['a project file named profil.yaml', 'profil.yaml', 'formatversion: 2\nprojekt:\n  namn: Hjo\n', false],
  ['a field no profile has', 'profil.yaml', 'namn: Hjo\nprojekt: {}\n', false],
  ['another name', 'projekt.yaml', 'namn: Hjo\n', false],
  ['not YAML', 'profil.yaml', 'namn: [Hjo\n', false],
  ['empty', 'profil.yaml', '', false],
  ['a list', 'profil.yaml', '- namn\n', false],
  ['a NUL byte', 'profil.yaml', Buffer.from('namn: H\u0000jo\n'), false],
];

describe('isProfileFile', () => {
  it.each(CASES)('%s → %s', (_n, name, text, expected) => {
    const dir = join(tempDir('fsstod-profilfil-'), 'd');
    mkdirSync(dir);
    writeFileSync(join(dir, name), text);
    expect(isProfileFile(join(dir, name))).toBe(expected);
  });

  it('a file that is not there is not a profile', () => {
    expect(isProfileFile(join(tempDir('fsstod-profilfil-'), 'profil.yaml'))).toBe(false);
  });
});
