import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CRISIS_PHRASES, URGENCIES, highestUrgency, textSuggestsCrisis } from './urgency.js';

describe('textSuggestsCrisis', () => {
  it.each(CRISIS_PHRASES)('finds "%s" anywhere, in any case', (phrase) => {
    expect(textSuggestsCrisis(`lately ${phrase.toUpperCase()} keeps coming up`)).toBe(true);
  });

  it('treats line breaks and repeated spaces inside a phrase as one space', () => {
    expect(textSuggestsCrisis('I could kill\n   myself')).toBe(true);
    expect(textSuggestsCrisis('want\tto  die')).toBe(true);
  });

  it('is false for empty or ordinary text', () => {
    expect(textSuggestsCrisis(undefined)).toBe(false);
    expect(textSuggestsCrisis('')).toBe(false);
    expect(textSuggestsCrisis('We fight about the dishes and feel stuck.')).toBe(false);
  });

  it('holds for any text around a phrase', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(...CRISIS_PHRASES),
        fc.string(),
        (before, phrase, after) => textSuggestsCrisis(`${before} ${phrase} ${after}`),
      ),
    );
  });
});

describe('highestUrgency', () => {
  it('orders crisis above high above routine', () => {
    expect(highestUrgency('routine', 'crisis', 'high')).toBe('crisis');
    expect(highestUrgency('routine', 'high')).toBe('high');
    expect(highestUrgency()).toBe('routine');
  });

  it('is one of its arguments and never below any of them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...URGENCIES), { minLength: 1 }), (urgencies) => {
        const highest = highestUrgency(...urgencies);
        expect(urgencies).toContain(highest);
        for (const urgency of urgencies) {
          expect(URGENCIES.indexOf(highest)).toBeGreaterThanOrEqual(URGENCIES.indexOf(urgency));
        }
      }),
    );
  });
});
