// Issue 14, part N: the interview agrees with the judgement (--bara-tomma), and moving around
// in it (back, review screen, undo, help), driven in-process by a scripted person.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { step } from '../../src/commands/step.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker, type Answer } from './script.js';
import { BackSignal, UndoSignal, navAsker } from '../../src/interview/nav.js';

const LINDESBERG = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');

function io(): IO & { text: () => string } {
  let buf = '';
  return { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {}, text: () => buf };
}

/** The complete example with some values taken out. */
function without(...paths: (string | number)[][]): string {
  const file = join(tempDir('fsstod-navig-'), 'projekt.yaml');
  const doc = parseDocument(readFileSync(LINDESBERG, 'utf8'));
  for (const p of paths) doc.deleteIn(p);
  writeFileSync(file, doc.toString());
  return file;
}

async function run(file: string, steg: number, script: [RegExp | string, Answer][], opts: { moment?: string; baraTomma?: boolean; checklista?: boolean } = {}) {
  const asker = new ScriptAsker(script);
  const out = io();
  const code = await step({ steg: String(steg), fil: file, ...opts }, out, asker);
  return { code, asker, out: out.text(), data: jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any };
}

describe('--bara-tomma asks what the judgement (judge/) finds unanswered, and no skipped optional question again', () => {
  it.each([
    // [what is taken out, step, does --bara-tomma ask anything?]
    ['a factor\'s optional comment beside its bedömning', [['analys', 'förutsättningar', 'faktorer', 'ekonomi', 'kommentar']], 3, false],
    ['a checklist comment beside its status', [['checklistor', 'steg3', 'c3', 'kommentar']], 3, false],
    ['a key figure\'s source (the list is answered)', [['analys', 'målgruppsanalys', 'nyckeltal', 0, 'källa']], 3, false],
    ['a whole factor', [['analys', 'förutsättningar', 'faktorer', 'ekonomi']], 3, true],
    ['the åtgärd of a delvis', [['checklistor', 'steg3', 'c5c', 'åtgärd']], 3, true],
  ] as const)('%s', async (_what, paths, steg, asks) => {
    const file = without(...(paths as unknown as (string | number)[][]));
    const r = await run(file, steg, [], { baraTomma: true });
    expect(r.code).toBe(0);
    expect(r.asker.prompts.length > 0, r.asker.prompts.map((p) => p.message).join(' | ')).toBe(asks);
    // The step's summary (the same judgement) says complete exactly when nothing was left to ask.
    if (!asks) expect(r.out).toContain('Allt i steget är besvarat.');
  });

  it('a delvis without åtgärd is asked its åtgärd, not again its optional comment', async () => {
    const file = without(['checklistor', 'steg3', 'c5c', 'åtgärd'], ['checklistor', 'steg3', 'c5c', 'kommentar']);
    const r = await run(file, 3, [[/vad/i, 'Samla in uppgifter']], { baraTomma: true });
    expect(r.code).toBe(0);
    expect(r.asker.prompts.map((p) => p.message).filter((m) => /Kommentar|Svar på/.test(m))).toEqual([]);
    expect(r.data.checklistor.steg3.c5c.åtgärd.vad).toBe('Samla in uppgifter');
  });
});

describe('moving around: back, review screen, undo, the keys', () => {
  const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');
  function hjo(): string {
    const file = join(tempDir('fsstod-navig-'), 'projekt.yaml');
    copyFileSync(HJO, file);
    return file;
  }

  it('"<" goes back one question, and the answer given there is saved; then the interview goes on', async () => {
    const file = hjo();
    const r = await run(file, 3, [
      [/^Hur resultatet återkopplats/, 'Först'],
      [/^Datum/, '<'],
      [/^Hur resultatet återkopplats/, 'Rättat'],
      [/^Datum/, '2026-03'],
      [/^Status/, '<'],
      [/^Återkoppling till barn/, 'I elevråden'],
      [/^Status/, 'Remiss'],
      [/^Svar på c1/, 'Ja'],
    ], { moment: '3.5' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    expect(r.data.analys.återkoppling).toMatchObject({ beskrivning: 'Rättat', datum: '2026-03' });
    expect(Object.values(r.data.analys.återkoppling)).toContain('I elevråden');
    expect(r.data.beslut.lägesbild).toEqual({ status: 'remiss' });
    expect(r.data.checklistor.steg3.c1.status).toBe('ja');
  });

  it('"<" in a choice is a choice of its own, never saved as an answer; "?" shows the keys and asks again', async () => {
    const file = hjo();
    const before = readFileSync(file, 'utf8');
    const r = await run(file, 3, [
      [/^Hur resultatet återkopplats/, '?'],
      [/^Hur resultatet återkopplats/, '<'],
    ], { moment: '3.5' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Det här är den första frågan');
    expect(r.out.match(/:ångra +ångrar det senast sparade svaret/g)!.length).toBeGreaterThanOrEqual(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const choices = r.asker.prompts.find((p) => p.kind === 'select')!.choices!;
    expect(choices).toContain('< Föregående fråga');
  });

  it('":ångra" gives the file back its exact bytes (comments kept) and asks the question again', async () => {
    const file = hjo();
    const before = readFileSync(file, 'utf8');
    expect(before).toMatch(/^\s*#/m);
    const r = await run(file, 3, [
      [/^Hur resultatet återkopplats/, 'Ett svar som ångras'],
      [/^Svar på c1/, ':ångra'],
      [/^Hur resultatet återkopplats/, ''],
    ], { moment: '3.5' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('↶ Ångrat:');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('":ångra" does not overwrite a file that someone else changed meanwhile', async () => {
    const file = hjo();
    let changed = '';
    const asker = new ScriptAsker([
      [/^Hur resultatet återkopplats/, 'Mitt svar'],
      [/^Svar på c1/, ':ångra'],
    ]);
    const orig = asker.select.bind(asker);
    // Another editor saves the file just before the undo is chosen.
    asker.select = async (q: any) => {
      if (/^Svar på c1/.test(q.message) && !changed) {
        changed = readFileSync(file, 'utf8').replace('Mitt svar', 'Någon annans svar');
        writeFileSync(file, changed);
      }
      return orig(q);
    };
    const out = io();
    expect(await step({ steg: '3', fil: file, moment: '3.5' }, out, asker)).toBe(0);
    expect(out.text()).toContain('Kunde inte ångra');
    expect(readFileSync(file, 'utf8')).toBe(changed);
  });

  it('the review screen at the end of a moment lists its questions with their answers; choosing one asks it again', async () => {
    const file = hjo();
    const r = await run(file, 3, [
      [/^Hur resultatet återkopplats/, 'Första'],
      [/^Översikt 3\.5/, '1 '],
      [/^Hur resultatet återkopplats/, 'Andra'],
      [/^Översikt 3\.5/, 'Klar'],
    ], { moment: '3.5' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    const screens = r.asker.prompts.filter((p) => /^Översikt 3\.5/.test(p.message));
    expect(screens).toHaveLength(2);
    expect(screens[0]!.choices![0]).toBe('1  3.5 Återkoppla och förankra resultatet: Första');
    expect(screens[1]!.choices![0]).toBe('1  3.5 Återkoppla och förankra resultatet: Andra');
    expect(r.data.analys.återkoppling.beskrivning).toBe('Andra');
  });
});

describe('a list item on one screen', () => {
  it.each([
    ['flickor 2290, pojkar 2420', { flickor: 2290, pojkar: 2420 }],
    ['f 83,1 p 75,9', { flickor: 83.1, pojkar: 75.9 }],
    ['k 47, m 35', { kvinnor: 47, män: 35 }],
    ['kvinnor: ca 40 män: 12', { kvinnor: { ca: 40 }, män: 12 }],
    ['pojkar 3 flickor 4', { flickor: 4, pojkar: 3 }],
    ['2290 2420', 'error'],
    ['flickor 1 flickor 2', 'error'],
    ['flickor', 'error'],
  ] as const)('the gender split is one answer: "%s"', async (raw, want) => {
    const { parseGenderSplit } = await import('../../src/interview/fields.js');
    const { schemaAt } = await import('../../src/project/schema-words.js');
    const v = parseGenderSplit((k) => schemaAt(['analys', 'målgruppsanalys', 'nyckeltal', 0, 'per_kön', k]) ?? {}, raw);
    if (want === 'error') expect(v).toHaveProperty('error');
    else expect(v).toEqual(want);
  });

  it('an item is chosen in its list and shown with all its fields; one field is changed, nothing else asked', async () => {
    const file = without();
    const before = readFileSync(file, 'utf8');
    const r = await run(file, 3, [
      [/^Nyckeltal \(13 st\)/, 'N1'],
      [/^N1 Antal barn 0–17 år – välj en uppgift/, 'Uppdelat på kön'],
      [/^Uppdelat på kön/, 'flickor 2300, pojkar 2410'],
      [/^N1 Antal barn 0–17 år – välj en uppgift/, 'Klar'],
    ], { moment: '3.1' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    const screen = r.asker.prompts.find((p) => /^N1 Antal barn/.test(p.message))!;
    // Required first (namn, värde), then every other field with its answer.
    expect(screen.choices!.slice(0, 3)).toEqual(['Nyckeltal: Antal barn 0–17 år', 'Värde: 4710', 'Kategori: demografi']);
    expect(screen.choices).toContain('Uppdelat på kön: flickor 2290, pojkar 2420');
    expect(screen.choices).toContain('Jämförelser: –');
    expect(r.data.analys.målgruppsanalys.nyckeltal[0].per_kön).toEqual({ flickor: 2300, pojkar: 2410 });
    // Only the split's two lines changed in the file.
    const diff = readFileSync(file, 'utf8').split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(diff.map((l) => l.trim())).toEqual(['flickor: 2300', 'pojkar: 2410']);
  });

  it('"+ Ny aktör" inside a choice creates the aktör and chooses it, without leaving the item', async () => {
    const file = without();
    const r = await run(file, 3, [
      [/^Befintligt föräldraskapsstöd \(10 st\)/, '+ Lägg till'],
      [/^Insats, metod eller program/, 'Familjelördagar'],
      [/^Vad vill du fylla i för S11/, { names: ['Aktör'] }],
      [/^Aktör/, '+ Ny aktör'],
      [/^Namn/, 'Studieförbundet Vuxenskolan'],
    ], { moment: '3.2' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    const ak = r.data.organisation.aktörer.at(-1);
    expect(ak).toMatchObject({ namn: 'Studieförbundet Vuxenskolan' });
    expect(r.data.analys.kartläggning.befintligt_stöd.at(-1)).toEqual({ id: 'S11', namn: 'Familjelördagar', aktör: ak.id });
  });

  it('"+ Ny arena" inside a tick list creates the arena and ticks it, beside the ones already ticked', async () => {
    const file = without();
    const before = jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;
    const n = before.organisation.aktörer.length;
    const r = await run(file, 2, [
      [new RegExp(`^Aktörer \\(${n} st\\)`), '+ Lägg till'],
      [/^Namn/, 'Stadsbiblioteket'],
      [/^Vad vill du fylla i/, { names: ['Arenor'] }],
      [/^Arenor/, { names: ['AR1 ', '+ Ny arena'] }],
      [/^Namn/, 'Biblioteket'],
    ], { moment: '2.1' });
    expect(r.code).toBe(0);
    expect(r.asker.left).toBe(0);
    const arena = r.data.organisation.arenor.at(-1);
    expect(arena).toMatchObject({ namn: 'Biblioteket' });
    expect(r.data.organisation.aktörer.at(-1)).toMatchObject({ namn: 'Stadsbiblioteket', arenor: ['AR1', arena.id] });
  });
});

describe('questions as data: show-if rules, open questions and contradictions from content/', () => {
  it.each([
    // [path, data, asked?]
    [['organisation', 'grupper', 0, 'mandat'], { organisation: { grupper: [{ id: 'G1', typ: 'styrgrupp', finns: false }] } }, false],
    [['organisation', 'grupper', 0, 'befintlig_struktur'], { organisation: { grupper: [{ id: 'G1', typ: 'styrgrupp', finns: false }] } }, true],
    [['organisation', 'grupper', 0, 'mandat'], { organisation: { grupper: [{ id: 'G1', typ: 'styrgrupp', finns: true }] } }, true],
    [['organisation', 'grupper', 0, 'mandat'], { organisation: { grupper: [{ id: 'G1', typ: 'styrgrupp' }] } }, true],
    [['checklistor', 'steg1', 'c1', 'åtgärd'], { checklistor: { steg1: { c1: { status: 'ja' } } } }, false],
    [['checklistor', 'steg1', 'c1', 'åtgärd'], { checklistor: { steg1: { c1: { status: 'delvis' } } } }, true],
    [['checklistor', 'steg1', 'c1', 'åtgärd', 'vem'], { checklistor: { steg1: { c1: { status: 'nej', åtgärd: {} } } } }, false],
    [['checklistor', 'steg1', 'c1', 'åtgärd', 'när'], { checklistor: { steg1: { c1: { status: 'nej', åtgärd: { vad: 'Bjuda in' } } } } }, true],
    [['analys', 'återkoppling', 'datum'], {}, true],
  ] as const)('%j is asked: %s', async (path, data, asked) => {
    const { shown } = await import('../../src/interview/showif.js');
    const { loadMethod } = await import('../../src/content/load.js');
    expect(shown(loadMethod().begrepp.visa_om, data, path as unknown as (string | number)[])).toBe(asked);
  });

  it('a skipped åtgärd does not ask who and when', async () => {
    const file = without(['checklistor', 'steg3', 'c5c', 'åtgärd']);
    const r = await run(file, 3, [], { checklista: true, baraTomma: true });
    expect(r.code).toBe(0);
    const asked = r.asker.prompts.map((p) => p.message);
    expect(asked.some((m) => /^Vad ska göras/.test(m))).toBe(true);
    expect(asked.some((m) => /^(Vem ansvarar|Senast)/.test(m))).toBe(false);
  });

  it('a checklist answer that contradicts an earlier one is pointed out (a bedömning in 1.1, then "Nej")', async () => {
    const file = without();
    const r = await run(file, 1, [[/^Svar på c3/, 'Nej']], { checklista: true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Obs: I moment 1.1 finns redan en preliminär bedömning');
    const r2 = await run(without(), 1, [[/^Svar på c3/, 'Delvis']], { checklista: true });
    expect(r2.out).not.toContain('Obs: I moment 1.1');
  });

  it('an open checklist question ("Vilka … strukturer …?") takes its answer in words beside the status', async () => {
    const file = without(['checklistor', 'steg2', 'c1']);
    const r = await run(file, 2, [[/^Svar på c1/, 'Delvis'], [/^Ditt svar på frågan, i ord/, 'Folkhälsorådet och BUS-gruppen']], { checklista: true });
    expect(r.code).toBe(0);
    expect(r.data.checklistor.steg2.c1).toMatchObject({ status: 'delvis', kommentar: 'Folkhälsorådet och BUS-gruppen' });
  });
});

describe('tick lists have the navigation commands too (nav.ts)', () => {
  type Q = { message: string; choices: { name: string; value: unknown; checked?: boolean }[] };
  /** An inner Asker whose tick list answers are given by the names ticked. */
  const inner = (answers: string[][], seen: Q[]) => ({
    text: async () => '', select: async () => undefined as never, confirm: async () => true,
    async checkbox(q: Q) {
      seen.push(q);
      const names = answers.shift()!;
      return q.choices.filter((c) => names.some((n) => c.name.startsWith(n))).map((c) => c.value);
    },
  });
  const q = { message: 'Arenor', choices: [{ name: 'AR1 Förskola', value: 'AR1' }, { name: 'AR2 Skola', value: 'AR2' }] };

  it.each([
    ['<', BackSignal],
    [':ångra', UndoSignal],
  ])('"%s" ticked (with or without other ticks) is the command, never an answer', async (cmd, Signal) => {
    const a = navAsker(inner([['AR1', cmd]], []) as never, () => {});
    await expect(a.checkbox(q as never)).rejects.toBeInstanceOf(Signal);
  });

  it('"?" shows the keys and asks again with the ticks kept; the answer has no command in it', async () => {
    const said: string[] = [];
    const seen: Q[] = [];
    const a = navAsker(inner([['AR2', '?'], ['AR2']], seen) as never, (s) => said.push(s));
    expect(await a.checkbox(q as never)).toEqual(['AR2']);
    expect(said.join('\n')).toMatch(/Tangenter:/);
    expect(seen[1]!.choices.filter((c) => c.checked).map((c) => c.value)).toEqual(['AR2']);
    expect(seen[0]!.choices.map((c) => c.name).slice(2)).toEqual(['< Föregående fråga (kryssa i och tryck Enter)', ':ångra – ta tillbaka senaste svaret', '? Tangenterna']);
  });
});
