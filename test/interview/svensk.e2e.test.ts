// Issue 14, items 3 and 4, typed in a real terminal (tmux) as a coordinator would: "85 000 kr"
// and "ca 40", "31 mars 2026", an impossible age span, line breaks with Alt+Enter,
// the :e editor ($EDITOR, and the built-in one where there is no editor).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import jsyaml from 'js-yaml';
import { loadProject } from '../../src/project/load.js';
import { validateProject } from '../../src/project/validate.js';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { Pane, hasTmux, killServer } from './tmux.js';

const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');

function project(): { dir: string; file: string } {
  const dir = tempDir('fsstod-svensk-e2e-');
  const file = join(dir, 'projekt.yaml');
  copyFileSync(HJO, file);
  if (/^formatversion: 1\b/m.test(readFileSync(file, 'utf8'))) expect(runCli(['migrera', file]).code).toBe(0);
  return { dir, file };
}

const data = (file: string) => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;
const problems = (file: string) => validateProject(loadProject(file)).map((p) => p.message);
/** No editor set and none on PATH but node's own folder: the built-in editor. */
const NO_EDITOR = { EDITOR: '', VISUAL: '', PATH: dirname(process.execPath) };

const tmuxOk = hasTmux();

describe.skipIf(!tmuxOk)('Swedish input and long text in a terminal (tmux)', () => {
  afterAll(() => killServer());


  it('step 3: key figures typed as "85 000 kr" and "ca 40"; an age span from 3 to 2 is refused with the reason', async () => {
    const { dir, file } = project();
    const pane = new Pane(dir, `node ${BIN} step 3`);
    try {
      await pane.waitFor('Nyckeltal (0 st)');
      pane.keys('Up', 'Enter');
      await pane.answer(/^\? Nyckeltal\s*$/m, 'Försörjningsstöd till barnfamiljer');
      await pane.answer('? Värde', '85 000 kr');
      await pane.enterUntil(/Nyckeltal \(1 st\)/);
      pane.keys('Enter'); // after an addition the cursor is on "+ Lägg till"
      await pane.answer(/^\? Nyckeltal\s*$/m, 'Familjer med ekonomiskt bistånd');
      await pane.answer('? Värde', 'ca 40');
      await pane.enterUntil(/Nyckeltal \(2 st\)/);
      expect(data(file).analys.målgruppsanalys.nyckeltal.map((n: any) => n.värde)).toEqual([85000, { ca: 40 }]);
      pane.keys('Down', 'Enter'); // Klar, below "+ Lägg till"
      // 3.2: an existing support for ages 3 to 2.
      await pane.enterUntil(/Befintligt föräldraskapsstöd \(0 st\)/, 40);
      pane.keys('Up', 'Enter');
      await pane.answer('? Insats, metod eller program', 'Öppen förskola');
      await pane.enterUntil(/\? Från ålder/);
      pane.type('3');
      pane.keys('Enter');
      await pane.answer('? Till ålder', '2');
      await pane.waitFor('Åldersspannet kan inte gå från 3 till 2 år: till-åldern måste vara minst 3.');
      pane.keys('BSpace');
      pane.type('5');
      pane.keys('Enter');
      await pane.waitFor('? Under graviditet');
      const stöd = data(file).analys.kartläggning.befintligt_stöd;
      expect(stöd.at(-1)).toMatchObject({ namn: 'Öppen förskola', åldrar: { från: 3, till: 5 } });
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    expect(problems(file)).toEqual([]);
  });

  it('step 1: "31 mars 2026" is saved as 2026-03-31; Alt+Enter types line breaks in a text', async () => {
    const { dir, file } = project();
    const orig = data(file);
    const pane = new Pane(dir, `node ${BIN} step 1`);
    try {
      await pane.waitFor('Alt+Enter  ny rad i en text', { whole: true });
      await pane.waitFor('? Motivera föräldraskapsstödet (Enter behåller:');
      pane.keys('Enter');
      await pane.waitFor('? Mobilisera och visa på sammanhang (Enter behåller:');
      pane.keys('Enter');
      await pane.waitFor('? Skiss över utvecklingsarbetet (Enter behåller:');
      pane.keys('Tab');
      pane.keys('M-Enter');
      pane.type('Andra stycket.');
      pane.keys('M-Enter');
      pane.type('Tredje stycket.');
      await pane.waitFor(/Andra\s+stycket\.\s+¶\s+Tredje\s+stycket\./);
      pane.keys('Enter');
      await pane.waitFor('? Typ');
      pane.keys('Enter');
      await pane.waitFor('? Av vem');
      pane.keys('Enter');
      await pane.waitFor('? Datum');
      for (let i = 0; i < 12; i++) pane.keys('BSpace');
      pane.type('31 mars 2026');
      pane.keys('Enter');
      await pane.waitFor('? Beskrivning');
      expect(data(file).förankring.bedömning.datum).toBe('2026-03-31');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    expect(data(file).förankring.skiss).toBe(`${orig.förankring.skiss.trim()}\nAndra stycket.\nTredje stycket.`);
    expect(problems(file)).toEqual([]);
  });

  it('":e" with $EDITOR: says how to save and close first, and shows the saved text after', async () => {
    const { dir, file } = project();
    writeFileSync(join(dir, 'editor.sh'), '#!/bin/sh\nprintf "Första stycket.\\n\\nAndra stycket med åäö." > "$1"\n', { mode: 0o755 });
    const pane = new Pane(dir, `node ${BIN} step 1`, { EDITOR: join(dir, 'editor.sh'), VISUAL: '' });
    try {
      await pane.answer('? Motivera föräldraskapsstödet', ':e');
      await pane.waitFor('? Mobilisera och visa på sammanhang');
      const screen = pane.screen();
      expect(screen).toContain('Motivera föräldraskapsstödet: Editorn är editor.sh: spara texten och stäng editorn när du är klar.');
      expect(screen).toMatch(/Texten som sparas:\n\s+Första stycket\.\n\n\s+Andra stycket med åäö\./);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    expect(data(file).förankring.motivering).toBe('Första stycket.\n\nAndra stycket med åäö.');
  });

  it('":e" without an editor: the built-in editor, a line at a time; its keys are shown first', async () => {
    const { dir, file } = project();
    const orig = data(file).förankring.motivering.trim();
    expect(orig).not.toContain('\n');
    const pane = new Pane(dir, `node ${BIN} step 1`, NO_EDITOR);
    try {
      await pane.answer('? Motivera föräldraskapsstödet', ':e');
      await pane.waitFor('?  1 │');
      const help = pane.screen().replace(/\s+/g, ' ');
      expect(help).toContain('Inbyggd editor: en rad i taget, Enter går till nästa rad.');
      expect(help).toContain('Skriv . ensamt på en rad för att spara och stänga');
      pane.keys('Enter'); // keeps the old first line
      await pane.answer('?  2 │', ''); // an empty line: a new paragraph
      await pane.waitFor('?  3 │');
      pane.type('Ett nytt stycke.');
      pane.keys('M-Enter');
      pane.type('Med en rad till.');
      pane.keys('Enter');
      await pane.answer('?  5 │', '.');
      await pane.waitFor('? Mobilisera och visa på sammanhang');
      expect(pane.screen()).toMatch(/Texten som sparas:/);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    expect(data(file).förankring.motivering).toBe(`${orig}\n\nEtt nytt stycke.\nMed en rad till.`);
    expect(problems(file)).toEqual([]);
  });
});
