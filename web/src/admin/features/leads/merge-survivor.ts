import type { LeadStatus } from '../../../api/types';

/**
 * Which of two leads should survive a merge by default: the one further along the
 * pipeline, in the server's order for merges (a closed lead never before an open one; a
 * contacted lead is never folded into a new one), then the one with a first attempt, then
 * the older. The server decides what the survivor keeps; this only picks the default the
 * person confirms. No React here: tested on its own.
 */
const PIPELINE_RANK: Record<LeadStatus, number> = {
  spam: 0,
  closed_no_response: 1,
  declined: 2,
  referred_out: 3,
  converted: 4,
  new: 5,
  in_review: 6,
  contacted: 7,
  waitlisted: 8,
  consultation_scheduled: 9,
};

export interface MergeCandidate {
  id: string;
  status: LeadStatus;
  createdAt: string;
  firstAttemptAt?: string | null;
  firstContactedAt?: string | null;
}

export function defaultSurvivor<T extends MergeCandidate>(one: T, other: T): T {
  const rank = PIPELINE_RANK[one.status] - PIPELINE_RANK[other.status];
  if (rank !== 0) return rank > 0 ? one : other;
  const reached = (lead: T) => Boolean(lead.firstAttemptAt ?? lead.firstContactedAt);
  if (reached(one) !== reached(other)) return reached(one) ? one : other;
  return Date.parse(one.createdAt) <= Date.parse(other.createdAt) ? one : other;
}
