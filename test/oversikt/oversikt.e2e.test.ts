// fsstöd översikt end to end on the real CLI: a fictional Örebro län of twelve kommuner over two
// years (test/oversikt/lan.ts), with the documents read by programs we did not write: pdftotext
// and pdfinfo, LibreOffice (DOCX → PDF), pandoc, and headless Chromium with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, ROOT, runCli, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { Chromium, formatViolations } from '../helpers/axe.js';
import { makeLän, parseCsv, PNR, SECRET_NAME, ÖREBRO_LÄN, type Län } from './lan.js';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
function lacks(...cmds: string[]): boolean {
  const gone = cmds.filter((c) => !have(c));
  if (gone.length) console.warn(`\n*** HOPPAR ÖVER: ${gone.join(', ')} saknas på den här datorn ***\n`);
  return gone.length > 0;
}

const EPOCH = { SOURCE_DATE_EPOCH: '1764633600' }; // 2025-12-02
const STEM = 'översikt-örebro-län-2025-12-02';
let län: Län;
let out: string;
let result: { code: number; stdout: string; stderr: string };
const file = (ext: string) => join(out, `${STEM}.${ext}`);
let pdfText: string;

beforeAll(async () => {
  län = makeLän(tempDir('fsstod-oversikt-'));
  out = join(län.dir, 'ut');
  result = await runCliAsync(['översikt', län.iÅr, '--län', 'Örebro län', '--jämför', län.iFjol, '--format', 'docx,pdf,html,csv', '--ut', out], { env: EPOCH });
  if (!existsSync(file('pdf'))) throw new Error(result.stderr + result.stdout);
  pdfText = await runTool('pdftotext', ['-layout', file('pdf'), '-']);
}, 300_000);

describe('fsstöd översikt, a län of twelve kommuner with a broken file', () => {
  it('writes the four files, exits 1 and names the broken file with line and column on stderr', () => {
    expect(result.code, result.stderr).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['csv', 'docx', 'html', 'pdf'].map((e) => `${STEM}.${e}`));
    expect(result.stderr).toMatch(/trasig\.yaml:\d+:\d+: fel: ogiltig YAML/);
    expect(result.stderr).toContain('1 fil kunde inte läsas');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('csv: UTF-8 with BOM, semicolons, CRLF, one row per kommun (the samverkan for both members), the broken file with its reason', () => {
    const bytes = readFileSync(file('csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text);
    const head = rows[0]!;
    expect(rows.every((r) => r.length === head.length), 'every row as long as the header').toBe(true);
    const col = (name: string) => head.indexOf(name);
    const kommuner = rows.slice(1).filter((r) => r[col('Kommun')]);
    expect(kommuner.map((r) => r[col('Kommun')])).toEqual(ÖREBRO_LÄN);
    const row = (k: string) => kommuner.find((r) => r[col('Kommun')] === k)!;
    expect(row('Ljusnarsberg')[col('Anmärkning')]).toBe('ingen projektfil');
    for (const k of ['Laxå', 'Askersund']) {
      expect(row(k)[col('Projektfil')]).toMatch(/laxa-askersund\.yaml$/);
      expect(row(k)[col('Samverkan')]).toBe('Laxå och Askersund');
    }
    expect(row('Lindesberg')[col('Handlingsplan')]).toBe('beslutad');
    expect(row('Kumla')[col('Handlingsplan')]).toBe('remiss');
    expect(row('Nora')[col('Handlingsplan')]).toBe('utkast');
    expect(row('Degerfors')[col('Handlingsplan')]).toBe('ingen handlingsplan');
    expect(row('Lindesberg')[col('Steg 1 (%)')]).toBe('100');
    expect(row('Karlskoga')[col('MFoF:s svaga punkter')]).toContain('En person bär arbetet');
    expect(row('Nora')[col('MFoF:s svaga punkter')]).toContain('Ingen ordinarie budget');
    expect(row('Lekeberg')[col('Luckor i täckningen')]).toContain('13–18 år indikerad');
    expect(row('Kumla')[col('Förändring sedan förra året')]).toContain('Handlingsplan: ingen handlingsplan → remiss');
    const broken = rows.slice(1).find((r) => r[col('Projektfil')]?.endsWith('trasig.yaml'))!;
    expect(broken[col('Anmärkning')]).toMatch(/^kunde inte läsas: .*ogiltig YAML/);
  });

  it('pdf (pdftotext): every kommun, the län\'s summary, shared gaps, samverkan, the change since last year and the broken file', () => {
    const flat = pdfText.replace(/\s+/g, ' ');
    for (const k of ÖREBRO_LÄN) expect(flat).toContain(k);
    expect(flat).toContain('Örebro län har 12 kommuner. 11 har en projektfil och 6 har en beslutad handlingsplan');
    expect(flat).toContain('Ingen projektfil: Ljusnarsberg');
    expect(flat).toMatch(/13–18 år indikerad: 3 kommuner \(Hallsberg, Hällefors och Lekeberg\)/);
    expect(flat).toContain('Föräldraskapsstöd i samverkan Laxå–Askersund: Laxå, samverkande och Askersund, huvudkommun');
    expect(flat).toContain('Förändring sedan förra året');
    expect(flat).toContain('Ny projektfil i år');
    expect(flat).toContain('Filer som inte kunde läsas');
    expect(flat).toContain('trasig.yaml');
    for (const f of ['Handlingsplanernas status', 'Besvarad andel per steg och kommun', 'Luckor i täckningen per åldersgrupp och nivå']) expect(flat).toContain(f);
  });

  it('only roles reach the report: no person\'s name, no personnummer, in any format', async () => {
    const texts = [pdfText, readFileSync(file('html'), 'utf8'), readFileSync(file('csv'), 'utf8')];
    if (have('pandoc')) texts.push(await runTool('pandoc', ['-f', 'docx', '-t', 'plain', file('docx')]));
    for (const t of texts) {
      expect(t).not.toContain(SECRET_NAME);
      expect(t).not.toContain('Hemligsdotter');
      expect(t.replace(/\s+/g, '')).not.toContain(PNR.slice(2).replace('-', ''));
      expect(t).not.toContain(PNR.slice(2));
    }
    expect(pdfText).toContain('Folkhälsostrateg');
    // The goal with the personnummer does reach the report, masked.
    expect(pdfText.replace(/\s+/g, ' ')).toContain('Kontakt via ••••••••-••••: föräldrar ska få stöd.');
  });

  it.skipIf(lacks('pdfinfo'))('pdfinfo: tagged, Swedish, with the title', async () => {
    const info = await runTool('pdfinfo', [file('pdf')]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Översikt över föräldraskapsstödet/);
    const struct = await runTool('pdfinfo', ['-struct', file('pdf')]);
    expect(struct).toMatch(/Table/);
    expect(struct).toMatch(/Figure/);
  });

  it.skipIf(lacks('soffice', 'pdftotext'))('LibreOffice opens the DOCX and converts it to a PDF with every kommun', async () => {
    const conv = tempDir('fsstod-oversikt-lo-');
    const profile = tempDir('fsstod-lo-profile-');
    await runTool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', conv, file('docx')], { timeout: 240_000 });
    const text = (await runTool('pdftotext', [join(conv, `${STEM}.pdf`), '-'])).replace(/\s+/g, ' ');
    for (const k of ÖREBRO_LÄN) expect(text).toContain(k);
    expect(text).toContain('Svaga punkter enligt MFoF');
  }, 300_000);

  it.skipIf(lacks('pandoc'))('pandoc reads the DOCX: real headings and tables', async () => {
    const ast = JSON.parse(await runTool('pandoc', ['-f', 'docx', '-t', 'json', file('docx')]));
    const kinds = new Set((ast.blocks as { t: string }[]).map((b) => b.t));
    expect(kinds.has('Header')).toBe(true);
    expect(kinds.has('Table')).toBe(true);
    const md = await runTool('pandoc', ['-f', 'docx', '-t', 'gfm', file('docx')]);
    expect(md).toMatch(/^# Örebro län/m);
    expect(md).toMatch(/^### Ljusnarsberg \(1864\)/m);
  });

  describe.skipIf(lacks('chromium'))('HTML in headless Chromium', () => {
    let browser: Chromium;
    beforeAll(async () => { browser = await Chromium.launch(); }, 120_000);
    afterAll(async () => { await browser?.close(); });
    it('axe-core finds 0 violations', async () => {
      const v = await browser.axe(file('html'));
      expect(formatViolations(v)).toBe('');
    }, 180_000);
    it('lang="sv", the charts as labelled images, every kommun as a heading', async () => {
      const lang = await browser.evaluate(file('html'), 'document.documentElement.lang');
      expect(lang).toBe('sv');
      const labels = await browser.evaluate(file('html'), '[...document.querySelectorAll("svg[role=img]")].map((s) => s.getAttribute("aria-label")).join("\\n")');
      expect(labels).toMatch(/Värmekarta över täckningen i Örebro län/);
      const heads = await browser.evaluate(file('html'), '[...document.querySelectorAll("h4")].map((h) => h.textContent).join("\\n")');
      for (const k of ÖREBRO_LÄN) expect(heads).toContain(k);
    }, 180_000);
  });
});

describe('fsstöd översikt: exit codes, --län and the default län', () => {
  it('is deterministic: the same files and SOURCE_DATE_EPOCH give the same bytes', async () => {
    const again = tempDir('fsstod-oversikt2-');
    const r = await runCliAsync(['oversikt', län.iÅr, '--län', '18', '--jämför', län.iFjol, '--format', 'pdf,html,csv,docx', '--ut', again], { env: EPOCH });
    expect(r.code).toBe(1);
    for (const ext of ['pdf', 'html', 'csv', 'docx']) expect(readFileSync(join(again, `${STEM}.${ext}`)).equals(readFileSync(file(ext))), ext).toBe(true);
  }, 300_000);

  it('without --län: the files\' län; only readable files: exit 0', () => {
    const o = tempDir('fsstod-oversikt3-');
    const r = runCli(['översikt', join(län.iFjol), '--format', 'csv', '--ut', o], { env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(o, `${STEM}.csv`)).subarray(3).toString('utf8'));
    expect(new Set(rows.slice(1).map((x) => x[1]))).toEqual(new Set(['Örebro län']));
  });

  // A folder as a länsstyrelse keeps it may hold a kommun's graphic profile beside the project
  // files (as examples/ does): it is no project file, and is passed over with a notice, not
  // reported as unreadable. A profil.yaml with formatversion is a project file like any other.
  it('a folder with a profile (profil.yaml): passed over with a notice, exit 0; a project file named profil.yaml is read', () => {
    const dir = tempDir('fsstod-oversikt-profil-');
    const ut = tempDir('fsstod-oversikt-profil-ut-');
    cpSync(län.iFjol, join(dir, 'filer'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'profil'), join(dir, 'filer', 'profil'), { recursive: true });
    const r = runCli(['översikt', dir, '--format', 'csv', '--ut', ut], { env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    // (The path as the folder's files are shown: relative to the working directory, which differs from machine to machine.)
    expect(r.stderr).toMatch(/filer\/profil\/profil\.yaml: obs: en kommuns grafiska profil \(profil\.yaml\), ingen projektfil: hoppas över\n/);
    expect(r.stderr).not.toContain('kunde inte läsas');
    const csv = readFileSync(join(ut, `${STEM}.csv`)).toString('utf8');
    expect(csv).not.toContain('profil.yaml');
    // The same files, one of them named profil.yaml: read as the project file it is.
    const first = readdirSync(join(dir, 'filer')).filter((f) => f.endsWith('.yaml')).sort()[0]!;
    renameSync(join(dir, 'filer', first), join(dir, 'filer', 'profil.yaml'));
    rmSync(join(dir, 'filer', 'profil'), { recursive: true });
    const again = runCli(['översikt', dir, '--format', 'csv', '--ut', ut], { env: EPOCH });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('grafiska profil');
    expect(parseCsv(readFileSync(join(ut, `${STEM}.csv`)).subarray(3).toString('utf8')).length).toBe(parseCsv(csv.slice(1)).length);
  });

  it('--län riket: all 290 kommuner', () => {
    const o = tempDir('fsstod-oversikt4-');
    const r = runCli(['översikt', län.iFjol, '--län', 'riket', '--format', 'csv', '--ut', o], { env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(o, 'översikt-riket-2025-12-02.csv')).subarray(3).toString('utf8'));
    expect(new Set(rows.slice(1).map((x) => x[2])).size).toBe(290);
  });

  // From KOMPAKT_FRÅN kommuner on, each kommun is one row (the CSV keeps the details): the
  // whole country's document stays short enough to write in about the time of check.
  it.skipIf(lacks('pdftotext'))('--län riket: a compact document, one row per kommun and no section per kommun', async () => {
    const o = tempDir('fsstod-oversikt7-');
    const r = await runCliAsync(['översikt', län.iFjol, '--län', 'riket', '--format', 'pdf,html', '--ut', o], { env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const text = (await runTool('pdftotext', [join(o, 'översikt-riket-2025-12-02.pdf'), '-'])).replace(/\s+/g, ' ');
    expect(text).toContain('är därför kortfattad');
    expect(text).toContain('Luckor och svaga punkter per kommun');
    expect(text).not.toContain('Kommunerna i Örebro län');
    const html = readFileSync(join(o, 'översikt-riket-2025-12-02.html'), 'utf8');
    // Every kommun of the country is a row of the gaps table (Örebro län's with their gaps, the rest "–").
    const table = html.slice(html.indexOf('Luckor och svaga punkter per kommun'));
    for (const k of ['Kiruna', 'Trelleborg', 'Hallsberg', 'Lekeberg']) expect(table).toContain(`<td>${k}</td>`);
    expect(html).not.toMatch(/<h4[\s>]/); // no kommun has a section of its own (### is h4 under the title)
    // A weak spot no kommun of a län has: "ingen", not "Ej ifyllt" (nothing is missing).
    expect(html).toContain('<td>0</td><td>ingen</td>');
    expect(html).not.toMatch(/<td>0<\/td><td><em>Ej ifyllt/);
  }, 300_000);

  it('nothing readable: exit 2, no report, a Swedish message', () => {
    const o = tempDir('fsstod-oversikt5-');
    const r = runCli(['översikt', join(län.iÅr, 'trasig.yaml'), '--format', 'csv,html', '--ut', o], { env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen projektfil kunde läsas');
    expect(readdirSync(o)).toEqual([]);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it.each<[string, string[], RegExp]>([
    ['unknown län', ['--län', 'Atlantis'], /fel: okänt län "Atlantis"/],
    ['unknown format', ['--format', 'odt'], /fel: okänt format odt/],
    ['--jämför missing', ['--jämför', '/finns/inte'], /fel: --jämför \/finns\/inte finns inte/],
  ])('%s: exit 2 with a Swedish error', (_n, flags, re) => {
    const r = runCli(['översikt', län.iFjol, '--ut', tempDir('fsstod-oversikt6-'), ...flags], { env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
