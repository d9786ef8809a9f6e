// The method as data must not drift from the guide: every moment and its title, every
// checklist question word for word, the questions of 3.2, 3.4 and 6.1, the eleven factors;
// and every field path in content/ must exist in the project schema (and the schema's
// question keys must be exactly content's ids).
import { splitPath } from '../src/project/progress.js';
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compileContent } from '../src/content/load.js';
import { schemaAt } from '../src/project/schema-words.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
// @ts-expect-error: a plain ES module of the build, without types
import { withMethodTexts, schemaText } from '../scripts/projekt-schema.mjs';

const method = compileContent(ROOT);
// The guide's text: the shared seed beside the checkout when there is one (the source), else the
// copy in test/fixtures (a clone elsewhere, e.g. in CI). A test below keeps the two identical.
const SEED = 'metodstod-foraldraskapsstod-2023-5.md';
const shared = join(ROOT, '..', 'shared', 'seeds', SEED);
const copy = join(ROOT, 'test', 'fixtures', 'seeds', SEED);
const seedText = readFileSync(existsSync(shared) ? shared : copy, 'utf8');
/**
 * The guide's own typos that content/ corrects (issue 13, defect 11), by name: content is
 * compared with the guide with these fixed, and nothing else may differ. Each is [the guide's
 * text, content's text].
 */
const RÄTTELSER: [string, string][] = [
  ['När stödet fram?', 'Når stödet fram?'], // 3.4, the analysis group's heading: "nå fram"
  ['tvärssektoriell', 'tvärsektoriell'], // checklist 2, question 3
  ['befintliga arbetsätt', 'befintliga arbetssätt'], // checklist 3, question 5a
];
const seedLines = RÄTTELSER.reduce((t, [fel, rätt]) => t.split(fel).join(rätt), seedText).split('\n');
const clean = (s: string) => s.replace(/<sup>[^<]*<\/sup>/g, '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
const artefact = (l: string) => ['# Länsstyrelserna', 'Länsstyrelserna stödjer och samordnar föräldraskapsstödet', ''].includes(l.trim());

/** Bullets (with indentation) between a heading and a stop line, page-break artefacts skipped. */
function bullets(start: RegExp, stop: RegExp): { indent: number; text: string }[] {
  const out: { indent: number; text: string }[] = [];
  let on = false;
  for (const l of seedLines) {
    if (!on) { if (start.test(l)) on = true; continue; }
    if (stop.test(l)) break;
    if (artefact(l)) continue;
    const m = /^(\s*)- (.*)$/.exec(l);
    if (m) out.push({ indent: m[1]!.length, text: clean(m[2]!) });
  }
  return out;
}

const flat = (qs: { text: string; delfrågor?: { text: string }[] }[]) => qs.flatMap((q) => [q.text, ...(q.delfrågor ?? []).map((d) => d.text)]);

describe('content/ against the method guide', () => {
  // Without the shared seed beside the checkout (a clone elsewhere, e.g. in CI) there is nothing to compare with.
  it.skipIf(!existsSync(shared))('test/fixtures holds the guide exactly as the shared seed (skipped without ../shared/seeds)', () => {
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('corrects exactly the listed typos of the guide: each is in the guide, and only the corrected form is in content/', () => {
    const contentText = ['begrepp', ...[1, 2, 3, 4, 5, 6].map((n) => `steg-${n}`)].map((f) => readFileSync(join(ROOT, 'content', `${f}.yaml`), 'utf8')).join('\n').replace(/\s+/g, ' ');
    for (const [fel, rätt] of RÄTTELSER) {
      expect(seedText, fel).toContain(fel);
      expect(contentText, fel).not.toContain(fel);
      expect(contentText, rätt).toContain(rätt);
    }
  });

  it('has the six steps with the guide\'s titles', () => {
    expect(method.steg.map((s) => `${s.nummer} ${s.titel}`)).toEqual([
      '1 Förankra och mobilisera', '2 Skapa en organisation', '3 Analysera behov och förutsättningar',
      '4 Planera', '5 Genomföra', '6 Följa upp, utvärdera, anpassa och sprida',
    ]);
  });

  it('has every numbered moment of the guide, with its title, and no other', () => {
    const seedMoments = seedLines.map((l) => /^#{2,4} ([1-6]\.[1-9]) (.+)$/.exec(l)).filter(Boolean).map((m) => `${m![1]} ${clean(m![2]!)}`);
    expect(seedMoments.length).toBe(19);
    expect(method.steg.flatMap((s) => s.moment.map((m) => `${m.nummer} ${m.titel}`))).toEqual(seedMoments);
  });

  const stops = [/^## Steg 2/, /^## Steg 3/, /^## Steg 4/, /^## Steg 5/, /^## Steg 6/, /^\uffff/];
  for (let n = 1; n <= 6; n++) {
    it(`checklist ${n} is word for word`, () => {
      const seed = bullets(new RegExp(`^#+ Checklista ${n}\\.`), stops[n - 1]!).map((b) => b.text);
      const step = method.steg[n - 1]!;
      expect(flat(step.checklista.frågor)).toEqual(seed);
      expect(step.checklista.titel).toBe(clean(seedLines.find((l) => new RegExp(`^#+ Checklista ${n}\\.`).test(l))!.replace(/^#+ /, '')));
    });
  }

  it('checklists hold 4, 6, 6, 5, 6 and 6 questions; question 5 of checklist 3 has six sub-questions', () => {
    expect(method.steg.map((s) => s.checklista.frågor.length)).toEqual([4, 6, 6, 5, 6, 6]);
    const c5 = method.steg[2]!.checklista.frågor.find((q) => q.id === 'c5')!;
    expect(c5.delfrågor!.map((d) => d.id)).toEqual(['c5a', 'c5b', 'c5c', 'c5d', 'c5e', 'c5f']);
  });

  it('the questions of 3.2 and 6.1 are word for word', () => {
    const m32 = method.steg[2]!.moment.find((m) => m.nummer === '3.2')!;
    expect(m32.frågor!.map((q) => q.text)).toEqual(bullets(/^## 3\.2 /, /^Ju mer systematiskt/).map((b) => b.text));
    const m61 = method.steg[5]!.moment.find((m) => m.nummer === '6.1')!;
    expect(m61.frågor!.map((q) => q.text)).toEqual(bullets(/^## 6\.1 /, /^## 6\.2/).map((b) => b.text));
  });

  it('the four analysis question groups of 3.4 are word for word', () => {
    const m34 = method.steg[2]!.moment.find((m) => m.nummer === '3.4')!;
    const seed = bullets(/^### Analysera nuvarande situation/, /^## 3\.5/).map((b) => b.text);
    expect(m34.frågegrupper!.flatMap((g) => [g.titel, ...g.frågor.map((q) => q.text)])).toEqual(seed);
  });

  it('the eleven organisational factors are word for word and in order', () => {
    const i = seedLines.findIndex((l) => l.startsWith('Följande faktorer identifierades'));
    const seed = seedLines.slice(i).map((l) => /^(\d+)\. (.*)$/.exec(l)).filter(Boolean).slice(0, 11).map((m) => clean(m![2]!));
    expect(method.begrepp.faktorer.map((f) => f.titel)).toEqual(seed);
  });

  it('every field path and answer map exists in the project schema', () => {
    const paths: string[] = [];
    for (const s of method.steg) {
      paths.push(...s.fält);
      for (const m of s.moment) {
        paths.push(...m.fält, ...(m.delar ?? []).flatMap((d) => d.fält));
        if (m.svar_i) paths.push(m.svar_i);
      }
    }
    expect(paths.length).toBeGreaterThan(40);
    for (const p of paths) expect(schemaAt(splitPath(p)), p).toBeDefined();
  });

  it('the schema\'s question and checklist keys are exactly content\'s ids', () => {
    const keys = (p: string[]) => Object.keys(schemaAt(p)?.properties ?? {});
    const m32 = method.steg[2]!.moment.find((m) => m.nummer === '3.2')!;
    expect(keys(['analys', 'kartläggning', 'svar'])).toEqual(m32.frågor!.map((q) => q.id));
    const m61 = method.steg[5]!.moment.find((m) => m.nummer === '6.1')!;
    expect(keys(['uppföljningar', '[senaste]', 'svar'])).toEqual(m61.frågor!.map((q) => q.id));
    const m34 = method.steg[2]!.moment.find((m) => m.nummer === '3.4')!;
    for (const g of m34.frågegrupper!) expect(keys(['analys', 'lägesbild', 'analysfrågor', g.id])).toEqual(g.frågor.map((q) => q.id));
    for (const s of method.steg) {
      const ids = s.checklista.frågor.flatMap((q) => (q.delfrågor?.length ? q.delfrågor.map((d) => d.id) : [q.id]));
      expect(keys(['checklistor', `steg${s.nummer}`])).toEqual(ids);
    }
    expect(schemaAt(['analys', 'förutsättningar', 'faktorer'])?.propertyNames?.enum).toEqual(method.begrepp.faktorer.map((f) => f.id));
  });
});

// A new document is a template plus one entry in content/begrepp.yaml, and no code: the same
// built bundle, in a copy of the package whose content has one more document (its content.json
// compiled as the build compiles it), renders it, checks for it, includes it in "alla" and lists
// it in the help.
describe('a new document is a template plus one registry entry', () => {
  const pkg = tempDir('fsstod-nytt-dokument-');
  afterAll(() => rmSync(pkg, { recursive: true, force: true }));
  for (const d of ['bin', 'dist', 'content', 'templates', 'schemas', 'assets', 'data']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  appendFileSync(join(pkg, 'content', 'begrepp.yaml'), '  - id: årsrapport\n    titel: Årsrapport för genomförandet\n    bestämd: årsrapporten\n    täckning: true\n    steg:\n      - 5\n    moment:\n      - "5.1"\n');
  mkdirSync(join(pkg, 'templates', 'årsrapport'));
  writeFileSync(join(pkg, 'templates', 'årsrapport', 'dokument.md.hbs'), '# {{titel}}\n\n{{projekt}}, {{kommun}}.\n');
  writeFileSync(join(pkg, 'dist', 'content.json'), JSON.stringify(compileContent(pkg)));
  const bin = join(pkg, 'bin', 'fsstod.js');
  const example = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: pkg, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1760000000' }, timeout: 120_000 });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('the copy runs the very same bundle as the checkout', () => {
    expect(readFileSync(join(pkg, 'dist', 'cli.cjs'))).toEqual(readFileSync(join(ROOT, 'dist', 'cli.cjs')));
  });

  it('render årsrapport (and arsrapport) makes it', () => {
    const r = run(['render', 'årsrapport', example, '--format', 'html', '--ut', join(pkg, 'ut1')]);
    expect(r.out).toMatch(/årsrapport-2025-10-09\.html/);
    expect(r.code).toBe(0);
    const html = readdirSync(join(pkg, 'ut1')).filter((f) => f.endsWith('.html'));
    expect(html).toHaveLength(1);
    expect(readFileSync(join(pkg, 'ut1', html[0]!), 'utf8')).toContain('Årsrapport för genomförandet');
    expect(run(['render', 'ARSRAPPORT', example, '--format', 'html', '--ut', join(pkg, 'ut2')]).code).toBe(0);
  });

  it('render alla includes it', () => {
    const r = run(['render', 'alla', example, '--format', 'html', '--ut', join(pkg, 'ut3')]);
    expect(r.code).toBe(0);
    const made = readdirSync(join(pkg, 'ut3')).sort();
    expect(made).toHaveLength(5);
    expect(made.some((f) => f.includes('-årsrapport-'))).toBe(true);
  });

  it('check --for årsrapport checks the steps of its moments', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '--for', 'arsrapport', '--format', 'json', example], { cwd: pkg, encoding: 'utf8' });
    expect(r.status, r.stderr).not.toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.inställningar.för).toBe('årsrapport');
    expect(report.filer[0].steg).toEqual([5]);
  });

  it('check names its decision in the definite form its entry gives (bestämd), and does not crash', () => {
    // A decision marked beslutad without organ, datum and diarienummer: beslut-komplett's message
    // needs the document's definite form, which only content can give.
    const file = join(pkg, 'årsrapport-projekt.yaml');
    writeFileSync(file, readFileSync(example, 'utf8').replace(/^beslut:\n/m, 'beslut:\n  årsrapport:\n    status: beslutad\n'));
    const r = spawnSync(process.execPath, [bin, 'check', '--for', 'årsrapport', '--format', 'json', file], { cwd: pkg, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const fynd = JSON.parse(r.stdout).filer[0].fynd.filter((f: { regel: string }) => f.regel === 'beslut-komplett');
    expect(fynd.map((f: { meddelande: string }) => f.meddelande)).toEqual([expect.stringMatching(/^Årsrapporten är markerad som beslutad men saknar organ, datum och diarienummer/)]);
  });

  it('check orders its decision after the one before it in the registry (datum-rimliga)', () => {
    const file = join(pkg, 'årsrapport-datum.yaml');
    const text = readFileSync(example, 'utf8').replace(/^    status: remiss\n/m, '    status: remiss\n    datum: 2026-12-01\n').replace(/^beslut:\n/m, 'beslut:\n  årsrapport:\n    status: utkast\n    datum: 2026-06-01\n');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', file], { cwd: pkg, encoding: 'utf8' });
    expect(r.status, r.stderr).not.toBe(2);
    const fynd = JSON.parse(r.stdout).filer[0].fynd.filter((f: { meddelande_id: string }) => f.meddelande_id === 'decisionsOutOfOrder');
    expect(fynd.map((f: { meddelande: string }) => f.meddelande)).toEqual(['Beslutet om årsrapporten (2026-06-01) är daterat före beslutet om uppföljningsrapporten (2026-12-01)']);
  });

  it('check --for årsrapport runs täckning, since its entry says it shows coverage', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '--for', 'årsrapport', '--format', 'json', example], { cwd: pkg, encoding: 'utf8' });
    expect(r.status, r.stderr).not.toBe(2);
    const file = JSON.parse(r.stdout).filer[0];
    expect(file.regler.find((x: { id: string }) => x.id === 'täckning')?.körd).toBe(true);
    // Step 4 (the plan) is not among årsrapport's steps: the gaps are in existing support.
    expect(file.fynd.filter((f: { regel: string }) => f.regel === 'täckning').map((f: { meddelande: string }) => f.meddelande)).toContain('Lucka i täckningen: inget befintligt stöd på preventionsnivån indikerad för graviditet');
  });

  it('the help lists it', () => {
    // Help wraps its lines: compare with the white space made single.
    const help = (args: string[]) => run(args).out.replace(/\s+/g, ' ');
    // render also makes the tjänsteskrivelse (a carrier, after the method's documents); check knows only the method's.
    expect(help(['render', '--help'])).toContain('förankring, lägesbild, handlingsplan, uppföljning, årsrapport, tjänsteskrivelse eller alla (även forankring, lagesbild, uppfoljning, arsrapport, tjansteskrivelse)');
    expect(help(['check', '--help'])).toContain('förankring, lägesbild, handlingsplan, uppföljning eller årsrapport');
    expect(help(['--help'])).toMatch(/render \[flaggor\] <dokument> \[fil\] skapa förankring, lägesbild, handlingsplan, uppföljning, årsrapport eller tjänsteskrivelse/);
    const bad = run(['check', '--for', 'nej', example]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('uppföljning, årsrapport');
  });

  it('the checkout itself does not know it (the copy is what differs)', () => {
    expect(runCli(['render', 'årsrapport', example, '--format', 'html', '--ut', join(pkg, 'ut4')]).code).toBe(2);
  });
});

// The checklists' and questions' texts are written once, in content/; the published schema's
// titles are made from them by the build (scripts/projekt-schema.mjs).
describe('the project schema takes its question texts from content/', () => {
  const file = readFileSync(join(ROOT, 'schemas', 'projekt.schema.json'), 'utf8');
  const schema = JSON.parse(file);
  const at = (path: string[]) => {
    let node = schema;
    for (const k of path) {
      while (node.$ref) node = schema.$defs[node.$ref.slice(8)];
      // A selector ("[senaste]") is an item of the list.
      node = k.startsWith('[') ? node.items : node.properties[k];
    }
    return node;
  };

  it('the committed schema is what the build makes from content/', () => {
    expect(schemaText(withMethodTexts(schema, method))).toBe(file);
  });

  it('every checklist title and question, answer map question and document title is content\'s text', () => {
    let n = 0;
    for (const s of method.steg) {
      expect(at(['checklistor', `steg${s.nummer}`]).title).toBe(s.checklista.titel);
      for (const q of s.checklista.frågor.flatMap((q) => q.delfrågor ?? [q])) { expect(at(['checklistor', `steg${s.nummer}`, q.id]).title).toBe(q.text); n++; }
      for (const m of s.moment) {
        const base = m.svar_i ? splitPath(m.svar_i) : [];
        for (const q of m.frågor ?? []) { expect(at([...base, q.id]).title).toBe(q.text); n++; }
        for (const g of m.frågegrupper ?? []) {
          expect(at([...base, g.id]).title).toBe(g.titel);
          for (const q of g.frågor) { expect(at([...base, g.id, q.id]).title).toBe(q.text); n++; }
        }
      }
    }
    expect(n).toBeGreaterThan(60);
    // A carrier (the tjänsteskrivelse) has no decision of its own: it reads the carried document's.
    for (const d of method.begrepp.dokument.filter((x) => !x.bär)) expect(at(['beslut', d.id]).title).toBe(d.namn ?? d.titel);
    expect(Object.keys(at(['beslut']).properties ?? {})).not.toContain('tjänsteskrivelse');
  });

  it('a text changed in content/ changes the schema, and a document added there gets its beslut', () => {
    const changed = structuredClone(method);
    changed.steg[3]!.checklista.frågor[1]!.text = 'En ny fråga?';
    changed.steg[5]!.moment[0]!.frågor![0]!.text = 'En ny uppföljningsfråga?';
    changed.begrepp.dokument.push({ id: 'årsrapport', titel: 'Årsrapport', bestämd: 'årsrapporten', steg: [5], moment: [] });
    const out = withMethodTexts(schema, changed);
    expect(out.$defs.checklistor.properties.steg4.properties.c2.title).toBe('En ny fråga?');
    expect(Object.values(out.$defs.uppföljningsomgång.properties.svar.properties as Record<string, { title: string }>)[0]!.title).toBe('En ny uppföljningsfråga?');
    expect(out.$defs.beslutPerDokument.properties.årsrapport).toEqual({ title: 'Årsrapport', $ref: '#/$defs/beslut' });
    expect(schema.$defs.checklistor.properties.steg4.properties.c2.title).not.toBe('En ny fråga?');
  });
});
