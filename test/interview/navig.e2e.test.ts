// Issue 14, part N, typed in a real terminal (tmux) as a person would: a step taken back, the
// review screen, undo, the keys by "?", and an item edited on one screen.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { Pane, hasTmux, killServer } from './tmux.js';

const data = (file: string) => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;

function project(example: string): { dir: string; file: string; before: string } {
  const dir = tempDir('fsstod-navig-e2e-');
  const file = join(dir, 'projekt.yaml');
  copyFileSync(join(ROOT, 'examples', example, 'projekt.yaml'), file);
  if (/^formatversion: 1\b/m.test(readFileSync(file, 'utf8'))) expect(runCli(['migrera', file]).code).toBe(0);
  return { dir, file, before: readFileSync(file, 'utf8') };
}

describe.skipIf(!hasTmux())('moving around in a terminal (tmux)', () => {
  afterAll(() => killServer());

  it('"?" shows the keys, "<" goes back a question, the review screen edits one, ":ångra" restores the file', async () => {
    const { dir, file, before } = project('hjo-tidaholm');
    const pane = new Pane(dir, `node ${BIN} step 3 --moment 3.5`);
    try {
      await pane.waitFor('? Hur resultatet återkopplats');
      expect(pane.screen()).toContain(':ångra     ångrar det senast sparade svaret');
      await pane.answer('? Hur resultatet återkopplats', '?');
      await pane.waitFor(/Tangenter:[\s\S]*Tangenter:[\s\S]*\? Hur resultatet återkopplats/, { whole: true });
      expect(readFileSync(file, 'utf8')).toBe(before);
      pane.type('Första svaret');
      pane.keys('Enter');
      await pane.answer('? Datum', '<');
      // Back at the first question, with its saved answer; a new one replaces it.
      await pane.waitFor(/\? Hur resultatet återkopplats.*Första svaret/);
      pane.type('Andra svaret');
      pane.keys('Enter');
      await pane.answer('? Datum', '2026-03');
      await pane.answer('? Återkoppling till barn', '');
      // The lägesbild's decision (beslut.lägesbild) is asked next in 3.5; Enter leaves it unanswered.
      await pane.enterUntil(/Översikt 3\.5/);
      expect(pane.active()).toContain('1  3.5 Återkoppla och förankra resultatet: Andra svaret; 2026-03');
      expect(data(file).analys.återkoppling).toMatchObject({ beskrivning: 'Andra svaret', datum: '2026-03' });
      const saved = readFileSync(file, 'utf8');
      // The review screen: the digit 1 picks the moment's first question, which is asked again.
      pane.type('1');
      pane.keys('Enter');
      await pane.waitFor(/\? Hur resultatet återkopplats.*Andra svaret/);
      pane.keys('Enter');
      await pane.waitFor('? Datum');
      pane.keys('Enter');
      await pane.waitFor('? Återkoppling till barn');
      await pane.enterUntil(/Översikt 3\.5/);
      pane.keys('Enter');
      await pane.waitFor('? Svar på c1');
      expect(readFileSync(file, 'utf8')).toBe(saved);
      // Undo in a choice: ":" jumps to ":ångra", Enter. The date is taken back, the question asked again.
      pane.type(':');
      pane.keys('Enter');
      await pane.waitFor('↶ Ångrat:', { whole: true });
      expect(data(file).analys.återkoppling).toEqual({ beskrivning: 'Andra svaret' });
      await pane.waitFor('?');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    // What is left of the answers after the undo: the text; every other line is as it was.
    const after = readFileSync(file, 'utf8');
    expect(after.split('\n').filter((l) => !before.split('\n').includes(l)).map((l) => l.trim())).toEqual(['analys:', 'återkoppling:', 'beskrivning: Andra svaret']);
  }, 120_000);

  it('an item is edited on its own screen: N1 chosen by typing, its gender split changed as one answer', async () => {
    const { dir, file } = project('lindesberg');
    const pane = new Pane(dir, `node ${BIN} step 3 --moment 3.1`);
    try {
      await pane.waitFor('? Nyckeltal (13 st)');
      pane.type('N1');
      pane.keys('Enter');
      await pane.waitFor('? N1 Antal barn 0–17 år – välj en uppgift att fylla i eller ändra');
      expect(pane.active()).toContain('Värde: 4710');
      expect(pane.active()).toContain('Uppdelat på kön: flickor 2290, pojkar 2420');
      pane.type('Upp');
      pane.keys('Enter');
      await pane.answer('? Uppdelat på kön', 'f 2300 p 2410');
      await pane.waitFor('? N1 Antal barn 0–17 år – välj en uppgift');
      expect(pane.active()).toContain('Uppdelat på kön: flickor 2300, pojkar 2410');
      pane.keys('Enter');
      await pane.waitFor('? Nyckeltal (13 st)');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    expect(data(file).analys.målgruppsanalys.nyckeltal[0].per_kön).toEqual({ flickor: 2300, pojkar: 2410 });
  }, 120_000);
});
