// Small text helpers, checked against the platform where one exists.
import { describe, expect, it } from 'vitest';
import { closest, joinSv, tusental } from '../../src/text.js';

describe('tusental', () => {
  // Intl (ICU) is the reference: the helper exists only to avoid loading its data at start.
  const cases = [0, 7, 999, 1000, 1234, 12345, 123456, 1234567, 1000000, 2500000.4, 42.6, -1234, -999];
  it.each(cases)('%s grupperas som sv-SE', (n) => {
    expect(tusental(n)).toBe(Math.round(n).toLocaleString('sv-SE'));
  });
  it('tar en annan avgränsare', () => {
    expect(tusental(1234567, ' ')).toBe('1 234 567');
  });
});

describe('closest', () => {
  it.each([
    ['handligsplan', ['lägesbild', 'handlingsplan'], 'handlingsplan'],
    ['FORMATVERSION', ['formatversion', 'kommun'], 'formatversion'],
  ] as const)('%s → %s', (word, candidates, want) => {
    expect(closest(word, [...candidates])).toBe(want);
  });
});

describe('joinSv', () => {
  it.each([
    [[], ''],
    [['Hjo'], 'Hjo'],
    [['Hjo', 'Tidaholm'], 'Hjo och Tidaholm'],
    [['Hjo', 'Tidaholm', 'Skövde'], 'Hjo, Tidaholm och Skövde'],
    // The last item's own comma stays in it ("och" goes between the items, not inside one).
    [['2 att genomföra', '1 att följa upp, utvärdera'], '2 att genomföra och 1 att följa upp, utvärdera'],
    [['a, b', 'c'], 'a, b och c'],
    [[1, 3, 5], '1, 3 och 5'],
  ])('%j → %s', (parts, text) => {
    expect(joinSv(parts)).toBe(text);
  });
  it.each([
    [['lägesbild'], 'lägesbild'],
    [['lägesbild', 'handlingsplan'], 'lägesbild eller handlingsplan'],
    [['lägesbild', 'handlingsplan', 'uppföljning'], 'lägesbild, handlingsplan eller uppföljning'],
  ])('eller: %j → %s', (parts, text) => {
    expect(joinSv(parts, 'eller')).toBe(text);
  });
});

