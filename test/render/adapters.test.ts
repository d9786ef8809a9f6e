// Contract tests for the two adapters over library internals (issue 11 item 7): each calls the
// adapter on the installed library and asserts what it gives, and checks that a missing private
// shape gives the named internal error rather than a TypeError in a user's render. If docx or
// pdfkit is upgraded and changes the shape, these tests fail with the adapter's name.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, ImageRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import zlib from 'node:zlib';

/** An RGB PNG (colour type 2, no alpha) of one grey shade. Not rgbaPng: pdfkit splits an alpha
 *  channel asynchronously, so the order of its writes (which batchedWrites must keep) would
 *  depend on timing. */
function opaque(shade: number, w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(h * (1 + 3 * w), shade); for (let y = 0; y < h; y++) rows[y * (1 + 3 * w)] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
import { docxParts, DOCX_TESTED, imageRun } from '../../src/render/docx/adapter.js';
import { createHash } from 'node:crypto';
import { batchedWrites, escapeXmpInfo, PDFKIT_TESTED, tagCell } from '../../src/render/pdf/adapter.js';
import { tableDrawer, type Cell } from '../../src/render/pdf/table.js';
import { hyphenateLong } from '../../src/render/hyphen.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { installedVersion, LibraryShapeError } from '../../src/render/adapter-error.js';
import { xmlEscape } from '../../src/render/xml.js';
import { documentFont, FONTKIT_TESTED, openFont } from '../../src/render/font-files.js';
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
    const png = (shade: number) => opaque(shade, 2, 2);
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

  it("imageRun: the image's own bytes in word/media, named by the SHA-1 of their SHA-1, once per content; SVG and PNG fallback alike", async () => {
    const png = (shade: number) => opaque(shade, 2, 2);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>', 'utf8');
    const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();
    const t = { width: 2, height: 2 };
    const parts = docxParts(new Document({ sections: [{ children: [
      new Paragraph({ children: [imageRun({ type: 'png', data: png(10), transformation: t }), imageRun({ type: 'png', data: png(10), transformation: t })] }),
      new Paragraph({ children: [imageRun({ type: 'svg', data: svg, fallback: { type: 'png', data: png(20) }, transformation: t })] }),
    ] }] }));
    const media = parts.filter((p) => p.name.startsWith('word/media/'));
    const want = new Map([[png(10), 'png'], [svg, 'svg'], [png(20), 'png']].map(([b, ext]) => [`word/media/${sha1(sha1(b as Buffer)).toString('hex')}.${ext as string}`, b as Buffer]));
    expect(media.map((p) => p.name).sort()).toEqual([...want.keys()].sort());
    for (const p of media) expect((await p.data()).equals(want.get(p.name)!), p.name).toBe(true);
    const doc = (await parts.find((p) => p.name === 'word/document.xml')!.data()).toString('utf8');
    expect(doc).toMatch(/<asvg:svgBlip [^>]*r:embed="rId\d+"/);
  });

  it('the installed docx is the version the adapter was written for', () => {
    expect(installedVersion('docx')).toBe(DOCX_TESTED);
  });
});

describe('pdfkit adapter (pdf/adapter.ts: _addInfo, table cells) and table.ts', () => {
  const fonts = [['R', `${fontDir}/LiberationSans-Regular.ttf`], ['B', `${fontDir}/LiberationSans-Bold.ttf`]] as const;

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

  /** A tagged PDF with the bundled fonts, drawn by `draw` into its Document element; its bytes. */
  const taggedPdf = async (options: object, draw: (pdf: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement) => void, before?: (pdf: PDFKit.PDFDocument) => void) => {
    const pdf = new PDFDocument({ size: 'A4', pdfVersion: '1.7', tagged: true, lang: 'sv-SE', ...options } as PDFKit.PDFDocumentOptions);
    before?.(pdf);
    for (const [name, path] of fonts) pdf.registerFont(name, path);
    pdf.registerFont('I', `${fontDir}/LiberationSans-Italic.ttf`);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => pdf.on('end', r));
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    draw(pdf, root);
    root.end();
    pdf.end();
    await done;
    return Buffer.concat(chunks);
  };
  /** A tagged PDF with one table drawn by table.ts, uncompressed. */
  const tablePdf = (head: Cell[] | undefined, rows: Cell[][], widths: number[]) =>
    taggedPdf({ compress: false }, (pdf, root) => tableDrawer(pdf).drawTable({ id: 't', parent: root, x: 60, widths, ...(head ? { head } : {}), rows }));
  const c = (text: string, o: Partial<Cell> = {}): Cell => ({ text, font: 'R', size: 8.5, ...o });
  const cellAttrs = (raw: string) => [...raw.matchAll(/<<[^<>]*\/O \/Table[^<>]*>>/g)].map((m) => m[0]);

  it(`table cells: TH with Scope and no Headers; a TD lists its column's and its row's header (pdfkit ${PDFKIT_TESTED})`, async () => {
    const raw = (await tablePdf([c('Namn', { font: 'B', scope: 'Column' }), c('Värde', { font: 'B', scope: 'Column' })], [[c('a'), c('b')]], [100, 100])).toString('latin1');
    const attrs = cellAttrs(raw);
    expect(attrs.filter((a) => a.includes('/Scope /Column'))).toHaveLength(2);
    for (const a of attrs.filter((x) => x.includes('/Scope'))) expect(a).not.toMatch(/\/Headers/);
    expect(attrs.filter((a) => /\/Headers \[\(t-0-[01]\)\]/.test(a))).toHaveLength(2);
    expect(raw).toMatch(/\/S \/TH[\s\S]*\/ID \(t-0-0\)/);
    // A label/value table: the label is the row's header cell, and its value points at it.
    const labels = cellAttrs((await tablePdf(undefined, [[c('Beslut', { font: 'B', scope: 'Row' }), c('2025')]], [100, 100])).toString('latin1'));
    expect(labels.some((a) => a.includes('/Scope /Row'))).toBe(true);
    expect(labels.some((a) => a.includes('/Headers [(t-0-0)]'))).toBe(true);
  });

  it('a table cell with soft hyphens is set whole, hyphenated where it breaks, not cut with "…" (pdftotext)', async () => {
    const text = hyphenateLong('IND3 Andel deltagare som skattar förbättrad föräldraförmåga sex månader efter insatsen', 6);
    const pdf = await tablePdf(undefined, [[c(text), c('b')]], [70, 200]);
    const f = join(mkdtempSync(join(tmpdir(), 'fsstod-shy-')), 'a.pdf');
    writeFileSync(f, pdf);
    const out = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    expect(out).not.toContain('…');
    expect(out).toMatch(/insatsen/);
    expect(out).toMatch(/\p{L}-\n/u);
  });

  it.each([true, false])('batchedWrites: the same bytes as pdfkit writes by itself (compress %s; text, a table, an image, pages kept to the end)', async (compress) => {
    const png = opaque(200, 4, 6);
    const write = (batched: boolean) => taggedPdf({ compress, bufferPages: true, info: { Title: 'Prov', CreationDate: new Date(1764633600000) } }, (pdf, root) => {
      for (let k = 0; k < 3; k++) {
        root.add(pdf.struct('P', {}, () => { pdf.font('R').fontSize(11).text(`Stycke ${k}: Föräldraskapsstöd åäö ÅÄÖ – "citat" (parentes) \\ 100 %. `.repeat(40)); }));
        tableDrawer(pdf).drawTable({ id: `t${k}`, parent: root, x: 60, widths: [120, 200], head: [c('Namn', { font: 'B', scope: 'Column' }), c('Värde', { font: 'B', scope: 'Column' })], rows: [[c('a'), c('b')], [c('Örebro'), c('12 345')]] });
        root.add(pdf.struct('Figure', { alt: 'bild' }, () => { pdf.image(png, 60, pdf.y, { width: 40 }); }));
        pdf.addPage();
      }
      for (let i = 0; i < pdf.bufferedPageRange().count; i++) { pdf.switchToPage(i); pdf.font('R').fontSize(8).text(`Sida ${i + 1}`, 60, 30, { lineBreak: false }); }
    }, batched ? batchedWrites : undefined);
    const plain = await write(false), batched = await write(true);
    expect(plain.length).toBeGreaterThan(compress ? 20_000 : 50_000);
    expect(batched.equals(plain)).toBe(true);
  });

  it('a missing private shape gives the named internal error', () => {
    expect(() => escapeXmpInfo({} as PDFKit.PDFDocument, xmlEscape)).toThrow(LibraryShapeError);
    expect(() => escapeXmpInfo({} as PDFKit.PDFDocument, xmlEscape)).toThrow(/pdfkit .*saknar _addInfo/);
    expect(() => batchedWrites({} as PDFKit.PDFDocument)).toThrow(/pdfkit .*saknar dokumentets ref, _write och push/);
    const noDictionary = { struct: () => ({}) } as unknown as PDFKit.PDFDocument;
    expect(() => tagCell(noDictionary, {} as PDFKit.PDFStructureElement, 'TD', 'x', {}, () => {})).toThrow(/^internt fel: pdfkit \S+ saknar strukturelementets ordlista .*\(provat med pdfkit 0\.20\.2\)$/);
  });

  it('the installed pdfkit is the version the adapter was written for', () => {
    expect(installedVersion('pdfkit')).toBe(PDFKIT_TESTED);
  });
});

describe('fontkit (font-files.ts: a font of its own per PDF, sharing the decoded tables)', () => {
  const file = join(ROOT, 'assets', 'fonts', 'LiberationSans-Regular.ttf');
  type Internal = { _tables: object; getGlyph(id: number, cps?: number[]): { codePoints: number[] } };

  it('shares the tables, not the glyphs: a glyph another document took without its character still maps back to it', () => {
    const a = documentFont(file) as unknown as Internal & import('fontkit').Font, b = documentFont(file) as unknown as Internal & import('fontkit').Font;
    expect(a).not.toBe(b);
    expect(a._tables).toBe(b._tables);
    expect(a._tables).toBe((openFont(file) as unknown as Internal)._tables);
    const o = openFont(file).glyphForCodePoint(0x6f).id;
    // As a subset's composite glyphs (ö holds o) take their parts: by id, without the character.
    expect(a.getGlyph(o).codePoints).toEqual([]);
    expect(b.layout('o').glyphs[0]!.codePoints).toEqual([0x6f]);
  });

  it('the installed fontkit is the version font-files.ts was written for', () => {
    expect(installedVersion('fontkit')).toBe(FONTKIT_TESTED);
  });
});
