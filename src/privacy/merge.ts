import { type Urgency, highestUrgency } from '../vocabulary/urgency.js';

/** What a merge reads of each lead. No framework code here. */
export interface MergeableLead {
  urgency: Urgency;
  tags: readonly string[];
  lastSubmissionAt: Date;
  assignedClinicianId: string | null;
  phone: string | null;
  state: string | null;
  source: string | null;
}

/** The survivor's fields that change, and only those. */
export interface SurvivorChanges {
  urgency?: Urgency;
  tags?: string[];
  lastSubmissionAt?: Date;
  assignedClinicianId?: string;
  phone?: string;
  state?: string;
  source?: string;
}

/**
 * What the surviving lead takes from the duplicate folded into it: the higher urgency
 * (both were said by the same person), every tag of both, the latest submission time,
 * and whatever it lacks of assignment and contact facts. Status and anything the
 * survivor already has stay as they are.
 */
export function survivorChanges(
  survivor: MergeableLead,
  duplicate: MergeableLead,
): SurvivorChanges {
  const changes: SurvivorChanges = {};
  const urgency = highestUrgency(survivor.urgency, duplicate.urgency);
  if (urgency !== survivor.urgency) changes.urgency = urgency;
  const added = duplicate.tags.filter(
    (tag, index) => !survivor.tags.includes(tag) && duplicate.tags.indexOf(tag) === index,
  );
  if (added.length > 0) changes.tags = [...survivor.tags, ...added];
  if (duplicate.lastSubmissionAt.getTime() > survivor.lastSubmissionAt.getTime()) {
    changes.lastSubmissionAt = duplicate.lastSubmissionAt;
  }
  if (survivor.assignedClinicianId === null && duplicate.assignedClinicianId !== null) {
    changes.assignedClinicianId = duplicate.assignedClinicianId;
  }
  for (const field of ['phone', 'state', 'source'] as const) {
    const missing = survivor[field] === null || survivor[field] === '';
    const value = duplicate[field];
    if (missing && value !== null && value !== '') changes[field] = value;
  }
  return changes;
}
