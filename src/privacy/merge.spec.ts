import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LEAD_STATUSES, isOpen, pipelineRank } from '../vocabulary/lead-status.js';
import { URGENCIES, urgencyRank } from '../vocabulary/urgency.js';
import { type MergeableLead, survivorChanges } from './merge.js';

const lead = (overrides: Partial<MergeableLead> = {}): MergeableLead => ({
  status: 'new',
  statusChangedAt: new Date('2026-11-01T10:00:00Z'),
  firstContactedAt: null,
  needsReview: false,
  reviewReason: null,
  urgency: 'routine',
  tags: [],
  lastSubmissionAt: new Date('2026-11-01T10:00:00Z'),
  assignedClinicianId: null,
  phone: null,
  state: null,
  source: null,
  ...overrides,
});

const anyDate = fc.date({
  min: new Date('2026-01-01T00:00:00Z'),
  max: new Date('2027-01-01T00:00:00Z'),
  noInvalidDate: true,
});

const anyLead = fc.record({
  status: fc.constantFrom(...LEAD_STATUSES),
  statusChangedAt: anyDate,
  firstContactedAt: fc.option(anyDate, { nil: null }),
  needsReview: fc.boolean(),
  reviewReason: fc.constantFrom(null, 'captcha_unavailable' as const),
  urgency: fc.constantFrom(...URGENCIES),
  tags: fc.array(fc.constantFrom('couples', 'sliding-scale', 'evening', 'spanish'), {
    maxLength: 4,
  }),
  lastSubmissionAt: fc.date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2027-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  assignedClinicianId: fc.option(fc.uuid(), { nil: null }),
  phone: fc.option(fc.constantFrom('+15035550142', ''), { nil: null }),
  state: fc.option(fc.constantFrom('OR', 'CA'), { nil: null }),
  source: fc.option(fc.constantFrom('blog', 'friend'), { nil: null }),
});

const merged = (survivor: MergeableLead, duplicate: MergeableLead): MergeableLead => ({
  ...survivor,
  ...survivorChanges(survivor, duplicate),
});

describe('what the surviving lead takes from the duplicate', () => {
  it('changes nothing when the duplicate adds nothing', () => {
    const same = lead({ urgency: 'high', tags: ['evening'], phone: '+15035550142' });
    expect(survivorChanges(same, lead({ tags: ['evening'] }))).toEqual({});
  });

  it('takes the higher urgency, never a lower one', () => {
    expect(survivorChanges(lead(), lead({ urgency: 'crisis' }))).toEqual({ urgency: 'crisis' });
    expect(survivorChanges(lead({ urgency: 'high' }), lead())).toEqual({});
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        const urgency = merged(survivor, duplicate).urgency;
        expect(urgencyRank(urgency)).toBe(
          Math.max(urgencyRank(survivor.urgency), urgencyRank(duplicate.urgency)),
        );
      }),
    );
  });

  it("keeps the survivor's tags in order and adds the duplicate's new ones once", () => {
    expect(
      survivorChanges(
        lead({ tags: ['evening', 'couples'] }),
        lead({ tags: ['spanish', 'couples', 'spanish'] }),
      ),
    ).toEqual({ tags: ['evening', 'couples', 'spanish'] });
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        const tags = merged(survivor, duplicate).tags;
        expect(new Set(tags)).toEqual(new Set([...survivor.tags, ...duplicate.tags]));
        expect(tags.slice(0, survivor.tags.length)).toEqual(survivor.tags);
      }),
    );
  });

  it('takes the later of the two last submissions', () => {
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        expect(merged(survivor, duplicate).lastSubmissionAt.getTime()).toBe(
          Math.max(survivor.lastSubmissionAt.getTime(), duplicate.lastSubmissionAt.getTime()),
        );
      }),
    );
  });

  it("keeps the survivor's assignment, and takes the duplicate's only when it has none", () => {
    const mine = '3f1c2a6e-1111-4c1d-9e1f-000000000001';
    const theirs = '3f1c2a6e-2222-4c1d-9e1f-000000000002';
    expect(
      survivorChanges(lead({ assignedClinicianId: mine }), lead({ assignedClinicianId: theirs })),
    ).toEqual({});
    expect(survivorChanges(lead(), lead({ assignedClinicianId: theirs }))).toEqual({
      assignedClinicianId: theirs,
    });
  });

  it('fills a missing phone, state or source from the duplicate and overwrites none', () => {
    expect(
      survivorChanges(
        lead({ phone: '', state: 'OR' }),
        lead({ phone: '+15035550142', state: 'CA', source: 'blog' }),
      ),
    ).toEqual({ phone: '+15035550142', source: 'blog' });
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        const result = merged(survivor, duplicate);
        for (const field of ['phone', 'state', 'source'] as const) {
          if (survivor[field]) expect(result[field]).toBe(survivor[field]);
        }
      }),
    );
  });

  it("a returning client's new lead merged into an older contacted, assigned one leaves it contacted and assigned", () => {
    const contactedAt = new Date('2026-10-02T09:00:00Z');
    const older = lead({
      status: 'contacted',
      firstContactedAt: contactedAt,
      assignedClinicianId: '3f1c2a6e-1111-4c1d-9e1f-000000000001',
    });
    expect(survivorChanges(older, lead())).toEqual({});
    // Kept the other way round, the new lead takes the older one's place in the pipeline.
    expect(survivorChanges(lead(), older)).toEqual({
      status: 'contacted',
      statusChangedAt: older.statusChangedAt,
      firstContactedAt: contactedAt,
      assignedClinicianId: older.assignedClinicianId,
    });
  });

  it('keeps the status further in the pipeline, with the time it was reached', () => {
    expect(survivorChanges(lead({ status: 'spam' }), lead({ status: 'new' }))).toMatchObject({
      status: 'new',
    });
    expect(survivorChanges(lead({ status: 'new' }), lead({ status: 'declined' }))).toEqual({});
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        const result = merged(survivor, duplicate);
        expect([survivor.status, duplicate.status]).toContain(result.status);
        expect(pipelineRank(result.status)).toBe(
          Math.max(pipelineRank(survivor.status), pipelineRank(duplicate.status)),
        );
        // A closed or spam lead never wins over an open one.
        if (isOpen(survivor.status) || isOpen(duplicate.status)) {
          expect(isOpen(result.status)).toBe(true);
        }
        if (result.status !== survivor.status) {
          expect(result.statusChangedAt).toBe(duplicate.statusChangedAt);
        } else {
          expect(result.statusChangedAt).toBe(survivor.statusChangedAt);
        }
      }),
    );
  });

  it('keeps the earliest first contact of the two', () => {
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        const times = [survivor.firstContactedAt, duplicate.firstContactedAt]
          .filter((at): at is Date => at !== null)
          .map((at) => at.getTime());
        const first = merged(survivor, duplicate).firstContactedAt;
        expect(first?.getTime() ?? null).toBe(times.length > 0 ? Math.min(...times) : null);
      }),
    );
  });

  it('keeps a review pending on either lead, with its reason', () => {
    expect(
      survivorChanges(lead(), lead({ needsReview: true, reviewReason: 'captcha_unavailable' })),
    ).toEqual({ needsReview: true, reviewReason: 'captcha_unavailable' });
    fc.assert(
      fc.property(anyLead, anyLead, (survivor, duplicate) => {
        const result = merged(survivor, duplicate);
        expect(result.needsReview).toBe(survivor.needsReview || duplicate.needsReview);
        if (survivor.needsReview) expect(result.reviewReason).toBe(survivor.reviewReason);
      }),
    );
  });
});
