// A table pasted into a list (issue 14): headers matched to the item's fields by their titles,
// cells read as single answers, refusals with row and column, and in the interview one
// preview, one confirm, one save (and one undo step).
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { step } from '../../src/commands/step.js';
import { loadProject } from '../../src/project/load.js';
import { saveProject } from '../../src/project/save.js';
import { validateProject } from '../../src/project/validate.js';
import { parseGenderSplit } from '../../src/interview/fields.js';
import { parseTable, readCell, tableColumns } from '../../src/interview/table.js';
import { schemaAt } from '../../src/project/schema-words.js';
import { pastedAsLine, pasteTabs, fromLine } from '../../src/interview/text.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker, type Answer } from './script.js';

const LINDESBERG = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');
const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');
const NYCKELTAL = ['analys', 'målgruppsanalys', 'nyckeltal'];
const STÖD = ['analys', 'kartläggning', 'befintligt_stöd'];
const lindesberg = jsyaml.load(readFileSync(LINDESBERG, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;

const read = (raw: string, list = NYCKELTAL, data: unknown = lindesberg) =>
  parseTable(raw, list, (col, t) => readCell(data, col, t, (_p, v) => String(v), (_s, r) => parseGenderSplit((k) => schemaAt([...col.path, k]) ?? {}, r)));
const rows = (...r: string[][]) => r.map((x) => x.join('\t')).join('\n');

describe('a pasted table: headers, cells, rows', () => {
  it('headers by title, whatever the case, diacritics and a trailing "(id)"', () => {
    const t = read(rows(['NYCKELTAL', 'varde', 'ar', 'Kalla', 'Uppdelat pa kon'], ['Antal barn 0–17 år', '4 710', '2024', 'SCB', 'f 2290 p 2420']));
    expect(t).toEqual({ rows: expect.any(Array), items: [{ namn: 'Antal barn 0–17 år', värde: 4710, år: 2024, källa: 'SCB', per_kön: { flickor: 2290, pojkar: 2420 } }] });
    const s = read(rows(['Insats, metod eller program', 'aktor', 'Arena (id)', 'Preventionsnivå', 'Räckvidd: Antal föräldrar', 'Räckvidd: år', 'Under graviditet'], ['Nytt', 'AK9', 'Familjecentralen i Lindesberg', 'Universell', 'ca 40', '2024', 'ja']), STÖD);
    expect(s).toEqual({ rows: expect.any(Array), items: [{ namn: 'Nytt', aktör: 'AK9', arena: 'AR1', nivå: 'universell', åldrar: { graviditet: true }, räckvidd: { antal_föräldrar: { ca: 40 }, år: 2024 } }] });
  });

  it.each([
    ['an unknown header, with the ones allowed', rows(['Nyckeltal', 'Färg'], ['A', 'röd']), /^Rubriken "Färg" passar inget fält här\. Rubriker som går: Nyckeltal, .*Kategori.*Jämförelser: Jämförs med/],
    ['an ambiguous short title (two lists have År)', rows(['Insats, metod eller program', 'År'], ['A', '2024']), /Rubriken "År" passar inget fält/],
    ['a bad year, with row and column', rows(['Nyckeltal', 'Värde', 'År'], ['A', '1', '2024'], ['B', '2', 'i fjol']), /^Rad 3, kolumn 3 \(År\): /],
    ['a choice that is none of the values', rows(['Nyckeltal', 'Kategori'], ['A', 'Väder']), /^Rad 2, kolumn 2 \(Kategori\): välj ett av: demografi, /],
    ['a row without the required field', rows(['Nyckeltal', 'Värde'], ['', '12']), /^Rad 2 saknar Nyckeltal/],
    ['only a header row', 'Nyckeltal\tVärde', /^Klistra in rubrikraden och minst en rad/],
    ['a reference that does not exist', rows(['Insats, metod eller program', 'Aktör'], ['A', 'AK99']), /^Rad 2, kolumn 2 \(Aktör\): "AK99" finns inte/],
    ['more cells than headers', rows(['Nyckeltal', 'Värde'], ['A', '1', 'B']), /^Rad 2 har fler kolumner \(3\) än rubrikraden \(2\)/],
    ['a row without a required field that the table has no column for', rows(['Nyckeltal', 'Enhet'], ['A', 'procent']), /^Rad 2 saknar Värde \(lägg till den kolumnen\)/],
  ])('refuses %s', (_what, raw, msg) => {
    const t = read(raw, raw.startsWith('Insats') ? STÖD : NYCKELTAL);
    expect('error' in t && t.error).toMatch(msg);
  });

  it('semicolons instead of tabs; empty lines and cells are nothing', () => {
    expect(read('Nyckeltal; Värde; Enhet\n\nA; 12,5; procent\nB;ej angivet;\n')).toEqual({ rows: expect.any(Array), items: [{ namn: 'A', värde: 12.5, enhet: 'procent' }, { namn: 'B', värde: 'ej angivet' }] });
  });

  it('a cell in quotes keeps its line breaks, tabs and quotes (as Excel copies a cell with a line break)', () => {
    const t = read('Nyckeltal\tVärde\tKälla\r\n"Barn ""0–17"" år"\t12\t"SCB,\r\nbearbetning\tper område"\r\nB\t3\t\r\n');
    expect(t).toEqual({ rows: [2, 3], items: [{ namn: 'Barn "0–17" år', värde: 12, källa: 'SCB,\nbearbetning\tper område' }, { namn: 'B', värde: 3 }] });
  });

  it('a list of texts (sources) takes one per line of its cell, or separated by ";"; choices and references by commas', () => {
    const INSATS = ['handlingsplan', 'insatser'];
    const cols = tableColumns(INSATS).map((c) => c.title);
    const källor = cols.find((c) => /^Källor/.test(c))!;
    const namn = tableColumns(INSATS).find((c) => c.key === 'namn')!.title;
    const t = read(`${namn}\t${källor}\n"A"\t"SCB, befolkning\nKolada; Liv och hälsa ung"\n`, INSATS);
    expect(t, JSON.stringify(t)).toMatchObject({ items: [{ källor: ['SCB, befolkning', 'Kolada', 'Liv och hälsa ung'] }] });
  });

  it('a row with only inner cells adds one more entry to the row above (merged cells in Excel)', () => {
    const t = read(rows(['Nyckeltal', 'Värde', 'Jämförelser: Jämförs med', 'Jämförelser: Värde'], ['A', '15,8', 'riket', '10,6'], ['', '', 'länet', '12,1'], ['B', '3', '', '']));
    expect(t).toEqual({ rows: [2, 4], items: [{ namn: 'A', värde: 15.8, jämförelser: [{ med: 'riket', värde: 10.6 }, { med: 'länet', värde: 12.1 }] }, { namn: 'B', värde: 3 }] });
  });

  it('the columns are the item\'s fields by title, groups and inner lists as "Grupp: fält"', () => {
    const titles = tableColumns(STÖD).map((c) => c.title);
    expect(titles).toContain('Insats, metod eller program');
    expect(titles).toContain('Åldrar: Från ålder');
    expect(titles).toContain('Kostnader: Belopp (kr)');
  });

  it('a paste from the terminal keeps its tabs as cell marks only while a table is asked', () => {
    const pasted = 'Nyckeltal\tVärde\r\nA\t12\r\n';
    expect(pastedAsLine(pasted)).not.toContain('⇥');
    pasteTabs(true);
    try {
      const line = pastedAsLine(pasted);
      expect(line).toContain('⇥');
      expect(read(fromLine(line.trim()))).toEqual({ rows: expect.any(Array), items: [{ namn: 'A', värde: 12 }] });
    } finally {
      pasteTabs(false);
    }
  });
});

function io(): IO & { text: () => string } {
  let buf = '';
  return { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {}, text: () => buf };
}

describe('a pasted table in the interview', () => {
  it('one preview, one confirm, one save; ids follow on; the file stays valid with its comments; ":ångra" takes it all back', async () => {
    const file = join(tempDir('fsstod-table-'), 'projekt.yaml');
    copyFileSync(HJO, file);
    const p = loadProject(file);
    if (p.migratedFrom) saveProject(p);
    const before = readFileSync(file, 'utf8');
    const table = rows(['Nyckeltal', 'Kategori', 'Värde', 'Enhet', 'År', 'Jämförelser: Jämförs med', 'Jämförelser: Värde'],
      ['Barn i ekonomiskt utsatta hushåll', 'Riskfaktor', '12,5', 'procent', '2025', 'riket', '10,6'],
      ['', '', '', '', '', 'länet', '11'],
      ['Födda barn', 'demografi', 'ca 200', 'antal', '2024', '', '']);
    const script: [RegExp | string, Answer][] = [
      ['Nyckeltal (0 st)', 'Klistra in en tabell'],
      ['Klistra in tabellen', 'Nyckeltal\tFärg\nA\tröd'],
      ['Klistra in tabellen', rows(['Nyckeltal', 'Värde', 'År'], ['A', '1', '2024'], ['B', '2', '1800'])],
      ['Klistra in tabellen', table],
      [/^Lägga till 2 st/, true],
      ['Nyckeltal (2 st)', 'Klar'],
      ['Demografi', ':ångra'],
    ];
    const asker = new ScriptAsker(script);
    const out = io();
    // After the undo the list is asked again (empty): Enter skips the rest (Ctrl-C in the script's stead).
    const code = await step({ steg: '3', fil: file, moment: '3.1' }, out, asker);
    expect(code).toBe(0);
    expect(asker.left).toBe(0);
    expect(asker.refusals[0]).toMatch(/^Rubriken "Färg" passar inget fält här\. Rubriker som går: Nyckeltal, /);
    // A value the schema refuses is said with its table row.
    expect(asker.refusals[1]).toMatch(/^Rad 3: .*år/i);
    const text = out.text().replace(/\n {2,}(?=\S)/g, ' ');
    expect(text).toContain('Rubriker som går: Nyckeltal, Kategori');
    expect(text).toMatch(/N1 Barn i ekonomiskt utsatta hushåll Kategori: riskfaktor; Värde: 12,5; Enhet: procent; År: 2025; Jämförelser: 2 st/);
    expect(text).toContain('✓ 2 st sparade (N1–N2)');
    // The undo took back the whole table: the file is byte for byte as before.
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('the pasted items are saved as the interview saves one (valid, comments kept)', async () => {
    const file = join(tempDir('fsstod-table-'), 'projekt.yaml');
    copyFileSync(HJO, file);
    const p = loadProject(file);
    if (p.migratedFrom) saveProject(p);
    const comments = (s: string) => s.split('\n').filter((l) => /^\s*#/.test(l));
    const before = readFileSync(file, 'utf8');
    const asker = new ScriptAsker([
      ['Nyckeltal (0 st)', 'Klistra in en tabell'],
      ['Klistra in tabellen', rows(['Nyckeltal', 'Värde', 'Uppdelat på kön'], ['Elever som mår bra', '64', 'f 51 p 77'], ['Födda barn', 'ca 200', ''])],
      [/^Lägga till 2 st/, true],
    ]);
    expect(await step({ steg: '3', fil: file, moment: '3.1' }, io(), asker)).toBe(0);
    const d = jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;
    expect(d.analys.målgruppsanalys.nyckeltal).toEqual([
      { id: 'N1', namn: 'Elever som mår bra', värde: 64, per_kön: { flickor: 51, pojkar: 77 } },
      { id: 'N2', namn: 'Födda barn', värde: { ca: 200 } },
    ]);
    expect(comments(readFileSync(file, 'utf8'))).toEqual(comments(before));
    expect(validateProject(loadProject(file)).map((x) => x.message)).toEqual([]);
    // One confirm only.
    expect(asker.prompts.filter((x) => x.kind === 'confirm').length).toBe(1);
  });
});
