import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type ClockedLead,
  clockRunning,
  clockRunningSql,
  isOverdue,
  openLeadSql,
  overdueSql,
  reachesThePerson,
} from './contact-attempts.js';
import { LEAD_STATUSES, OPEN_STATUSES } from './lead-status.js';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const PAST = new Date('2026-12-05T11:00:00.000Z');
const LATER = new Date('2026-12-05T13:00:00.000Z');

function lead(overrides: Partial<ClockedLead> = {}): ClockedLead {
  return { status: 'new', firstAttemptAt: null, respondBy: PAST, ...overrides };
}

describe('the response clock', () => {
  it('keeps running when a lead moves to in_review', () => {
    expect(clockRunning(lead({ status: 'in_review' }))).toBe(true);
    expect(isOverdue(lead({ status: 'in_review' }), NOW)).toBe(true);
  });

  it('stops at the first contact attempt, whatever the status', () => {
    for (const status of LEAD_STATUSES) {
      expect(clockRunning(lead({ status, firstAttemptAt: PAST }))).toBe(false);
      expect(isOverdue(lead({ status, firstAttemptAt: PAST }), NOW)).toBe(false);
    }
  });

  it('never runs for a spam, closed, merged or erased lead', () => {
    for (const status of [
      'spam',
      'converted',
      'referred_out',
      'declined',
      'closed_no_response',
    ] as const) {
      expect(isOverdue(lead({ status }), NOW)).toBe(false);
    }
    expect(isOverdue(lead({ mergedIntoLeadId: 'b1f6f2a0-0000-4000-8000-000000000000' }), NOW)).toBe(
      false,
    );
    expect(isOverdue(lead({ erasedAt: PAST }), NOW)).toBe(false);
  });

  it('marks overdue only past the target, and never without one', () => {
    expect(isOverdue(lead({ respondBy: LATER }), NOW)).toBe(false);
    expect(isOverdue(lead({ respondBy: NOW }), NOW)).toBe(false);
    expect(isOverdue(lead({ respondBy: null }), NOW)).toBe(false);
  });

  it('is overdue exactly when open, untried and past the target (any lead)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAD_STATUSES),
        fc.option(fc.date({ noInvalidDate: true })),
        fc.option(fc.date({ noInvalidDate: true })),
        fc.boolean(),
        (status, firstAttemptAt, respondBy, merged) => {
          const clocked = lead({
            status,
            firstAttemptAt,
            respondBy,
            mergedIntoLeadId: merged ? 'b1f6f2a0-0000-4000-8000-000000000000' : null,
          });
          expect(isOverdue(clocked, NOW)).toBe(
            OPEN_STATUSES.includes(status) &&
              !merged &&
              firstAttemptAt === null &&
              respondBy !== null &&
              respondBy < NOW,
          );
        },
      ),
    );
  });

  it('says the same in SQL: open statuses, not merged or erased, no attempt, past the target', () => {
    expect(openLeadSql('l')).toBe(
      "(l.status IN ('new', 'in_review', 'contacted', 'consultation_scheduled', 'waitlisted') AND l.merged_into_lead_id IS NULL AND l.erased_at IS NULL)",
    );
    expect(clockRunningSql('l')).toBe(`(${openLeadSql('l')} AND l.first_attempt_at IS NULL)`);
    expect(overdueSql('l', '$3')).toBe(
      `(${clockRunningSql('l')} AND COALESCE(l.respond_by < $3, false))`,
    );
  });
});

describe('reachesThePerson', () => {
  it('is a connected attempt only', () => {
    expect(reachesThePerson('connected')).toBe(true);
    for (const outcome of [
      'voicemail',
      'no_answer',
      'wrong_number',
      'sent',
      'unspecified',
    ] as const) {
      expect(reachesThePerson(outcome)).toBe(false);
    }
  });
});
