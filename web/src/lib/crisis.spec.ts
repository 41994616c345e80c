import { describe, expect, it } from '@jest/globals';
import { splitContact } from './crisis';

describe('splitContact', () => {
  it('finds the number to dial in the contact line', () => {
    expect(splitContact('Call or text 988')).toEqual({
      before: 'Call or text ',
      number: '988',
      after: '',
    });
    expect(splitContact('Call 911 now')).toEqual({ before: 'Call ', number: '911', after: ' now' });
  });

  it('gives nothing for a contact without a number', () => {
    expect(splitContact('Go to the nearest emergency room')).toBeUndefined();
  });
});
