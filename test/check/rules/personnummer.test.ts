import { describe, expect, it } from 'vitest';
import { findPnr, maskPnr } from '../../../src/check/personnummer.js';
import { ruleTable, runRule } from '../helpers.js';
import { cases, rule, PNR, SAMORDNING } from './personnummer.cases.js';

ruleTable(rule, cases);

describe('personnummer', () => {
  it('never shows the number, in the message or in the path', () => {
    const got = runRule(rule, `checklistor:\n  steg1:\n    "${PNR}":\n      kommentar: ${PNR}\n`);
    expect(got.length).toBe(2);
    const all = JSON.stringify(got);
    expect(all).not.toContain('1212-1212');
    expect(all).not.toContain('12121212');
  });

  it('findPnr confirms with the checksum and masks every digit', () => {
    expect(findPnr('a 19121212-1212 b').map((h) => h.masked)).toEqual(['••••••••-••••']);
    expect(findPnr('a 19121212-1213 b')).toEqual([]);
    expect(findPnr('1234567890123456')).toEqual([]); // inside a longer number
    expect(maskPnr(`x ${PNR} y ${SAMORDNING}`)).toBe('x ••••••••-•••• y ••••••-••••');
  });
});
