// The one place fsstöd reaches into docx's internals: Packer's private `compiler`, which turns a
// Document into its package parts (a JSZip object) before zipping. Packer's public toBuffer
// would deflate everything in JavaScript with today's date; fsstöd zips the parts itself
// (sorted, fixed dates, Node's zlib). And the compiler's two replacers, which put the images'
// relationship ids and the lists' numbering ids into the XML with one regular expression per
// image and per list over the whole document (an översikt of the country: 60 charts and 80 lists
// over 3 MB of XML, a second of the render): here each is one pass with a lookup.
// And ImageRun, which names each image by the SHA-1 of its bytes, computed in JavaScript (a
// tenth of the country's DOCX): imageRun() hashes them with Node's crypto and has docx hash
// only that digest, then gives the run its image bytes back.
// docx 9.15 changed this shape: if it is missing, this throws a named internal error, and
// test/render/adapters.test.ts fails before a user's render does.
import { createHash } from 'node:crypto';
import { ImageRun, Packer, type Document, type IImageOptions } from 'docx';
import { LibraryShapeError } from '../adapter-error.js';

export const DOCX_TESTED = '9.5.1';

export interface DocxPart { name: string; data(): Promise<Buffer> }

interface JsZipLike { files: Record<string, { dir: boolean; async(type: 'nodebuffer'): Promise<Buffer> }> }
interface MediaLike { fileName: string }
interface ImageReplacerLike { replace(xml: string, media: MediaLike[], offset: number): string; getMediaData(xml: string, media: { Array: MediaLike[] }): MediaLike[] }
interface NumberingReplacerLike { replace(xml: string, numberings: { reference: string; instance: number; numId: number }[]): string }
interface CompilerLike { compile(d: Document): JsZipLike; imageReplacer?: ImageReplacerLike; numberingReplacer?: NumberingReplacerLike }

/** Every "{placeholder}" of the XML replaced by its value in one pass; others are left as they are. */
const replaceAll = (xml: string, values: Map<string, string>) => (values.size ? xml.replace(/\{([^{}<>]+)\}/g, (all, k: string) => values.get(k) ?? all) : xml);

const fast = new WeakSet<object>();
/** The compiler's replacers as one pass each: the same output as docx's own (one RegExp per image and per list). */
function fastReplacers(compiler: Partial<CompilerLike>): void {
  if (fast.has(compiler)) return;
  const img = compiler.imageReplacer, num = compiler.numberingReplacer;
  if (!img || typeof img.replace !== 'function' || typeof img.getMediaData !== 'function') throw new LibraryShapeError('docx', DOCX_TESTED, 'Packer.compiler.imageReplacer');
  if (!num || typeof num.replace !== 'function') throw new LibraryShapeError('docx', DOCX_TESTED, 'Packer.compiler.numberingReplacer');
  img.replace = (xml, media, offset) => replaceAll(xml, new Map(media.map((m, i) => [m.fileName, String(offset + i)])));
  // The media the XML names, in the media's order (docx: xml.search(`{name}`) > 0 for each).
  img.getMediaData = (xml, media) => {
    const named = new Set<string>();
    for (const m of xml.matchAll(/\{([^{}<>]+)\}/g)) if (m.index > 0) named.add(m[1]!);
    return media.Array.filter((m) => named.has(m.fileName));
  };
  num.replace = (xml, numberings) => replaceAll(xml, new Map(numberings.map((n) => [`${n.reference}-${n.instance}`, String(n.numId)])));
  fast.add(compiler);
}

/** The document's package parts (files only, no folders), in name order. `packer` is for the contract test. */
export function docxParts(document: Document, packer: unknown = Packer): DocxPart[] {
  const compiler = (packer as { compiler?: Partial<CompilerLike> }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new LibraryShapeError('docx', DOCX_TESTED, 'Packer.compiler.compile()');
  fastReplacers(compiler);
  const zip = compiler.compile(document);
  if (!zip || typeof zip.files !== 'object' || zip.files === null) throw new LibraryShapeError('docx', DOCX_TESTED, 'filerna (files) i Packer.compiler.compile():s resultat');
  return Object.keys(zip.files).sort().flatMap((name) => {
    const f = zip.files[name]!;
    if (f.dir) return [];
    if (typeof f.async !== 'function') throw new LibraryShapeError('docx', DOCX_TESTED, `async() på delen ${name} i Packer.compiler.compile():s resultat`);
    return [{ name, data: () => f.async('nodebuffer') }];
  });
}

interface ImageDataLike { data: unknown; fileName: string; fallback?: ImageDataLike }

/** The image options fsstöd passes: the bytes as a Buffer (docx also takes strings, which it decodes itself). */
type ImageOptions = IImageOptions & { data: Buffer } & ({ type: 'svg'; fallback: { data: Buffer } } | { type: 'png' | 'jpg' | 'gif' | 'bmp' });

/** An ImageRun as docx makes it, its media named by the SHA-1 (hex) of the SHA-1 of the bytes instead of the SHA-1 of the bytes. */
export function imageRun(o: ImageOptions): ImageRun {
  const digest = (b: Buffer) => createHash('sha1').update(b).digest();
  const run = new ImageRun(o.type === 'svg' ? { ...o, data: digest(o.data), fallback: { ...o.fallback, data: digest(o.fallback.data) } } : { ...o, data: digest(o.data) });
  const d = (run as unknown as { imageData?: ImageDataLike }).imageData;
  if (!d || !(d.data instanceof Uint8Array) || typeof d.fileName !== 'string' || (o.type === 'svg') !== Boolean(d.fallback)) throw new LibraryShapeError('docx', DOCX_TESTED, 'ImageRun.imageData');
  d.data = o.data;
  if (o.type === 'svg') d.fallback!.data = o.fallback.data;
  return run;
}
