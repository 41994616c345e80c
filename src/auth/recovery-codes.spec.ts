import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are four groups of four characters that cannot be misread', () => {
    for (let i = 0; i < 50; i++) {
      expect(newRecoveryCode()).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
    }
  });

  it('are accepted as typed: any case, with or without dashes and spaces', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const code = newRecoveryCode();
        expect(normalizeRecoveryCode(code)).toBe(code);
        expect(normalizeRecoveryCode(code.toUpperCase())).toBe(code);
        expect(normalizeRecoveryCode(code.replaceAll('-', ''))).toBe(code);
        expect(normalizeRecoveryCode(` ${code.replaceAll('-', ' ')} `)).toBe(code);
      }),
    );
  });

  it('refuse anything of another length or alphabet', () => {
    expect(normalizeRecoveryCode('abcd-efgh-jkmn')).toBeNull();
    expect(normalizeRecoveryCode('abcd-efgh-jkmn-pqr0')).toBeNull();
    expect(normalizeRecoveryCode('123456')).toBeNull();
  });
});
