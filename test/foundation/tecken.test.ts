// The one decision on characters and the one UTF-8 locator, against their specifications.
import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { describeChar, firstForbiddenChar } from '../../src/project/chars.js';
import { firstInvalidUtf8 } from '../../src/project/load.js';

describe('firstForbiddenChar', () => {
  // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
  // besides, DEL and C1 (U+007F–U+009F) are refused.
  const xmlChar = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
  it('refuses exactly what XML 1.0 forbids, plus DEL and C1', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const want = !xmlChar(c) || (c >= 0x7f && c <= 0x9f);
      if ((firstForbiddenChar(`ab${String.fromCharCode(c)}`) === 2) !== want) wrong.push(describeChar(c));
    }
    expect(wrong).toEqual([]);
  });
  it('allows paired surrogates and refuses lone ones', () => {
    expect(firstForbiddenChar('x😀y')).toBe(-1);
    expect(firstForbiddenChar('x\ud800y')).toBe(1);
    expect(firstForbiddenChar('x\udc00')).toBe(1);
    expect(firstForbiddenChar('x\ud83d')).toBe(1);
  });
  it('describes a character as U+XXXX', () => {
    expect(describeChar('\u000b')).toBe('U+000B');
    expect(describeChar(0xfffe)).toBe('U+FFFE');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0xed, 0xa0, 0x80], 0], [[0xc0, 0xaf], 0], [[0xe0, 0x80, 0xaf], 0], [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x61, 0xf5, 0x80, 0x80, 0x80], 1], [[0x61, 0xe4], 1], [[0x61, 0x80], 1], [[0xc3, 0xa5, 0xff], 2],
  ])('%j: the bad sequence starts at %i', (bytes, at) => {
    expect(isUtf8(Buffer.from(bytes))).toBe(false);
    expect(firstInvalidUtf8(Uint8Array.from(bytes))?.offset).toBe(at);
  });
  it('agrees with isUtf8 on every sequence of up to three bytes from a set of boundary bytes', () => {
    const edge = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    const wrong: string[] = [];
    const check = (b: number[]) => { if ((firstInvalidUtf8(Uint8Array.from(b)) === undefined) !== isUtf8(Buffer.from(b))) wrong.push(JSON.stringify(b)); };
    for (const a of edge) { check([a]); for (const b of edge) { check([a, b]); for (const c of edge) check([a, b, c]); } }
    for (const a of [0xf0, 0xf1, 0xf4, 0xf5]) for (const b of edge) for (const c of [0x80, 0xbf]) for (const d of edge) check([a, b, c, d]);
    expect(wrong).toEqual([]);
  });
});
