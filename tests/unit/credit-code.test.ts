import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '../../lib/credit-code';

describe('统一社会信用代码 checksum (GB 32100-2015)', () => {
  // Published codes of well-known companies.
  it.each(['91110000100010433L', '91440300708461136T', '91330100799655058B'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('accepts lower case and full-width input', () => {
    expect(isValidCreditCode('91110000100010433l')).toBe(true);
    expect(isValidCreditCode('９１１１００００１０００１０４３３Ｌ')).toBe(true);
  });

  it('rejects a changed character, a wrong length and letters outside the alphabet', () => {
    expect(isValidCreditCode('91110000100010434L')).toBe(false);
    expect(isValidCreditCode('91110000100010433')).toBe(false);
    expect(isValidCreditCode('9111000010001043IL')).toBe(false);
  });

  it('computes the check character from the first 17', () => {
    expect(creditCodeCheckChar('91110000100010433')).toBe('L');
  });
});
