'use strict';
// buffer-crc32 (CRC-32 in JavaScript, a table lookup per byte), as the build bundles it for yazl,
// which zips the DOCX: the same numbers from Node's zlib.crc32. The whole country's DOCX holds
// ~5 MB before compression, ~25 ms in JavaScript. Same contract: a Buffer, a string (UTF-8) or a
// length (that many zero bytes), and the CRC so far as a number or a 4-byte big-endian Buffer.
// test/foundation/bygg-crc32.test.ts compares the two.
const { crc32: native } = require('node:zlib');

function bytes(input) {
  if (Buffer.isBuffer(input)) return input;
  if (typeof input === 'number') return Buffer.alloc(input);
  if (typeof input === 'string') return Buffer.from(input);
  throw new Error('input must be buffer, number, or string, received ' + typeof input);
}
const start = (previous) => (Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : ~~previous >>> 0);

function unsigned(buf, previous) {
  return native(bytes(buf), start(previous));
}
function crc32(buf, previous) {
  const out = Buffer.alloc(4);
  out.writeInt32BE(unsigned(buf, previous) | 0, 0);
  return out;
}
crc32.signed = (buf, previous) => unsigned(buf, previous) | 0;
crc32.unsigned = unsigned;
module.exports = crc32;
