import type { ReviewReason } from '../leads/lead-review.js';
import { type LeadStatus, furtherStatus } from '../vocabulary/lead-status.js';
import { type Urgency, highestUrgency } from '../vocabulary/urgency.js';

/** What a merge reads of each lead. No framework code here. */
export interface MergeableLead {
  status: LeadStatus;
  statusChangedAt: Date;
  urgency: Urgency;
  tags: readonly string[];
  lastSubmissionAt: Date;
  /**
   * The first contact. FIRST-ATTEMPT SPOT: once leads carry `firstAttemptAt` (the first
   * logged contact attempt), add it here and take the earlier of the two as below.
   */
  firstContactedAt: Date | null;
  assignedClinicianId: string | null;
  needsReview: boolean;
  reviewReason: ReviewReason | null;
  phone: string | null;
  state: string | null;
  source: string | null;
}

/** The survivor's fields that change, and only those. */
export interface SurvivorChanges {
  status?: LeadStatus;
  statusChangedAt?: Date;
  urgency?: Urgency;
  tags?: string[];
  lastSubmissionAt?: Date;
  firstContactedAt?: Date;
  assignedClinicianId?: string;
  needsReview?: true;
  reviewReason?: ReviewReason;
  phone?: string;
  state?: string;
  source?: string;
}

/**
 * What the surviving lead takes from the duplicate folded into it, whichever of the two
 * staff chose to keep: the status further along the pipeline (with the time it was
 * reached), the higher urgency (both were said by the same person), the earliest first
 * contact, every tag of both, the latest submission time, a review still pending on
 * either, and whatever it lacks of assignment and contact facts. What the survivor
 * already has of those stays.
 */
export function survivorChanges(
  survivor: MergeableLead,
  duplicate: MergeableLead,
): SurvivorChanges {
  const changes: SurvivorChanges = {};
  const status = furtherStatus(survivor.status, duplicate.status);
  if (status !== survivor.status) {
    changes.status = status;
    changes.statusChangedAt = duplicate.statusChangedAt;
  }
  const urgency = highestUrgency(survivor.urgency, duplicate.urgency);
  if (urgency !== survivor.urgency) changes.urgency = urgency;
  const added = duplicate.tags.filter(
    (tag, index) => !survivor.tags.includes(tag) && duplicate.tags.indexOf(tag) === index,
  );
  if (added.length > 0) changes.tags = [...survivor.tags, ...added];
  if (duplicate.lastSubmissionAt.getTime() > survivor.lastSubmissionAt.getTime()) {
    changes.lastSubmissionAt = duplicate.lastSubmissionAt;
  }
  const firstContact = earlier(survivor.firstContactedAt, duplicate.firstContactedAt);
  if (firstContact !== survivor.firstContactedAt && firstContact !== null) {
    changes.firstContactedAt = firstContact;
  }
  if (survivor.assignedClinicianId === null && duplicate.assignedClinicianId !== null) {
    changes.assignedClinicianId = duplicate.assignedClinicianId;
  }
  if (!survivor.needsReview && duplicate.needsReview) {
    changes.needsReview = true;
    if (duplicate.reviewReason !== null) changes.reviewReason = duplicate.reviewReason;
  }
  for (const field of ['phone', 'state', 'source'] as const) {
    const missing = survivor[field] === null || survivor[field] === '';
    const value = duplicate[field];
    if (missing && value !== null && value !== '') changes[field] = value;
  }
  return changes;
}

/** The earlier of two times, either of which may be missing; `a` when they are equal. */
function earlier(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.getTime() < a.getTime() ? b : a;
}
