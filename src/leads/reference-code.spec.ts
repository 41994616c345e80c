import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  newReferenceCode,
  normalizeReference,
} from './reference-code.js';

describe('reference codes', () => {
  it('use no character that can be misread: 0, O, 1, I or L', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
  });

  it('are RI- and 8 characters of the alphabet', () => {
    for (let i = 0; i < 1000; i++) expect(newReferenceCode()).toMatch(REFERENCE_PATTERN);
  });

  it('draw every position from the whole alphabet', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(REFERENCE_ALPHABET.length - 1), { minLength: 8, maxLength: 8 }),
        (picks) => {
          let i = 0;
          const code = newReferenceCode(() => picks[i++]!);
          expect(code).toBe(`RI-${picks.map((pick) => REFERENCE_ALPHABET[pick]).join('')}`);
        },
      ),
    );
  });

  it('are read back however a person types them', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const code = newReferenceCode();
        const body = code.slice(3);
        expect(normalizeReference(code)).toBe(code);
        expect(normalizeReference(body.toLowerCase())).toBe(code);
        expect(normalizeReference(`ri ${body.slice(0, 4)} ${body.slice(4)}`)).toBe(code);
      }),
    );
    expect(normalizeReference('RI-0000OOOO')).toBeUndefined();
    expect(normalizeReference('hello')).toBeUndefined();
  });
});
