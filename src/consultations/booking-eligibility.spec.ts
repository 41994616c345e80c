import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LEAD_STATUSES } from '../vocabulary/lead-status.js';
import { URGENCIES } from '../vocabulary/urgency.js';
import {
  type BookingLeadFacts,
  STAFF_REASONS,
  bookingEligibility,
  publicReason,
} from './booking-eligibility.js';

const aLead = (facts: Partial<BookingLeadFacts> = {}): BookingLeadFacts => ({
  status: 'new',
  urgency: 'routine',
  serviceType: 'couples',
  needsReview: false,
  gone: false,
  awaitingPartner: false,
  safetyConcern: false,
  ...facts,
});

describe('bookingEligibility', () => {
  it('lets an open, routine lead book', () => {
    expect(bookingEligibility(true, aLead())).toEqual({ onlineBookable: true });
    expect(bookingEligibility(true, aLead({ status: 'consultation_scheduled' }))).toEqual({
      onlineBookable: true,
    });
  });

  it('names the reason a lead may not book, first one first', () => {
    expect(bookingEligibility(false, aLead())).toEqual({
      onlineBookable: false,
      reason: 'booking_disabled',
    });
    expect(bookingEligibility(true, aLead({ status: 'declined' }))).toMatchObject({
      reason: 'closed',
    });
    expect(bookingEligibility(true, aLead({ gone: true }))).toMatchObject({ reason: 'closed' });
    expect(bookingEligibility(true, aLead({ urgency: 'crisis' }))).toMatchObject({
      reason: 'crisis',
    });
    expect(bookingEligibility(true, aLead({ needsReview: true }))).toMatchObject({
      reason: 'kept_for_review',
    });
    expect(bookingEligibility(true, aLead({ safetyConcern: true }))).toMatchObject({
      reason: 'safety_concern',
    });
    expect(bookingEligibility(true, aLead({ awaitingPartner: true }))).toMatchObject({
      reason: 'waiting_for_partner',
    });
  });

  it('never tells a couple with a safety concern to wait for the partner', () => {
    expect(
      bookingEligibility(true, aLead({ awaitingPartner: true, safetyConcern: true })),
    ).toMatchObject({ reason: 'safety_concern' });
  });

  it('the page hears only "waiting for partner" or "the practice will contact you"', () => {
    expect(STAFF_REASONS.map(publicReason)).toEqual([
      'practice_will_contact',
      'practice_will_contact',
      'practice_will_contact',
      'practice_will_contact',
      'practice_will_contact',
      'waiting_for_partner',
    ]);
  });

  it('any crisis, review or safety concern is never bookable, whatever else is true', () => {
    const facts = fc.record({
      status: fc.constantFrom(...LEAD_STATUSES),
      urgency: fc.constantFrom(...URGENCIES),
      serviceType: fc.constantFrom('individual' as const, 'couples' as const, 'family' as const),
      needsReview: fc.boolean(),
      gone: fc.boolean(),
      awaitingPartner: fc.boolean(),
      safetyConcern: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, fc.boolean(), (lead, enabled) => {
        const answer = bookingEligibility(enabled, lead);
        const needsAPerson = lead.urgency === 'crisis' || lead.needsReview || lead.safetyConcern;
        if (needsAPerson) {
          expect(answer.onlineBookable).toBe(false);
          if (!answer.onlineBookable) {
            expect(publicReason(answer.reason)).toBe('practice_will_contact');
          }
        }
      }),
    );
  });
});
