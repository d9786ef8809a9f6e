// The one place fsstöd reaches into docx's internals: Packer's private `compiler`, which turns a
// Document into its package parts (a JSZip object) before zipping. Packer's public toBuffer
// would deflate everything in JavaScript with today's date; fsstöd zips the parts itself
// (sorted, fixed dates, Node's zlib). docx 9.15 changed this shape: if it is missing, this
// throws a named internal error, and test/render/adapters.test.ts fails before a user's render does.
import { Packer, type Document } from 'docx';
import { LibraryShapeError } from '../adapter-error.js';

export const DOCX_TESTED = '9.5.1';

export interface DocxPart { name: string; data(): Promise<Buffer> }

interface JsZipLike { files: Record<string, { dir: boolean; async(type: 'nodebuffer'): Promise<Buffer> }> }
interface CompilerLike { compile(d: Document): JsZipLike }

/** The document's package parts (files only, no folders), in name order. `packer` is for the contract test. */
export function docxParts(document: Document, packer: unknown = Packer): DocxPart[] {
  const compiler = (packer as { compiler?: Partial<CompilerLike> }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new LibraryShapeError('docx', DOCX_TESTED, 'Packer.compiler.compile()');
  const zip = compiler.compile(document);
  if (!zip || typeof zip.files !== 'object' || zip.files === null) throw new LibraryShapeError('docx', DOCX_TESTED, 'filerna (files) i Packer.compiler.compile():s resultat');
  return Object.keys(zip.files).sort().flatMap((name) => {
    const f = zip.files[name]!;
    if (f.dir) return [];
    if (typeof f.async !== 'function') throw new LibraryShapeError('docx', DOCX_TESTED, `async() på delen ${name} i Packer.compiler.compile():s resultat`);
    return [{ name, data: () => f.async('nodebuffer') }];
  });
}
