// The real CLI, as a person uses it: in a terminal (tmux) typing Swedish answers, keeping
// answers with Enter, adding and removing a list item, correcting a refused date, pressing
// Ctrl-C in the middle; and without a terminal (exit 2 at once) or with --svar.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { loadProject } from '../../src/project/load.js';
import { validateProject } from '../../src/project/validate.js';
import { BIN, ROOT, hasStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { Pane, hasTmux, killServer } from './tmux.js';

const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');

/** A copy of an example as formatversion 2 (fsstöd migrera), so that a save changes only what it answers. */
function asV2(file: string): void {
  if (/^formatversion: 1\b/m.test(readFileSync(file, 'utf8'))) expect(runCli(['migrera', file]).code).toBe(0);
}

function project(): { dir: string; file: string; before: string } {
  const dir = tempDir('fsstod-step-e2e-');
  const file = join(dir, 'projekt.yaml');
  copyFileSync(HJO, file);
  asV2(file);
  return { dir, file, before: readFileSync(file, 'utf8') };
}

const data = (file: string) => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;
const comments = (s: string) => s.split('\n').filter((l) => /^\s*#/.test(l));
const problems = (file: string) => validateProject(loadProject(file)).map((p) => p.message);

describe('without a terminal', () => {
  it('exits 2 at once, naming --svar and editing the file', async () => {
    const { dir, file, before } = project();
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, 'step', '3'], { cwd: dir, stdio: [openSync('/dev/null', 'r'), 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr!.on('data', (b) => { err += b; });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(null); }, 10_000);
      child.on('exit', (c) => { clearTimeout(timer); resolve(c); });
    });
    expect(code).toBe(2);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err).toContain('--svar');
    expect(err).toContain('redigera projekt.yaml direkt');
    expect(hasStackTrace(err)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('--svar', () => {
  it('saves a step\'s answers from YAML and shows what is missing and what comes next', () => {
    const { dir, file, before } = project();
    writeFileSync(join(dir, 'svar.yaml'), [
      'analys:',
      '  målgruppsanalys:',
      '    demografi: Många barnfamiljer i Hjö; fler ensamstående i Tidaholm.',
      '  utvecklingsbehov:',
      '    - rubrik: Nå pappor',
      '      prioritet: hög',
      'checklistor:',
      '  steg3:',
      '    c5a: {status: nej, åtgärd: {vad: Bedöm forskningsstödet, vem: Arbetsgruppen, när: 2027-09-30}}',
      '',
    ].join('\n'));
    const r = runCli(['step', '3', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Sparade svaren från svar.yaml i projekt.yaml');
    expect(r.stdout).toContain('Nästa: fsstöd render lägesbild');
    const d = data(file);
    expect(d.analys.utvecklingsbehov).toEqual([{ id: 'B1', rubrik: 'Nå pappor', prioritet: 'hög' }]);
    expect(d.checklistor.steg3.c5a.åtgärd.när).toBe('2027-09-30');
    expect(comments(readFileSync(file, 'utf8'))).toEqual(comments(before));
    expect(problems(file)).toEqual([]);
  });

  it('refuses invalid answers with line and column in the answers file, and saves nothing', () => {
    const { dir, file, before } = project();
    writeFileSync(join(dir, 'svar.json'), '{\n  "analys": {\n    "återkoppling": {"datum": "2027-02-30"}\n  },\n  "projekt": {"namn": "Nytt"}\n}\n');
    const r = runCli(['step', '3', '--svar', 'svar.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svar\.json:3:31: fel: .*"2027-02-30" är inget giltigt datum/m);
    expect(r.stderr).toMatch(/^svar\.json:5:3: fel: projekt hör inte till steg 3/m);
    expect(r.stderr).toContain('inget sparades');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  // Issue 10: a fragment with one member or one arena used to replace the whole list.
  const lindesberg = () => {
    const dir = tempDir('fsstod-step-e2e-');
    const file = join(dir, 'projekt.yaml');
    copyFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), file);
    asV2(file);
    return { dir, file, before: readFileSync(file, 'utf8') };
  };
  const styrgrupp = (d: any) => d.organisation.grupper.find((g: any) => g.typ === 'styrgrupp');

  it('fills the styrgrupp of a fresh v2 file: a new group G1 with typ styrgrupp', () => {
    const dir = tempDir('fsstod-step-e2e-');
    expect(runCli(['init', '--kommun', 'Hjo', '--kommun', 'Tidaholm', '--namn', 'Test'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'projekt.yaml');
    const made = data(file);
    expect(made.formatversion).toBe(2);
    expect(made.projekt.kommuner.map((k: any) => k.roll)).toEqual(['huvudkommun', 'samverkande']);
    writeFileSync(join(dir, 'svar.yaml'), 'organisation:\n  grupper:\n    - typ: styrgrupp\n      mandat: Beslutar om inriktning och resurser.\n      medlemmar:\n        - roll: Socialchef\n');
    const r = runCli(['step', '2', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(data(file).organisation.grupper).toEqual([{ id: 'G1', typ: 'styrgrupp', mandat: 'Beslutar om inriktning och resurser.', medlemmar: [{ roll: 'Socialchef' }] }]);
    expect(problems(file)).toEqual([]);
  });

  it('fills the styrgrupp of a v1 file: says once that it is saved as v2, and the saved file is v2 and valid', () => {
    const dir = tempDir('fsstod-step-e2e-');
    const file = join(dir, 'projekt.yaml');
    // The example as it was in formatversion 1 (the examples themselves are v2).
    copyFileSync(join(ROOT, 'test', 'project', 'v1-filer', 'lindesberg.yaml'), file);
    expect(readFileSync(file, 'utf8')).toMatch(/^formatversion: 1$/m);
    writeFileSync(join(dir, 'svar.yaml'), 'organisation:\n  grupper:\n    - typ: styrgrupp\n      mötesfrekvens: Fyra gånger per år\n');
    const r = runCli(['step', '2', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/sparas i formatversion 2 \(samma innehåll; se fsstöd migrera .*--torrkörning\)/g)).toHaveLength(1);
    const d = data(file);
    expect(d.formatversion).toBe(2);
    expect(d.organisation.styrgrupp).toBeUndefined();
    expect(styrgrupp(d).mötesfrekvens).toBe('Fyra gånger per år');
    expect(styrgrupp(d).medlemmar).toHaveLength(5);
    expect(problems(file)).toEqual([]);
    // A v1-shaped answer names the v2 place.
    writeFileSync(join(dir, 'gammal.yaml'), 'organisation:\n  styrgrupp:\n    mandat: X\n');
    const old = runCli(['step', '2', '--svar', 'gammal.yaml'], { cwd: dir });
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/^gammal\.yaml:2:3: fel: organisation\.styrgrupp finns inte i formatversion 2: .*organisation\.grupper med typ styrgrupp/m);
  });

  // The example's G2 is Ledningsgruppen för barn och unga (typ beredningsgrupp; G1, the styrgrupp, is a beredning).
  it('a fragment with one group member changes that member and keeps all five', () => {
    const { dir, file, before } = lindesberg();
    const group = () => data(file).organisation.grupper.find((g: any) => g.id === 'G2');
    const members = group().medlemmar;
    expect(members).toHaveLength(5);
    writeFileSync(join(dir, 'svar.yaml'), 'organisation:\n  grupper:\n    - id: G2\n      medlemmar:\n        - roll: Utvecklingschef, kommunledningsförvaltningen\n          namn: Eva Exempel\n');
    const r = runCli(['step', '2', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Sparade svaren från svar.yaml i projekt.yaml: 0 tillagda, 1 ändrad, 0 borttagna.');
    const after = group().medlemmar;
    expect(after).toEqual(members.map((m: any) => (m.roll.startsWith('Utvecklingschef') ? { ...m, namn: 'Eva Exempel' } : m)));
    // One line added, nothing else touched.
    expect(readFileSync(file, 'utf8').split('\n').filter((l) => !before.split('\n').includes(l))).toEqual(['          namn: Eva Exempel']);
  });

  it('adding one arena appends it with the next id; the arenas referred to elsewhere stay', () => {
    const { dir, file, before } = lindesberg();
    const arenor = data(file).organisation.arenor;
    expect(arenor).toHaveLength(10);
    writeFileSync(join(dir, 'svar.yaml'), 'organisation:\n  arenor:\n    - namn: Stadsbiblioteket\n      huvudman: kommun\n  aktörer:\n    - id: AK1\n      arenor: [AR2, AR11]\n');
    const r = runCli(['step', '2', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.stderr).not.toContain('ingen arena har id');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`: 1 tillagd (AR${arenor.length + 1}), 1 ändrad, 0 borttagna.`);
    const d = data(file);
    expect(d.organisation.arenor).toEqual([...arenor, { id: `AR${arenor.length + 1}`, namn: 'Stadsbiblioteket', huvudman: 'kommun' }]);
    expect(d.organisation.aktörer[0].arenor).toEqual(['AR2', 'AR11']);
    expect(comments(readFileSync(file, 'utf8'))).toEqual(comments(before));
    expect(problems(file)).toEqual([]);
  });

  it('ta_bort removes an arena and the references to it; a wrong id in ta_bort is an error with line and column', () => {
    const { dir, file, before } = project();
    writeFileSync(join(dir, 'fel.yaml'), 'organisation:\n  ta_bort: [AR3, AR99]\n');
    const bad = runCli(['step', '2', '--svar', 'fel.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^fel\.yaml:2:18: fel: ta_bort: AR99 finns inte i organisation\.arenor eller organisation\.aktörer eller organisation\.grupper$/m);
    expect(readFileSync(file, 'utf8')).toBe(before);
    writeFileSync(join(dir, 'svar.yaml'), 'organisation:\n  ta_bort: [AR3]\n');
    const r = runCli(['step', '2', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(': 0 tillagda, 0 ändrade, 1 borttagen (AR3).');
    expect(r.stdout).toContain('Steg 2 Skapa en organisation › Aktörer › AK2 › Arenor (id)');
    const d = data(file);
    expect(d.organisation.arenor.map((a: any) => a.id)).not.toContain('AR3');
    expect(JSON.stringify(d)).not.toContain('"AR3"');
    expect(problems(file)).toEqual([]);
  });

  it('a problem in an appended item points at the item in the answers file', () => {
    const { dir, file, before } = lindesberg();
    writeFileSync(join(dir, 'svar.yaml'), 'organisation:\n  arenor:\n    - namn: Stadsbiblioteket\n      huvudman: kyrkan\n');
    const r = runCli(['step', '2', '--svar', 'svar.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svar\.yaml:4:17: fel: .*Arenor › AR11 › Huvudman: texten "kyrkan"/m);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

const tmuxOk = hasTmux();
if (!tmuxOk) console.warn('\n⚠️  tmux saknas: terminaltesterna för fsstöd step hoppas över. Installera tmux (apt-get install tmux) för att köra dem.\n');

describe.skipIf(!tmuxOk)('in a terminal (tmux)', () => {
  afterAll(() => killServer());


  it('step 3: adds a key figure with Swedish text, adds and removes another, answers a text, then Ctrl-C', async () => {
    const { dir, file, before } = project();
    const pane = new Pane(dir, `node ${BIN} step 3`);
    try {
      await pane.waitFor('Nyckeltal (0 st)');
      expect(pane.screen()).toContain('Moment 1 av 5 · 3.1 Målgruppsanalys');
      pane.keys('Up', 'Enter');
      await pane.answer(/^\? Nyckeltal\s*$/m, 'Andel barn i ekonomiskt utsatta hushåll – Hjo och Tidaholm');
      // A tal: a number, ca, a range, a word or "ej angivet" (values.test.ts has each).
      await pane.answer('? Värde (tal, ca 52 000, 40–50; en bedömning i ord; ej angivet)', '12,5');
      await pane.waitFor('? Kategori');
      pane.keys('Down', 'Down', 'Enter'); // Riskfaktor
      await pane.answer('? Enhet', 'procent');
      await pane.answer('? År (1990–2100; ej angivet)', '2025');
      await pane.answer('? Källa', 'SCB, Barn i ekonomiskt utsatta hushåll');
      await pane.enterUntil(/Nyckeltal \(1 st\)/);
      // Saved at once, before the list is done.
      expect(data(file).analys.målgruppsanalys.nyckeltal).toEqual([{ id: 'N1', namn: 'Andel barn i ekonomiskt utsatta hushåll – Hjo och Tidaholm', kategori: 'riskfaktor', värde: 12.5, enhet: 'procent', år: 2025, källa: 'SCB, Barn i ekonomiskt utsatta hushåll' }]);
      // Add a second one (after an addition, "+ Lägg till" is where the cursor is) …
      pane.keys('Enter');
      await pane.answer(/^\? Nyckeltal\s*$/m, 'Tillfälligt nyckeltal');
      await pane.answer('? Värde', '1');
      await pane.enterUntil(/Nyckeltal \(2 st\)/);
      expect(data(file).analys.målgruppsanalys.nyckeltal.map((x: any) => x.id)).toEqual(['N1', 'N2']);
      // … and remove it again, from the item's screen.
      pane.keys('Up', 'Enter');
      await pane.waitFor('? N2 Tillfälligt nyckeltal');
      pane.keys('Up', 'Enter'); // Ta bort nyckeltal (above Klar)
      await pane.waitFor('? Ta bort N2 Tillfälligt nyckeltal?');
      pane.keys('Up', 'Enter');
      await pane.waitFor('Nyckeltal (1 st)');
      pane.keys('Enter'); // Klar
      await pane.answer('? Demografi', 'Fler ensamstående föräldrar i Tidaholm; i Hjö bor många småbarnsfamiljer. Åldersgruppen 0–5 år växer.');
      await pane.waitFor('? Risk- och skyddsfaktorer');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
      expect(pane.screen()).toMatch(/Avbrutet\. Allt du har svarat är sparat i projekt\.yaml\./);
      expect(pane.screen()).toContain('fsstöd step 3 --bara-tomma');
    } finally {
      pane.kill();
    }
    const after = readFileSync(file, 'utf8');
    const d = data(file);
    expect(d.analys.målgruppsanalys.nyckeltal.map((x: any) => x.id)).toEqual(['N1']);
    expect(d.analys.målgruppsanalys.demografi).toBe('Fler ensamstående föräldrar i Tidaholm; i Hjö bor många småbarnsfamiljer. Åldersgruppen 0–5 år växer.');
    expect(comments(after)).toEqual(comments(before));
    for (const line of before.split('\n')) expect(after).toContain(line);
    expect(problems(file)).toEqual([]);
  });

  it('step 1: Enter keeps answers, Tab edits one, a refused date is corrected, Ctrl-C keeps what was saved', async () => {
    const { dir, file, before } = project();
    const orig = data(file);
    const pane = new Pane(dir, `node ${BIN} step 1`);
    try {
      await pane.waitFor(/\? Motivera föräldraskapsstödet \(Enter behåller: Hjo och Tidaholm/);
      pane.keys('Enter');
      await pane.waitFor('? Mobilisera och visa på sammanhang (Enter behåller:');
      pane.keys('Enter');
      await pane.waitFor('? Skiss över utvecklingsarbetet (Enter behåller:');
      pane.keys('Tab');
      pane.type(' Föräldrar på SFI och i föreningslivet ingår från början – åäö.');
      pane.keys('Enter');
      await pane.waitFor('? Typ');
      pane.keys('Enter');
      await pane.waitFor('? Av vem (Enter behåller: Kommunstyrelserna i Hjo och Tidaholm)');
      pane.keys('Enter');
      await pane.answer('? Datum (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD) (Enter behåller: 2026-05-20)', '2026-02-30');
      await pane.waitFor('"2026-02-30" är inget giltigt datum');
      for (let i = 0; i < 10; i++) pane.keys('BSpace');
      pane.type('2026-05-21');
      pane.keys('Enter');
      await pane.waitFor('? Beskrivning (Enter behåller:');
      expect(data(file).förankring.bedömning.datum).toBe('2026-05-21');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    const after = readFileSync(file, 'utf8');
    const d = data(file);
    expect(d.förankring.skiss).toBe(`${orig.förankring.skiss} Föräldrar på SFI och i föreningslivet ingår från början – åäö.`);
    expect(d.förankring.motivering).toBe(orig.förankring.motivering);
    expect(d.förankring.bedömning.datum).toBe('2026-05-21');
    expect({ ...d, förankring: { ...d.förankring, skiss: orig.förankring.skiss, bedömning: { ...d.förankring.bedömning, datum: orig.förankring.bedömning.datum } } }).toEqual(orig);
    expect(comments(after)).toEqual(comments(before));
    // Only the changed answers' lines differ: the folded paragraph we did not touch is intact.
    expect(after).toContain(before.slice(before.indexOf('  motivering: >-'), before.indexOf('  skiss:')));
    expect(problems(file)).toEqual([]);
  });

  it('a closed terminal ends the interview quietly; what was answered is saved and the file is whole', async () => {
    const { dir, file } = project();
    const pane = new Pane(dir, `sh -c 'echo $$ > pid; exec node ${BIN} step 3 2> err.txt'`);
    let pid = 0;
    try {
      await pane.waitFor('Nyckeltal (0 st)');
      pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      pane.keys('Enter');
      await pane.answer('? Demografi', 'Svar innan fönstret stängdes – åäö');
      await pane.waitFor('? Risk- och skyddsfaktorer');
    } finally {
      pane.kill();
    }
    const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
    const t0 = Date.now();
    while (alive() && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
    expect(data(file).analys.målgruppsanalys.demografi).toBe('Svar innan fönstret stängdes – åäö');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(file)).toBe(true);
    expect(problems(file)).toEqual([]);
  });

  it('":e" writes a longer text with paragraphs in the editor; works on a file made by init', async () => {
    const dir = tempDir('fsstod-step-e2e-');
    expect(runCli(['init', '--kommun', 'Tidaholm', '--period', '2026-2029'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'projekt.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'editor.sh'), '#!/bin/sh\nprintf "Första stycket om varför.\\n\\nAndra stycket med åäö." > "$1"\n', { mode: 0o755 });
    const pane = new Pane(dir, `node ${BIN} step 1`, { EDITOR: join(dir, 'editor.sh'), VISUAL: join(dir, 'editor.sh') });
    try {
      await pane.answer('? Motivera föräldraskapsstödet', ':e');
      await pane.waitFor('? Mobilisera och visa på sammanhang');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    const after = readFileSync(file, 'utf8');
    expect(data(file).förankring.motivering).toBe('Första stycket om varför.\n\nAndra stycket med åäö.');
    expect(after).toContain('förankring:\n  motivering: |-\n    Första stycket om varför.\n\n    Andra stycket med åäö.\n');
    expect(after.startsWith(before)).toBe(true);
    expect(problems(file)).toEqual([]);
  });

  it('a text pasted from Word (three lines, CRLF) is one answer with its line breaks; the next questions stay unanswered', async () => {
    const { dir, file } = project();
    expect(data(file).analys).toBeUndefined(); // the example has not started step 3
    const pane = new Pane(dir, `node ${BIN} step 3`);
    try {
      await pane.waitFor('Nyckeltal (0 st)');
      pane.keys('Enter');
      await pane.waitFor(/^\? Demografi\s*$/m);
      // Bracketed paste: the terminal marks the pasted text, the text stays on the line until Enter.
      pane.paste('Fler barnfamiljer i Hjo.\r\nFler ensamstående i Tidaholm.\r\nÅldersgruppen 0–5 år växer.\r\n');
      await pane.waitFor('? Demografi Fler barnfamiljer i Hjo. ¶ Fler ensamstående i Tidaholm. ¶ Åldersgruppen 0–5 år växer.');
      pane.keys('Enter');
      await pane.waitFor(/^\? Risk- och skyddsfaktorer\s*$/m);
      expect(data(file).analys.målgruppsanalys).toEqual({ demografi: 'Fler barnfamiljer i Hjo.\nFler ensamstående i Tidaholm.\nÅldersgruppen 0–5 år växer.' });
      // Without the markers (a terminal that does not mark pastes): lines that arrive together are one paste too.
      pane.paste('Trångboddhet i centrala Tidaholm.\r\nStarka föreningar i Hjo.', { bracketed: false });
      await pane.waitFor('? Risk- och skyddsfaktorer Trångboddhet i centrala Tidaholm. ¶ Starka föreningar i Hjo.');
      pane.keys('Enter');
      await pane.waitFor(/^\? Utfall: hälsa och problemförekomst\s*$/m);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
      // The terminal no longer marks pastes after the interview (the shell would see ESC[200~).
      pane.paste('efteråt', { bracketed: true });
      const after = await pane.waitFor('efteråt', { whole: true });
      expect(after).not.toContain('[200~');
    } finally {
      pane.kill();
    }
    expect(data(file).analys.målgruppsanalys).toEqual({
      demografi: 'Fler barnfamiljer i Hjo.\nFler ensamstående i Tidaholm.\nÅldersgruppen 0–5 år växer.',
      risk_och_skyddsfaktorer: 'Trångboddhet i centrala Tidaholm.\nStarka föreningar i Hjo.',
    });
    expect(readFileSync(file, 'utf8')).toMatch(/^( +)demografi: \|-\n\1  Fler barnfamiljer i Hjo\.\n\1  Fler ensamstående i Tidaholm\.\n\1  Åldersgruppen 0–5 år växer\.\n/m);
    expect(problems(file)).toEqual([]);
  });

  it('3.3: typing 2 at an unanswered factor saves 2', async () => {
    const dir = tempDir('fsstod-step-e2e-');
    expect(runCli(['init', '--kommun', 'Tidaholm', '--period', '2026-2029'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'projekt.yaml');
    const pane = new Pane(dir, `node ${BIN} step 3 --moment 3.3`);
    try {
      await pane.answer('? Hur bedömningen gjordes', '');
      await pane.waitFor('❯ Hoppa över (svara senare)');
      expect(pane.active()).toMatch(/^\? Bedömning \(1 saknas – 5 mycket god\)/);
      pane.type('2');
      await pane.waitFor('❯ 2 – Svag');
      pane.keys('Enter');
      await pane.waitFor('? Kommentar');
      expect(data(file).analys.förutsättningar.faktorer.ekonomi.bedömning).toBe(2);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    expect(data(file).analys.förutsättningar.faktorer.ekonomi.bedömning).toBe(2);
  });

  it('removing a saved answer asks first: Tab, an emptied line and Enter, or "-"; Enter on the question keeps it', async () => {
    const { dir, file, before } = project();
    const orig = data(file);
    const pane = new Pane(dir, `node ${BIN} step 1`);
    try {
      await pane.waitFor('? Motivera föräldraskapsstödet (Enter behåller:');
      pane.keys('Tab');
      await pane.waitFor(/^\? Motivera föräldraskapsstödet Hjo och Tidaholm/m);
      pane.keys('C-u');
      await pane.waitFor(/^\? Motivera föräldraskapsstödet\s*$/m);
      pane.keys('Enter');
      await pane.waitFor('? Ta bort svaret (');
      expect(pane.active()).toMatch(/❯ Nej/);
      pane.keys('Enter');
      await pane.waitFor('? Mobilisera och visa på sammanhang (Enter behåller:');
      expect(readFileSync(file, 'utf8')).toBe(before);
      await pane.answer('? Mobilisera och visa på sammanhang (Enter behåller:', '-');
      await pane.waitFor('? Ta bort svaret (');
      pane.keys('Enter');
      await pane.waitFor('? Skiss över utvecklingsarbetet (Enter behåller:');
      expect(readFileSync(file, 'utf8')).toBe(before);
      // A yes removes it.
      await pane.answer('? Skiss över utvecklingsarbetet (Enter behåller:', '-');
      await pane.waitFor('? Ta bort svaret (');
      pane.keys('Up', 'Enter');
      await pane.waitFor('? Typ');
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
    const d = data(file);
    expect(d.förankring.motivering).toBe(orig.förankring.motivering);
    expect(d.förankring.skiss).toBeUndefined();
    const { skiss: _s, ...rest } = orig.förankring;
    expect(d.förankring).toEqual(rest);
  });

  it('refuses to save over an answer changed in an editor meanwhile, and says how to go on', async () => {
    const { dir, file, before } = project();
    const pane = new Pane(dir, `node ${BIN} step 1`);
    // The editor changes the same answer (a change elsewhere would be merged: save.test.ts).
    const edited = before.replace('Hjo och Tidaholm är två mindre kommuner', 'Hjo och Tidaholm är två små kommuner');
    expect(edited).not.toBe(before);
    try {
      await pane.waitFor('? Motivera föräldraskapsstödet');
      writeFileSync(file, edited);
      pane.keys('Tab');
      pane.type(' Ett tillägg.');
      pane.keys('Enter');
      expect(await pane.exitCode()).toBe(2);
      expect(pane.screen()).toContain('fel: filen ändrades av någon annan');
      expect(pane.screen()).toContain('sparades inte');
      expect(pane.screen()).toContain('Kör kommandot igen');
    } finally {
      pane.kill();
    }
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});
