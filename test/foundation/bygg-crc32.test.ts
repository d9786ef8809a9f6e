// The build bundles Node's zlib.crc32 in place of buffer-crc32 for yazl, which zips the DOCX
// (scripts/shims/buffer-crc32.cjs): the same checksums as buffer-crc32 itself, for every input it
// takes and with a CRC so far, in each of its three forms (Buffer, signed, unsigned).
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

type Crc = ((buf: Buffer | string | number, previous?: number | Buffer) => Buffer) & {
  signed: (buf: Buffer | string | number, previous?: number | Buffer) => number;
  unsigned: (buf: Buffer | string | number, previous?: number | Buffer) => number;
};
const require = createRequire(`${ROOT}/package.json`);
const original = createRequire(require.resolve('yazl'))('buffer-crc32') as Crc;
const shim = require(`${ROOT}/scripts/shims/buffer-crc32.cjs`) as Crc;

describe('buffer-crc32 as the build bundles it (zlib.crc32)', () => {
  const inputs: [string, Buffer | string | number][] = [
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from([0xff])],
    ['text (UTF-8)', 'Föräldraskapsstöd – <w:t>å</w:t>'],
    ['a length (zero bytes)', 17],
    ['1 MB of random bytes', randomBytes(1 << 20)],
    ['a view into a larger buffer', randomBytes(4096).subarray(100, 3000)],
  ];
  const previous: [string, number | Buffer | undefined][] = [
    ['none', undefined], ['0', 0], ['a CRC above 2^31', 0xdeadbeef], ['a negative (signed) CRC', -559038737], ['a 4-byte Buffer', Buffer.from([0xde, 0xad, 0xbe, 0xef])],
  ];
  for (const [n, input] of inputs) {
    it.each(previous)(`${n}, CRC so far: %s`, (_p, prev) => {
      expect(shim.unsigned(input, prev)).toBe(original.unsigned(input, prev));
      expect(shim.signed(input, prev)).toBe(original.signed(input, prev));
      expect(shim(input, prev).equals(original(input, prev))).toBe(true);
    });
  }

  it('in pieces, each CRC carried to the next, as over the whole', () => {
    const data = randomBytes(10_000);
    let crc: number | undefined;
    for (let i = 0; i < data.length; i += 777) crc = shim.unsigned(data.subarray(i, i + 777), crc);
    expect(crc).toBe(original.unsigned(data));
  });

  it('refuses what buffer-crc32 refuses', () => {
    expect(() => original.unsigned({} as unknown as Buffer)).toThrow(/input must be buffer/);
    expect(() => shim.unsigned({} as unknown as Buffer)).toThrow(/input must be buffer/);
  });
});
