import { describe, expect, it } from 'vitest';
import { findPnr, maskPnr, type PnrHit } from '../../../src/check/personnummer.js';
import { ruleTable, runRule } from '../helpers.js';
import { cases, rule as personnummer, DATE, LAST, PNR, SAMORDNING, SEPARATORS, texts } from './personnummer.cases.js';

ruleTable(personnummer, cases);

describe('findPnr', () => {
  it('the table has hits and misses for every separator', () => {
    expect(texts.filter(([, k]) => k).length).toBeGreaterThanOrEqual(3 * SEPARATORS.length);
    expect(texts.filter(([, k]) => !k).length).toBeGreaterThanOrEqual(2 * SEPARATORS.length + 15);
  });

  it.each(texts)('%j → %s', (text, kind) => {
    const hits = findPnr(text);
    expect(hits.map((h) => h.kind)).toEqual(kind ? [kind] : []);
    if (kind) expectHit(text, hits[0]!);
  });

  function expectHit(text: string, h: PnrHit) {
    // From the first digit to the last, never past them.
    const span = text.slice(h.index, h.index + h.length);
    expect(span).toMatch(/^\d[\s\S]*\d$/);
    expect(span.replace(/\D/g, '').slice(-10)).toBe(h.digits);
    expect(h.digits).toHaveLength(10);
    // Masked: every digit hidden, the separator shown as one plain character.
    expect(h.masked).toMatch(/^(••)?••••••[-+ ]?••••$/);
    expect(maskPnr(text)).not.toMatch(/\d{4}/);
  }

  it('confirms with the checksum and masks every digit', () => {
    expect(findPnr('a 19121212-1212 b').map((h) => h.masked)).toEqual(['••••••••-••••']);
    expect(findPnr('a 19121212\u20131212 b').map((h) => h.masked)).toEqual(['••••••••-••••']);
    expect(findPnr('a 121212\u00A01212 b').map((h) => h.masked)).toEqual(['•••••• ••••']);
    expect(findPnr('a 19121212-1213 b')).toEqual([]);
    expect(findPnr('1234567890123456')).toEqual([]); // inside a longer number
    expect(maskPnr(`x ${PNR} y ${SAMORDNING}`)).toBe('x ••••••••-•••• y ••••••-••••');
    expect(maskPnr(`x 19121212\u20131212 y`)).toBe('x ••••••••-•••• y');
  });
});

// What must never be flagged, each in a text field; each also checked with a real number next to it,
// so that a miss proves the field was read and the text did not hide the number.
const misses = texts.filter(([, k]) => !k).map(([t]) => t);

describe('personnummer', () => {
  it.each(misses)('inget falsklarm: %j', (t) => {
    const yaml = (extra: string) => `förankring:\n  motivering: ${JSON.stringify(t + extra)}\n`;
    expect(runRule(personnummer, yaml(''))).toEqual([]);
    const withReal = runRule(personnummer, yaml(` och ${PNR}`));
    expect(withReal.map((f) => [f.rule, f.line])).toEqual([['personnummer', 8]]);
  });

  it('the same number in several places: each finding has the line and the path of its own value', () => {
    const got = runRule(personnummer, [
      'förankring:',
      '  motivering: >-',
      `    Kontakt ${DATE}-`,
      `    ${LAST}.`,
      `  sammanhang: "Kontakt ${DATE}\u2013${LAST}"`,
      `  behov: "nr ${DATE.slice(0, 7)}\\u0038-${LAST}"`,
      `# ${DATE}-${LAST}`,
      'checklistor:',
      '  steg1:',
      `    "${DATE}-${LAST}": ja`,
      '',
    ].join('\n'));
    expect(got.map((f) => [f.line, f.col, f.path.join('.'), f.messageId])).toEqual([
      [9, 13, 'förankring.motivering', 'inText'],
      [11, 24, 'förankring.sammanhang', 'inText'],
      [12, 10, 'förankring.behov', 'inText'],
      [13, 3, '', 'inComment'],
      [16, 6, 'checklistor.steg1.••••••••-••••', 'inKey'],
    ]);
  });

  it('never shows the number, in the message or in the path', () => {
    const got = runRule(personnummer, `checklistor:\n  steg1:\n    "${PNR}":\n      kommentar: ${PNR}\n`);
    expect(got.length).toBe(2);
    const all = JSON.stringify(got);
    expect(all).not.toContain('1212-1212');
    expect(all).not.toContain('12121212');
  });

  it('never shows a number written with a dash from Word, nor one wrapped over two lines', () => {
    const got = runRule(personnummer, `checklistor:\n  steg1:\n    "19121212\u20131212":\n      kommentar: >-\n        x ${DATE}-\n        ${LAST}\n`);
    expect(got.length).toBe(2);
    const all = JSON.stringify(got);
    expect(all).not.toMatch(/1212\D?1212/);
    expect(all).not.toMatch(/1218\D*9876/);
  });
});
