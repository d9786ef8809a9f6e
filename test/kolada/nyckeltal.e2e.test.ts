// Issue 16: `fsstöd nyckeltal sök|hämta|importera` on the real CLI against a local replay of
// Kolada's REST API v2 (replay.ts, the documented format, paged). Every path: adding and
// updating key figures in place with comments kept, hand-written ones left alone, --torrkörning,
// a samverkan of two kommuner, importera without network, and each failure (no network, timeout,
// HTTP 4xx/5xx, unknown id, year without data, null, malformed answer): a Swedish message, exit
// 2, no stack trace and the file byte for byte unchanged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, hasStackTrace, runCliAsync, tempDir } from '../helpers/cli.js';
import { deadUrl, row, startReplay, type Kpi, type Replay, type Row } from './replay.js';

const EPOCH = '1760000000'; // 2025-10-09
const KPIS: Kpi[] = [
  { id: 'N00901', title: 'Barn i ekonomiskt utsatta hushåll, andel (%)', is_divided_by_gender: 1, municipality_type: 'K', publ_period: '2023', operating_area: 'Barn och unga' },
  { id: 'N00902', title: 'Invånare 25-64 år med eftergymnasial utbildning, andel (%)', is_divided_by_gender: 1, municipality_type: 'K', publ_period: '2023' },
  { id: 'N00903', title: 'Förvärvsarbetande invånare 20-64 år, andel (%)', is_divided_by_gender: 0, municipality_type: 'K', publ_period: '2023' },
  { id: 'N00904', title: 'Barn i ekonomiskt utsatta hushåll med utländsk bakgrund, andel (%)', is_divided_by_gender: 0, municipality_type: 'K' },
  { id: 'N00905', title: 'Unga i ekonomiskt utsatta hushåll, antal', is_divided_by_gender: 0, municipality_type: 'L', publication_date: '2024-05-02' },
];
const ROWS: Row[] = [
  row('N00901', '1885', 2022, 16.1, 15, 17.1), row('N00901', '1885', 2023, 15.8, 15.2, 16.3),
  row('N00901', '0018', 2022, 12.4), row('N00901', '0018', 2023, 12.1),
  row('N00901', '0000', 2022, 10.9), row('N00901', '0000', 2023, 10.6),
  row('N00901', '1497', 2023, 9.7, 9.1, 10.2), row('N00901', '1498', 2023, 13.4, 13, 13.8), row('N00901', '0014', 2023, 11),
  row('N00902', '1885', 2023, 31.2, 38.5, 24.3), row('N00902', '0018', 2023, 40.1), row('N00902', '0000', 2023, 44.9),
  row('N00903', '1885', 2022, 78), row('N00903', '1885', 2023, null),
  row('N00901', '1880', 2023, 14.2),
  row('N00904', '0000', 2021, 8.1), row('N00904', '0000', 2022, null),
];

let rp: Replay;
let dir: string;
let file: string;
beforeAll(async () => { rp = await startReplay(structuredClone(KPIS), structuredClone(ROWS)); });
afterAll(async () => { await rp.close(); });
beforeEach(() => {
  rp.fail = undefined;
  rp.rows = structuredClone(ROWS);
  rp.seen.length = 0;
  dir = tempDir('fsstod-kolada-');
  file = join(dir, 'projekt.yaml');
  copyFileSync(join(ROOT, 'examples/lindesberg/projekt.yaml'), file);
});

const env = (extra: NodeJS.ProcessEnv = {}) => ({ FSSTOD_KOLADA_URL: rp.url, SOURCE_DATE_EPOCH: EPOCH, FSSTOD_KOLADA_TIMEOUT_MS: '3000', ...extra });
const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) => runCliAsync(['nyckeltal', ...args], { cwd: dir, env: env(extra) });
const figures = (f = file) => (parse(readFileSync(f, 'utf8')).analys?.målgruppsanalys?.nyckeltal ?? []) as any[];
const byKolada = (id: string, f = file) => figures(f).filter((n) => String(n.källa ?? '').startsWith(`Kolada (RKA), ${id}`));

describe('nyckeltal sök', () => {
  it('lists id, title, gender split and latest year from Kolada\'s metadata, over every page', async () => {
    const r = await cli(['sök', 'ekonomiskt utsatta']);
    expect(r.code, r.stderr).toBe(0);
    expect(rp.seen.filter((s) => s.startsWith('/v2/kpi?')).length).toBe(2); // 3 hits, 2 a page
    expect(rp.seen[0]).toBe('/v2/kpi?title=ekonomiskt%20utsatta');
    expect(r.stdout).toContain('3 nyckeltal i Kolada med "ekonomiskt utsatta" i namnet');
    // The latest year is the last one riket has a value for (one request for all hits, paged).
    expect(rp.seen).toContain('/v2/data/kpi/N00901,N00904,N00905/municipality/0000');
    expect(r.stdout).toMatch(/N00901 {2}Barn i ekonomiskt utsatta hushåll, andel \(%\)\n\s+uppdelat på kön; senaste år 2023/);
    expect(r.stdout).toMatch(/N00904 {2}Barn i ekonomiskt utsatta hushåll med utländsk bakgrund, andel \(%\)\n\s+inte uppdelat på kön; senaste år 2021/);
    expect(r.stdout).toMatch(/N00905 .*\n\s+inte uppdelat på kön; publicerat 2024-05-02; bara regioner/);
  });

  it('says so when nothing matches (exit 0)', async () => {
    const r = await cli(['sok', 'finns inte']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inga nyckeltal i Kolada har "finns inte" i namnet.');
  });
});

describe('nyckeltal hämta', () => {
  it('adds one key figure per id with title, unit, value, year, gender split, comparisons and source; comments kept', async () => {
    const before = readFileSync(file, 'utf8');
    const r = await cli(['hämta', 'N00901', 'N00902']);
    expect(r.code, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    // Paged data (2 posts a page) followed to the end: 6 rows of N00901 for 1885, 0000, 0018.
    expect(rp.seen).toContain('/v2/kpi/N00901,N00902');
    expect(rp.seen).toContain('/v2/data/kpi/N00901/municipality/1885,0000,0018');
    expect(rp.seen).toContain('/v2/data/kpi/N00901/municipality/1885,0000,0018?page=3');
    const [a] = byKolada('N00901');
    expect(a).toEqual({
      id: 'N14', namn: 'Barn i ekonomiskt utsatta hushåll, andel (%)', värde: 15.8, enhet: 'procent', år: 2023,
      källa: 'Kolada (RKA), N00901, hämtad 2025-10-09', område: 'Hela kommunen',
      per_kön: { flickor: 15.2, pojkar: 16.3 },
      jämförelser: [
        { med: 'riket', värde: 10.6, år: 2023, källa: 'Kolada (RKA), N00901' },
        { med: 'länet', värde: 12.1, år: 2023, källa: 'Kolada (RKA), N00901' },
      ],
    });
    // Adults: kvinnor/män.
    const [b] = byKolada('N00902');
    expect(b.id).toBe('N15');
    expect(b.per_kön).toEqual({ kvinnor: 38.5, män: 24.3 });
    expect(r.stdout).toContain('+ N14 Barn i ekonomiskt utsatta hushåll, andel (%) – Lindesbergs kommun 2023: 15,8 % (flickor 15,2 %, pojkar 16,3 %); riket 10,6 %, Örebro län 12,1 %');
    // Only lines added; every line of the file before is still there, in order (comments too).
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before.slice(0, before.indexOf('  kartläggning:')).trimEnd().slice(0, 100))).toBe(true);
    const kept = before.split('\n');
    const now = after.split('\n');
    let j = 0;
    for (const l of now) if (l === kept[j]) j++;
    expect(j).toBe(kept.length);
    expect(after).toContain('# Liv och hälsa ung mäts vartannat år');
    const v = await runCliAsync(['validate', file]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('updates a figure from the same id and year in place: same id, comments inside it kept; unchanged says so', async () => {
    expect((await cli(['hämta', 'N00901', '--år', '2023'])).code).toBe(0);
    // The user comments on the figure; Kolada then revises the value.
    const t = readFileSync(file, 'utf8').replace('        värde: 15.8\n        enhet: procent\n', '        # reviderat av SCB hösten 2025\n        värde: 15.8\n        enhet: procent\n');
    writeFileSync(file, t);
    const same = await cli(['hämta', 'N00901', '--år', '2023']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('inget ändrades');
    expect(same.stdout).toContain('= N14 ');
    expect(readFileSync(file, 'utf8')).toBe(t);
    rp.rows.find((x) => x.kpi === 'N00901' && x.municipality === '1885' && x.period === 2023)!.values[2]!.value = 15.9;
    const r = await cli(['hämta', 'N00901', '--år', '2023']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('~ N14 ');
    expect(r.stdout).toContain('värde 15,8 % → 15,9 %');
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('        # reviderat av SCB hösten 2025\n        värde: 15.9\n');
    expect(byKolada('N00901')).toHaveLength(1);
    expect(after.split('\n').length).toBe(t.split('\n').length);
    // Another year is another figure (a series), not an overwrite.
    const y = await cli(['hämta', 'N00901', '--år', '2022']);
    expect(y.code).toBe(0);
    expect(byKolada('N00901').map((n) => [n.id, n.år, n.värde])).toEqual([['N14', 2023, 15.9], ['N15', 2022, 16.1]]);
  });

  it('a comparison the file names with a kommun (med: Örebro) is fetched too; one Kolada cannot answer is left as it is', async () => {
    expect((await cli(['hämta', 'N00901'])).code).toBe(0);
    const t = readFileSync(file, 'utf8').replace(
      '          - med: länet\n            värde: 12.1\n            år: 2023\n            källa: Kolada (RKA), N00901\n',
      '          - med: länet\n            värde: 12.1\n            år: 2023\n            källa: Kolada (RKA), N00901\n          - med: Örebro\n          - med: liknande kommuner\n            värde: 13\n');
    writeFileSync(file, t);
    const r = await cli(['hämta', 'N00901']);
    expect(r.code, r.stderr).toBe(0);
    expect(rp.seen).toContain('/v2/data/kpi/N00901/municipality/1885,0000,0018,1880');
    expect(byKolada('N00901')[0].jämförelser).toEqual([
      { med: 'riket', värde: 10.6, år: 2023, källa: 'Kolada (RKA), N00901' },
      { med: 'länet', värde: 12.1, år: 2023, källa: 'Kolada (RKA), N00901' },
      { med: 'Örebro', värde: 14.2, år: 2023, källa: 'Kolada (RKA), N00901' },
      { med: 'liknande kommuner', värde: 13 },
    ]);
  });

  it('a file that cannot be saved is refused before Kolada is asked', async () => {
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o444);
    const r = await cli(['hämta', 'N00901']);
    chmodSync(file, 0o644);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/projekt\.yaml.*fel: /);
    expect(rp.seen).toEqual([]);
  });

  it('never overwrites a key figure written by hand, even with the same name', async () => {
    const t = readFileSync(file, 'utf8').replace('        namn: Barn i ekonomiskt utsatta hushåll\n', '        namn: Barn i ekonomiskt utsatta hushåll, andel (%)\n');
    writeFileSync(file, t);
    const r = await cli(['hämta', 'N00901']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('obs: N3 har samma namn men är skrivet för hand (källa: SCB via Kolada); det ändras inte');
    const n3 = figures().find((n) => n.id === 'N3');
    expect(n3.värde).toBe(15.8);
    expect(n3.källa).toBe('SCB via Kolada');
    expect(parse(t).analys.målgruppsanalys.nyckeltal.find((n: any) => n.id === 'N3')).toEqual(n3);
    expect(byKolada('N00901')).toHaveLength(1);
  });

  it('--torrkörning shows what would change and saves nothing', async () => {
    const before = readFileSync(file);
    const r = await cli(['hämta', 'N00901', 'projekt.yaml', '--torrkörning']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 nyckeltal skulle läggas till eller ändras från Kolada (torrkörning, inget sparat)');
    expect(r.stdout).toContain('+ N14 Barn i ekonomiskt utsatta hushåll');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('samverkan: one figure per member kommun, each compared with its own län and riket', async () => {
    const f = join(dir, 'samverkan.yaml');
    copyFileSync(join(ROOT, 'examples/hjo-tidaholm/projekt.yaml'), f);
    const r = await cli(['hämta', 'N00901', 'samverkan.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(rp.seen).toContain('/v2/data/kpi/N00901/municipality/1497,0000,0014,1498');
    const fs = byKolada('N00901', f);
    expect(fs.map((n) => [n.område, n.värde, n.per_kön, n.jämförelser.map((j: any) => [j.med, j.värde])])).toEqual([
      ['Hjo kommun', 9.7, { flickor: 9.1, pojkar: 10.2 }, [['riket', 10.6], ['länet', 11]]],
      ['Tidaholms kommun', 13.4, { flickor: 13, pojkar: 13.8 }, [['riket', 10.6], ['länet', 11]]],
    ]);
    expect(r.stdout).toContain('Västra Götalands län 11 %');
    expect((await runCliAsync(['validate', f])).code).toBe(0);
  });
});

describe('nyckeltal importera (no internet)', () => {
  it('does the same from answers saved from Kolada\'s API, with the network unreachable', async () => {
    const meta = { values: KPIS.filter((k) => k.id === 'N00901'), count: 1 };
    const data = ROWS.filter((x) => x.kpi === 'N00901' && ['1885', '0018', '0000'].includes(x.municipality));
    writeFileSync(join(dir, 'svar.json'), JSON.stringify([meta, { values: data, count: data.length }], null, 2));
    const r = await cli(['importera', 'svar.json'], { FSSTOD_KOLADA_URL: await deadUrl() });
    expect(r.code, r.stderr).toBe(0);
    const [a] = byKolada('N00901');
    expect(a).toMatchObject({ id: 'N14', värde: 15.8, år: 2023, per_kön: { flickor: 15.2, pojkar: 16.3 }, källa: 'Kolada (RKA), N00901, importerad 2025-10-09 från svar.json' });
    expect(a.jämförelser.map((j: any) => [j.med, j.värde])).toEqual([['riket', 10.6], ['länet', 12.1]]);
  });

  it('a data answer alone updates a figure already fetched (its name is in the file) and --år picks the year', async () => {
    expect((await cli(['hämta', 'N00901', '--år', '2023'])).code).toBe(0);
    const data = ROWS.filter((x) => x.kpi === 'N00901' && x.municipality === '1885');
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ values: data, count: data.length }));
    const r = await cli(['importera', 'data.json', 'projekt.yaml', '--år', '2022']);
    expect(r.code, r.stderr).toBe(0);
    expect(byKolada('N00901').map((n) => [n.år, n.värde, n.namn])).toEqual([[2023, 15.8, 'Barn i ekonomiskt utsatta hushåll, andel (%)'], [2022, 16.1, 'Barn i ekonomiskt utsatta hushåll, andel (%)']]);
    expect(r.stdout).toContain('obs: data.json har inga värden för N00901 år 2022 för riket (0000)');
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"values": [1, }', /svar\.json:1:16: fel: svarsfilen är inte giltig JSON/],
    ['no values list', '{"count": 0}', /svar\.json: fel: inte i Kolada-svarets dokumenterade format: svaret saknar listan "values"/],
    ['value neither number nor null', JSON.stringify({ values: [{ kpi: 'N00901', municipality: '1885', period: 2023, values: [{ gender: 'T', value: '15,8' }] }] }), /"value" är "15,8", varken ett tal eller null/],
    ['period no year', JSON.stringify({ values: [{ kpi: 'N00901', municipality: '1885', period: 'i fjol', values: [] }] }), /"period" är "i fjol", inte ett år/],
    ['count wrong', JSON.stringify({ values: [{}, {}], count: 1 }), /"count" \(1\) stämmer inte med antalet poster i "values" \(2\)/],
    ['no data, only metadata', JSON.stringify({ values: KPIS.slice(0, 1) }), /svarsfilen innehåller inga värden/],
    ['unknown id without metadata', JSON.stringify({ values: [row('N00999', '1885', 2023, 1)] }), /svar\.json känner inte till nyckeltalet N00999/],
  ];
  it.each(bad)('a malformed answers file (%s): Swedish message with the file, exit 2, file unchanged', async (_, body, msg) => {
    writeFileSync(join(dir, 'svar.json'), body);
    const before = readFileSync(file);
    const r = await cli(['importera', 'svar.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('nyckeltal hämta: every failure is a Swedish message, exit 2, the file unchanged', () => {
  const cases: [string, () => Promise<NodeJS.ProcessEnv | void>, string[], RegExp][] = [
    ['no network', async () => ({ FSSTOD_KOLADA_URL: await deadUrl() }), ['N00901'], /fel: kunde inte nå Kolada \(127\.0\.0\.1:\d+\): anslutningen nekades, inte heller vid andra försöket\n {2}→ Kontrollera internetanslutningen.*fsstöd nyckeltal importera svar\.json/],
    ['timeout', async () => { rp.fail = { kind: 'hang' }; return { FSSTOD_KOLADA_TIMEOUT_MS: '300' }; }, ['N00901'], /fel: Kolada svarade inte inom 0,3 sekunder|fel: Kolada svarade inte inom 0.3 sekunder/],
    ['HTTP 500 twice', async () => { rp.fail = { kind: 'status', status: 500 }; }, ['N00901'], /fel: Kolada svarade HTTP 500 \(ett fel hos Kolada\) för http:\/\/127\.0\.0\.1:\d+\/v2\/kpi\/N00901, även vid andra försöket/],
    ['HTTP 404', async () => { rp.fail = { kind: 'status', status: 404 }; }, ['N00901'], /fel: Kolada svarade HTTP 404 \(adressen finns inte\)/],
    ['HTTP 400', async () => { rp.fail = { kind: 'status', status: 400 }; }, ['N00901'], /fel: Kolada svarade HTTP 400 \(frågan är ogiltig/],
    ['unknown id', async () => {}, ['N00901', 'N09999'], /fel: Kolada känner inte till nyckeltalet N09999; inget ändrades\n {2}→ Sök rätt id med fsstöd nyckeltal sök <ord>\./],
    ['year without data', async () => {}, ['N00901', '--år', '2019'], /fel: Kolada har inga värden för N00901 \(Barn i ekonomiskt utsatta hushåll, andel \(%\)\) för Lindesbergs kommun \(1885\) år 2019/],
    ['null value', async () => {}, ['N00903', '--år', '2023'], /fel: Kolada anger inget värde \(null\) för N00903 \(Förvärvsarbetande invånare 20-64 år, andel \(%\)\) för Lindesbergs kommun \(1885\) år 2023; status: Värde saknas\n {2}→ Välj ett annat år med --år/],
    ['latest year null', async () => {}, ['N00903'], /fel: Kolada anger inget värde \(null\) för N00903 .* år 2023/],
    ['not JSON', async () => { rp.fail = { kind: 'body', body: '<html>underhåll</html>' }; }, ['N00901'], /fel: Kolada svarade med något som inte är JSON för http:\/\/127\.0\.0\.1:\d+\/v2\/kpi\/N00901/],
    ['wrong shape', async () => { rp.fail = { kind: 'body', body: '{"rows": []}' }; }, ['N00901'], /fel: Kolada svarade inte i det dokumenterade formatet för .*: svaret saknar listan "values"/],
    ['connection reset', async () => { rp.fail = { kind: 'reset' }; }, ['N00901'], /fel: kunde inte nå Kolada \(127\.0\.0\.1:\d+\): (anslutningen bröts|nätverksfel)/],
    ['not an id', async () => {}, ['N00901', 'x.yaml', 'y.yaml'], /fel: "x\.yaml" är inget id för ett nyckeltal i Kolada/],
    ['bad year', async () => {}, ['N00901', '--år', '23'], /fel: --år "23" är inget år mellan 1990 och 2100/],
  ];
  it.each(cases)('%s', async (_, setup, args, msg) => {
    const extra = (await setup()) ?? {};
    const before = readFileSync(file);
    const r = await cli(['hämta', ...args], extra);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('one retry: a 503 once, then the answer, succeeds', async () => {
    rp.fail = { kind: 'status', status: 503, times: 1 };
    const r = await cli(['hämta', 'N00901']);
    expect(r.code, r.stderr).toBe(0);
    expect(rp.seen[0]).toBe(rp.seen[1]); // the same request twice
    expect(byKolada('N00901')).toHaveLength(1);
  });
});
