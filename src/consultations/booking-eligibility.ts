/**
 * Whether a client may book their first conversation online, and what the booking page
 * and the staff are told (docs/api.md#consultations). No framework code here.
 *
 * The page says only `waiting_for_partner` or `practice_will_contact`; the second is
 * also what it says when no clinician has a free slot, so nobody learns from the page
 * whether a partner disclosed something. Staff see the real reason.
 */
import type { ServiceType } from '../vocabulary/contact.js';
import { type LeadStatus, isOpen } from '../vocabulary/lead-status.js';
import type { Urgency } from '../vocabulary/urgency.js';

export const PUBLIC_REASONS = ['waiting_for_partner', 'practice_will_contact'] as const;
export type PublicReason = (typeof PUBLIC_REASONS)[number];

/** Why a lead is not offered slots, as staff see it. */
export const STAFF_REASONS = [
  'booking_disabled',
  'closed',
  'crisis',
  'kept_for_review',
  'safety_concern',
  'waiting_for_partner',
] as const;
export type StaffReason = (typeof STAFF_REASONS)[number];

export interface BookingLeadFacts {
  readonly status: LeadStatus;
  readonly urgency: Urgency;
  readonly serviceType: ServiceType;
  readonly needsReview: boolean;
  readonly gone: boolean;
  /** A couple's intake still waits for the second partner's answers. */
  readonly awaitingPartner: boolean;
  /** Either partner's (or the one respondent's) answers raised a safety concern. */
  readonly safetyConcern: boolean;
}

export type Eligibility = { onlineBookable: true } | { onlineBookable: false; reason: StaffReason };

/**
 * The first reason that applies, in this order: the practice's switch, a closed or gone
 * lead, then what needs a person (crisis, review, safety) before waiting for a partner,
 * so a couple with a disclosed concern is never told to wait and then later turned away.
 */
export function bookingEligibility(enabled: boolean, lead: BookingLeadFacts): Eligibility {
  const no = (reason: StaffReason): Eligibility => ({ onlineBookable: false, reason });
  if (!enabled) return no('booking_disabled');
  if (lead.gone || !isOpen(lead.status)) return no('closed');
  if (lead.urgency === 'crisis') return no('crisis');
  if (lead.needsReview) return no('kept_for_review');
  if (lead.safetyConcern) return no('safety_concern');
  if (lead.awaitingPartner) return no('waiting_for_partner');
  return { onlineBookable: true };
}

/** What the booking page may say: only the partner wait is told as such. */
export function publicReason(reason: StaffReason): PublicReason {
  return reason === 'waiting_for_partner' ? 'waiting_for_partner' : 'practice_will_contact';
}

/** What staff are advised to do, in a sentence, for each reason. */
export const STAFF_ADVICE: Readonly<Record<StaffReason, string>> = {
  booking_disabled: 'Online booking is off for the practice: book by hand.',
  closed: 'The lead is closed, merged or erased.',
  crisis: 'Crisis: contact the client now; book by hand once it is safe to.',
  kept_for_review: 'Kept for review: release the lead before the client can book online.',
  safety_concern: 'Screen each partner individually before booking a joint consultation.',
  waiting_for_partner: 'Waiting for the second partner’s answers.',
};
