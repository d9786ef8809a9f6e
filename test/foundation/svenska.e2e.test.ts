// Swedish everywhere and messages that lead on (issue 14, items 8, 10, 11): what commander says
// in English, help texts, the kommun search without diacritics, check naming the command that
// fixes a finding, status naming the moment to continue from, Ctrl-C, and the schema beside the file.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, BIN, runCli, tempDir } from '../helpers/cli.js';
import { allKommuner, findKommuner, ownLänFirst } from '../../src/kommuner.js';
import { Pane, hasTmux, killServer } from '../interview/tmux.js';

const BORAS = join(ROOT, 'examples/boras/projekt.yaml');

describe('commander in Swedish', () => {
  it.each([
    // arguments, what stderr says, what it must not say
    [['chek'], /fel: okänt kommando chek\n  → Menade du check\? Se fsstöd --help/],
    [['stat'], /Menade du status eller step\?/],
    [['check', '--formt', 'x'], /fel: okänd flagga --formt\n  → Menade du --format\? Se fsstöd --help eller fsstöd check --help/],
    [['check', '--format', 'xml'], /fel: ogiltigt värde "xml" för --format; tillåtna värden är text, json, junit, sarif, github/],
    [['check', '--fail-severity', 'allvarlig'], /fel: ogiltigt värde "allvarlig" för --fail-severity; tillåtna värden är fel, varning, info/],
    [['render'], /fel: argumentet dokument saknas\n  → Se fsstöd --help eller fsstöd render --help/],
    [['validate', 'a', 'b'], /fel: för många argument \(2 angivna, högst 1\)/],
    [['check', '--for'], /fel: flaggan --for <dokument> behöver ett värde/],
  ])('%j', (args, message) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    // No English from commander, and no "Did you mean".
    expect(r.stderr).not.toMatch(/\b(is invalid|Allowed choices|Did you mean|error:|too many|missing required)\b/);
  });

  it('steg is the same command as step', () => {
    const a = runCli(['steg', '1', '/finns/inte.yaml']);
    const b = runCli(['step', '1', '/finns/inte.yaml']);
    expect(a.code).toBe(b.code);
    expect(a.stderr).toBe(b.stderr);
    expect(runCli(['steg', '--help']).stdout).toMatch(/^Användning: fsstöd step\|steg/);
  });

  it('help says standard: and val:, never default:, choices: or a JSON array, for every command', () => {
    const commands = [...runCli(['--help']).stdout.matchAll(/^ {2}([a-zåäö]+)[ |]/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['init', 'step', 'status', 'validate', 'check', 'render']));
    for (const c of commands) {
      const h = runCli([c, '--help']).stdout;
      expect(h, c).not.toMatch(/default:|choices:|\["|"\]/);
    }
    const check = runCli(['check', '--help']).stdout.replace(/\s+/g, ' ');
    expect(check).toContain('(val: text, json, junit, sarif, github; standard: text)');
    expect(check).toContain('(standard: projekt.yaml)');
  });

  it('--fail-severity takes fel, varning, info (and error, warning); the summary speaks Swedish', () => {
    const dir = tempDir();
    expect(runCli(['init', '--kommun', 'Hjo'], { cwd: dir }).code).toBe(0);
    const r = runCli(['check', '--for', 'handlingsplan', '--fail-severity', 'varning'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/minst ett fynd på nivån varning eller högre \(--fail-severity varning\)/);
    expect(runCli(['check', '--for', 'handlingsplan', '--fail-severity', 'warning'], { cwd: dir }).stdout).toMatch(/nivån varning/);
  });
});

describe('the kommun search', () => {
  it.each([
    ['orebro', ['Örebro']],
    ['malmo', ['Malmö']],
    ['Malmö', ['Malmö']],
    ['gavle', ['Gävle']],
    ['are', ['Åre']],
    ['1880', ['Örebro']],
    ['lindesbergs kommun', ['Lindesberg']],
    ['hjo', ['Hjo']],
    ['jarf', ['Järfälla']],
    ['zzz', []],
  ])('%s', (q, names) => {
    expect(findKommuner(q).map((k) => k.namn)).toEqual(names);
  });

  it('a samverkan: the own län first, the others after, none lost', () => {
    const all = allKommuner();
    const sorted = ownLänFirst(all, '18');
    expect(new Set(sorted)).toEqual(new Set(all));
    const firstOther = sorted.findIndex((k) => k.länskod !== '18');
    expect(sorted.slice(0, firstOther).every((k) => k.länskod === '18')).toBe(true);
    expect(sorted.slice(firstOther).some((k) => k.länskod === '18')).toBe(false);
    expect(sorted.slice(0, firstOther).map((k) => k.namn)).toContain('Lindesberg');
  });

  it('init --kommun orebro,malmo finds Örebro and Malmö', () => {
    const dir = tempDir();
    const r = runCli(['init', '--kommun', 'orebro,malmo'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Örebro \(1880\), Malmö \(1280\)/);
  });
});

describe('messages that lead on', () => {
  it('check names the command that fills what is missing, beside file:line:col', () => {
    const r = runCli(['check', 'examples/boras/projekt.yaml'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => /Moment 3\.3 .*inte ifyllt/.test(l));
    expect(lines[i]).toMatch(/^ {2}\d+:\d+ /);
    expect(lines[i + 1]).toMatch(/^ +→ fsstöd step 3 examples\/boras\/projekt\.yaml --moment 3\.3$/);
    // A finding inside an item: the moment whose interview asks it.
    const j = lines.findIndex((l) => /insats-komplett/.test(l));
    expect(lines[j + 1]).toMatch(/→ fsstöd step 4 examples\/boras\/projekt\.yaml --moment 4\.1$/);
    // The same command in JSON.
    const json = JSON.parse(runCli(['check', 'examples/boras/projekt.yaml', '-f', 'json'], { cwd: ROOT }).stdout);
    expect(json.filer[0].fynd.find((f: { meddelande: string }) => /Moment 3\.3/.test(f.meddelande)).kommando).toBe('fsstöd step 3 examples/boras/projekt.yaml --moment 3.3');
  });

  it('status says which moment to continue from', () => {
    const r = runCli(['status', 'examples/boras/projekt.yaml'], { cwd: ROOT });
    expect(r.stdout).toMatch(/Fortsätt med moment 1\.1 Inledande förankringsprocess: fsstöd step 1 examples\/boras\/projekt\.yaml --moment 1\.1/);
  });
});

describe('a file that can be mailed: the schema beside it', () => {
  it('init writes projekt.schema.json beside the file and points at it', () => {
    const dir = tempDir();
    expect(runCli(['init', '--kommun', 'Hjo'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'projekt.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=projekt.schema.json');
    expect(readFileSync(join(dir, 'projekt.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas/projekt.schema.json'), 'utf8'));
  });

  it('a second init in the folder keeps the copy; a file of that name that is not ours is left alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'projekt.schema.json'), '{"egen": true}');
    const r = runCli(['init', '--kommun', 'Hjo'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/projekt\.schema\.json finns redan och är inte fsstöds schema/);
    expect(readFileSync(join(dir, 'projekt.schema.json'), 'utf8')).toBe('{"egen": true}');
  });

  it('migrera brings an old copy up to date and repoints a line into an installation', () => {
    const dir = tempDir();
    expect(runCli(['init', '--kommun', 'Hjo'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'projekt.yaml');
    const text = readFileSync(file, 'utf8').replace('$schema=projekt.schema.json', '$schema=../pfx/lib/node_modules/fsstod/schemas/projekt.schema.json');
    writeFileSync(file, text);
    const old = JSON.parse(readFileSync(join(dir, 'projekt.schema.json'), 'utf8'));
    old.title = 'en äldre version';
    writeFileSync(join(dir, 'projekt.schema.json'), JSON.stringify(old));
    const r = runCli(['migrera'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/schemaraden pekar nu på projekt\.schema\.json/);
    expect(r.stdout).toMatch(/projekt\.schema\.json: schemat bredvid filen uppdaterat/);
    const after = readFileSync(file, 'utf8');
    expect(after.split('\n')[0]).toBe('# yaml-language-server: $schema=projekt.schema.json');
    // Only that line changed.
    expect(after.split('\n').slice(1)).toEqual(text.split('\n').slice(1));
    expect(readFileSync(join(dir, 'projekt.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas/projekt.schema.json'), 'utf8'));
  });

  it('a line the user pointed at an existing schema is theirs', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'examples/hjo-tidaholm/projekt.yaml'), join(dir, 'p.yaml'));
    // ../../schemas/ from the example's folder does not exist here: it is repointed. From the example itself it is kept.
    const r = runCli(['migrera', '--torrkörning', 'examples/hjo-tidaholm/projekt.yaml'], { cwd: ROOT });
    expect(r.stdout).toMatch(/inget att ändra/);
    expect(runCli(['migrera', '--torrkörning', 'p.yaml'], { cwd: dir }).stdout).toMatch(/schemaraden skulle peka på projekt\.schema\.json/);
    expect(existsSync(join(dir, 'projekt.schema.json'))).toBe(false);
  });
});

const tmuxOk = hasTmux();
describe.skipIf(!tmuxOk)('in a terminal (tmux)', () => {
  afterAll(() => killServer());

  it('init: "orebro" finds Örebro, "xyz" says Inga träffar, Ctrl-C says no file was made', async () => {
    const dir = tempDir();
    const pane = new Pane(dir, `node ${BIN} init`);
    await pane.waitFor('Kommun:');
    pane.type('xyzq');
    await pane.waitFor('Inga träffar');
    pane.keys('BSpace', 'BSpace', 'BSpace', 'BSpace');
    pane.type('orebro');
    await pane.waitFor(/Örebro \(1880, Örebro län\)/);
    pane.keys('C-c');
    const code = await pane.exitCode();
    expect(code).toBe(130);
    const screen = pane.screen();
    expect(screen).toMatch(/Avbrutet\. Ingen projektfil skapades\./);
    expect(screen).not.toMatch(/fel: avbrutet|No results/);
    expect(existsSync(join(dir, 'projekt.yaml'))).toBe(false);
  });

  it('init: "orebro" then Enter makes the file for Örebro', async () => {
    const dir = tempDir();
    const pane = new Pane(dir, `node ${BIN} init`);
    await pane.waitFor('Kommun:');
    pane.type('orebro');
    await pane.waitFor(/Örebro \(1880/);
    pane.keys('Enter');
    await pane.answer('Samverkar ni', '');
    await pane.answer('Projektets namn', '');
    await pane.answer('Planperiod', '');
    expect(await pane.exitCode()).toBe(0);
    expect(readFileSync(join(dir, 'projekt.yaml'), 'utf8')).toMatch(/namn: "?Örebro"?/);
  });

  it('step: Ctrl-C says that everything answered is saved, not "fel: avbrutet"', async () => {
    const dir = tempDir();
    expect(runCli(['init', '--kommun', 'Hjo'], { cwd: dir }).code).toBe(0);
    const pane = new Pane(dir, `node ${BIN} step 1`);
    await pane.waitFor('?');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    const screen = pane.screen();
    expect(screen).toMatch(/Avbrutet\. (Allt du har svarat är sparat|Inget hade ändrats) i projekt\.yaml\./);
    expect(screen).toMatch(/Fortsätt där du slutade: fsstöd step 1 --bara-tomma/);
    expect(screen).not.toMatch(/fel: avbrutet/);
  });
});

describe('fsstöd visa', () => {
  const LINDESBERG = 'examples/lindesberg/projekt.yaml';
  it('prints a step moment by moment, with the values of the file and the checklist in words', () => {
    const r = runCli(['visa', '2', LINDESBERG], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Steg 2 Skapa en organisation – 100 % besvarat$/m);
    // The moments in the method's order, each once.
    const moments = [...out.matchAll(/^(2\.\d) /gm)].map((m) => m[1]);
    expect(moments).toEqual(['2.1', '2.2', '2.3']);
    expect(out).toMatch(/– AR1 Familjecentralen i Lindesberg\n\s+Huvudman: kommun/);
    expect(out).toMatch(/Checklista: /);
    expect(out).toMatch(/– Delvis\n\s+Kommentar: Arbetsgruppen är bildad/);
    expect(out).not.toMatch(/\[object Object\]|undefined|"id":/);
    // Nothing else than step 2.
    expect(out).not.toMatch(/^Steg [13456] /m);
  });

  it('all steps, and "(ej besvarat)" where nothing is answered; only the file as argument', () => {
    const r = runCli(['visa', 'examples/hjo-tidaholm/projekt.yaml'], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect([...r.stdout.matchAll(/^Steg (\d) .* besvarat$/gm)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(r.stdout).toMatch(/^3\.1 Målgruppsanalys \(0\/\d+\)\n {2}Nyckeltal: \(ej besvarat\)/m);
  });

  it.each([
    [['visa', '9', 'examples/lindesberg/projekt.yaml'], /fel: steg 9 finns inte/],
    [['visa', 'x', 'y'], /fel: okänt steg "x"/],
    [['visa', '1', '/finns/inte.yaml'], /fel: filen finns inte/],
  ])('%j: exit 2 with a Swedish message', (args, message) => {
    const r = runCli(args as string[], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
