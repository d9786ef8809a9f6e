'use strict';
// tiny-inflate (raw DEFLATE in JavaScript), as the build bundles it for fontkit, unicode-trie and
// the others: the same function on Node's own zlib. unicode-properties and linebreak inflate their
// Unicode tables with it when they load, ~30 ms in JavaScript on every PDF and chart; native, ~2 ms.
// Same contract: the bytes go into `dest`; fewer than it holds, a copy of those is returned.
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  if (out.length >= dest.length) {
    dest.set(out.subarray(0, dest.length));
    return dest;
  }
  dest.set(out);
  return dest.slice(0, out.length);
};
