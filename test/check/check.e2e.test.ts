// fsstöd check through the real CLI: every format, exit codes, --for, --steg, the config file,
// globs and several files with one broken.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkRapport } from '../../src/generated/validators.js';
import { workerSource } from '../../src/check/parallel.js';
import { hasStackTrace, ROOT, runCli, runCliAsync, tempDir } from '../helpers/cli.js';

const LINDESBERG = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');
const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');

const MINIMAL = `formatversion: 1
projekt:
  namn: Minsta möjliga
  kommuner:
    - kod: "1885"
      namn: Lindesberg
`;
/** A plan with an error (goal without indicator) and warnings, nothing else begun. */
const PLAN = MINIMAL + `handlingsplan:
  mål:
    - id: M1
      text: Fler föräldrar fullföljer
  insatser:
    - id: I1
      namn: ABC
      mål: [M1]
      ansvarig: AK1
      arenor: [AR1]
      målgrupp: Alla föräldrar
      nivå: universell
      start: 2025-04-01
      finansiering: projektmedel
organisation:
  arenor:
    - id: AR1
      namn: Förskola
  aktörer:
    - id: AK1
      namn: Socialförvaltningen
`;

function dirWith(files: Record<string, string>): string {
  const dir = tempDir('fsstod-check-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  const r = runCli(['check', ...args], { cwd });
  expect(hasStackTrace(r.stdout + r.stderr), r.stderr).toBe(false);
  return r;
}

describe('exit codes', () => {
  it('0 for a file with nothing to remark on', () => {
    const dir = dirWith({ 'projekt.yaml': MINIMAL });
    const r = run([], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ Inga anmärkningar: 1 fil kontrollerad.');
  });

  it('1 when an error is found, with file, rad:kol, nivå, meddelande and regel', () => {
    const dir = dirWith({ 'plan.yaml': PLAN });
    const r = run(['plan.yaml', '--steg', '4'], dir);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/^plan\.yaml {2}\(steg 4\)$/m);
    expect(r.stdout).toMatch(/^ {2}9:7 +fel +Målet M1 ”Fler föräldrar fullföljer” har ingen indikator\. .* {2}mål-har-indikator$/m);
    expect(r.stdout).toMatch(/^ {2}\d+:\d+ +varning +Arbetet saknar ordinarie budget.* {2}ordinarie-budget$/m);
  });

  it('warnings alone exit 0, or 1 with --fail-severity warning', () => {
    const dir = dirWith({ 'hjo.yaml': readFileSync(HJO, 'utf8') });
    const a = run(['hjo.yaml'], dir);
    expect(a.code, a.stdout).toBe(0);
    expect(a.stdout).toMatch(/varning .* en-person-samordnar/);
    const b = run(['hjo.yaml', '--fail-severity', 'warning'], dir);
    expect(b.code).toBe(1);
  });

  it('2 for bad flags, no files, a broken config', () => {
    const dir = dirWith({ 'projekt.yaml': MINIMAL, 'tom/.keep': '' });
    const cases: [string[], RegExp][] = [
      [['--for', 'budget'], /fel: okänt dokument för --for: "budget"\n {2}→ Välj ett av: förankring, lägesbild, handlingsplan, uppföljning/],
      [['--steg', '9'], /fel: ogiltigt steg för --steg: "9"/],
      [['--format', 'xml'], /ogiltigt värde/],
      [['tom/*.yaml'], /fel: mönstret "tom\/\*\.yaml" matchar inga filer/],
      [['tom'], /fel: mönstret "tom" matchar inga filer/],
      [['--konfig', 'saknas.yaml'], /saknas\.yaml: fel: konfigurationsfilen finns inte/],
    ];
    for (const [args, msg] of cases) {
      const r = run(args, dir);
      expect(r.code, args.join(' ') + r.stderr).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(msg);
      expect(r.stdout).toBe('');
    }
  });

  it('a file that cannot be read: its own error, the others are still checked, exit 2', () => {
    const dir = dirWith({ 'a.yaml': PLAN, 'b.yaml': 'formatversion: 1\nprojekt:\n\tnamn: x\n', 'c.yaml': MINIMAL });
    const r = run(['a.yaml', 'b.yaml', 'c.yaml', '--steg', '4'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^b\.yaml:3:1: fel: ogiltig YAML: tabbtecken används för indrag/m);
    expect(r.stdout).toMatch(/^a\.yaml {2}\(steg 4\)$/m);
    expect(r.stdout).toContain('mål-har-indikator');
    expect(r.stdout).toMatch(/2 filer kontrollerade \(steg 4\)/);
    expect(r.stdout).toContain('1 fil kunde inte läsas');
    const j = run(['a.yaml', 'b.yaml', 'c.yaml', '--format', 'json'], dir);
    expect(j.code).toBe(2);
    const data = JSON.parse(j.stdout);
    expect(data.filer.map((f: { fil: string; läst: boolean }) => [f.fil, f.läst])).toEqual([['a.yaml', true], ['b.yaml', false], ['c.yaml', true]]);
    expect(data.filer[1].fynd[0]).toMatchObject({ regel: 'fil', nivå: 'error', rad: 3, kolumn: 1 });
  });

  it('a missing file is a "fil" finding too', () => {
    const dir = dirWith({ 'a.yaml': MINIMAL });
    const r = run(['a.yaml', 'finns-inte.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finns-inte.yaml: fel: filen finns inte');
  });
});

describe('several files and patterns', () => {
  it('a worker thread loads the built CLI and checks the files it is sent', async () => {
    // The main thread checks a batch itself when a worker fails, so the output test below would
    // pass without working workers: start one directly.
    const w = new Worker(workerSource(), { eval: true, workerData: { fsstodCheck: true, files: [LINDESBERG], regler: [], grund: 'påbörjade' } });
    try {
      const messages: { ready?: boolean; results?: [number, { läst: boolean; findings: unknown[] }][]; error?: string }[] = [];
      await new Promise<void>((resolve, reject) => {
        w.on('error', reject);
        w.on('message', (m) => {
          messages.push(m);
          if (m.ready) w.postMessage([0]);
          else resolve();
        });
      });
      expect(messages[0]).toEqual({ ready: true });
      expect(messages[1]!.error).toBeUndefined();
      const [[index, result]] = messages[1]!.results!;
      expect(index).toBe(0);
      expect(result.läst).toBe(true);
      expect(result.findings.length).toBeGreaterThan(0);
    } finally {
      await w.terminate();
    }
  });

  it('worker threads give exactly the output of one thread, broken files included (notices too)', async () => {
    const files: Record<string, string> = {};
    const example = readFileSync(LINDESBERG, 'utf8');
    for (let i = 0; i < 40; i++) files[`k/${String(i).padStart(2, '0')}.yaml`] = i === 17 ? 'formatversion: 1\nprojekt: [\n' : i % 3 === 0 ? PLAN : example.replace(/Lindesberg/g, `Kommun ${i}`);
    const dir = dirWith(files);
    // One run after the other (not at once: the machine is shared), without blocking vitest's worker.
    const outs = [];
    for (const t of ['0', '1', '3']) outs.push(await runCliAsync(['check', 'k/*.yaml', '--format', 'json'], { cwd: dir, env: { FSSTOD_TRADAR: t } }));
    expect(outs[0]!.stderr).toMatch(/k\/00\.yaml: obs: filen har formatversion 1/);
    for (const o of outs) {
      expect(o.code).toBe(2);
      expect(o.stdout).toBe(outs[0]!.stdout);
      expect(o.stderr).toBe(outs[0]!.stderr);
    }
    expect(JSON.parse(outs[0]!.stdout).filer.length).toBe(40);
  });

  it('globs and directories, sorted, each file once', () => {
    const dir = dirWith({ 'kommuner/b.yaml': MINIMAL, 'kommuner/a.yaml': MINIMAL, 'kommuner/sub/c.yml': MINIMAL, 'kommuner/.fsstod-check.yaml': 'regler: {}\n' });
    const r = run(['kommuner/*.yaml', 'kommuner', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).filer.map((f: { fil: string }) => f.fil)).toEqual(['kommuner/a.yaml', 'kommuner/b.yaml', 'kommuner/sub/c.yml']);
  });
});

describe('--for and --steg', () => {
  it('the example Lindesberg is ready for every document with at most the findings reported to the lead', () => {
    for (const d of ['lägesbild', 'lagesbild', 'uppföljning', 'uppfoljning']) {
      const r = run(['--for', d, LINDESBERG], ROOT);
      expect(r.code, `${d}\n${r.stdout}`).toBe(0);
    }
  });

  it('--for handlingsplan checks step 4 and the plan rules, not the follow-up', () => {
    const dir = dirWith({ 'p.yaml': PLAN + `uppföljning:\n  period:\n    från: 2026-01-01\n    till: 2025-01-01\n` });
    const r = run(['p.yaml', '--for', 'handlingsplan', '--format', 'json'], dir);
    const data = JSON.parse(r.stdout);
    expect(data.inställningar.för).toBe('handlingsplan');
    expect(data.filer[0].steg).toEqual([4]);
    const rules = new Set(data.filer[0].fynd.map((x: { regel: string }) => x.regel));
    expect(rules.has('mål-har-indikator')).toBe(true);
    expect(rules.has('moment-ifyllda')).toBe(true);
    expect(rules.has('checklista-besvarad')).toBe(true);
    expect(data.filer[0].fynd.some((x: { sökväg: unknown[] }) => x.sökväg[0] === 'uppföljning')).toBe(false);
    const ran = Object.fromEntries(data.filer[0].regler.map((x: { id: string; körd: boolean }) => [x.id, x.körd]));
    expect(ran['täckning']).toBe(true);
    expect(ran['fullföljande-indikator']).toBe(true);
    expect(ran['en-person-samordnar']).toBe(true); // a step 2 rule that gates the handlingsplan
    expect(ran['datum-rimliga']).toBe(true);
    expect(ran['behov-adresserat']).toBe(true);
  });

  it('--for lägesbild does not run the plan rules', () => {
    const dir = dirWith({ 'p.yaml': PLAN });
    const data = JSON.parse(run(['p.yaml', '--for', 'lägesbild', '--format', 'json'], dir).stdout);
    const ran = Object.fromEntries(data.filer[0].regler.map((x: { id: string; körd: boolean }) => [x.id, x.körd]));
    expect(ran['mål-har-indikator']).toBe(false);
    expect(ran['insats-komplett']).toBe(false);
    expect(ran['täckning']).toBe(true);
    expect(data.filer[0].steg).toEqual([3]);
  });

  it('--steg 6 reports only the follow-up part of the file', () => {
    const dir = dirWith({ 'p.yaml': PLAN + `uppföljning:\n  period:\n    från: 2026-01-01\n    till: 2025-01-01\n` });
    const data = JSON.parse(run(['p.yaml', '--steg', '6', '--format', 'json'], dir).stdout);
    const paths = data.filer[0].fynd.map((x: { sökväg: unknown[]; regel: string }) => `${x.regel}:${x.sökväg[0] ?? ''}`);
    expect(paths).toContain('datum-rimliga:uppföljningar');
    expect(paths.every((p: string) => !p.endsWith(':handlingsplan'))).toBe(true);
  });

  it('without flags, the steps the file has begun', () => {
    const data = JSON.parse(run([HJO, '--format', 'json'], ROOT).stdout);
    expect(data.filer[0].steg).toEqual([1, 2]);
  });
});

describe('config file', () => {
  it('switches a rule off or changes its level, with a reason shown in the report', () => {
    const dir = dirWith({
      'p.yaml': PLAN,
      '.fsstod-check.yaml': `regler:
  mål-har-indikator:
    nivå: warning
    motivering: Indikatorerna tas fram med regionen under hösten.
  ordinarie-budget:
    nivå: av
    motivering: Finansieringen beslutas i budgeten i juni; planen går till nämnden först.
`,
    });
    // Without the config: an error; with it, the same finding as a warning, and no ordinarie-budget.
    const without = run(['p.yaml', '--steg', '4', '--konfig', '/dev/null'], dir);
    expect(without.stdout).toMatch(/fel +Målet M1 .* mål-har-indikator/);
    expect(without.stdout).toMatch(/ordinarie-budget\n/);
    const r = run(['p.yaml', '--steg', '4'], dir);
    expect(r.stdout).toMatch(/varning +Målet M1 .* mål-har-indikator/);
    expect(r.stdout).not.toMatch(/ordinarie-budget\n/);
    expect(r.stdout).toContain('Ändrade regler i .fsstod-check.yaml:');
    expect(r.stdout).toContain('ordinarie-budget: av – Finansieringen beslutas i budgeten i juni');
    const j = JSON.parse(run(['p.yaml', '--steg', '4', '--format', 'json'], dir).stdout);
    expect(j.inställningar.konfig).toBe('.fsstod-check.yaml');
    expect(j.filer[0].fynd.filter((x: { regel: string }) => x.regel === 'mål-har-indikator').map((x: { nivå: string }) => x.nivå)).toEqual(['warning']);
    expect(j.filer[0].regler.find((x: { id: string }) => x.id === 'ordinarie-budget')).toEqual({ id: 'ordinarie-budget', nivå: 'av', körd: false, motivering: 'Finansieringen beslutas i budgeten i juni; planen går till nämnden först.' });
  });

  it('--konfig names another file; a config can turn exit 1 into 0', () => {
    const dir = dirWith({ 'p.yaml': PLAN, 'ci/regler.yaml': `regler:
  mål-har-indikator: { nivå: info, motivering: Prövas i nästa version. }
  moment-ifyllda: { nivå: warning, motivering: Planen är ett utkast. }
  checklista-besvarad: { nivå: warning, motivering: Planen är ett utkast. }
` });
    expect(run(['p.yaml', '--steg', '4'], dir).code).toBe(1);
    const r = run(['p.yaml', '--steg', '4', '--konfig', 'ci/regler.yaml'], dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/info +Målet M1/);
  });

  const bad: [string, string, RegExp][] = [
    ['utan motivering', 'regler:\n  täckning:\n    nivå: av\n', /\.fsstod-check\.yaml:2:3: fel: regeln täckning ändras utan motivering; skriv varför regeln stängs av eller får en annan nivå/],
    ['tom motivering', 'regler:\n  täckning:\n    nivå: av\n    motivering: "  "\n', /\.fsstod-check\.yaml:4:5: fel: regeln täckning: motiveringen är tom/],
    ['okänd regel', 'regler:\n  tackning:\n    nivå: av\n    motivering: x\n', /\.fsstod-check\.yaml:2:3: fel: okänd regel "tackning" i konfigurationen – menade du "täckning"\?/],
    ['fel nivå', 'regler:\n  täckning:\n    nivå: fatal\n    motivering: x\n', /\.fsstod-check\.yaml:3:5: fel: regeln täckning: nivå "fatal" är inte tillåten\n {2}→ Välj en av: av, info, warning, error\./],
    ['ogiltig YAML', 'regler:\n  täckning: [\n', /\.fsstod-check\.yaml:\d+:\d+: fel: konfigurationen är inte giltig YAML/],
    ['fil inte kan stängas av', 'regler:\n  fil:\n    nivå: av\n    motivering: x\n', /okänd regel "fil"/],
  ];
  it.each(bad)('exit 2 for a config %s', (_n, text, msg) => {
    const dir = dirWith({ 'p.yaml': MINIMAL, '.fsstod-check.yaml': text });
    const r = run(['p.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });
});

describe('formats through the CLI', () => {
  const dir = dirWith({ 'a.yaml': PLAN, 'b.yaml': 'formatversion: 1\nprojekt: [\n' });

  it('json validates against the schema, for a clean file and a broken one', () => {
    for (const args of [['a.yaml', 'b.yaml'], ['a.yaml']]) {
      const r = run([...args, '--format', 'json', '--steg', '4'], dir);
      const data = JSON.parse(r.stdout);
      expect(checkRapport(data), JSON.stringify(checkRapport.errors)).toBe(true);
      expect(data.sammanfattning.exitkod).toBe(r.code);
    }
  });

  it('junit is valid XML (xmllint)', () => {
    const r = run(['a.yaml', 'b.yaml', '--format', 'junit', '--steg', '4'], dir);
    const f = join(dir, 'out.xml');
    writeFileSync(f, r.stdout);
    const lint = spawnSync('xmllint', ['--noout', f], { encoding: 'utf8' });
    const ok = lint.error ? spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])', f]).status : lint.status;
    expect(ok, lint.stderr).toBe(0);
    expect(r.stdout).toMatch(/<testsuite name="a\.yaml" tests="16" failures="\d+" errors="0" skipped="\d+">/);
    expect(r.stdout).toMatch(/<testsuite name="b\.yaml" tests="1" failures="0" errors="1" skipped="0">/);
  });

  it('sarif has a rule per id with a helpUri to its docs page that exists', () => {
    const log = JSON.parse(run(['a.yaml', '--format', 'sarif', '--steg', '4'], dir).stdout);
    const rules = log.runs[0].tool.driver.rules;
    for (const rule of rules) {
      const url = new URL(rule.helpUri);
      expect(url.protocol).toBe('file:');
      expect(() => readFileSync(url)).not.toThrow();
      expect(rule.help.markdown).toMatch(/^# /);
    }
    expect(log.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'a.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: expect.any(Number), startColumn: expect.any(Number) } });
  });

  it('github annotations', () => {
    const r = run(['a.yaml', 'b.yaml', '--format', 'github', '--steg', '4'], dir);
    expect(r.stdout).toMatch(/^::error file=a\.yaml,line=9,col=7,title=fsstöd check%3A mål-har-indikator::Målet M1/m);
    expect(r.stdout).toMatch(/^::warning file=a\.yaml,line=\d+,col=\d+,title=fsstöd check%3A ordinarie-budget::/m);
    expect(r.stdout).toMatch(/^::error file=b\.yaml,line=\d+,col=\d+,title=fsstöd check%3A fil::ogiltig YAML/m);
    expect(r.code).toBe(2);
  });

  it('text uses colour only when asked for', () => {
    const plain = runCli(['check', 'a.yaml', '--steg', '4'], { cwd: dir });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const colour = runCli(['check', 'a.yaml', '--steg', '4'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(colour.stdout).toMatch(/\u001b\[31mfel/);
  });
});

describe('privacy', () => {
  it('a personnummer is an error and never printed, in any format', () => {
    const dir = dirWith({ 'p.yaml': MINIMAL + 'förankring:\n  motivering: Kontakt 19121212-1212 # samordnare 121212-1212\n' });
    for (const format of ['text', 'json', 'junit', 'sarif', 'github']) {
      const r = run(['p.yaml', '--format', format], dir);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(/1212-?1212/);
      expect(r.stdout).toContain('••••••••-••••');
    }
  });
});

describe('copies of the example', () => {
  it('a kommun file copied from the example is checked like the example', () => {
    const dir = tempDir('fsstod-kopia-');
    copyFileSync(LINDESBERG, join(dir, 'projekt.yaml'));
    const a = run(['--format', 'json'], dir);
    const b = run([LINDESBERG, '--format', 'json'], ROOT);
    const strip = (s: string) => JSON.parse(s).filer[0].fynd.map((x: { regel: string; rad: number; meddelande: string }) => [x.regel, x.rad, x.meddelande]);
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  });
});
