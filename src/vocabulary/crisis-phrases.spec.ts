import { describe, expect, it } from '@jest/globals';
import { crisisResourcesIf, textSuggestsCrisis } from './urgency.js';

/**
 * The crisis phrases of docs/survey.md ("Urgency"), copied by hand: a phrase dropped from
 * or misspelt in the code fails here, which a test reading the code's own list cannot do.
 */
const PUBLISHED_CRISIS_PHRASES = [
  'suicide',
  'suicidal',
  'kill myself',
  'end my life',
  'want to die',
  'hurt myself',
  'self-harm',
  'self harm',
  'overdose',
];

describe('the published crisis phrases', () => {
  it.each(PUBLISHED_CRISIS_PHRASES)('"%s" alone is a crisis', (phrase) => {
    expect(textSuggestsCrisis(phrase)).toBe(true);
  });

  it.each(PUBLISHED_CRISIS_PHRASES)('"%s" is found inside a message, in any case', (phrase) => {
    const shouted = phrase.toUpperCase();
    const capitalised = phrase[0]!.toUpperCase() + phrase.slice(1);
    expect(textSuggestsCrisis(`Lately ${shouted} keeps coming up.`)).toBe(true);
    expect(textSuggestsCrisis(`${capitalised}, he said, twice.`)).toBe(true);
  });

  it('ordinary words near the phrases are not a crisis', () => {
    for (const text of [
      'We argue about money and feel stuck.',
      'I want to dine out more often.',
      'He said he would kill for a holiday.',
      'She is self-aware and harmless.',
      'Our life together has ended up in routines.',
      'Suit yourself.',
    ]) {
      expect(textSuggestsCrisis(text)).toBe(false);
    }
  });
});

describe('the published crisis resources', () => {
  it('are what a crisis submission is answered with, in this order', () => {
    expect(crisisResourcesIf(true)).toEqual({
      resources: [
        { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' },
        { name: 'Emergency services', contact: 'Call 911' },
      ],
    });
  });

  it('are left out of every other answer', () => {
    expect(crisisResourcesIf(false)).toEqual({});
  });
});
