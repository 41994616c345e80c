import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  EXPORT_COLUMNS,
  csvRecord,
  cursorKeyOf,
  intakeStatusOf,
  listPreview,
  toLeadSummary,
} from './lead-list.mapper.js';
import type { LeadListRow } from './lead-list.query.js';

function row(overrides: Partial<LeadListRow> = {}): LeadListRow {
  return {
    id: '5b0d7c43-3f4e-4b8e-9a57-1b8c3a6f0e11',
    status: 'new',
    urgency: 'high',
    service_type: 'couples',
    name: 'Alex Rivera',
    email: 'alex@example.com',
    phone: '+15035550142',
    preferred_contact: 'text',
    state: 'OR',
    source: 'referral',
    language: 'es',
    tags: ['evenings', 'insurance'],
    created_at: new Date('2026-12-04T09:00:00.123Z'),
    created_key: '2026-12-04T09:00:00.123456Z',
    urgency_rank: 1,
    respond_by: new Date('2026-12-04T13:00:00.000Z'),
    first_contacted_at: null,
    first_attempt_at: null,
    last_attempt_at: null,
    first_connected_at: null,
    attempt_count: 0,
    due_key: '2026-12-04T13:00:00.000000Z',
    overdue: true,
    assigned_clinician_id: '0c1f3f5e-9d7a-4d7e-8a39-7f2f4c1b2a90',
    clinician_name: 'Dr. Jordan Lee',
    reference: 'RI-7KQ2M9XD',
    needs_review: false,
    review_reason: null,
    ...overrides,
  };
}

describe('toLeadSummary', () => {
  it('shows the lead as the list does', () => {
    expect(
      toLeadSummary(row(), 'awaiting_partner', [], [{ kind: 'crisis', partner: 'A' }]),
    ).toEqual({
      id: '5b0d7c43-3f4e-4b8e-9a57-1b8c3a6f0e11',
      reference: 'RI-7KQ2M9XD',
      status: 'new',
      urgency: 'high',
      serviceType: 'couples',
      name: 'Alex Rivera',
      phone: '+15035550142',
      preferredContact: 'text',
      messagePreview: null,
      previewCrisis: false,
      state: 'OR',
      source: 'referral',
      language: 'es',
      assignedClinician: { id: '0c1f3f5e-9d7a-4d7e-8a39-7f2f4c1b2a90', name: 'Dr. Jordan Lee' },
      tags: ['evenings', 'insurance'],
      createdAt: '2026-12-04T09:00:00.123Z',
      respondBy: '2026-12-04T13:00:00.000Z',
      overdue: true,
      firstContactedAt: null,
      firstAttemptAt: null,
      lastAttemptAt: null,
      firstConnectedAt: null,
      attempts: 0,
      intakeStatus: 'awaiting_partner',
      labels: [],
      signals: [{ kind: 'crisis', partner: 'A' }],
      needsReview: false,
      reviewReason: null,
    });
  });

  it("carries the newest message's first words and whether it holds crisis words", () => {
    const summary = toLeadSummary(
      row(),
      null,
      [],
      [],
      listPreview('We argue a lot.\n\nSometimes I want to  KILL\nMYSELF.'),
    );
    expect(summary).toMatchObject({
      messagePreview: 'We argue a lot. Sometimes I want to KILL MYSELF.',
      previewCrisis: true,
    });
  });

  it('flags crisis words of the message even past the preview', () => {
    const message = `${'We keep arguing about the same things. '.repeat(5)}I want to end my life.`;
    const preview = listPreview(message);
    expect(preview.messagePreview).not.toContain('end my life');
    expect(preview.previewCrisis).toBe(true);
    expect(listPreview('We keep arguing.').previewCrisis).toBe(false);
  });

  it('shows no clinician on an unassigned lead', () => {
    const summary = toLeadSummary(
      row({ assigned_clinician_id: null, clinician_name: null }),
      null,
      [],
      [],
    );
    expect(summary.assignedClinician).toBeNull();
  });

  it("never carries the lead's email address (the phone is there to tap), for any lead", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6 }).map((text) => `${text}@mail.example`),
        fc.stringMatching(/^\+1\d{10}$/),
        (email, phone) => {
          const summary = toLeadSummary(row({ email, phone }), null, [], []);
          const text = JSON.stringify(summary);
          expect(text).not.toContain(JSON.stringify(email).slice(1, -1));
          expect(summary.phone).toBe(phone);
        },
      ),
    );
  });
});

describe('intakeStatusOf', () => {
  it("reads the newest intake's status as the list words it", () => {
    expect(intakeStatusOf('awaiting_partner')).toBe('awaiting_partner');
    expect(intakeStatusOf('complete')).toBe('intake_complete');
    expect(intakeStatusOf(null)).toBeNull();
    expect(intakeStatusOf(undefined)).toBeNull();
  });
});

describe('csvRecord', () => {
  it('puts each value under its column', () => {
    const record = csvRecord(row());
    expect(record).toHaveLength(EXPORT_COLUMNS.length);
    const cell = (column: (typeof EXPORT_COLUMNS)[number]) =>
      record[EXPORT_COLUMNS.indexOf(column)];
    expect(cell('reference')).toBe('RI-7KQ2M9XD');
    expect(cell('email')).toBe('alex@example.com');
    expect(cell('phone')).toBe('+15035550142');
    expect(cell('assigned_clinician')).toBe('Dr. Jordan Lee');
    expect(cell('tags')).toBe('evenings; insurance');
    expect(cell('language')).toBe('es');
    expect(cell('overdue')).toBe(true);
  });
});

describe('cursorKeyOf', () => {
  it('keys by the microsecond time and id, and by urgency only when sorting by it', () => {
    expect(cursorKeyOf(row(), '-createdAt')).toEqual({
      sort: '-createdAt',
      createdAt: '2026-12-04T09:00:00.123456Z',
      id: '5b0d7c43-3f4e-4b8e-9a57-1b8c3a6f0e11',
    });
    expect(cursorKeyOf(row(), 'urgency')).toEqual({
      sort: 'urgency',
      createdAt: '2026-12-04T09:00:00.123456Z',
      id: '5b0d7c43-3f4e-4b8e-9a57-1b8c3a6f0e11',
      urgencyRank: 1,
    });
  });

  it('keys sort=dueAt by the due time, the urgency rank, the time and id', () => {
    expect(cursorKeyOf(row(), 'dueAt')).toEqual({
      sort: 'dueAt',
      dueAt: '2026-12-04T13:00:00.000000Z',
      urgencyRank: 1,
      createdAt: '2026-12-04T09:00:00.123456Z',
      id: '5b0d7c43-3f4e-4b8e-9a57-1b8c3a6f0e11',
    });
  });
});
