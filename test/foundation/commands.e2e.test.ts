// The foundation commands through the real CLI: init, validate, status, help and flags.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hasStackTrace, ROOT, runCli, tempDir } from '../helpers/cli.js';

const LINDESBERG = join(ROOT, 'examples/lindesberg/projekt.yaml');
const HJO = join(ROOT, 'examples/hjo-tidaholm/projekt.yaml');
const BORAS = join(ROOT, 'examples/boras/projekt.yaml');

describe('fsstöd --help', () => {
  it('is Swedish and lists every command', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Användning: fsstöd \[flaggor\] \[kommando\]/);
    for (const c of ['init', 'step', 'status', 'validate', 'check', 'render']) expect(r.stdout).toMatch(new RegExp(`^  ${c}[ |]`, 'm'));
    expect(r.stdout).toMatch(/Kommandon:/);
  });
  it('an unknown flag is exit 2 with a Swedish message', () => {
    const r = runCli(['validate', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fel: okänd flagga --nope/);
  });
  it('an unknown command is exit 2', () => {
    const r = runCli(['rendera']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/okänt kommando rendera/);
  });
});

describe('fsstöd init', () => {
  it('scaffolds a valid, commented file for one kommun from a flag', () => {
    const dir = tempDir();
    const r = runCli(['init', '--kommun', 'Örebro', '--period', '2026-2029'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'projekt.yaml'), 'utf8');
    // The schema line points at the copy beside the file, which works wherever the folder goes.
    expect(text).toMatch(/^# yaml-language-server: \$schema=projekt\.schema\.json$/m);
    expect(readFileSync(join(dir, 'projekt.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas', 'projekt.schema.json'), 'utf8'));
    expect(text).toMatch(/^ *# .*/m);
    const data = parse(text);
    expect(data.projekt.kommuner).toEqual([{ kod: '1880', namn: 'Örebro', länskod: '18', län: 'Örebro län' }]);
    expect(data.projekt.period).toEqual({ från: 2026, till: 2029 });
    expect(data.projekt.namn).toBe('Föräldraskapsstöd i Örebro kommun');
    const v = runCli(['validate', 'projekt.yaml'], { cwd: dir });
    expect(v.code, v.stdout).toBe(0);
    // The schema line points at a file that exists.
    const ref = /\$schema=(.*)$/m.exec(text)![1]!;
    expect(existsSync(join(dir, ref))).toBe(true);
  });

  it('several kommuner for a samverkan, by name or code', () => {
    const dir = tempDir();
    const r = runCli(['init', 'samverkan.yaml', '--kommun', 'Hjo,1498'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const data = parse(readFileSync(join(dir, 'samverkan.yaml'), 'utf8'));
    expect(data.projekt.kommuner.map((k: { namn: string }) => k.namn)).toEqual(['Hjo', 'Tidaholm']);
    expect(data.projekt.namn).toBe('Föräldraskapsstöd i samverkan: Hjo och Tidaholm');
  });

  it('refuses to overwrite an existing file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'projekt.yaml'), 'mitt arbete\n');
    const r = runCli(['init', '--kommun', 'Örebro'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/projekt\.yaml: fel: filen finns redan och skrivs inte över/);
    expect(readFileSync(join(dir, 'projekt.yaml'), 'utf8')).toBe('mitt arbete\n');
  });

  it('without a terminal and without --kommun it stops at once with exit 2', () => {
    const dir = tempDir();
    const r = runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ingen terminal att fråga i/);
    expect(r.stderr).toMatch(/--kommun/);
    expect(existsSync(join(dir, 'projekt.yaml'))).toBe(false);
  });

  it('an ambiguous or unknown kommun names the candidates', () => {
    const dir = tempDir();
    const amb = runCli(['init', '--kommun', 'Upp'], { cwd: dir });
    expect(amb.code).toBe(2);
    expect(amb.stderr).toMatch(/passar \d+ kommuner: .*Upplands Väsby \(0114\)/);
    const none = runCli(['init', '--kommun', 'Atlantis'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/ingen kommun matchar "Atlantis"/);
    expect(hasStackTrace(amb.stderr + none.stderr)).toBe(false);
  });
});

describe('fsstöd validate', () => {
  it('the examples are valid', () => {
    for (const f of [LINDESBERG, HJO, BORAS]) {
      const r = runCli(['validate', f]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/är giltig/);
    }
  });

  it('an invalid file gives exit 1 with file:line:col and the field in words; --json too', () => {
    const dir = tempDir();
    const text = readFileSync(HJO, 'utf8').replace(/^formatversion: 2$/m, 'formatversion: 2\nbeslut:\n  handlingsplan:\n    status: antagen\n    datum: 2026-13-01');
    writeFileSync(join(dir, 'p.yaml'), text);
    const r = runCli(['validate', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^p\.yaml:\d+:13: fel: Beslut › Handlingsplan › Status: texten "antagen" är inte tillåtet\. Välj en av: utkast, remiss, beslutad$/m);
    expect(r.stdout).toMatch(/^p\.yaml:\d+:12: fel: .*Beslutsdatum: texten "2026-13-01" är inget giltigt datum/m);
    const j = runCli(['validate', 'p.yaml', '--json'], { cwd: dir });
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout);
    expect(out.giltig).toBe(false);
    expect(out.fel.length).toBe(2);
    expect(out.fel[0]).toMatchObject({ regel: 'schema', sökväg: ['beslut', 'handlingsplan', 'status'] });
  });
});

describe('fsstöd status', () => {
  it('shows progress bars per step for one file', () => {
    const r = runCli(['status', HJO]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 Förankra och mobilisera .*█/);
    expect(r.stdout).toMatch(/6 Följa upp, utvärdera, anpassa och sprida/);
    // Where to continue: the first moment of the first step not answered in full.
    expect(r.stdout).toMatch(/Fortsätt med moment 3\.1 Målgruppsanalys: fsstöd step 3 \S+ --moment 3\.1/);
  });

  it('shows one row per kommun for several files, and JSON', () => {
    const r = runCli(['status', LINDESBERG, HJO]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Lindesberg \(1885\)\s+Örebro län\s+100 %/m);
    // A samverkan (v2) is named by the samverkan, with its kommuner and their roles below.
    expect(r.stdout).toMatch(/^Föräldraskapsstöd i samverkan Hjo–Tidaholm \(samverkan\)\s+Västra Götalands län\s+100 %\s+100 %\s+0 %/m);
    expect(r.stdout).toMatch(/^ {2}Hjo \(1497\), samverkande\n {2}Tidaholm \(1498\), huvudkommun$/m);
    const j = runCli(['status', '--json', LINDESBERG, HJO]);
    const out = JSON.parse(j.stdout);
    expect(out.filer).toHaveLength(2);
    expect(out.filer[0].steg).toHaveLength(6);
    expect(out.filer[0].andel).toBe(100);
    expect(out.filer[1].steg[2].andel).toBe(0);
    expect(out.filer[1].steg[0].checklista).toEqual({ besvarade: 4, totalt: 4 });
  });

  it('a broken file among several is reported and the others still shown (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trasig.yaml'), 'formatversion: 1\n\tx: 1\n');
    const r = runCli(['status', HJO, 'trasig.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Hjo–Tidaholm/);
    expect(r.stdout).toMatch(/trasig\.yaml:2:1: fel: ogiltig YAML: tabbtecken/);
  });
});
