// claim() (oversikt/parallel.ts): two threads work through one list from its two ends. Every
// index is handed out exactly once, whatever the order the two ends ask in, and none after they meet.
import { describe, expect, it } from 'vitest';
import { claim, threadRole } from '../../src/oversikt/parallel.js';

const ends = (n: number) => { const e = new Int32Array(new SharedArrayBuffer(4)); e[0] = n << 16; return e; };

describe('claim: a list from both ends', () => {
  it.each([
    ['empty', 0, 'ffbb'],
    ['one, front first', 1, 'fb'],
    ['one, back first', 1, 'bf'],
    ['front only', 5, 'ffffff'],
    ['back only', 5, 'bbbbbb'],
    ['alternating', 7, 'fbfbfbfbf'],
    ['back twice as fast', 10, 'fbbfbbfbbfbb'],
    ['the largest list it holds', 0x7fff, 'fb'.repeat(0x7fff / 2 + 2)],
  ])('%s', (_n, n, order) => {
    const e = ends(n);
    const front: number[] = [], back: number[] = [];
    for (const c of order) {
      const i = claim(e, c === 'b');
      if (i !== undefined) (c === 'b' ? back : front).push(i);
    }
    // The front counts up from 0, the back down from n − 1, and together they are every index once.
    expect(front).toEqual(front.map((_, k) => k));
    expect(back).toEqual(back.map((_, k) => n - 1 - k));
    expect([...front, ...back].sort((a, b) => a - b)).toEqual(Array.from({ length: Math.min(n, order.length) }, (_, k) => k));
    expect(claim(e, false) === undefined || front.length + back.length < n).toBe(true);
  });
});

describe('threadRole: what the översikt\'s worker thread does', () => {
  it.each([
    // files, FSSTOD_TRADAR, charts (a DOCX), cores, built → role
    [290, undefined, true, 2, true, 'ritar'],
    [290, undefined, false, 2, true, undefined],
    [290, undefined, true, 4, true, 'läser'],
    [290, undefined, false, 8, true, 'läser'],
    [290, '1', false, 2, true, 'läser'],
    [290, '0', true, 8, true, undefined],
    [31, undefined, true, 8, true, undefined],
    [32, undefined, true, 8, true, 'läser'],
    [290, undefined, true, 1, true, undefined],
    [290, '1', true, 8, false, undefined],
  ] as const)('%i files, FSSTOD_TRADAR=%s, charts %s, %i cores, built %s: %s', (n, t, charts, cores, built, want) => {
    expect(threadRole(n, t === undefined ? {} : { FSSTOD_TRADAR: t }, charts, cores, built)).toBe(want);
  });
});
