// The interview engine driven in-process by a scripted person (no terminal): what is asked,
// what is saved, and that the file stays valid with its comments after every answer.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { step } from '../../src/commands/step.js';
import { loadProject } from '../../src/project/load.js';
import { validateProject } from '../../src/project/validate.js';
import { saveProject } from '../../src/project/save.js';
import { Session, RejectedError } from '../../src/interview/session.js';
import { nextId, referenceRemovals, patternOf, referenceAt } from '../../src/interview/fields.js';
import { ConflictError, NoTerminalError, UsageError } from '../../src/errors.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker, type Answer } from './script.js';

const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');
const LINDESBERG = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');

/** A copy of an example, as formatversion 2 (what fsstöd migrera writes), so that saves change only what they answer. */
function copy(src: string): string {
  const file = join(tempDir('fsstod-step-'), 'projekt.yaml');
  copyFileSync(src, file);
  const p = loadProject(file);
  if (p.migratedFrom) saveProject(p);
  return file;
}

/** A copy as it is (a v1 example stays v1 on disk until saved). */
function copyAsIs(src: string): string {
  const file = join(tempDir('fsstod-step-'), 'projekt.yaml');
  copyFileSync(src, file);
  return file;
}

function io(): IO & { text: () => string } {
  let buf = '';
  return { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {}, text: () => buf };
}

async function interview(file: string, steg: number, script: [RegExp | string, Answer][], opts: { moment?: string; checklista?: boolean; baraTomma?: boolean } = {}) {
  const asker = new ScriptAsker(script);
  const out = io();
  const code = await step({ steg: String(steg), fil: file, ...opts }, out, asker);
  return { code, asker, out: out.text(), data: jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any };
}

const comments = (s: string) => s.split('\n').filter((l) => /^\s*#/.test(l));

function expectValid(file: string) {
  expect(validateProject(loadProject(file)).map((p) => p.message)).toEqual([]);
}

describe('fsstöd step (in-process, scripted)', () => {
  it('Enter through a step that is already answered changes nothing, byte for byte', async () => {
    const file = copy(HJO);
    const before = readFileSync(file, 'utf8');
    const r = await interview(file, 2, []);
    expect(r.code).toBe(0);
    expect(r.asker.prompts.length).toBeGreaterThan(20);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(r.out).toContain('Moment 1 av 3 · 2.1 Identifiera arenor och aktörer');
    // Steps 1–2 done: the next thing is the document they make.
    expect(r.out).toContain('Nästa: fsstöd render förankring');
  });

  it('a group answered "Gruppen finns: nej" is not asked about its members, mandate or meetings', async () => {
    const file = copy(HJO);
    const all = await interview(copy(HJO), 2, []);
    const r = await interview(file, 2, [[/Gruppen finns/, 'Nej']]);
    expect(r.code).toBe(0);
    expect(r.data.organisation.grupper.find((g: any) => g.typ === 'styrgrupp').finns).toBe(false);
    const count = (x: typeof r, m: RegExp) => x.asker.prompts.filter((p) => m.test(p.message)).length;
    // Both groups are asked whether they exist and where the work sits; only the working group the rest.
    expect(count(r, /Gruppen finns/)).toBe(2);
    expect(count(r, /Ingår i befintlig struktur/)).toBe(count(all, /Ingår i befintlig struktur/));
    for (const m of [/^\s*Mandat/, /Mötesfrekvens/, /Sammankallande/]) {
      expect(count(all, m), String(m)).toBeGreaterThan(0);
      expect(count(r, m), String(m)).toBe(count(all, m) - 1);
    }
    expectValid(file);
  });

  it('step 3: Swedish text, a new key figure, a refused date, the checklist — saved at once, comments kept', async () => {
    const file = copy(HJO);
    const before = readFileSync(file, 'utf8');
    const r = await interview(file, 3, [
      ['Nyckeltal (0 st)', '+ Lägg till'],
      ['Nyckeltal', 'Andel barn i ekonomiskt utsatta hushåll – Hjo & Tidaholm'],
      ['Värde', '12,5'],
      ['Kategori', 'Riskfaktor'],
      ['År', '2025'],
      ['Nyckeltal (1 st)', 'Klar'],
      ['Demografi', 'Fler ensamstående föräldrar i Tidaholm; många familjer med små barn i Hjö.'],
      ['Datum', '2027-02-30'], // refused by the schema: no such date
      ['Datum', '2027-05-20'],
      ['Svar på c1', 'Delvis'],
      ['Kommentar', 'Nyckeltal saknas för område.'],
      ['Vad ska göras', 'Samla nyckeltal per kommundel'],
      ['Vem ansvarar', 'Samordnaren'],
      ['Senast', '2027-06-30'],
    ]);
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    expect(r.asker.refusals).toEqual([expect.stringMatching(/"2027-02-30" är inget giltigt datum/)]);
    const a = r.data.analys;
    expect(a.målgruppsanalys.nyckeltal).toEqual([{ id: 'N1', namn: 'Andel barn i ekonomiskt utsatta hushåll – Hjo & Tidaholm', kategori: 'riskfaktor', värde: 12.5, år: 2025 }]);
    expect(a.målgruppsanalys.demografi).toMatch(/Hjö\.$/);
    expect(a.återkoppling.datum).toBe('2027-05-20');
    expect(r.data.checklistor.steg3.c1).toEqual({ status: 'delvis', kommentar: 'Nyckeltal saknas för område.', åtgärd: { vad: 'Samla nyckeltal per kommundel', vem: 'Samordnaren', när: '2027-06-30' } });
    const after = readFileSync(file, 'utf8');
    expect(comments(after)).toEqual(comments(before));
    // The untouched part of the file is unchanged: all original lines are still there, in order.
    const kept = before.split('\n').filter((l) => after.includes(l + '\n'));
    expect(kept.length).toBe(before.split('\n').length);
    // analys comes after organisation and before the checklists.
    expect(after.indexOf('\nanalys:')).toBeGreaterThan(after.indexOf('\norganisation:'));
    expect(after.indexOf('\nanalys:')).toBeLessThan(after.indexOf('\nchecklistor:'));
    expectValid(file);
    expect(r.out).toContain('Nästa: fsstöd render lägesbild');
  });

  it('step 4: goals are linked to step 3 needs, insatser to goals, chosen from the file', async () => {
    const file = copy(HJO);
    const svar = join(file, '..', 'svar.yaml');
    writeFileSync(svar, 'analys:\n  utvecklingsbehov:\n    - rubrik: Nå pappor\n    - rubrik: Nå nyanlända föräldrar\n');
    expect((await step({ steg: '3', fil: file, svar }, io())).valueOf()).toBe(0);
    const r = await interview(file, 4, [
      ['Mål (0 st)', '+ Lägg till'],
      ['Mål', 'Fler nyanlända föräldrar deltar i föräldraskapsstöd'],
      ['Tidshorisont', 'Medellång'],
      ['Utvecklingsbehov (id)', { names: ['B2'] }],
      ['Mål (1 st)', 'Klar'],
      ['Insatser (0 st)', '+ Lägg till'],
      ['Insats, arbetssätt eller metod', 'Föräldrastöd på SFI'],
      ['Åtgärd', 'Införa'],
      ['Mål (id)', { names: ['M1'] }],
      ['Preventionsnivå', 'Selektiv'],
      ['Från ålder', '0'],
      ['Till ålder', '19'], // refused: ages are 0–18
      ['Till ålder', '18'],
      ['Start', '2028'],
      ['Kostnader (0 st)', '+ Lägg till'],
      ['År', '2028'],
      ['Belopp (kr)', 'ca 45 000'],
      ['Finansieras av', 'Statsbidrag'],
      ['Kostnader (1 st)', 'Klar'],
    ], { moment: '4.1' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    expect(r.asker.refusals).toEqual([expect.stringMatching(/19 är för stort; största tillåtna värde är 18/)]);
    const behovPrompt = r.asker.prompts.find((p) => p.message === 'Utvecklingsbehov (id)')!;
    // The needs of step 3, then the navigation commands that every tick list has (nav.ts).
    expect(behovPrompt.choices).toEqual(['B1  Nå pappor', 'B2  Nå nyanlända föräldrar', '< Föregående fråga (kryssa i och tryck Enter)', ':ångra – ta tillbaka senaste svaret', '? Tangenterna']);
    const plan = r.data.handlingsplan;
    expect(plan.mål).toEqual([{ id: 'M1', text: 'Fler nyanlända föräldrar deltar i föräldraskapsstöd', horisont: 'medellång', behov: ['B2'] }]);
    expect(plan.insatser[0]).toMatchObject({ id: 'I1', namn: 'Föräldrastöd på SFI', åtgärd: 'införa', mål: ['M1'], nivå: 'selektiv', åldrar: { från: 0, till: 18 }, start: '2028', kostnader: [{ år: 2028, belopp_kr: { ca: 45000 }, källa: 'statsbidrag' }] });
    expect(readFileSync(file, 'utf8')).toContain('      mål: [M1]\n');
    expectValid(file);
    expect(r.out).toContain('Nästa: fsstöd render handlingsplan');
  });

  it('step 4 from the start: the step-wide perspectives first, a list of languages, a decision', async () => {
    const file = copy(HJO);
    const r = await interview(file, 4, [
      ['Barns rättigheter, jämställt föräldraskap och jämlika uppväxtvillkor', 'Barnets bästa prövas för varje insats.'],
      ['Kommunikationsaktiviteter (0 st)', '+ Lägg till'],
      ['Målgrupp', 'Föräldrar som är nya i Sverige'],
      ['Språk (skilj med komma)', 'arabiska, somaliska ,dari'],
      ['Kommunikationsaktiviteter (1 st)', 'Klar'],
      ['Arbetet finansieras i ordinarie budget', 'Nej'],
      ['Status', 'Remiss'],
      ['Beslutsdatum', '2027-11-15'],
    ]);
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    expect(r.out.indexOf('Genomgående i steg 4')).toBeLessThan(r.out.indexOf('Moment 1 av 2'));
    expect(r.out).toContain('Beslut: handlingsplan');
    const plan = r.data.handlingsplan;
    expect(plan.perspektiv).toEqual({ rättigheter_jämlikhet: 'Barnets bästa prövas för varje insats.' });
    expect(plan.kommunikationsplan.aktiviteter).toEqual([{ id: 'K1', målgrupp: 'Föräldrar som är nya i Sverige', språk: ['arabiska', 'somaliska', 'dari'] }]);
    expect(plan.hållbarhet).toEqual({ ordinarie_budget: false });
    expect(r.data.beslut).toEqual({ handlingsplan: { status: 'remiss', datum: '2027-11-15' } });
    const text = readFileSync(file, 'utf8');
    // Sections in the step order: handlingsplan and beslut before the checklists.
    expect(text.indexOf('\nhandlingsplan:')).toBeLessThan(text.indexOf('\nbeslut:'));
    expect(text.indexOf('\nbeslut:')).toBeLessThan(text.indexOf('\nchecklistor:'));
    expectValid(file);
  });

  it('step 3, moment 3.5: the lägesbild\'s own decision (beslut.lägesbild) after the feedback, as 4.2 asks the plan\'s', async () => {
    const file = copy(HJO);
    const r = await interview(file, 3, [
      [/^Status/, 'Beslutad'],
      ['Beslutande organ', 'Kommunstyrelsen'],
      [/^Beslutsdatum/, '2026-02-10'],
      ['Diarienummer', 'KS 2026/14'],
    ], { moment: '3.5' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    expect(r.out).toContain('Beslut: lägesbild');
    const asked = r.asker.prompts.map((p) => p.message);
    expect(asked.findIndex((m) => /^Status/.test(m))).toBeGreaterThan(asked.findIndex((m) => /^Hur resultatet återkopplats/.test(m)));
    expect(asked.findIndex((m) => /^Status/.test(m))).toBeLessThan(asked.findIndex((m) => /^Svar på c1/.test(m)));
    expect(r.data.beslut.lägesbild).toEqual({ status: 'beslutad', organ: 'Kommunstyrelsen', datum: '2026-02-10', diarienummer: 'KS 2026/14' });
    expectValid(file);
  });

  it('step 6: one outcome per indicator and one status per planned insats', async () => {
    const file = copy(LINDESBERG);
    const p = loadProject(file);
    const data = p.data as any;
    const inds = data.handlingsplan.uppföljningsplan.indikatorer.map((x: any) => x.id);
    const ins = data.handlingsplan.insatser.map((x: any) => x.id);
    const r = await interview(file, 6, [[/^Uppmätt värde/, '61,5']], { moment: '6.1' });
    expect(r.code).toBe(0);
    const värde = r.asker.prompts.filter((q) => q.message.startsWith('Uppmätt värde'));
    expect(värde.length).toBe(inds.length);
    expect(r.asker.prompts.filter((q) => q.message === 'Status' && q.choices?.includes('Pågår')).length).toBe(ins.length);
    const rounds = r.data.uppföljningar;
    const first = rounds[rounds.length - 1].utfall.find((u: any) => u.indikator === inds[0]);
    expect(first.värde).toBe(61.5);
    expect(r.out).toContain(`${inds[0]} `);
    expectValid(file);
    expect(r.out).toContain('Nästa: fsstöd render uppföljning');
  });

  it('step 6: a new round gets the next id and its period; the earlier round stays as it was', async () => {
    const file = copy(LINDESBERG);
    const before = (loadProject(file).data as any).uppföljningar;
    // The example has two rounds (2025 and 2026).
    expect(before.map((u: any) => u.id)).toEqual(['U1', 'U2']);
    const inds = (loadProject(file).data as any).handlingsplan.uppföljningsplan.indikatorer.map((x: any) => x.id);
    const r = await interview(file, 6, [
      ['Vilken uppföljningsomgång?', 'Börja en ny omgång (U3)'],
      ['Från', '2028'],
      ['Till', '2028-12'],
      [/^Uppmätt värde/, '70,5'],
    ], { moment: '6.1' });
    expect(r.code).toBe(0);
    expect(r.data.uppföljningar.map((u: any) => u.id)).toEqual(['U1', 'U2', 'U3']);
    expect(r.data.uppföljningar.slice(0, 2)).toEqual(before);
    expect(r.data.uppföljningar[2].period).toEqual({ från: '2028', till: '2028-12' });
    expect(r.data.uppföljningar[2].utfall.find((u: any) => u.indikator === inds[0]).värde).toBe(70.5);
    expectValid(file);
  });

  it('step 2 on a file without groups: answering the styrgrupp creates G1 with typ styrgrupp; other groups in a list', async () => {
    const file = join(tempDir('fsstod-step-'), 'projekt.yaml');
    writeFileSync(file, 'formatversion: 2\nprojekt:\n  namn: Test\n  kommuner:\n    - {kod: "1885", namn: Lindesberg}\n  period: {från: 2026, till: 2028}\n');
    const r = await interview(file, 2, [
      [/^Gruppen finns/, 'Ja'],
      [/^\s*Mandat/, 'Beslutar om inriktning.'],
      [/^Finns fler grupper/, true],
      ['Övriga grupper (0 st)', '+ Lägg till'],
      ['Typ av grupp', 'Nätverk'],
      ['Gruppens namn', 'Föräldranätverket'],
    ], { moment: '2.2' });
    expect(r.code).toBe(0);
    const typChoices = r.asker.prompts.find((p) => p.message === 'Typ av grupp')!.choices;
    expect(typChoices).not.toContain('Styrgrupp');
    expect(typChoices).toContain('Nätverk');
    const g = r.data.organisation.grupper;
    expect(g[0]).toMatchObject({ id: 'G1', typ: 'styrgrupp', finns: true, mandat: 'Beslutar om inriktning.' });
    expect(g.find((x: any) => x.typ === 'nätverk')).toMatchObject({ namn: 'Föräldranätverket' });
    expect(g.filter((x: any) => x.typ === 'styrgrupp')).toHaveLength(1);
    expect(new Set(g.map((x: any) => x.id)).size).toBe(g.length);
    expectValid(file);
  });

  it('removing an aktör also removes every reference to it, and the file stays valid', async () => {
    const file = copy(HJO);
    const r = await interview(file, 2, [
      [/^Aktörer/, 'AK3'],
      ['AK3', 'Ta bort'],
      ['Ta bort AK3', true],
    ], { moment: '2.1' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/AK3 Tidaholms kommun – individ- och familjeomsorgen nämns på \d+ ställen/);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\bAK3\b/);
    expectValid(file);
  });

  it('--bara-tomma asks only what is unanswered; --checklista only the checklist; --moment starts there', async () => {
    const file = copy(HJO);
    const r1 = await interview(file, 1, [], { baraTomma: true });
    expect(r1.asker.prompts).toEqual([]);
    expect(r1.out).toContain('Allt i steget är besvarat.');
    const r2 = await interview(file, 3, [], { checklista: true });
    expect(r2.asker.prompts.length).toBe(11);
    expect(r2.asker.prompts.every((q) => q.message.startsWith('Svar på c'))).toBe(true);
    const r3 = await interview(file, 3, [], { moment: '3.5' });
    expect(r3.asker.prompts[0]!.message).toBe('Hur resultatet återkopplats');
    expect(r3.out).not.toContain('Moment 4 av 5');
    expect(r3.out).toContain('Moment 5 av 5 · 3.5');
  });

  it('refuses bad flags and, without a terminal, stops at once naming --svar', async () => {
    const file = copy(HJO);
    await expect(step({ steg: '7', fil: file }, io())).rejects.toBeInstanceOf(UsageError);
    await expect(step({ steg: '3', fil: file, moment: '4.1' }, io())).rejects.toThrow(/inget moment 4.1/);
    await expect(step({ steg: '3', fil: file }, io())).rejects.toBeInstanceOf(NoTerminalError);
    await expect(step({ steg: '3', fil: file }, io())).rejects.toMatchObject({ hint: expect.stringContaining('--svar') });
  });
});

describe('Session: every answer is validated before it is saved', () => {
  it('a refused answer leaves the file as it was', () => {
    const file = copy(HJO);
    const before = readFileSync(file, 'utf8');
    const s = new Session(loadProject(file));
    expect(() => s.set(['förankring', 'bedömning', 'datum'], '2026-13')).toThrow(RejectedError);
    expect(() => s.set(['handlingsplan', 'insatser'], [{ id: 'I1', namn: 'X', aktörer: ['AK99'] }])).toThrow(/AK99/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each([
    ['a text', ['förankring', 'skiss'], 'Ny skiss med åäö'],
    ['a date', ['förankring', 'bedömning', 'datum'], '2026-06-01'],
    ['a new list', ['analys', 'utvecklingsbehov'], [{ id: 'B1', rubrik: 'Nå pappor', prioritet: 'hög' }]],
    ['a removal', ['förankring', 'skiss'], undefined],
    ['a checklist answer', ['checklistor', 'steg4', 'c1', 'status'], 'nej'],
  ] as [string, (string | number)[], unknown][])('saves %s, and the saved file is valid and holds it', (_n, path, value) => {
    const file = copy(HJO);
    const s = new Session(loadProject(file));
    s.set(path, value);
    const back = loadProject(file);
    let v: any = back.data;
    for (const seg of path) v = v?.[seg];
    expect(v).toEqual(value);
    expect(validateProject(back)).toEqual([]);
    expect(s.stats.whole).toBe(0);
  });

  it('problems the file already had do not block other answers, but a new one does', () => {
    const file = copy(HJO);
    writeFileSync(file, readFileSync(file, 'utf8').replace('    datum: 2026-05-20', '    datum: 2026-05-40'));
    const s = new Session(loadProject(file));
    expect(s.knownProblems).toBe(1);
    s.set(['förankring', 'skiss'], 'Går bra trots gammalt fel');
    expect(() => s.set(['analys', 'återkoppling', 'datum'], '2026-13-01')).toThrow(RejectedError);
  });

  it('a file changed on disk: the answer is re-applied onto the new version if that did not change its field', () => {
    const file = copy(HJO);
    const s = new Session(loadProject(file));
    writeFileSync(file, readFileSync(file, 'utf8') + '# ändrat i en editor\n');
    s.set(['förankring', 'skiss'], 'x');
    expect(readFileSync(file, 'utf8')).toContain('# ändrat i en editor\n');
    expect((loadProject(file).data as any).förankring.skiss).toBe('x');
  });

  it('refuses to overwrite a field changed on disk (ConflictError)', () => {
    const file = copy(HJO);
    const s = new Session(loadProject(file));
    const edited = readFileSync(file, 'utf8').replace('Hösten 2026 bygger vi', 'Hösten 2027 bygger vi');
    writeFileSync(file, edited);
    expect(() => s.set(['förankring', 'skiss'], 'x')).toThrow(ConflictError);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});

describe('ids and references', () => {
  const data = {
    organisation: { arenor: [{ id: 'AR1' }, { id: 'AR7' }], aktörer: [{ id: 'AK2' }] },
    handlingsplan: { insatser: [{ id: 'I1' }, { id: 'I12' }], uppföljningsplan: { indikatorer: [{ id: 'IND3' }] } },
  };
  it.each([
    ['AR', 'AR8'], ['AK', 'AK3'], ['I', 'I13'], ['IND', 'IND4'], ['M', 'M1'], ['N', 'N1'], ['K', 'K1'],
  ])('next %s id is %s', (prefix, want) => {
    expect(nextId(data, prefix)).toBe(want);
  });

  it.each([
    [['handlingsplan', 'insatser', 3, 'mål'], { kinds: ['mål'], many: true }],
    [['handlingsplan', 'insatser', 0, 'ansvariga'], { kinds: ['aktör'], many: true }],
    [['uppföljningar', 1, 'utfall', 2, 'indikator'], { kinds: ['indikator'], many: false }],
    [['uppföljningar', '[senaste]', 'utfall', 2, 'indikator'], { kinds: ['indikator'], many: false }],
    [['handlingsplan', 'insatser', 0, 'namn'], undefined],
  ] as [(string | number)[], unknown][])('reference at %j', (path, want) => {
    expect(patternOf(path)).not.toContain('.[');
    expect(referenceAt(path)).toEqual(want);
  });

  it('lists the edits that remove every reference to an id', () => {
    const d = {
      projekt: { samordnare: { roll: 'x', aktör: 'AK1' } },
      handlingsplan: { insatser: [{ id: 'I1', ansvariga: ['AK1'], aktörer: ['AK1', 'AK2'] }, { id: 'I2', aktörer: ['AK1'] }] },
      uppföljningar: [{ id: 'U1', insatser: [{ insats: 'I1' }, { insats: 'I2' }, { insats: 'I1' }] }],
    };
    expect(referenceRemovals(d, 'AK1').edits).toEqual([
      { path: ['projekt', 'samordnare', 'aktör'], value: undefined },
      { path: ['handlingsplan', 'insatser', 0, 'ansvariga'], value: undefined },
      { path: ['handlingsplan', 'insatser', 0, 'aktörer'], value: ['AK2'] },
      { path: ['handlingsplan', 'insatser', 1, 'aktörer'], value: undefined },
    ]);
    // Entries that exist only for the item go, highest index first.
    expect(referenceRemovals(d, 'I1').edits).toEqual([
      { path: ['uppföljningar', 0, 'insatser', 2], value: undefined },
      { path: ['uppföljningar', 0, 'insatser', 0], value: undefined },
    ]);
  });
});
