import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { STATUSES_IN_GRID, STATUS_MOVES } from '../../test/support/status-moves.js';
import {
  ALLOWED_TRANSITIONS,
  LEAD_STATUSES,
  type LeadStatus,
  OPEN_STATUSES,
  canTransition,
  isOpen,
} from './lead-status.js';

describe('lead status', () => {
  it('knows exactly the ten statuses of the published table', () => {
    expect([...LEAD_STATUSES].sort()).toEqual([...STATUSES_IN_GRID].sort());
    expect(STATUS_MOVES).toHaveLength(100);
  });

  it.each(STATUS_MOVES.map(({ from, to, allowed }) => [from, to, allowed] as const))(
    '%s → %s allowed: %s',
    (from, to, allowed) => {
      expect(canTransition(from as LeadStatus, to as LeadStatus)).toBe(allowed);
    },
  );

  it('lists for each status exactly the moves of the published table', () => {
    for (const status of LEAD_STATUSES) {
      const allowed = STATUS_MOVES.filter((move) => move.from === status && move.allowed);
      expect([...ALLOWED_TRANSITIONS[status]].sort()).toEqual(
        allowed.map((move) => move.to).sort(),
      );
    }
  });

  it('never leaves the table along any path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEAD_STATUSES), { maxLength: 20 }), (targets) => {
        let current: LeadStatus = 'new';
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

  it('counts spam and closed leads as not open, every other status as open', () => {
    expect(OPEN_STATUSES).toEqual([
      'new',
      'in_review',
      'contacted',
      'consultation_scheduled',
      'waitlisted',
    ]);
    for (const status of ['spam', 'converted', 'referred_out', 'declined', 'closed_no_response']) {
      expect(isOpen(status as LeadStatus)).toBe(false);
    }
    for (const status of OPEN_STATUSES) expect(isOpen(status)).toBe(true);
  });
});
