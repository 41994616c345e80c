import { describe, expect, it } from '@jest/globals';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { hashToken } from '../common/tokens.js';
import {
  STAFF_LINK_TOKEN_PATTERN,
  STAFF_TOKEN_LIFETIME_MS,
  staffLink,
  staffLinkToken,
} from './staff-link-tokens.js';

const keys = [
  { id: 'k2', key: Buffer.alloc(32, 2) },
  { id: 'k1', key: Buffer.alloc(32, 1) },
];
const sut = new DataCipher(keys);
const tokenId = '0b6a3f4e-6a8f-4d55-9d57-5f0a7a7f2d11';

describe('staff link tokens', () => {
  it('are 256 bits, URL-safe, and derived again from the same id and key', () => {
    const first = staffLinkToken(sut, tokenId);
    expect(first.token).toMatch(STAFF_LINK_TOKEN_PATTERN);
    expect(first.keyId).toBe('k2');
    expect(staffLinkToken(sut, tokenId, first.keyId)).toEqual(first);
    expect(first.hash).toBe(hashToken(first.token));
  });

  it('differ per id and per key, and from a partner link token of the same id', () => {
    const token = staffLinkToken(sut, tokenId).token;
    expect(staffLinkToken(sut, '0b6a3f4e-6a8f-4d55-9d57-5f0a7a7f2d12').token).not.toBe(token);
    expect(staffLinkToken(sut, tokenId, 'k1').token).not.toBe(token);
    expect(sut.derive('partner-invitation-token', tokenId).value).not.toBe(token);
  });

  it('lead to the page of their purpose', () => {
    expect(staffLink('https://intake.example.com', 'invitation', 'abc')).toBe(
      'https://intake.example.com/admin/accept-invitation?token=abc',
    );
    expect(staffLink('https://intake.example.com', 'password_reset', 'abc')).toBe(
      'https://intake.example.com/admin/reset-password?token=abc',
    );
  });

  it('last 72 hours for an invitation and one hour for a password reset', () => {
    expect(STAFF_TOKEN_LIFETIME_MS).toEqual({
      invitation: 72 * 3_600_000,
      password_reset: 3_600_000,
    });
  });
});
