import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataCipher, KeyRingError, newKeyRingEntry, parseKeyRing } from './data-cipher.js';

describe('DataCipher', () => {
  const ring = parseKeyRing(`${newKeyRingEntry('k2')},${newKeyRingEntry('k1')}`);
  const sut = new DataCipher(ring);

  it('opens what it sealed, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(sut.decrypt(sut.encrypt(text, 'inquiry.message'), 'inquiry.message')).toBe(text);
      }),
    );
  });

  it('never stores the plaintext and never repeats a ciphertext', () => {
    const text = 'We keep having the same fight about money';
    const a = sut.encrypt(text, 'inquiry.message');
    const b = sut.encrypt(text, 'inquiry.message');
    expect(a).not.toContain('money');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.k2.')).toBe(true);
  });

  it('refuses a value moved to another purpose or tampered with', () => {
    const sealed = sut.encrypt('secret', 'intake.answers');
    expect(() => sut.decrypt(sealed, 'inquiry.message')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => sut.decrypt(parts.join('.'), 'intake.answers')).toThrow();
  });

  it('opens values of older keys in the ring and marks them stale', () => {
    const old = new DataCipher([ring[1]!]);
    const sealed = old.encrypt('from last year', 'inquiry.message');
    expect(sut.decrypt(sealed, 'inquiry.message')).toBe('from last year');
    expect(sut.isStale(sealed)).toBe(true);
    expect(sut.isStale(sut.encrypt('x', 'p'))).toBe(false);
  });

  it('says which key is missing', () => {
    const stranger = new DataCipher(parseKeyRing(newKeyRingEntry('gone')));
    expect(() => sut.decrypt(stranger.encrypt('x', 'p'), 'p')).toThrow(
      'key gone is not in DATA_ENCRYPTION_KEY',
    );
  });

  it('parses a key ring strictly', () => {
    expect(() => parseKeyRing('')).toThrow(KeyRingError);
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow('key k1 must be 32 bytes');
    expect(() => parseKeyRing(Buffer.alloc(32).toString('base64'))).toThrow(KeyRingError);
    const entry = newKeyRingEntry('k1');
    expect(() => parseKeyRing(`${entry},${entry}`)).toThrow('key ids must differ');
  });
});
