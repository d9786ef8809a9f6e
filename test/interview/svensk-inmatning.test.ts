// Swedish input as a coordinator types it (issue 14, item 3): numbers with spaces, units and
// approximations, dates in words, and values refused or pointed out with the reason.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { step } from '../../src/commands/step.js';
import { loadProject } from '../../src/project/load.js';
import { saveProject } from '../../src/project/save.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker, type Answer } from './script.js';
import { schemaAt } from '../../src/project/schema-words.js';
import { fieldUnit, parseValue, valueProblem, valueWarnings } from '../../src/interview/values.js';

const P = {
  värde: ['analys', 'målgruppsanalys', 'nyckeltal', 0, 'värde'],
  belopp: ['handlingsplan', 'insatser', 0, 'kostnader', 0, 'belopp_kr'],
  andel: ['handlingsplan', 'insatser', 0, 'räckvidd', 'andel_procent'],
  antal: ['handlingsplan', 'insatser', 0, 'räckvidd', 'antal_föräldrar'],
  målvärde: ['handlingsplan', 'uppföljningsplan', 'indikatorer', 0, 'målvärde'],
  start: ['handlingsplan', 'insatser', 0, 'start'],
  slut: ['handlingsplan', 'insatser', 0, 'slut'],
  måldatum: ['handlingsplan', 'uppföljningsplan', 'indikatorer', 0, 'måldatum'],
  ålderFrån: ['handlingsplan', 'insatser', 0, 'åldrar', 'från'],
  ålderTill: ['handlingsplan', 'insatser', 0, 'åldrar', 'till'],
  när: ['checklistor', 'steg1', 'c1', 'åtgärd', 'när'],
} as const;

const read = (path: readonly (string | number)[], raw: string, data?: unknown) => {
  const s = schemaAt([...path])!;
  return parseValue(s, raw, { unit: fieldUnit([...path], s, data) });
};
const indikator = (enhet: string) => ({ handlingsplan: { uppföljningsplan: { indikatorer: [{ id: 'X1', enhet }] } } });

describe('numbers with spaces, units and approximations', () => {
  it.each([
    [P.värde, '85 000 kr', 85000],
    [P.värde, '85\u00a0000', 85000],
    [P.värde, 'ca 40', { ca: 40 }],
    [P.värde, 'cirka 40', { ca: 40 }],
    [P.värde, 'c:a 52 000 kr', { ca: 52000 }],
    [P.värde, '1,5', 1.5],
    [P.värde, '40–50', { från: 40, till: 50 }],
    [P.belopp, '85 000 kr', 85000],
    [P.belopp, '85 000 kronor', 85000],
    [P.belopp, '85 000:-', 85000],
    [P.belopp, 'ca 85 000 kr', { ca: 85000 }],
    [P.andel, '5 %', 5],
    [P.andel, '5%', 5],
    [P.andel, '12,5 procent', 12.5],
    [P.andel, '100 %', 100],
    [P.antal, '40', 40],
    [P.antal, 'ca 40', { ca: 40 }],
  ])('%j: "%s" → %j', (path, raw, want) => {
    expect(read(path, raw)).toEqual(want);
  });

  it('an indicator in percent takes "5 %"', () => {
    expect(read(P.målvärde, '5 %', indikator('%'))).toBe(5);
    expect(read(P.målvärde, '60 procent', indikator('procent'))).toBe(60);
  });

  it.each([
    [P.andel, '105 %', undefined, /0–100 %; 105 % går inte/],
    [P.andel, '101', undefined, /0–100 %/],
    [P.målvärde, '120 %', indikator('%'), /0–100 %/],
    [P.belopp, '5 %', undefined, /anges i kronor, inte i procent/],
    [P.andel, '5 000 kr', undefined, /anges i procent, inte i kronor/],
    [P.antal, '85 000 kr', undefined, /ett antal: skriv bara talet, utan kr/],
    [P.antal, 'ca 40 %', undefined, /ett antal/],
    [P.målvärde, '300 kr', indikator('föräldrar'), /Enheten här är "föräldrar", inte kronor/],
    [P.värde, '50–40', undefined, /från det lägre till det högre talet: 40–50, inte 50–40/],
  ])('%j: "%s" is refused with the reason', (path, raw, data, msg) => {
    expect(read(path, raw, data)).toEqual({ error: expect.stringMatching(msg) });
  });
});

describe('dates as year, year-month, day, and in words', () => {
  it.each([
    ['2026', '2026'],
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026-03-31', '2026-03-31'],
    ['31 mars 2026', '2026-03-31'],
    ['31 Mars 2026', '2026-03-31'],
    ['1 jan 2027', '2027-01-01'],
    ['30 sept. 2026', '2026-09-30'],
    ['mars 2026', '2026-03'],
    ['december 2028', '2028-12'],
    ['29 februari 2028', '2028-02-29'],
  ])('"%s" → %s', (raw, want) => {
    expect(read(P.start, raw)).toBe(want);
  });

  it.each([
    ['31 april 2026', /april 2026 har 30 dagar/],
    ['29 februari 2027', /februari 2027 har 28 dagar/],
    ['31 mors 2026', /"mors" är ingen månad/],
    ['2026-13', /inget giltigt datum/],
  ])('"%s" is refused: %s', (raw, msg) => {
    expect(read(P.start, raw)).toEqual({ error: expect.stringMatching(msg) });
  });
});

describe('impossible spans are refused with the reason', () => {
  const withAges = (från?: number, till?: number) => ({ handlingsplan: { insatser: [{ id: 'I1', åldrar: { ...(från !== undefined ? { från } : {}), ...(till !== undefined ? { till } : {}) } }] } });
  const withDates = (start?: string, slut?: string) => ({ handlingsplan: { insatser: [{ id: 'I1', start, slut }] } });
  it.each([
    [P.ålderTill, 2, withAges(3), /från 3 till 2 år: till-åldern måste vara minst 3/],
    [P.ålderFrån, 3, withAges(undefined, 2), /från 3 till 2 år: från-åldern kan vara högst 2/],
    [P.slut, '2025-06', withDates('2026'), /Slut \(2025-06\) ligger före start \(2026\)/],
    [P.start, '2027', withDates(undefined, '2026-12'), /start kan vara högst 2026-12/],
    [['projekt', 'period', 'till'], 2024, { projekt: { period: { från: 2026 } } }, /ligger före/],
  ])('%j = %j', (path, value, data, msg) => {
    expect(valueProblem([...path], value, data)).toMatch(msg);
  });
  it.each([
    [P.ålderTill, 3, withAges(3)],
    [P.ålderTill, 12, withAges(3)],
    [P.slut, '2026', withDates('2026-05')], // the same year: neither before nor after
    [P.slut, '2027', withDates()],
  ])('%j = %j is fine', (path, value, data) => {
    expect(valueProblem([...path], value, data)).toBeUndefined();
  });
});

describe('deadlines already past, or outside the plan period, are pointed out', () => {
  const day = '2026-12-02';
  /** The data as it would be saved: a plan 2026–2028 with one insats and one indicator. */
  const plan = (insats: Record<string, unknown> = {}, indikator: Record<string, unknown> = {}) => ({
    projekt: { period: { från: 2026, till: 2028 } },
    handlingsplan: { insatser: [{ id: 'I1', namn: 'Föräldragrupp', ...insats }], uppföljningsplan: { indikatorer: [{ id: 'X1', namn: 'Andel som fullföljer', insatser: ['I1'], ...indikator }] } },
  });
  it.each([
    [P.måldatum, '2026-06', plan({}, { måldatum: '2026-06' }), [/^Måldatum 2026-06 har redan passerat \(i dag är det 2026-12-02\)\.$/]],
    [P.när, '2025', {}, [/^Senast 2025 har redan passerat/]],
    // What check's datum-rimliga says about the same date, in its words.
    [P.start, '2030', plan({ start: '2030' }), [/^Insatsen I1 ”Föräldragrupp” startar 2030, efter planperioden 2026–2028\.$/]],
    [P.slut, '2025-09', plan({ slut: '2025-09' }), [/har redan passerat/, /^Insatsen I1 ”Föräldragrupp” slutar 2025-09, före planperioden 2026–2028\.$/]],
    [P.måldatum, '2027', plan({ start: '2028' }, { måldatum: '2027' }), [/^Indikatorn X1 ”Andel som fullföljer” har måldatum 2027, innan någon av dess insatser har startat/]],
  ])('%j = %s', (path, value, after, msgs) => {
    expect(valueWarnings([...path], value, after, day)).toEqual(msgs.map((m) => expect.stringMatching(m)));
  });
  it.each([
    [P.måldatum, '2026', plan({}, { måldatum: '2026' })], // this year is not yet wholly past
    [P.måldatum, '2027-03', plan({}, { måldatum: '2027-03' })],
    [P.start, '2025-09', plan({ start: '2025-09' })], // a start in the past is no deadline; check does not mind a start before the period
    [P.slut, '2030', plan({ slut: '2030' })], // support that goes on after the plan period is fine (as check says)
    [['beslut', 'handlingsplan', 'datum'], '2025-01-01', plan()],
    [['uppföljningar', 0, 'period', 'till'], '2025', plan()],
  ])('%j = %s: nothing to say', (path, value, after) => {
    expect(valueWarnings([...path], value, after, day)).toEqual([]);
  });
});

describe('in the interview (scripted): a past deadline is pointed out and may be kept or corrected', () => {
  async function run(script: [RegExp | string, Answer][]) {
    const file = join(tempDir('fsstod-svensk-'), 'projekt.yaml');
    copyFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'), file);
    const p = loadProject(file);
    if (p.migratedFrom) saveProject(p);
    let buf = '';
    const out: IO = { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {}, text: () => buf } as IO;
    const asker = new ScriptAsker(script);
    await step({ steg: '1', fil: file, checklista: true }, out, asker);
    const data = jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;
    return { out: buf, asker, data };
  }
  it('"2020" as Senast: warned, "Nej" asks again, "31 mars 2099" is saved as 2099-03-31', async () => {
    const r = await run([['Svar på c1', 'Nej'], ['Vad ska göras', 'Ta fram ett underlag'], ['Vem ansvarar', 'Samordnaren'], ['Senast', '2020'], ['Spara ändå?', false], ['Senast', '31 mars 2099']]);
    expect(r.asker.left).toBe(0);
    expect(r.out).toMatch(/! Senast 2020 har redan passerat \(i dag är det \d{4}-\d{2}-\d{2}\)\./);
    expect(r.data.checklistor.steg1.c1.åtgärd).toEqual({ vad: 'Ta fram ett underlag', vem: 'Samordnaren', när: '2099-03-31' });
  });
  it('accepting the warning keeps the date', async () => {
    const r = await run([['Svar på c1', 'Nej'], ['Vad ska göras', 'Ta fram ett underlag'], ['Vem ansvarar', 'Samordnaren'], ['Senast', 'maj 2020'], ['Spara ändå?', true]]);
    expect(r.asker.left).toBe(0);
    expect(r.data.checklistor.steg1.c1.åtgärd.när).toBe('2020-05');
  });
});

describe('an item\'s enhet is the unit of its measured values only', () => {
  const nyckeltal = { analys: { målgruppsanalys: { nyckeltal: [{ id: 'N1', enhet: 'procent' }] } } };
  it.each([
    [['analys', 'målgruppsanalys', 'nyckeltal', 0, 'värde'], '%'],
    [['analys', 'målgruppsanalys', 'nyckeltal', 0, 'år'], undefined],
  ])('%j → %s', (path, want) => {
    expect(fieldUnit(path, schemaAt(path), nyckeltal)).toBe(want);
  });
  it('the year 2025 of a key figure in percent is a year, not 2025 %', () => {
    expect(read(['analys', 'målgruppsanalys', 'nyckeltal', 0, 'år'], '2025', nyckeltal)).toBe(2025);
  });
});
