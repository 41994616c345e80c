/**
 * What a staff change to a lead amounts to (docs/api.md#leads, `PATCH /v1/admin/leads/:id`). No
 * framework code here: the service applies the plan, this file holds the rules.
 */
import { type LeadStatus, canTransition } from '../vocabulary/lead-status.js';
import type { ReviewReason } from './lead-review.js';
import { tagChange, uniqueTags } from './lead-tags.js';
import type { Urgency } from '../vocabulary/urgency.js';

/** Reaching one of these for the first time is the first contact (time to first contact). */
export const CONTACTED_STAGES: readonly LeadStatus[] = [
  'contacted',
  'consultation_scheduled',
  'converted',
];

export interface TriageFields {
  status: LeadStatus;
  urgency: Urgency;
  assignedClinicianId: string | null;
  tags: string[];
  firstContactedAt: Date | null;
  needsReview: boolean;
  reviewReason: ReviewReason | null;
}

/** Absent fields stay as they are; `assignedClinicianId: null` unassigns. */
export interface TriageRequest {
  status?: LeadStatus;
  urgency?: Urgency;
  assignedClinicianId?: string | null;
  tags?: string[];
  /** Only `false`: the review is done. */
  needsReview?: false;
}

export type TriageChange =
  | { field: 'status'; from: LeadStatus; to: LeadStatus; firstContact: boolean }
  | { field: 'urgency'; from: Urgency; to: Urgency }
  | { field: 'assignedClinicianId'; from: string | null; to: string | null }
  | { field: 'tags'; to: string[]; added: string[]; removed: string[] }
  | { field: 'needsReview'; to: false; reason: ReviewReason | null };

export type TriagePlan =
  | { ok: true; changes: TriageChange[] }
  | { ok: false; refused: { from: LeadStatus; to: LeadStatus } };

/**
 * The changes a request makes to a lead, in the order status, urgency, assignment, tags,
 * review;
 * none for a request that asks for what the lead already is. A status move outside the
 * status table (docs/api.md#lead-statuses-and-allowed-moves) refuses the whole request.
 */
export function planTriage(current: TriageFields, request: TriageRequest): TriagePlan {
  const changes: TriageChange[] = [];
  if (request.status !== undefined && request.status !== current.status) {
    if (!canTransition(current.status, request.status)) {
      return { ok: false, refused: { from: current.status, to: request.status } };
    }
    changes.push({
      field: 'status',
      from: current.status,
      to: request.status,
      firstContact: current.firstContactedAt === null && CONTACTED_STAGES.includes(request.status),
    });
  }
  if (request.urgency !== undefined && request.urgency !== current.urgency) {
    changes.push({ field: 'urgency', from: current.urgency, to: request.urgency });
  }
  if (
    request.assignedClinicianId !== undefined &&
    request.assignedClinicianId !== current.assignedClinicianId
  ) {
    changes.push({
      field: 'assignedClinicianId',
      from: current.assignedClinicianId,
      to: request.assignedClinicianId,
    });
  }
  if (request.tags !== undefined) {
    const tags = uniqueTags(request.tags);
    const { added, removed } = tagChange(current.tags, tags);
    if (added.length > 0 || removed.length > 0) {
      changes.push({ field: 'tags', to: tags, added, removed });
    }
  }
  if (request.needsReview === false && current.needsReview) {
    changes.push({ field: 'needsReview', to: false, reason: current.reviewReason });
  }
  return { ok: true, changes };
}
