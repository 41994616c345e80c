import { describe, expect, it } from '@jest/globals';
import { toE164 } from './phone';

describe('toE164', () => {
  it.each([
    ['(503) 555-0142', '+15035550142'],
    ['503.555.0142', '+15035550142'],
    ['1 503 555 0142', '+15035550142'],
    ['+1 (503) 555-0142', '+15035550142'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('reads %s as %s', (typed, e164) => {
    expect(toE164(typed)).toBe(e164);
  });

  it('leaves an empty answer empty', () => {
    expect(toE164('   ')).toBe('');
  });

  it('sends what it cannot read as typed, so the API names the problem', () => {
    expect(toE164('call me maybe')).toBe('call me maybe');
    expect(toE164('555-0142')).toBe('555-0142');
  });
});
