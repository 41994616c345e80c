import { describe, expect, it } from '@jest/globals';
import { CRISIS_PHRASES } from '../../../../../src/vocabulary/urgency';
import { crisisParts } from './crisis-marks';

describe('crisis words marked in a message', () => {
  it('marks each phrase the server flags, in any case and spacing, and keeps the rest', () => {
    expect(crisisParts('Lately I want  to die. Suicidal some nights.', CRISIS_PHRASES)).toEqual([
      { text: 'Lately I ', crisis: false },
      { text: 'want  to die', crisis: true },
      { text: '. ', crisis: false },
      { text: 'Suicidal', crisis: true },
      { text: ' some nights.', crisis: false },
    ]);
  });

  it('leaves a message without crisis words whole', () => {
    expect(crisisParts('We argue about chores.', CRISIS_PHRASES)).toEqual([
      { text: 'We argue about chores.', crisis: false },
    ]);
    expect(crisisParts('', CRISIS_PHRASES)).toEqual([]);
  });
});
