import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ALLOWED_TRANSITIONS, LEAD_STATUSES, type LeadStatus } from '../vocabulary/lead-status.js';
import { CONTACTED_STAGES, type TriageFields, planTriage } from './lead-triage.js';
import { URGENCIES } from '../vocabulary/urgency.js';

const CLINICIAN = '5b0c1f7e-4c1d-4a57-9a0e-2f3d4c5b6a79';

function aLead(overrides: Partial<TriageFields> = {}): TriageFields {
  return {
    status: 'new',
    urgency: 'routine',
    assignedClinicianId: null,
    tags: [],
    firstContactedAt: null,
    needsReview: false,
    reviewReason: null,
    ...overrides,
  };
}

describe('planTriage', () => {
  it('changes nothing for an empty request or one asking for what the lead already is', () => {
    expect(planTriage(aLead(), {})).toEqual({ ok: true, changes: [] });
    const lead = aLead({ status: 'in_review', tags: ['a', 'b'], assignedClinicianId: CLINICIAN });
    expect(
      planTriage(lead, {
        status: 'in_review',
        urgency: 'routine',
        assignedClinicianId: CLINICIAN,
        tags: ['B ', 'a', 'a'],
      }),
    ).toEqual({ ok: true, changes: [] });
  });

  it('refuses a move outside the table and names it', () => {
    expect(planTriage(aLead(), { status: 'converted', urgency: 'high' })).toEqual({
      ok: false,
      refused: { from: 'new', to: 'converted' },
    });
  });

  it('lists every change in a fixed order', () => {
    const plan = planTriage(aLead({ tags: ['old'] }), {
      tags: ['New', 'old'],
      assignedClinicianId: CLINICIAN,
      urgency: 'crisis',
      status: 'contacted',
    });
    expect(plan).toEqual({
      ok: true,
      changes: [
        { field: 'status', from: 'new', to: 'contacted', firstContact: true },
        { field: 'urgency', from: 'routine', to: 'crisis' },
        { field: 'assignedClinicianId', from: null, to: CLINICIAN },
        { field: 'tags', to: ['new', 'old'], added: ['new'], removed: [] },
      ],
    });
  });

  it('clears a review with its reason, and does nothing for a lead that needs none', () => {
    const flagged = aLead({ needsReview: true, reviewReason: 'captcha_unavailable' });
    expect(planTriage(flagged, { needsReview: false })).toEqual({
      ok: true,
      changes: [{ field: 'needsReview', to: false, reason: 'captcha_unavailable' }],
    });
    expect(planTriage(aLead(), { needsReview: false })).toEqual({ ok: true, changes: [] });
  });

  it('keeps a review open when the request does not mention it', () => {
    const flagged = aLead({ needsReview: true, reviewReason: 'captcha_unavailable' });
    expect(planTriage(flagged, { urgency: 'high' })).toEqual({
      ok: true,
      changes: [{ field: 'urgency', from: 'routine', to: 'high' }],
    });
  });

  it('removing a tag is a change, with nothing added', () => {
    expect(planTriage(aLead({ tags: ['callback', 'spanish'] }), { tags: ['spanish'] })).toEqual({
      ok: true,
      changes: [{ field: 'tags', to: ['spanish'], added: [], removed: ['callback'] }],
    });
  });

  it('unassigns with null', () => {
    expect(
      planTriage(aLead({ assignedClinicianId: CLINICIAN }), { assignedClinicianId: null }),
    ).toEqual({
      ok: true,
      changes: [{ field: 'assignedClinicianId', from: CLINICIAN, to: null }],
    });
  });

  it('counts the first contact once: reaching contacted, consultation_scheduled or converted', () => {
    const first = planTriage(aLead({ status: 'in_review' }), { status: 'contacted' });
    expect(first).toMatchObject({ changes: [{ firstContact: true }] });
    const again = planTriage(
      aLead({ status: 'waitlisted', firstContactedAt: new Date('2026-11-20T10:00:00Z') }),
      { status: 'contacted' },
    );
    expect(again).toMatchObject({ changes: [{ firstContact: false }] });
    const waitlisted = planTriage(aLead({ status: 'in_review' }), { status: 'waitlisted' });
    expect(waitlisted).toMatchObject({ changes: [{ firstContact: false }] });
  });

  it('follows the status table along any path, and marks a first contact at most once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LEAD_STATUSES), { maxLength: 30 }),
        (targets: LeadStatus[]) => {
          let lead = aLead();
          let firstContacts = 0;
          for (const target of targets) {
            const plan = planTriage(lead, { status: target });
            const allowed =
              target === lead.status || ALLOWED_TRANSITIONS[lead.status].includes(target);
            expect(plan.ok).toBe(allowed);
            if (!plan.ok || plan.changes.length === 0) continue;
            const [change] = plan.changes;
            if (change?.field !== 'status') throw new Error('expected a status change');
            if (change.firstContact) {
              firstContacts += 1;
              expect(CONTACTED_STAGES).toContain(target);
              lead = { ...lead, firstContactedAt: new Date() };
            }
            lead = { ...lead, status: target };
          }
          expect(firstContacts).toBeLessThanOrEqual(1);
          const reachedContact = lead.firstContactedAt !== null;
          expect(firstContacts).toBe(reachedContact ? 1 : 0);
        },
      ),
    );
  });

  it('changes urgency to any urgency, and only when it differs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URGENCIES), fc.constantFrom(...URGENCIES), (from, to) => {
        const plan = planTriage(aLead({ urgency: from }), { urgency: to });
        expect(plan).toEqual({
          ok: true,
          changes: from === to ? [] : [{ field: 'urgency', from, to }],
        });
      }),
    );
  });
});
