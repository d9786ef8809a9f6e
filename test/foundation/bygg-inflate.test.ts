// The build bundles Node's zlib in place of tiny-inflate (scripts/shims/tiny-inflate.cjs): it
// must give the very bytes tiny-inflate gives, for the Unicode tables the PDF's line breaking and
// the fonts' shaping read when they load (captured here as their packages load them), and for
// raw DEFLATE streams of every kind, with a destination of the exact size or larger.
import { createRequire } from 'node:module';
import { deflateRawSync, constants } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const require = createRequire(`${ROOT}/package.json`);
const tiny = require('tiny-inflate') as (src: Uint8Array, dest: Uint8Array) => Uint8Array;
const shim = require(`${ROOT}/scripts/shims/tiny-inflate.cjs`) as typeof tiny;
const Module = require('node:module') as { _load: (req: string, ...rest: unknown[]) => unknown };

/** The calls to tiny-inflate made while loading `pkg` (its CommonJS build), with a copy of each source. */
function callsWhileLoading(pkg: string): { src: Uint8Array; size: number }[] {
  const calls: { src: Uint8Array; size: number }[] = [];
  const load = Module._load;
  Module._load = function (req: string, ...rest: unknown[]) {
    const m = load.call(this, req, ...rest);
    if (req !== 'tiny-inflate') return m;
    return (src: Uint8Array, dest: Uint8Array) => { calls.push({ src: Uint8Array.from(src), size: dest.length }); return (m as typeof tiny)(src, dest); };
  };
  try {
    // Loaded afresh, with unicode-trie (which takes tiny-inflate when it loads).
    for (const k of Object.keys(require.cache)) if (/[\\/]node_modules[\\/](unicode-trie|unicode-properties|linebreak)[\\/]/.test(k)) delete require.cache[k];
    require(require.resolve(pkg, { paths: [require.resolve('fontkit'), require.resolve('pdfkit')] }));
  } finally {
    Module._load = load;
  }
  return calls;
}

describe('tiny-inflate i bygget: Nodes zlib', () => {
  it.each(['unicode-properties', 'linebreak'])('samma byte som tiny-inflate för tabellerna %s läser in', (pkg) => {
    const calls = callsWhileLoading(pkg);
    expect(calls.length).toBeGreaterThan(0);
    for (const { src, size } of calls) {
      const a = tiny(src, new Uint8Array(size));
      const b = shim(src, new Uint8Array(size));
      expect(b).toBeInstanceOf(Uint8Array);
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(a.buffer.byteLength); // unicode-trie reads the result's whole buffer
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    }
  });

  const kinds: [string, Buffer, object][] = [
    ['slumpbyte (lagrade block)', randomBytes(70_000), { level: 0 }],
    ['text, fasta Huffmankoder', Buffer.from('föräldraskapsstöd '.repeat(50)), { strategy: constants.Z_FIXED }],
    ['text, dynamiska Huffmankoder', Buffer.from(Array.from({ length: 4000 }, (_, i) => `rad ${i * 7919 % 1000}\n`).join('')), { level: 9 }],
    ['tomt', Buffer.alloc(0), {}],
  ];
  it.each(kinds)('samma byte som tiny-inflate: %s, mål av exakt storlek och större', (_n, data, opts) => {
    const src = deflateRawSync(data, opts);
    for (const size of [data.length, data.length + 100]) {
      const a = tiny(src, new Uint8Array(size));
      const b = shim(src, new Uint8Array(size));
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(b.length).toBe(data.length);
    }
  });
});
