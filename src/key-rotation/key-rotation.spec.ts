import { describe, expect, it } from '@jest/globals';
import { type RotationReport, rotationSummary } from './key-rotation.js';

const report = (overrides: Partial<RotationReport>): RotationReport => ({
  table: 'inquiry',
  column: 'message_encrypted',
  resealed: 3,
  sealedFromPlaintext: 1,
  remaining: 0,
  unreadable: 0,
  ...overrides,
});

describe('rotationSummary', () => {
  it('says the old keys may go only when nothing is left', () => {
    const sut = rotationSummary([report({})], 'k2');
    expect(sut).toEqual({
      complete: true,
      lines: [
        'inquiry.message_encrypted: 3 re-encrypted, 1 encrypted from plaintext, all now under key k2',
        'done: every value is under key k2; the other keys may now leave DATA_ENCRYPTION_KEY',
      ],
    });
  });

  it('names what is left per column, and never claims all is under the new key', () => {
    const sut = rotationSummary(
      [
        report({}),
        report({
          table: 'staff_user',
          column: 'mfa_secret_encrypted',
          remaining: 2,
          unreadable: 1,
        }),
      ],
      'k2',
    );
    expect(sut.complete).toBe(false);
    expect(sut.lines).toEqual([
      'inquiry.message_encrypted: 3 re-encrypted, 1 encrypted from plaintext, all now under key k2',
      'staff_user.mfa_secret_encrypted: 3 re-encrypted, 1 encrypted from plaintext, 2 NOT under key k2 (1 do not open)',
      'incomplete: 2 values are not under key k2; keep every key in DATA_ENCRYPTION_KEY and run rotate-key again',
    ]);
  });
});
