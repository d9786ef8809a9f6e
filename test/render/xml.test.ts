// No writer emits a character outside XML 1.0's Char production, nor malformed XML, whatever the
// text in the model holds: control characters, a lone surrogate, U+FFFE, and & < > " in the names
// that pdfkit copies into the PDF's XMP metadata.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { join } from 'node:path';
import { writeHtml } from '../../src/render/html/write.js';
import { writeDocx } from '../../src/render/docx/write.js';
import { writePdf } from '../../src/render/pdf/write.js';
import { chartPng, chartSvg } from '../../src/render/charts.js';
import { xmlChars } from '../../src/render/xml.js';
import { NOT_XML_CHAR_SOURCE } from '../../src/project/chars.js';
import type { Block, DocModel } from '../../src/render/model.js';
import { ROOT } from '../helpers/cli.js';

const BAD = 'a\u0001b\u0008c\u000Bd\u001Fe\uD800f\uFFFEg\uDC00';
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;
const wellFormed = (xml: string) => spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });

const figure: Block = { kind: 'figure', chart: { typ: 'faktorer', skala: ['låg', 'hög'], rader: [{ etikett: `Etikett ${BAD} & <x>`, värde: 2 }] }, alt: `Alt ${BAD}`, caption: `Figur 1. ${BAD}`, nummer: 1 };
const model: DocModel = {
  meta: { dokument: 'lägesbild', titel: `Titel ${BAD}`, projekt: `Projekt & <b> "${BAD}"`, kommun: `A & B <c> ${BAD}`, period: '', version: '1', status: 'utkast', diarienummer: BAD, datum: '2025-10-09', tid: new Date('2025-10-09T00:00:00Z'), exempel: false, lang: 'sv-SE' },
  blocks: [
    { kind: 'cover' },
    { kind: 'heading', level: 1, text: [{ text: `Rubrik ${BAD}` }], id: 'rubrik' },
    { kind: 'paragraph', text: [{ text: `Stycke ${BAD}` }] },
    { kind: 'table', header: [[{ text: `H ${BAD}`, bold: true }]], rows: [[[{ text: `C ${BAD}` }]]] },
    figure,
  ],
};
const fontDir = join(ROOT, 'assets', 'fonts');

describe('XML 1.0 characters only, in every writer', () => {
  it('xmlChars replaces each character outside Char with U+FFFD and warns once', () => {
    const warns: string[] = [];
    expect(xmlChars(BAD, (w) => warns.push(w))).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFD');
    expect(warns).toHaveLength(1);
    expect(xmlChars('å\t\n\r😀\uFFFD', () => { throw new Error('no warning for good text'); })).toBe('å\t\n\r😀\uFFFD');
  });

  // xmlChars looks first without the u flag and only by code point where that finds something:
  // every kind of character, alone and in pairs, gives what the code-point reading alone gives.
  it.each([
    ['plain Swedish', 'Föräldraskapsstöd för alla – 0–17 år', false],
    ['a pair (emoji)', 'a😀b', false],
    ['pairs only', '😀😀', false],
    ['a high surrogate alone', 'a\uD800b', true],
    ['a low surrogate alone', 'a\uDC00b', true],
    ['a low then a high', '\uDC00\uD800', true],
    ['a pair then a lone high at the end', '😀\uD83D', true],
    ['U+FFFE and U+FFFF', 'x\uFFFEy\uFFFF', true],
    ['C0 controls but tab, LF, CR', '\u0001\t\n\r\u001f', true],
    ['U+FFFD itself', '\uFFFD', false],
    ['the last BMP characters before the surrogates and after', '\uD7FF\uE000', false],
  ])('xmlChars: %s', (_n, text, bad) => {
    const byCodePoint = text.replace(new RegExp(NOT_XML_CHAR_SOURCE, 'gu'), '\uFFFD');
    const warns: string[] = [];
    expect(xmlChars(text, (w) => warns.push(w))).toBe(byCodePoint);
    expect(warns.length).toBe(bad ? 1 : 0);
  });

  it('xmlChars: random texts of every kind of character, as the code-point reading', () => {
    const pool = ['a', 'ö', '\t', '\n', '\u0000', '\u0008', '\u000b', '\u007f', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFD', '\uFFFE', '\uFFFF', '😀'];
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + rnd(12) }, () => pool[rnd(pool.length)]).join('');
      expect(xmlChars(text), JSON.stringify(text)).toBe(text.replace(new RegExp(NOT_XML_CHAR_SOURCE, 'gu'), '\uFFFD'));
    }
  });

  it('HTML (with its inline SVG)', () => {
    const warns: string[] = [];
    const html = writeHtml(model, (w) => warns.push(w));
    expect(NOT_XML.test(html)).toBe(false);
    expect(html).toContain('Stycke a\uFFFDb');
    expect(warns.join('\n')).toMatch(/ersattes med �/);
    expect(NOT_XML.test(chartSvg(figure.kind === 'figure' ? figure.chart : (null as never), BAD))).toBe(false);
  });

  it('DOCX: every XML part', async () => {
    const warns: string[] = [];
    const images = new Map([[figure, await chartPng((figure as Extract<Block, { kind: 'figure' }>).chart, 'x', fontDir)]]);
    const zip = await JSZip.loadAsync(await writeDocx(model, images, (w) => warns.push(w)));
    const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(parts).toContain('word/document.xml');
    for (const n of parts) {
      const xml = await zip.file(n)!.async('string');
      expect(NOT_XML.test(xml), n).toBe(false);
      if (hasXmllint) expect(wellFormed(xml).stderr, n).toBe('');
    }
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Stycke a\uFFFDb');
    expect(warns.join('\n')).toMatch(/DOCX.*ersattes med �/);
  });

  it.skipIf(!hasXmllint)('PDF: the XMP metadata is well-formed XML with the names escaped (needs xmllint)', async () => {
    const images = new Map([[figure, await chartPng((figure as Extract<Block, { kind: 'figure' }>).chart, 'x', fontDir)]]);
    const pdf = (await writePdf(model, images, fontDir, () => {})).toString('utf8');
    const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(pdf)?.[0];
    expect(xmp).toBeDefined();
    expect(NOT_XML.test(xmp!)).toBe(false);
    expect(wellFormed(xmp!).stderr).toBe('');
    expect(xmp).toContain('A &amp; B &lt;c&gt; a\uFFFDb');
  });
});
