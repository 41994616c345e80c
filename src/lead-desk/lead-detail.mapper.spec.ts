import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Lead } from '../leads/lead.entity.js';
import type { DuplicateRow } from './lead-detail.query.js';
import {
  type LeadContents,
  toDuplicateView,
  toLeadCore,
  toLeadDetail,
} from './lead-detail.mapper.js';
import type { IntakeView } from './lead-detail.view.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');

/** A lead as loaded: only the columns the mappers read. */
function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: '5b0d7c43-3f4e-4b8e-9a57-1b8c3a6f0e11',
    status: 'new',
    urgency: 'routine',
    serviceType: 'individual',
    name: 'Alex Rivera',
    email: 'alex@example.com',
    emailNormalized: 'alex@example.com',
    phone: '+15035550142',
    state: 'OR',
    preferredContact: 'email',
    source: null,
    tags: [],
    createdAt: new Date('2026-12-03T09:00:00.000Z'),
    statusChangedAt: new Date('2026-12-03T09:00:00.000Z'),
    lastSubmissionAt: new Date('2026-12-03T09:00:00.000Z'),
    respondBy: new Date('2026-12-04T09:00:00.000Z'),
    firstContactedAt: null,
    firstAttemptAt: null,
    firstConnectedAt: null,
    lastAttemptAt: null,
    attemptCount: 0,
    assignedClinicianId: null,
    mergedIntoLeadId: null,
    erasedAt: null,
    needsReview: false,
    reviewReason: null,
    version: 1,
    ...overrides,
  } as Lead;
}

const noContents: LeadContents = {
  inquiries: [],
  intakes: [],
  notes: [],
  contactAttempts: [],
  timeline: [],
  duplicates: [],
  flags: { safetyConcern: false, crisis: false, signals: [] },
  signatures: [],
};

describe('toLeadCore', () => {
  it("carries none of the lead's personal data, for any lead (the tombstone of an erasure)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4 }).map((text) => `name ${text}`),
        fc.string({ minLength: 4 }).map((text) => `${text}@mail.example`),
        fc.stringMatching(/^\+1\d{10}$/),
        (name, email, phone) => {
          const core = toLeadCore(lead({ name, email, emailNormalized: email, phone }), null, null);
          const text = JSON.stringify(core);
          for (const personal of [name, email, phone]) {
            expect(text).not.toContain(JSON.stringify(personal).slice(1, -1));
          }
        },
      ),
    );
  });
});

describe('the overdue mark', () => {
  it('is an open lead past its response target with no contact attempt, in_review too', () => {
    const overdue = (overrides: Partial<Lead>) =>
      toLeadDetail(lead(overrides), toLeadCore(lead(overrides), null, null), noContents, NOW)
        .overdue;
    expect(overdue({})).toBe(true);
    expect(overdue({ status: 'in_review' })).toBe(true);
    expect(overdue({ firstAttemptAt: new Date('2026-12-04T10:00:00.000Z') })).toBe(false);
    expect(overdue({ status: 'declined' })).toBe(false);
  });
});

describe('toLeadDetail', () => {
  it('labels a lead with a safety concern, and reads the intake status of the newest intake', () => {
    const intake = (status: IntakeView['status']) => ({ status }) as IntakeView;
    const detail = toLeadDetail(
      lead(),
      toLeadCore(lead(), 'RI-7KQ2M9XD', null),
      {
        ...noContents,
        intakes: [intake('complete'), intake('awaiting_partner')],
        flags: { safetyConcern: true, crisis: false, signals: [] },
      },
      NOW,
    );
    expect(detail.intakeStatus).toBe('awaiting_partner');
    expect(detail.labels).toEqual(['screen_partners_individually']);
    expect(detail.overdue).toBe(true);
    expect(detail.reference).toBe('RI-7KQ2M9XD');
  });

  it('has no label and no intake status without them', () => {
    const detail = toLeadDetail(lead(), toLeadCore(lead(), null, null), noContents, NOW);
    expect(detail.labels).toEqual([]);
    expect(detail.intakeStatus).toBeNull();
  });
});

describe('toDuplicateView', () => {
  it('says what matched, in the order email, phone, name and state', () => {
    const row: DuplicateRow = {
      id: '0c1f3f5e-9d7a-4d7e-8a39-7f2f4c1b2a90',
      status: 'contacted',
      created_at: new Date('2026-11-01T10:00:00.000Z'),
      reference: 'RI-7KQ2M9XD',
      by_email: false,
      by_phone: true,
      by_name_state: true,
    };
    expect(toDuplicateView(row)).toEqual({
      id: '0c1f3f5e-9d7a-4d7e-8a39-7f2f4c1b2a90',
      reference: 'RI-7KQ2M9XD',
      status: 'contacted',
      createdAt: '2026-11-01T10:00:00.000Z',
      matchedOn: ['phone', 'name_state'],
    });
  });
});
