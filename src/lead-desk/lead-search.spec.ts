import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { escapeLike, leadSearch } from './lead-search.js';

describe('leadSearch', () => {
  it('looks a reference up exactly, in any case and with or without the dash', () => {
    for (const q of ['RI-7KQ2M9XD', 'ri-7kq2m9xd', ' RI7KQ2M9XD ', 'ri 7kq2m9xd']) {
      expect(leadSearch(q)).toEqual({ kind: 'reference', reference: 'RI-7KQ2M9XD' });
    }
  });

  it('reads a name made of reference letters as a name, not as a code', () => {
    expect(leadSearch('Chambers')).toMatchObject({ kind: 'text', namePattern: '%Chambers%' });
    // RI and eight characters, but an O cannot be in a reference.
    expect(leadSearch('Ri-Robinson').kind).toBe('text');
  });

  it('searches the name as typed and the email lower-cased', () => {
    expect(leadSearch('  Alex ')).toEqual({
      kind: 'text',
      namePattern: '%Alex%',
      nameWords: null,
      emailPattern: '%alex%',
      phonePattern: null,
    });
  });

  it('searches several words as word starts of the name in any order, and no email', () => {
    expect(leadSearch('Ken  John')).toEqual({
      kind: 'text',
      namePattern: null,
      nameWords: ['ken', 'john'],
      emailPattern: null,
      phonePattern: null,
    });
    expect(leadSearch("Mary-Jane O'Neil")).toMatchObject({
      nameWords: ['mary', 'jane', 'o', 'neil'],
    });
  });

  it('looks up only lower-case words of letters and digits, never an empty one', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { nameWords } = leadSearch(`${text} x`) as { nameWords: string[] | null };
        if (nameWords === null) return;
        for (const word of nameWords) {
          expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(word).toBe(word.toLowerCase());
        }
      }),
    );
  });

  it('leaves out the email for a text with a space, and the name for one with an @', () => {
    expect(leadSearch('Alex R')).toMatchObject({ emailPattern: null });
    expect(leadSearch('alex@example.com')).toMatchObject({
      namePattern: null,
      emailPattern: '%alex@example.com%',
    });
  });

  it('searches the phone by its digits when the text reads as a phone number', () => {
    expect(leadSearch('(503) 555-0142')).toMatchObject({ phonePattern: '%5035550142%' });
    expect(leadSearch('+1 503')).toMatchObject({ phonePattern: '%1503%' });
    expect(leadSearch('0142')).toMatchObject({ phonePattern: '%0142%' });
    expect(leadSearch('12')).toMatchObject({ phonePattern: null });
    expect(leadSearch('alex2')).toMatchObject({ phonePattern: null });
  });

  it('makes LIKE wildcards in the text match themselves', () => {
    expect(leadSearch('100%_a\\b')).toMatchObject({ namePattern: '%100\\%\\_a\\\\b%' });
  });

  it('escapes so that no unescaped wildcard is left', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeLike(text);
        // Drop escaped pairs; what is left holds no wildcard and no lone backslash.
        expect(escaped.replace(/\\[\\%_]/g, '')).not.toMatch(/[\\%_]/);
      }),
    );
  });
});
