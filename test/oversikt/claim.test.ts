// claim() (oversikt/parallel.ts): two threads work through one list from its two ends. Every
// index is handed out exactly once, whatever the order the two ends ask in, and none after they meet.
import { describe, expect, it } from 'vitest';
import { claim } from '../../src/oversikt/parallel.js';

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
