// The one judgement, table by table: what counts as answered for each kind of unit, and what
// coverage counts. The commands' agreement is tested in konsekvens.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checklistUnits, documentMoments, isAnswered, judgeStep, momentUnits, projectShare } from '../../src/judge/index.js';
import { cellState, coverage, isGap } from '../../src/judge/coverage.js';
import { groupOfType } from '../../src/judge/groups.js';
import { loadMethod } from '../../src/content/load.js';
import { step as stepCommand } from '../../src/commands/step.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker } from '../interview/script.js';

const method = loadMethod();
const steg1 = method.steg[0]!;

describe('isAnswered', () => {
  it.each<[string, unknown, boolean]>([
    ['undefined', undefined, false], ['null', null, false], ['blank text', '  \n', false], ['text', 'x', true],
    ['empty list', [], false], ['list', ['M1'], true], ['empty map', {}, false], ['map of blanks', { a: '', b: null }, false],
    ['map with an answer', { a: '', b: 'x' }, true], ['number 0', 0, true], ['false', false, true],
  ])('%s', (_n, v, want) => expect(isAnswered(v)).toBe(want));
});

describe('checklist items: nej and delvis need a next step', () => {
  it.each<[string, unknown, boolean, boolean]>([
    ['no answer', undefined, false, false],
    ['no status, only a comment', { kommentar: 'x' }, false, false],
    ['ja', { status: 'ja' }, true, false],
    ['ej aktuellt', { status: 'ej aktuellt' }, true, false],
    ['nej without åtgärd', { status: 'nej' }, false, true],
    ['delvis without åtgärd', { status: 'delvis', kommentar: 'x' }, false, true],
    ['delvis with a blank åtgärd › vad', { status: 'delvis', åtgärd: { vad: ' ', vem: 'Samordnaren' } }, false, true],
    ['delvis with åtgärd › vad', { status: 'delvis', åtgärd: { vad: 'Bjuda in regionen' } }, true, false],
    ['nej with åtgärd › vad', { status: 'nej', åtgärd: { vad: 'Ta fram en plan' } }, true, false],
  ])('%s', (_n, svar, answered, utan) => {
    const u = checklistUnits({ checklistor: { steg1: { c1: svar } } }, steg1).find((x) => x.path[2] === 'c1')!;
    expect(u.answered).toBe(answered);
    expect(Boolean(u.utanÅtgärd)).toBe(utan);
  });

  it('a step with one delvis and no next step is not complete, and its share is below 100 %', () => {
    const data = parseDocument(readFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), 'utf8')).toJS();
    expect(judgeStep(data, steg1).andel).toBe(100);
    delete data.checklistor.steg1.c2.åtgärd;
    const j = judgeStep(data, steg1);
    expect(j.checklista.besvarade).toBe(j.checklista.totalt - 1);
    expect(j.andel).toBeLessThan(100);
  });
});

describe('moments, steps and documents', () => {
  it('a map with a fixed key set (the eleven factors) counts one unit per key', () => {
    const m33 = method.steg[2]!.moment.find((m) => m.nummer === '3.3')!;
    const units = momentUnits({ analys: { förutsättningar: { faktorer: { ekonomi: { bedömning: 2 } } } } }, m33);
    const faktorer = units.filter((u) => u.path[2] === 'faktorer');
    expect(faktorer).toHaveLength(11);
    expect(faktorer.filter((u) => u.answered).map((u) => u.path[3])).toEqual(['ekonomi']);
  });

  it('a step\'s share counts moments and checklist together; the file\'s every unit the same', () => {
    const data = { checklistor: { steg1: { c1: { status: 'ja' } } } };
    const j = judgeStep(data, steg1);
    expect(j.andel).toBe(Math.round((100 * 1) / (j.momentTotalt + j.checklista.totalt)));
    expect(projectShare([j])).toBe(j.andel);
  });

  it('a document asks its moments (with the step-wide fields of their step), nothing else', () => {
    const plan = method.begrepp.dokument.find((d) => d.id === 'handlingsplan')!;
    const got = documentMoments({}, method.steg, plan);
    expect(got.map((g) => g.step.nummer)).toEqual([4]);
    expect(got[0]!.moment.map((m) => m.nummer)).toEqual(['', '4.1', '4.2']);
    expect(documentMoments({}, method.steg, undefined, (n) => n === 2).map((g) => g.moment.map((m) => m.nummer))).toEqual([['2.1', '2.2', '2.3']]);
  });
});

describe('coverage', () => {
  const bands = method.begrepp.åldersband;
  const levels = method.begrepp.preventionsnivåer;
  const cell = (c: ReturnType<typeof coverage>, band: string, level: string) => c.celler[bands.findIndex((b) => b.id === band)]![levels.findIndex((l) => l.id === level)]!;
  const stöd = { id: 'S1', namn: 'Föräldrakvällar', nivå: 'universell', åldrar: { från: 13, till: 15 } };
  it.each<[string, unknown, boolean, number, number, boolean, number?, number?]>([
    ['existing support, before the plan', { analys: { kartläggning: { befintligt_stöd: [stöd] } } }, false, 1, 0, true],
    ['existing support, in the plan', { analys: { kartläggning: { befintligt_stöd: [stöd] } } }, true, 1, 0, true],
    ['wound down by an avveckla insats: counts before the plan, not in it', { analys: { kartläggning: { befintligt_stöd: [stöd] } }, handlingsplan: { insatser: [{ id: 'I1', namn: 'Avveckla', åtgärd: 'avveckla', befintligt_stöd: 'S1', nivå: 'universell', åldrar: { från: 13, till: 15 } }] } }, true, 0, 0, true, 0, 1],
    ['an avveckla insats is not planned support', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'avveckla', nivå: 'universell', åldrar: { från: 13, till: 15 } }] } }, true, 0, 0, true, 0, 1],
    ['a planned insats', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'införa', nivå: 'universell', åldrar: { från: 13 } }] } }, true, 0, 1, true],
    ['the plan is not counted before it', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'införa', nivå: 'universell', åldrar: { från: 13 } }] } }, false, 0, 0, false],
    ['a fortsätta insats is running support', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'fortsätta', status: 'pågår', nivå: 'universell', åldrar: { från: 13 } }] } }, true, 1, 0, true],
    ['a paused insats does not cover', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'införa', status: 'pausad', nivå: 'universell', åldrar: { från: 13 } }] } }, true, 0, 0, true],
    ['an ended insats does not cover', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'fortsätta', status: 'avslutad', nivå: 'universell', åldrar: { från: 13 } }] } }, true, 0, 0, true],
    ['existing support whose fortsätta insats is paused does not count in the plan', { analys: { kartläggning: { befintligt_stöd: [stöd] } }, handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'fortsätta', status: 'pausad', befintligt_stöd: 'S1', nivå: 'universell', åldrar: { från: 13, till: 15 } }] } }, true, 0, 0, true],
    ['existing support a fortsätta insats keeps counts in the plan', { analys: { kartläggning: { befintligt_stöd: [stöd] } }, handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'fortsätta', status: 'pågår', befintligt_stöd: 'S1', nivå: 'universell', åldrar: { från: 13, till: 15 } }] } }, true, 1, 0, true],
    // Defect 6 of #13: each support counted once, in one of four kinds (befintligt, utvecklas, planerat = nytt, avvecklas).
    ['existing support an utveckla insats develops: counted once, as developed', { analys: { kartläggning: { befintligt_stöd: [stöd] } }, handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'utveckla', befintligt_stöd: 'S1' }] } }, true, 0, 0, true, 1, 0],
    ['an utveckla insats with ages of its own', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'utveckla', nivå: 'universell', åldrar: { från: 13 } }] } }, true, 0, 0, true, 1, 0],
    ['existing support being wound down is shown as such, not counted', { analys: { kartläggning: { befintligt_stöd: [stöd] } }, handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'avveckla', befintligt_stöd: 'S1' }] } }, true, 0, 0, true, 0, 1],
    ['an insats that replaces existing support counts once, as new', { analys: { kartläggning: { befintligt_stöd: [stöd] } }, handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'införa', befintligt_stöd: 'S1', nivå: 'universell', åldrar: { från: 13, till: 15 } }] } }, true, 0, 1, true, 0, 0],
    ['a genomförd insats covers', { handlingsplan: { insatser: [{ id: 'I1', namn: 'X', åtgärd: 'införa', status: 'genomförd', nivå: 'universell', åldrar: { från: 13 } }] } }, true, 0, 1, true],
    ['nothing mapped', {}, true, 0, 0, false],
    ['not a project at all', 'text', true, 0, 0, false],
  ])('%s', (_n, data, withPlan, befintligt, planerat, kartlagt, utvecklas = 0, avvecklas = 0) => {
    const c = coverage(data, bands, levels, withPlan);
    const band = bands.find((b) => !b.graviditet && (b.från ?? 0) <= 13 && (b.till ?? 18) >= 13)!.id;
    expect(cell(c, band, 'universell').befintligt).toHaveLength(befintligt);
    expect(cell(c, band, 'universell').planerat).toHaveLength(planerat);
    expect(cell(c, band, 'universell').utvecklas).toHaveLength(utvecklas);
    expect(cell(c, band, 'universell').avvecklas).toHaveLength(avvecklas);
    expect(cellState(cell(c, band, 'universell'))).toBe(befintligt + planerat + utvecklas ? 'stöd' : 'lucka');
    expect(c.kartlagt).toBe(kartlagt);
  });

  it('support with nivå "ej angivet" makes the cells of its ages "ej angivet", not gaps, on every level', () => {
    const c = coverage({ analys: { kartläggning: { befintligt_stöd: [{ id: 'S1', namn: 'Öppen förskola', nivå: 'ej angivet', åldrar: { från: 0, till: 5 } }] } } }, bands, levels, false);
    for (const l of levels) {
      expect(cellState(cell(c, '0-5', l.id)), l.id).toBe('ej angivet');
      expect(isGap(cell(c, '0-5', l.id))).toBe(false);
      expect(cellState(cell(c, '13-18', l.id)), l.id).toBe('lucka');
    }
    expect(c.kartlagt).toBe(true);
  });

  it('support whose ages are not given is "ej angivet" at its level in every band, not a gap', () => {
    const c = coverage({ analys: { kartläggning: { befintligt_stöd: [{ id: 'S1', namn: 'Familjecentraler', nivå: 'universell' }, { id: 'S2', namn: 'COPE', nivå: 'ej angivet' }] } } }, bands, levels, false);
    for (const b of bands) {
      expect(cellState(cell(c, b.id, 'universell')), b.id).toBe('ej angivet');
      // S2's level is not given either: no cell of any level is a known gap.
      expect(cellState(cell(c, b.id, 'selektiv')), b.id).toBe('ej angivet');
    }
    const only = coverage({ analys: { kartläggning: { befintligt_stöd: [{ id: 'S1', namn: 'Familjecentraler', nivå: 'universell' }] } } }, bands, levels, false);
    for (const b of bands) expect(cellState(cell(only, b.id, 'selektiv')), b.id).toBe('lucka');
  });

  it.each<[string, unknown, string[]]>([
    ['no scope: every band', undefined, ['graviditet', '0-5', '6-12', '13-18']],
    ['0–17 without graviditet', { från: 0, till: 17 }, ['0-5', '6-12', '13-18']],
    ['graviditet and 0–5', { graviditet: true, från: 0, till: 5 }, ['graviditet', '0-5']],
    ['from 6', { från: 6 }, ['6-12', '13-18']],
    ['only graviditet', { graviditet: true }, ['graviditet']],
  ])('coverage is judged within projekt.omfattning: %s', (_n, åldrar, inside) => {
    const c = coverage({ projekt: { omfattning: åldrar ? { åldrar } : {} }, analys: { kartläggning: { befintligt_stöd: [{ id: 'S9', namn: 'X', nivå: 'selektiv', åldrar: { från: 0, till: 1 } }] } } }, bands, levels, false);
    const gaps = bands.filter((b) => isGap(cell(c, b.id, 'universell'))).map((b) => b.id);
    expect(gaps).toEqual(inside);
    for (const b of bands) if (!inside.includes(b.id)) expect(cellState(cell(c, b.id, 'universell'))).toBe('utanför');
  });
});

describe('v2 shapes in the judgement', () => {
  const steg2 = method.steg[1]!;
  const steg6 = method.steg[5]!;
  const unit = (units: { path: unknown[]; answered: boolean; label: string }[], seg: string) => units.find((u) => u.path.includes(seg))!;

  it('"the styrgrupp" is the first group of typ styrgrupp, also for the judgement', () => {
    const data = { organisation: { grupper: [{ id: 'G1', typ: 'arbetsgrupp', namn: 'A' }, { id: 'G2', typ: 'styrgrupp', organ: 'Beredningen för barn och unga' }, { id: 'G3', typ: 'styrgrupp', namn: 'Andra' }] } };
    expect(groupOfType(data, 'styrgrupp')).toEqual({ item: data.organisation.grupper[1], path: ['organisation', 'grupper', 1] });
    expect(groupOfType(data, 'referensgrupp')).toBeUndefined();
    expect(groupOfType({ organisation: { grupper: 'x' } }, 'styrgrupp')).toBeUndefined();
    const units = steg2.moment.flatMap((m) => momentUnits(data, m));
    expect(unit(units, '[typ=styrgrupp]')).toMatchObject({ label: 'Styrgrupp', answered: true });
    expect(unit(units, '[typ=arbetsgrupp]')).toMatchObject({ label: 'Arbetsgrupp', answered: true });
  });

  it('a group with only its id and typ is not yet described; a missing group is not answered', () => {
    const units = steg2.moment.flatMap((m) => momentUnits({ organisation: { grupper: [{ id: 'G1', typ: 'styrgrupp' }] } }, m));
    expect(unit(units, '[typ=styrgrupp]').answered).toBe(false);
    expect(unit(units, '[typ=arbetsgrupp]').answered).toBe(false);
    expect(unit(steg2.moment.flatMap((m) => momentUnits({ organisation: { grupper: [{ id: 'G1', typ: 'styrgrupp', finns: false }] } }, m)), '[typ=styrgrupp]').answered).toBe(true);
  });

  it('follow-up is judged in the current round, the last of uppföljningar', () => {
    const m61 = steg6.moment.find((m) => m.nummer === '6.1')!;
    const period = (data: unknown) => momentUnits(data, m61).find((u) => u.path.at(-1) === 'period')!;
    expect(period({ uppföljningar: [{ id: 'U1', period: { från: '2025', till: '2025' } }, { id: 'U2' }] }).answered).toBe(false);
    expect(period({ uppföljningar: [{ id: 'U1' }, { id: 'U2', period: { från: '2026', till: '2026' } }] }).answered).toBe(true);
    expect(period({ uppföljningar: [] }).answered).toBe(false);
  });

  it('a moment whose only answer is "ej angivet" counts as answered', () => {
    expect(isAnswered('ej angivet')).toBe(true);
    const m32 = method.steg[2]!.moment.find((m) => m.nummer === '3.2')!;
    const data = { analys: { kartläggning: { befintligt_stöd: [{ id: 'S1', namn: 'X', nivå: 'ej angivet', kostnader: [{ år: 'ej angivet', belopp_kr: 'ej angivet', källa: 'ej angivet' }] }] } } };
    const u = momentUnits(data, m32).find((x) => x.path.join('.') === 'analys.kartläggning.befintligt_stöd')!;
    expect(u.answered).toBe(true);
  });
});

describe('--bara-tomma asks what the judgement finds missing', () => {
  it('a delvis without a next step is asked for its åtgärd, and then the step is complete', async () => {
    const file = join(tempDir('fsstod-judge-'), 'projekt.yaml');
    copyFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), file);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.deleteIn(['checklistor', 'steg1', 'c2', 'åtgärd']);
    writeFileSync(file, doc.toString());
    let buf = '';
    const io: IO = { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {} };
    const asker = new ScriptAsker([[/vad/i, 'Bjuda in regionen till styrgruppen']]);
    expect(await stepCommand({ steg: '1', fil: file, baraTomma: true }, io, asker)).toBe(0);
    expect(asker.prompts.some((p) => /vad/i.test(p.message))).toBe(true);
    expect(asker.prompts.every((p) => !/^Svar på/.test(p.message))).toBe(true);
    expect(buf).toContain('Allt i steget är besvarat.');
  });
});
