// The kommun's own design (render --profil, dokument.profil) and the DOCX as LibreOffice lays it
// out, read by programs we did not write: pdffonts, pdfimages, pdftotext, pdfinfo, soffice, pandoc
// and unzip; the profile's errors through the real CLI.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, ROOT, runCli, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { chartFont, rgbaPng, textWidth } from '../../src/render/charts.js';
import { loadProfil } from '../../src/render/profil.js';
import { withChromium } from '../helpers/axe.js';

const EXAMPLE = join(ROOT, 'examples/lindesberg/projekt.yaml');
const PROFIL = join(ROOT, 'examples/profil');
const ENV = { SOURCE_DATE_EPOCH: '1760000000' };
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const run = runTool;
const pick = (dir: string, doc: string, ext: string) => join(dir, readdirSync(dir).find((n) => n.includes(doc) && n.endsWith(`.${ext}`))!);

let plain: string; // no profile
let profiled: string; // --profil examples/profil
beforeAll(async () => {
  plain = tempDir('fsstod-profil-utan-');
  profiled = tempDir('fsstod-profil-med-');
  const [a, b] = await Promise.all([
    runCliAsync(['render', 'handlingsplan', EXAMPLE, '--format', 'docx,pdf,html', '--ut', plain], { env: ENV }),
    runCliAsync(['render', 'handlingsplan', EXAMPLE, '--format', 'docx,pdf,html', '--ut', profiled, '--profil', PROFIL], { env: ENV }),
  ]);
  if (a.code !== 0) throw new Error(a.stderr);
  if (b.code !== 0) throw new Error(b.stderr);
}, 180_000);

describe('render --profil examples/profil (the fictional kommun\'s design)', () => {
  it.skipIf(!have('pdffonts'))('PDF: the profile\'s font is embedded, the neutral one is gone', async () => {
    const fonts = await run('pdffonts', [pick(profiled, 'handlingsplan', 'pdf')]);
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.some((r) => /\+LiberationSerif\s/.test(r))).toBe(true);
    expect(rows.some((r) => /\+LiberationSerif-Bold\s/.test(r))).toBe(true);
    for (const r of rows) expect(r, r).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, unicode
    expect(fonts).not.toMatch(/LiberationSans/);
    expect(await run('pdffonts', [pick(plain, 'handlingsplan', 'pdf')])).toMatch(/LiberationSans/);
  });

  it.skipIf(!have('pdftotext'))('PDF in the profile\'s font: a soft hyphen inside a line is not drawn, only where a line breaks', async () => {
    // The profile's serif has a visible glyph for U+00AD: "för-sta-gångs-för-äld-rar" was printed.
    const t = await run('pdftotext', ['-layout', pick(profiled, 'handlingsplan', 'pdf'), '-']);
    expect(t).toContain('förstagångsföräldrar');
    expect(t).not.toMatch(/\p{L}-\p{L}+-\p{L}+-\p{L}/u);
    expect(t).not.toContain('\u00ad');
  });

  it.skipIf(!have('pdftotext') || !have('pdfinfo') || !have('qpdf'))('PDF: the header and footer text on every page but the cover; the logo is a figure with its alt text', async () => {
    const pdf = pick(profiled, 'handlingsplan', 'pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(await run('pdfinfo', [pdf]))![1]);
    expect(pages).toBeGreaterThan(5);
    const cover = await run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    expect(cover).not.toMatch(/Socialförvaltningen/);
    for (let p = 2; p <= pages; p++) {
      const t = await run('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']);
      expect(t, `sida ${p}`).toContain('Lindesbergs kommun · Handlingsplan för föräldraskapsstöd');
      // The profile's footer says {kommun}: the kommun of the project file, not the profile's own name.
      expect(t, `sida ${p}`).toContain('Lindesbergs kommun · Socialförvaltningen · Exempel – påhittade uppgifter');
      expect(t, `sida ${p}`).not.toMatch(/Exempelkommunen|\{kommun\}/);
      expect(t, `sida ${p}`).toContain(`Sida ${p} av ${pages}`);
    }
    // The logo is the cover's first element, a figure with alt text (qpdf shows the structure element's /Alt).
    expect((await run('pdfinfo', ['-struct-text', pdf])).split('\n').slice(0, 6).join('\n')).toMatch(/^Document\n\s+Figure\n[\s\S]*LINDESBERGS KOMMUN/);
    const qdf = await run('qpdf', ['--qdf', '--object-streams=disable', pdf, '-']);
    const alts = [...qdf.matchAll(/\/Alt <feff([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
    expect(alts).toContain('Exempelkommunens logotyp (påhittad)');
  });

  it.skipIf(!have('pdfimages'))('PDF: a PNG logo is an image on the cover', async () => {
    // A copy of the profile with a PNG logo (a 40 × 20 green block) in place of the SVG.
    const dir = tempDir('fsstod-profil-png-');
    cpSync(PROFIL, dir, { recursive: true });
    const rgba = new Uint8Array(40 * 20 * 4).map((_, i) => [11, 110, 79, 255][i % 4]!);
    writeFileSync(join(dir, 'logotyp.png'), rgbaPng(rgba, 40, 20));
    writeFileSync(join(dir, 'profil.yaml'), readFileSync(join(dir, 'profil.yaml'), 'utf8').replace('fil: logotyp.svg', 'fil: logotyp.png'));
    const out = tempDir('fsstod-profil-png-ut-');
    const r = await runCliAsync(['render', 'förankring', EXAMPLE, '--format', 'pdf', '--ut', out, '--profil', dir], { env: ENV });
    expect(r.stderr).toBe('');
    const list = await run('pdfimages', ['-f', '1', '-l', '1', '-list', pick(out, 'förankring', 'pdf')]);
    expect(list).toMatch(/^\s*1\s+\d+\s+image\s+40\s+20\s/m);
  });

  it.skipIf(!have('unzip') || !have('pandoc'))('DOCX: the Word template\'s styles, matched by name, with our own where it has none', async () => {
    const docx = pick(profiled, 'handlingsplan', 'docx');
    const styles = await run('unzip', ['-p', docx, 'word/styles.xml']);
    const doc = await run('unzip', ['-p', docx, 'word/document.xml']);
    // The template's (Swedish Word's ids): its heading 1 in the kommun's green and serif font.
    const h1 = /<w:style [^>]*w:styleId="Rubrik1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(h1).toMatch(/<w:name w:val="Heading 1"/);
    expect(h1).toMatch(/<w:color w:val="0B6E4F"/);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*Liberation Serif[\s\S]*<\/w:rPrDefault>/);
    expect(styles).not.toMatch(/w:styleId="Heading1"/);
    expect(doc).toMatch(/<w:pStyle w:val="Rubrik1"\/>/);
    expect(doc).not.toMatch(/<w:pStyle w:val="Heading1"\/>/);
    // Captions take the template's caption style ("Beskrivning"), ours added where it has none (toc 1).
    expect(styles).toMatch(/w:styleId="TOC1"/);
    expect(await run('unzip', ['-l', docx])).toMatch(/word\/theme\/theme1\.xml/);
    // pandoc reads the headings through the template's style names.
    const md = await run('pandoc', ['-f', 'docx', '-t', 'gfm', docx]);
    expect(md).toMatch(/^# Mål$/m);
    // The logo: an SVG with a PNG for readers without SVG, its alt text kept.
    expect(doc).toMatch(/<wp:docPr [^>]*descr="Exempelkommunens logotyp \(påhittad\)"/);
    expect(doc).toMatch(/asvg:svgBlip/);
  });

  it.skipIf(!have('soffice') || !have('pdffonts') || !have('pdftotext'))('DOCX: LibreOffice lays it out in the profile\'s font, with its header and footer but none on the cover', async () => {
    const conv = tempDir('fsstod-profil-lo-');
    const profile = tempDir('fsstod-lo-profil-');
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', conv, pick(profiled, 'handlingsplan', 'docx')], { timeout: 180_000 });
    const pdf = pick(conv, 'handlingsplan', 'pdf');
    expect(await run('pdffonts', [pdf])).toMatch(/LiberationSerif/);
    const cover = await run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    expect(cover).not.toMatch(/Sida \d+ av/);
    expect(cover).not.toMatch(/Socialförvaltningen/);
    const second = await run('pdftotext', ['-f', '2', '-l', '2', pdf, '-']);
    expect(second).toContain('Lindesbergs kommun · Handlingsplan för föräldraskapsstöd');
    expect(second).toContain('Lindesbergs kommun · Socialförvaltningen');
    expect(second).not.toMatch(/Exempelkommunen|\{kommun\}/);
    expect(second).toMatch(/Sida 2 av \d+/);
  }, 240_000);

  it('HTML: the colours, the logo and the font (embedded)', () => {
    const html = readFileSync(pick(profiled, 'handlingsplan', 'html'), 'utf8');
    expect(html).toMatch(/<img class="logotyp" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Exempelkommunens logotyp \(påhittad\)"/);
    expect(html).toMatch(/@font-face\{font-family:"Liberation Serif";font-weight:700;font-style:normal;src:url\(data:font\/ttf;base64,/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(css).toContain('h1.n1,h2.n1{color:#0b6e4f;'); // a chapter heading (h2 under the title, A's hierarchy)
    expect(css).toContain('th{background:#e3f1ec}');
    expect(css).toContain('body{font-family:"Liberation Serif","Liberation Sans"');
    expect(css).not.toContain('#1f5fa8');
    const neutral = readFileSync(pick(plain, 'handlingsplan', 'html'), 'utf8');
    expect(neutral).toContain('h1.n1,h2.n1{color:#1f5fa8;');
    expect(neutral).not.toMatch(/@font-face|class="logotyp"/);
  });

  it.skipIf(!have('chromium'))('charts are set in the profile\'s font and measured with it: Chromium\'s widths of the chart texts are ours', async () => {
    const html = pick(profiled, 'handlingsplan', 'html');
    // Every text of every chart: its font as Chromium resolves it, and its width as Chromium lays it out in that font.
    const probe = `document.fonts.ready.then(() => [...document.querySelectorAll('figure svg text')].map(t => {
      const cs = getComputedStyle(t);
      return { s: t.textContent, family: cs.fontFamily, size: parseFloat(cs.fontSize), bold: cs.fontWeight >= 600, italic: cs.fontStyle === 'italic', w: t.getComputedTextLength() };
    }))`;
    const texts: { s: string; family: string; size: number; bold: boolean; italic: boolean; w: number }[] = await withChromium((b) => b.evaluate(html, probe));
    expect(texts.length).toBeGreaterThan(30);
    const font = await chartFont(loadProfil(PROFIL).typsnitt!);
    const off: string[] = [];
    for (const t of texts) {
      expect(t.family, t.s).toMatch(/^"?Liberation Serif"?,/);
      if (t.s.trim().length < 4) continue;
      const ours = textWidth(t.s, t.size, t.bold ? 'Bold' : t.italic ? 'Italic' : 'Regular', font);
      // Kerning and rounding aside (the layout keeps 2 % for them), the widths are the same.
      if (Math.abs(ours - t.w) > 0.02 * t.w + 0.5) off.push(`${t.s}: vår ${ours.toFixed(1)}, Chromium ${t.w.toFixed(1)}`);
    }
    expect(off).toEqual([]);
  }, 120_000);

  it('DOCX: the charts\' SVG names the profile\'s font', async () => {
    const list = await run('unzip', ['-Z1', pick(profiled, 'handlingsplan', 'docx')]);
    const svgs = list.split('\n').filter((f) => f.startsWith('word/media/') && f.endsWith('.svg'));
    const charts = (await Promise.all(svgs.map((f) => run('unzip', ['-p', pick(profiled, 'handlingsplan', 'docx'), f])))).filter((x) => x.includes('<text'));
    expect(charts.length).toBeGreaterThan(0);
    for (const svg of charts) for (const m of svg.matchAll(/font-family="([^"]*)"/g)) expect(m[1]).toMatch(/^'Liberation Serif', /);
  });

  it('the project file can name the profile (dokument.profil, relative to the file)', async () => {
    const dir = tempDir('fsstod-profil-fil-');
    mkdirSync(join(dir, 'plan'));
    cpSync(PROFIL, join(dir, 'profil'), { recursive: true });
    const text = readFileSync(EXAMPLE, 'utf8').replace(/^beslut:/m, 'dokument:\n  profil: ../profil\n\nbeslut:');
    writeFileSync(join(dir, 'plan', 'projekt.yaml'), text);
    const r = runCli(['render', 'handlingsplan', join('plan', 'projekt.yaml'), '--format', 'html', '--ut', 'ut'], { cwd: dir, env: ENV });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(pick(join(dir, 'ut'), 'handlingsplan', 'html'), 'utf8')).toContain('class="logotyp"');
    // A folder that is not there: the project file's line, exit 2.
    writeFileSync(join(dir, 'plan', 'projekt.yaml'), text.replace('profil: ../profil', 'profil: ../finns-inte'));
    const bad = runCli(['render', 'handlingsplan', join('plan', 'projekt.yaml'), '--format', 'html', '--ut', 'ut'], { cwd: dir, env: ENV });
    expect(bad.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('profil: ../profil')) + 1;
    expect(bad.stderr).toContain(`plan/projekt.yaml:${line}:`);
    expect(bad.stderr).toMatch(/dokument\.profil: mappen \.\.\/finns-inte finns inte/);
    expect(hasStackTrace(bad.stderr)).toBe(false);
  });
});

describe('a profile with a mistake: a Swedish error at profil.yaml\'s line, exit 2', () => {
  const cases: [string, (yaml: string) => string, RegExp][] = [
    ['a colour that is no colour', (y) => y.replace('primär: "#0b6e4f"', 'primär: grön'), /profil\.yaml:\d+:\d+: .*färger\.primär: "grön" är ingen färg som #rrggbb/],
    ['an unknown field', (y) => `${y}\nfärg: blå\n`, /okänt fält "färg" i profilen/],
    ['a font file that is missing', (y) => y.replace('fet: LiberationSerif-Bold.ttf', 'fet: Saknas-Bold.ttf'), /typsnitt\.fet: filen Saknas-Bold\.ttf finns inte i profilmappen/],
    ['a logo that is neither SVG nor PNG', (y) => y.replace('fil: logotyp.svg', 'fil: logotyp.gif'), /logotyp\.fil: logotyp\.gif ska vara en SVG- eller PNG-fil/],
    ['a font file that is no font', (y) => y.replace('kursiv: LiberationSerif-Italic.ttf', 'kursiv: trasig.ttf'), /typsnitt\.kursiv: trasig\.ttf är ingen TrueType- eller OpenType-fil/],
    ['a Word template that is no Word file', (y) => y.replace('wordmall: mall.docx', 'wordmall: trasig.docx'), /wordmall: trasig\.docx är ingen Word-fil med formatmallar/],
    ['invalid YAML', (y) => `${y}\nsidfot: [\n`, /profilen är inte giltig YAML/],
  ];
  it.each(cases)('%s', (_, change, message) => {
    const dir = tempDir('fsstod-profil-fel-');
    cpSync(PROFIL, dir, { recursive: true });
    writeFileSync(join(dir, 'trasig.ttf'), 'inte ett typsnitt');
    writeFileSync(join(dir, 'trasig.docx'), 'inte en zip');
    writeFileSync(join(dir, 'logotyp.gif'), 'GIF89a');
    writeFileSync(join(dir, 'profil.yaml'), change(readFileSync(join(PROFIL, 'profil.yaml'), 'utf8')));
    const r = runCli(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', join(dir, 'ut'), '--profil', dir], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('--profil naming no folder', () => {
    const r = runCli(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', tempDir(), '--profil', '/finns/inte'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/profilmappen \/finns\/inte finns inte eller är ingen mapp/);
  });
});
