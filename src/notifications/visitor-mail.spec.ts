import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAIL_NAME_MAX_LENGTH, UNNAMED, nameForMail } from './visitor-mail.js';

describe('nameForMail', () => {
  it('keeps the first name of a name made of letters, hyphens and apostrophes', () => {
    expect(nameForMail('Mary-Jane O’Neil')).toBe('Mary-Jane');
    expect(nameForMail("D'Arcy Smith")).toBe("D'Arcy");
    expect(nameForMail('  Zoë  ')).toBe('Zoë');
    expect(nameForMail('Łukasz Żółw')).toBe('Łukasz');
    expect(nameForMail('李 小龙')).toBe('李');
  });

  it('says "someone" for a name holding a link, markup, digits or other signs', () => {
    for (const typed of [
      'Visit http://evil.example now',
      'Bob<script>',
      'evil.example',
      'Call 555 0100',
      'Win $100',
      'Alex\nRivera',
      'Bob_Smith',
      '',
      "-- '",
    ]) {
      expect(nameForMail(typed)).toBe(UNNAMED);
    }
  });

  it('repeats a first name of at most 40 characters', () => {
    expect(nameForMail('A'.repeat(MAIL_NAME_MAX_LENGTH))).toBe('A'.repeat(40));
    expect(nameForMail(`${'é'.repeat(40)} Smith`)).toBe('é'.repeat(40));
    expect(nameForMail('A'.repeat(MAIL_NAME_MAX_LENGTH + 1))).toBe(UNNAMED);
  });

  it('never returns more than a short run of letters, spaces, hyphens and apostrophes typed by the visitor', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (typed) => {
        const shown = nameForMail(typed);
        if (shown === UNNAMED) return;
        expect(shown).toMatch(/^[\p{L}\p{M}'\u2019-]+$/u);
        expect([...shown].length).toBeLessThanOrEqual(MAIL_NAME_MAX_LENGTH);
        expect(typed.normalize('NFC')).toContain(shown);
      }),
    );
  });
});
