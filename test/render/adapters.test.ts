// Contract tests for the two adapters over library internals (issue 11 item 7): each calls the
// adapter on the installed library and asserts what it gives, and checks that a missing private
// shape gives the named internal error rather than a TypeError in a user's render. If docx or
// pdfkit is upgraded and changes the shape, these tests fail with the adapter's name.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, ImageRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { opaquePng } from '../../src/render/charts.js';
import { docxParts, DOCX_TESTED } from '../../src/render/docx/adapter.js';
import { cacheFontsByPath, escapeXmpInfo, hyphenAwareBounds, noSelfHeaders, PDFKIT_TESTED } from '../../src/render/pdf/adapter.js';
import { hyphenateLong } from '../../src/render/hyphen.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { installedVersion, LibraryShapeError } from '../../src/render/adapter-error.js';
import { xmlEscape } from '../../src/render/xml.js';
import { ROOT } from '../helpers/cli.js';

const fontDir = join(ROOT, 'assets', 'fonts');

describe('docx adapter (docx/adapter.ts: Packer.compiler)', () => {
  it(`gives the package parts of a Document, in name order (docx ${DOCX_TESTED})`, async () => {
    const parts = docxParts(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Hej & hå')] })] }] }));
    const names = parts.map((p) => p.name);
    expect(names).toEqual([...names].sort());
    for (const n of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) expect(names).toContain(n);
    const doc = (await parts.find((p) => p.name === 'word/document.xml')!.data()).toString('utf8');
    expect(doc).toMatch(/^<\?xml/);
    expect(doc).toContain('Hej &amp; hå');
  });

  it('a Packer without compiler gives the named internal error', () => {
    expect(() => docxParts(new Document({ sections: [] }), {})).toThrow(LibraryShapeError);
    expect(() => docxParts(new Document({ sections: [] }), {})).toThrow(/^internt fel: docx \S+ saknar Packer\.compiler\.compile\(\), som fsstöd använder \(provat med docx 9\.5\.1\)$/);
    const replacers = { imageReplacer: { replace: () => '', getMediaData: () => [] }, numberingReplacer: { replace: () => '' } };
    expect(() => docxParts(new Document({ sections: [] }), { compiler: { compile: () => ({}), ...replacers } })).toThrow(/docx .*saknar filerna/);
    expect(() => docxParts(new Document({ sections: [] }), { compiler: { compile: () => ({}), numberingReplacer: replacers.numberingReplacer } })).toThrow(/docx .*saknar Packer\.compiler\.imageReplacer/);
    expect(() => docxParts(new Document({ sections: [] }), { compiler: { compile: () => ({}), imageReplacer: replacers.imageReplacer } })).toThrow(/docx .*saknar Packer\.compiler\.numberingReplacer/);
  });

  it("puts the images' and lists' ids into the XML as docx's own replacers do (one pass instead of one per image and list)", async () => {
    // A fresh compiler of docx's own class has docx's replacers; Packer.compiler gets the fast ones.
    const Own = (Packer as unknown as { compiler: { constructor: new () => { compile(d: Document): { files: Record<string, { async(t: 'string'): Promise<string> }> } } } }).compiler.constructor;
    const png = (shade: number) => opaquePng(new Uint8Array(4 * 4).fill(shade), 2, 2);
    // compile() adds relationships to the Document, so each compiler gets its own, made alike.
    const make = () => new Document({
      numbering: { config: ['a', 'b'].map((reference) => ({ reference, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] })) },
      sections: [{ children: [
        ...[1, 2, 3].map((i) => new Paragraph({ numbering: { reference: i === 2 ? 'b' : 'a', level: 0, instance: i }, children: [new TextRun(`punkt ${i} {inte en platshållare}`)] })),
        ...[10, 20, 10].map((shade) => new Paragraph({ children: [new ImageRun({ type: 'png', data: png(shade), transformation: { width: 2, height: 2 } })] })),
      ] }],
    });
    const parts = docxParts(make());
    const own = new Own().compile(make());
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']) {
      const fast = (await parts.find((p) => p.name === name)!.data()).toString('utf8');
      expect(fast, name).toBe(await own.files[name]!.async('string'));
      expect(fast, name).not.toMatch(/\{[0-9a-f]{40}\.png\}|\{[ab]-\d\}/);
    }
    expect((await parts.find((p) => p.name === 'word/document.xml')!.data()).toString('utf8')).toContain('{inte en platshållare}');
  });

  it('the installed docx is the version the adapter was written for', () => {
    expect(installedVersion('docx')).toBe(DOCX_TESTED);
  });
});

describe('pdfkit adapter (pdf/adapter.ts: font cache, _addInfo)', () => {
  const fonts = [['R', `${fontDir}/LiberationSans-Regular.ttf`], ['B', `${fontDir}/LiberationSans-Bold.ttf`]] as const;
  const internals = (pdf: PDFKit.PDFDocument) => pdf as unknown as { _font: unknown };

  it(`caches each font under its path, so that font(path) does not load it again (pdfkit ${PDFKIT_TESTED})`, () => {
    const pdf = new PDFDocument({ autoFirstPage: false });
    for (const [name, path] of fonts) pdf.registerFont(name, path);
    cacheFontsByPath(pdf, fonts);
    for (const [name, path] of fonts) {
      pdf.font(name);
      const byName = internals(pdf)._font;
      pdf.font(path);
      expect(internals(pdf)._font, path).toBe(byName);
    }
  });

  it('writes the XMP metadata with the Info strings escaped, and the Info dictionary plain', async () => {
    const pdf = new PDFDocument({ info: { Title: 'A & B <c>' }, pdfVersion: '1.7', tagged: true, lang: 'sv-SE' } as PDFKit.PDFDocumentOptions);
    escapeXmpInfo(pdf, xmlEscape);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => pdf.on('end', r));
    pdf.end();
    await done;
    const raw = Buffer.concat(chunks).toString('latin1');
    const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(raw)?.[0];
    expect(xmp, 'pdfkit skriver ingen XMP-metadata längre').toBeDefined();
    expect(xmp).toContain('A &amp; B &lt;c&gt;');
    expect(xmp).not.toContain('A & B <c>');
  });

  it('header cells of a tagged table do not list themselves in Headers; data cells list their header', async () => {
    const write = async (fix: boolean) => {
      const pdf = new PDFDocument({ pdfVersion: '1.7', tagged: true, lang: 'sv-SE', compress: false } as PDFKit.PDFDocumentOptions);
      if (fix) noSelfHeaders(pdf);
      const chunks: Buffer[] = [];
      pdf.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((r) => pdf.on('end', r));
      const root = pdf.struct('Document');
      pdf.addStructure(root);
      const t = pdf.table({ id: 't', structParent: root } as PDFKit.Mixins.TableOptions);
      t.row([{ text: 'Namn', type: 'TH', scope: 'column' }, { text: 'Värde', type: 'TH', scope: 'column' }] as never);
      t.row(['a', 'b'] as never);
      t.end();
      root.end();
      pdf.end();
      await done;
      return Buffer.concat(chunks).toString('latin1');
    };
    // pdfkit itself: the first header cell's attributes name the cell (t-0-0) as its own header.
    const cellAttrs = (raw: string, id: string) => [...raw.matchAll(/<<[^<>]*\/O \/Table[^<>]*>>/g)].map((m) => m[0]).filter((a) => a.includes(`(${id})`));
    const plain = await write(false);
    expect(cellAttrs(plain, 't-0-0').some((x) => x.includes('/Scope'))).toBe(true);
    const fixed = await write(true);
    for (const a of [...fixed.matchAll(/<<[^<>]*\/O \/Table[^<>]*\/Scope[^<>]*>>/g)].map((m) => m[0])) expect(a).not.toMatch(/\/Headers/);
    expect(cellAttrs(fixed, 't-0-0').length).toBeGreaterThan(0); // a data cell still points at its header
  });

  it('a table cell with soft hyphens is set whole, hyphenated where it breaks, not cut with "…" (pdftotext)', async () => {
    const text = hyphenateLong('IND3 Andel deltagare som skattar förbättrad föräldraförmåga sex månader efter insatsen', 6);
    // A column width where pdfkit's own second measurement (at the width it reported) is a line taller.
    const probe = new PDFDocument({ size: 'A4' });
    probe.registerFont('R', fonts[0][1]);
    probe.font('R').fontSize(8.5);
    const narrow = [...Array(60).keys()].map((i) => 40 + i).find((w) => {
      const first = probe.boundsOfString(text, 0, 0, { width: w });
      return probe.boundsOfString(text, 0, 0, { width: first.width }).height > first.height;
    });
    expect(narrow, 'pdfkit mäter nu bindestrecket själv: ta bort hyphenAwareBounds').toBeDefined();
    const write = async (fix: boolean) => {
      const pdf = new PDFDocument({ size: 'A4' });
      if (fix) hyphenAwareBounds(pdf);
      pdf.registerFont('R', fonts[0][1]);
      pdf.font('R').fontSize(8.5);
      const chunks: Buffer[] = [];
      pdf.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((r) => pdf.on('end', r));
      pdf.table({ columnStyles: [narrow! + 2 * 3, 200], defaultStyle: { padding: 3 }, data: [[text, 'b']] } as PDFKit.Mixins.TableOptionsWithData);
      pdf.end();
      await done;
      const f = join(mkdtempSync(join(tmpdir(), 'fsstod-shy-')), 'a.pdf');
      writeFileSync(f, Buffer.concat(chunks));
      return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    };
    // pdfkit itself measures the cell without the hyphen it draws, wraps again narrower and cuts the last line.
    expect(await write(false)).toContain('…');
    const fixed = await write(true);
    expect(fixed).not.toContain('…');
    expect(fixed).toMatch(/insatsen/);
    expect(fixed).toMatch(/\p{L}-\n/u);
  });

  it('a missing private shape gives the named internal error', () => {
    const fake = { font: () => undefined } as unknown as PDFKit.PDFDocument;
    expect(() => cacheFontsByPath(fake, fonts)).toThrow(/^internt fel: pdfkit \S+ saknar typsnittscachen _fontFamilies, som fsstöd använder \(provat med pdfkit 0\.20\.2\)$/);
    expect(() => escapeXmpInfo({} as PDFKit.PDFDocument, xmlEscape)).toThrow(LibraryShapeError);
    expect(() => escapeXmpInfo({} as PDFKit.PDFDocument, xmlEscape)).toThrow(/pdfkit .*saknar _addInfo/);
    expect(() => noSelfHeaders({} as PDFKit.PDFDocument)).toThrow(LibraryShapeError);
    expect(() => hyphenAwareBounds({} as PDFKit.PDFDocument)).toThrow(LibraryShapeError);
  });

  it('the installed pdfkit is the version the adapter was written for', () => {
    expect(installedVersion('pdfkit')).toBe(PDFKIT_TESTED);
  });
});
