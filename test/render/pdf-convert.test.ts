// The build changes pdfkit's PDFObject.convert (scripts/pdfkit-convert.mjs fastConvert) so that
// numbers, references and text strings are written sooner: every kind of value it writes, with
// and without encryption, comes out as pdfkit's own convert writes it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error: a plain .mjs of the build's, without types
import { fastConvert } from '../../scripts/pdfkit-convert.mjs';

type Convert = (v: unknown, encryptFn?: ((b: Uint8Array) => Uint8Array) | null) => string;
interface Pdfkit { PDFObject: { convert: Convert }; Ref: new () => object; Tree: new (o?: object) => { add(k: string, v: unknown): void } }

const file = join(ROOT, 'node_modules', 'pdfkit', 'js', 'pdfkit.node.mjs');
const source = readFileSync(file, 'utf8');
// Beside the packages pdfkit imports (node_modules/.cache resolves them from the project's node_modules).
const dir = join(ROOT, 'node_modules', '.cache', `fsstod-pdf-convert-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function variant(name: string, text: string): Promise<Pdfkit> {
  mkdirSync(dir, { recursive: true });
  const f = join(dir, `${name}.mjs`);
  writeFileSync(f, `${text}\nexport { PDFObject as __PDFObject, PDFAbstractReference as __Ref, PDFTree as __Tree };\n`);
  const m = await import(pathToFileURL(f).href);
  return { PDFObject: m.__PDFObject, Ref: m.__Ref, Tree: m.__Tree };
}

describe('pdfkit PDFObject.convert as the build bundles it', async () => {
  const own = await variant('own', source);
  const fast = await variant('fast', fastConvert(source, file));
  const values = (p: Pdfkit): [string, unknown][] => {
    class Ref extends (p.Ref as new () => object) { toString() { return '12 0 R'; } }
    class Names extends (p.Tree as new (o?: object) => { add(k: string, v: unknown): void }) { _compareKeys(a: string, b: string) { return a.localeCompare(b); } _keysName() { return 'Names'; } _dataForKey(k: string) { return new String(k); } }
    const tree = new Names();
    tree.add('b', new String('två')); tree.add('a', 1);
    return [
      ['an integer', 42], ['zero', 0], ['minus zero', -0], ['a fraction', 1.234567891], ['a negative', -5.5], ['a large number', 1e20],
      ['a name', 'StructElem'], ['an empty name', ''],
      ['ASCII text', new String('t-0-1')], ['empty text', new String('')], ['text to escape', new String('a(b)c\\d\n\r\t\b\f')],
      ['Swedish text', new String('Örebro län – åäö')], ['a pair (emoji)', new String('😀 ok')],
      ['a character whose low byte is "("', new String('\u0128')], ['both bytes a backslash', new String('\u5c5c')], ['a byte that is LF', new String('\u010a')],
      ['long Unicode text (over one chunk)', new String('ö'.repeat(40_000))], ['long ASCII text', new String('x'.repeat(70_000))],
      ['an array, with holes', [1, undefined, null, 'N', new String('s'), [2, 3]]], ['an empty array', []],
      ['a dictionary', { Type: 'StructElem', S: 'TD', K: [1, 2], A: { O: 'Table', Headers: [new String('t-0-1'), new String('t-1-0')] }, X: undefined, P: new Ref() }],
      ['a date', new Date(Date.UTC(2025, 11, 2, 9, 5, 7))], ['bytes', new Uint8Array([0, 1, 0xfe, 0xff])],
      ['a reference', new Ref()], ['a name tree', tree],
      ['true', true], ['false', false], ['null', null], ['undefined', undefined],
    ];
  };
  const encrypt = (b: Uint8Array) => b.map((x) => x ^ 0x5a);
  const cases = values(own).map(([n], i) => [n, i] as [string, number]);

  it.each(cases)('%s', (_n, i) => {
    const a = values(own)[i]![1], b = values(fast)[i]![1];
    expect(fast.PDFObject.convert(b)).toBe(own.PDFObject.convert(a));
    expect(fast.PDFObject.convert(b, encrypt)).toBe(own.PDFObject.convert(a, encrypt));
  });

  it('a number pdfkit cannot write is refused alike', () => {
    for (const n of [NaN, Infinity, 1e22]) expect(() => fast.PDFObject.convert(n)).toThrow(/unsupported number/);
  });

  it('the change is made (or the build stops)', () => {
    expect(fastConvert(source, file)).not.toBe(source);
    expect(() => fastConvert(source.replace('static convert(object, encryptFn = null) {', 'static convert(object, encrypt = null) {'), file)).toThrow(/PDFObject.convert ser inte ut som väntat/);
  });
});
