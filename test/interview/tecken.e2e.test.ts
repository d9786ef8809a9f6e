// Forbidden characters (src/project/chars.ts) in the interview, in a real terminal: a typed
// answer and the text from the :e editor go through Session.check, which refuses them with a
// Swedish message; nothing is saved until the text is clean.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { BIN, runCli, tempDir } from '../helpers/cli.js';
import { Pane, hasTmux, killServer } from './tmux.js';

const data = (file: string) => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;

function initProject(): { dir: string; file: string } {
  const dir = tempDir('fsstod-tecken-step-');
  expect(runCli(['init', '--kommun', 'Tidaholm', '--period', '2026-2029'], { cwd: dir }).code).toBe(0);
  return { dir, file: join(dir, 'projekt.yaml') };
}

describe.skipIf(!hasTmux())('forbidden characters in the interview (tmux)', () => {
  afterAll(() => killServer());

  it('a typed answer with U+0085 is refused at the prompt; the corrected answer is saved', async () => {
    const { dir, file } = initProject();
    const pane = new Pane(dir, `node ${BIN} step 1`);
    try {
      await pane.answer('? Motivera föräldraskapsstödet', 'Mål\u0085 nästa');
      await pane.waitFor('osynligt kontrolltecken (U+0085) som inte kan stå i dokumenten');
      expect(data(file).förankring?.motivering).toBeUndefined();
      for (let i = 0; i < 12; i++) pane.keys('BSpace');
      pane.type('Mål nästa');
      pane.keys('Enter');
      await pane.waitFor('? Mobilisera och visa på sammanhang');
      expect(data(file).förankring.motivering).toBe('Mål nästa');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  });

  it('text from the :e editor with a vertical tab is refused; the next, clean text is saved', async () => {
    const { dir, file } = initProject();
    // First run writes "\v" into the text, the second a clean text.
    writeFileSync(join(dir, 'editor.sh'), '#!/bin/sh\nif [ -e "$0.n" ]; then printf "Rent stycke." > "$1"; else touch "$0.n"; printf "Smutsigt\\013stycke." > "$1"; fi\n', { mode: 0o755 });
    const pane = new Pane(dir, `node ${BIN} step 1`, { EDITOR: join(dir, 'editor.sh'), VISUAL: join(dir, 'editor.sh') });
    try {
      await pane.answer('? Motivera föräldraskapsstödet', ':e');
      // The editor's file is read by the one decoder, which refuses it at its place.
      await pane.waitFor(/svar\.txt:1:9: fel: filen innehåller ett osynligt kontrolltecken \(U\+000B\)/, { whole: true });
      expect(data(file).förankring?.motivering).toBeUndefined();
      pane.keys('Enter');
      await pane.waitFor('? Mobilisera och visa på sammanhang');
      expect(data(file).förankring.motivering).toBe('Rent stycke.');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  });

  // Issue 10: the :e editor's file is decoded by the one strict decoder (not guessed and
  // converted): Latin-1 bytes are refused with the Swedish message, the old answer stays, the
  // project file is not touched, and the user's text is left in the temp file it names.
  it('text from the :e editor in Latin-1 is refused; the old answer is kept and nothing is saved', async () => {
    const { dir, file } = initProject();
    writeFileSync(file, readFileSync(file, 'utf8') + 'förankring:\n  motivering: Gammalt svar.\n');
    const before = readFileSync(file);
    writeFileSync(join(dir, 'editor.sh'), '#!/bin/sh\nprintf "caf\\351" > "$1"\n', { mode: 0o755 });
    const pane = new Pane(dir, `node ${BIN} step 1`, { EDITOR: join(dir, 'editor.sh'), VISUAL: join(dir, 'editor.sh') });
    try {
      await pane.waitFor('(Enter behåller: Gammalt svar.)');
      pane.type(':e');
      pane.keys('Enter');
      const screen = await pane.waitFor('filen är inte UTF-8-kodad: ogiltig byte 0xE9 (troligen Latin-1/Windows-1252: "é")', { whole: true });
      await pane.waitFor('Behåll det gamla svaret');
      pane.keys('Down');
      pane.keys('Enter');
      const next = await pane.waitFor('? Mobilisera och visa på sammanhang');
      expect(readFileSync(file).equals(before)).toBe(true);
      // The user's text is not lost: the message names the file that still holds it.
      const kept = /Texten från editorn finns kvar i (\S+)/.exec(pane.screen())?.[1];
      expect(kept, next + screen).toBeDefined();
      expect(readFileSync(kept!)).toEqual(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      expect(statSync(kept!).mode & 0o777).toBe(0o600);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  });

  // Issue 10: the prompts bypass the IO's sanitiser; a saved answer with U+202E is shown as
  // <U+202E>, and Enter keeps the value itself (the file is not touched).
  it('a saved answer with U+202E is shown as <U+202E>; Enter keeps the file byte-identical', async () => {
    const { dir, file } = initProject();
    writeFileSync(file, readFileSync(file, 'utf8') + 'förankring:\n  motivering: "abc\u202Edef"\n');
    const before = readFileSync(file);
    const pane = new Pane(dir, `node ${BIN} step 1`);
    try {
      const shown = await pane.waitFor('? Motivera föräldraskapsstödet');
      expect(shown).toContain('(Enter behåller: abc<U+202E>def)');
      expect(pane.screen()).not.toContain('\u202E');
      pane.keys('Enter');
      await pane.waitFor('? Mobilisera och visa på sammanhang');
      expect(readFileSync(file).equals(before)).toBe(true);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  });
});
