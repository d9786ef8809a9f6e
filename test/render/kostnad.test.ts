// The plan's total cost as a sentence (context.ts kostnadsMening): the budget table's last cell in words.
import { describe, expect, it } from 'vitest';
import { kostnadsMening } from '../../src/render/context.js';

describe('kostnadsMening', () => {
  it.each([
    [undefined, ''],
    ['–', ''],
    ['ej angivet', 'Kostnaderna är ännu inte beräknade.'],
    ['1 200 000 kr', 'Kostnaderna är sammanlagt 1 200 000 kr under perioden (se Budget).'],
    ['ca 8 540 000 kr + ej angivet', 'Kostnaderna är sammanlagt ca 8 540 000 kr under perioden, och för en del kostnader är beloppet ännu inte angivet (se Budget).'],
  ])('%s → %s', (totalt, mening) => {
    expect(kostnadsMening(totalt)).toBe(mening);
    expect(kostnadsMening(totalt)).not.toContain('sammanlagt ej angivet');
  });
  it('names the section where the reader finds the budget', () => {
    expect(kostnadsMening('500 kr', 'Ekonomiska konsekvenser')).toBe('Kostnaderna är sammanlagt 500 kr under perioden (se Ekonomiska konsekvenser).');
  });
});
