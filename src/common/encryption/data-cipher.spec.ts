import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  DataCipher,
  type DataKey,
  KeyRingError,
  newKeyRingEntry,
  parseKeyRing,
  UnreadableSealedValue,
} from './data-cipher.js';
import { SEALED_COLUMNS } from '../../vocabulary/sealed-columns.js';

const MESSAGE = SEALED_COLUMNS.inquiryMessage;
const NOTE = SEALED_COLUMNS.noteBody;

/** A value as the service sealed it before v2: bound to the column's purpose only. */
function sealedAsV1(key: DataKey, plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', key.id, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

describe('DataCipher', () => {
  const ring = parseKeyRing(`${newKeyRingEntry('k2')},${newKeyRingEntry('k1')}`);
  const sut = new DataCipher(ring);

  it('opens what it sealed, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), (text, rowId) => {
        expect(sut.decrypt(sut.encrypt(text, MESSAGE, rowId), MESSAGE, rowId)).toBe(text);
      }),
    );
  });

  it('never stores the plaintext and never repeats a ciphertext', () => {
    const text = 'We keep having the same fight about money';
    const a = sut.encrypt(text, MESSAGE, 'row-1');
    const b = sut.encrypt(text, MESSAGE, 'row-1');
    expect(a).not.toContain('money');
    expect(a).not.toBe(b);
    expect(a.startsWith('v2.k2.')).toBe(true);
  });

  it('refuses a value moved to another row, another column or another table', () => {
    const sealed = sut.encrypt('secret', SEALED_COLUMNS.intakeAnswers, 'row-1');
    expect(sut.decrypt(sealed, SEALED_COLUMNS.intakeAnswers, 'row-1')).toBe('secret');
    for (const [column, rowId] of [
      [SEALED_COLUMNS.intakeAnswers, 'row-2'],
      [SEALED_COLUMNS.intakeResult, 'row-1'],
      [SEALED_COLUMNS.partnerAnswers, 'row-1'],
    ] as const) {
      expect(() => sut.decrypt(sealed, column, rowId)).toThrow(UnreadableSealedValue);
    }
  });

  it('refuses a value tampered with, and names where it is, never what it holds', () => {
    const parts = sut.encrypt('secret', NOTE, 'n1').split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => sut.decrypt(parts.join('.'), NOTE, 'n1')).toThrow(
      new UnreadableSealedValue(
        'triage_note',
        'body_encrypted',
        'n1',
        'it was altered, or sealed for another row or column',
      ),
    );
    expect(() => sut.decrypt('plain words', NOTE, 'n1')).toThrow(UnreadableSealedValue);
  });

  it('still opens a v1 value (bound to its purpose) and marks it stale', () => {
    const v1 = sealedAsV1(ring[0]!, 'from before v2', MESSAGE.purpose);
    expect(sut.decrypt(v1, MESSAGE, 'any row')).toBe('from before v2');
    expect(sut.isStale(v1)).toBe(true);
    expect(() => sut.decrypt(v1, NOTE, 'any row')).toThrow(UnreadableSealedValue);
  });

  it('opens values of older keys in the ring and marks them stale', () => {
    const old = new DataCipher([ring[1]!]);
    const sealed = old.encrypt('from last year', MESSAGE, 'r');
    expect(sut.decrypt(sealed, MESSAGE, 'r')).toBe('from last year');
    expect(sut.isStale(sealed)).toBe(true);
    expect(sut.isStale(sut.encrypt('x', MESSAGE, 'r'))).toBe(false);
  });

  it('says which key is missing', () => {
    const stranger = new DataCipher(parseKeyRing(newKeyRingEntry('gone')));
    expect(() => sut.decrypt(stranger.encrypt('x', MESSAGE, 'r'), MESSAGE, 'r')).toThrow(
      'inquiry.message_encrypted of row r does not open: key gone is not in DATA_ENCRYPTION_KEY',
    );
  });

  it('parses a key ring strictly', () => {
    expect(() => parseKeyRing('')).toThrow(KeyRingError);
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow('key k1 must be 32 bytes');
    expect(() => parseKeyRing(Buffer.alloc(32).toString('base64'))).toThrow(KeyRingError);
    expect(() => parseKeyRing(newKeyRingEntry('k%1'))).toThrow(KeyRingError);
    const entry = newKeyRingEntry('k1');
    expect(() => parseKeyRing(`${entry},${entry}`)).toThrow('key ids must differ');
  });
});
