import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ALLOWED_TRANSITIONS,
  LEAD_STATUSES,
  OPEN_STATUSES,
  canTransition,
  isOpen,
} from './lead-status.js';

describe('lead status', () => {
  it('allows exactly the moves in the status table of docs/api.md', () => {
    expect(canTransition('new', 'contacted')).toBe(true);
    expect(canTransition('new', 'converted')).toBe(false);
    expect(canTransition('spam', 'new')).toBe(true);
    expect(canTransition('converted', 'in_review')).toBe(true);
    expect(canTransition('converted', 'contacted')).toBe(false);
  });

  it('never leaves the table along any path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEAD_STATUSES), { maxLength: 20 }), (targets) => {
        let current: (typeof LEAD_STATUSES)[number] = 'new';
        for (const target of targets) {
          if (canTransition(current, target)) {
            expect(ALLOWED_TRANSITIONS[current]).toContain(target);
            current = target;
          }
        }
        expect(LEAD_STATUSES).toContain(current);
      }),
    );
  });

  it('counts spam and closed leads as not open', () => {
    expect(OPEN_STATUSES).toEqual([
      'new',
      'in_review',
      'contacted',
      'consultation_scheduled',
      'waitlisted',
    ]);
    expect(isOpen('spam')).toBe(false);
    expect(isOpen('closed_no_response')).toBe(false);
  });
});
