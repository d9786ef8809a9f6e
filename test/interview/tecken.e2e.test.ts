// Forbidden characters (src/project/chars.ts) in the interview, in a real terminal: a typed
// answer and the text from the :e editor go through Session.check, which refuses them with a
// Swedish message; nothing is saved until the text is clean.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
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
      await pane.waitFor('osynligt kontrolltecken (U+000B) som inte kan stå i dokumenten', { whole: true });
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
});
