import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { STATUSES_IN_GRID, STATUS_MOVES } from '../../test/support/status-moves.js';
import {
  ALLOWED_TRANSITIONS,
  LEAD_STATUSES,
  type LeadStatus,
  OPEN_STATUSES,
  PIPELINE_ORDER,
  canTransition,
  furtherStatus,
  isOpen,
  pipelineRank,
  statusAfterBooking,
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

describe('how far along the pipeline a status is', () => {
  it('ranks every status once', () => {
    expect([...PIPELINE_ORDER].sort()).toEqual([...LEAD_STATUSES].sort());
  });

  it('orders the open statuses as a lead moves through them', () => {
    const open = PIPELINE_ORDER.filter(isOpen);
    expect(open).toEqual(['new', 'in_review', 'contacted', 'waitlisted', 'consultation_scheduled']);
  });

  it('ranks the closed statuses below every open one, a converted client furthest, spam last', () => {
    expect(PIPELINE_ORDER.slice(0, 5)).toEqual([
      'spam',
      'closed_no_response',
      'declined',
      'referred_out',
      'converted',
    ]);
  });

  it('never lets a closed status or spam win over an open one, nor spam over anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEAD_STATUSES), fc.constantFrom(...LEAD_STATUSES), (a, b) => {
        const further = furtherStatus(a, b);
        expect([a, b]).toContain(further);
        expect(further).toBe(furtherStatus(b, a));
        if (isOpen(a) || isOpen(b)) expect(isOpen(further)).toBe(true);
        if (a !== 'spam' || b !== 'spam') expect(further).not.toBe('spam');
        expect(pipelineRank(further)).toBe(Math.max(pipelineRank(a), pipelineRank(b)));
      }),
    );
  });

  it('keeps the first status when both are as far', () => {
    expect(furtherStatus('contacted', 'contacted')).toBe('contacted');
    expect(furtherStatus('new', 'contacted')).toBe('contacted');
    expect(furtherStatus('converted', 'new')).toBe('new');
    expect(furtherStatus('spam', 'closed_no_response')).toBe('closed_no_response');
  });
});

describe('where a booked consultation takes a lead', () => {
  it('moves every lead before it in the open pipeline to consultation_scheduled', () => {
    const moved = LEAD_STATUSES.filter((status) => statusAfterBooking(status) !== null);
    expect(moved).toEqual(['new', 'in_review', 'contacted', 'waitlisted']);
    for (const status of moved) expect(statusAfterBooking(status)).toBe('consultation_scheduled');
  });

  it('leaves a scheduled, closed or spam lead as it is', () => {
    for (const status of [
      'consultation_scheduled',
      'converted',
      'referred_out',
      'declined',
      'closed_no_response',
      'spam',
    ] as const) {
      expect(statusAfterBooking(status)).toBeNull();
    }
  });
});
