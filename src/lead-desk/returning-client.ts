/**
 * A possible returning client (docs/api.md#possible-returning-client): another live lead
 * with the same email or phone, whatever its status but spam. No framework code here:
 * the likely duplicates of the lead page are the candidates, so the two never disagree.
 */
import type { LeadStatus } from '../vocabulary/lead-status.js';

export const RETURNING_CLIENT_MATCHES = ['email', 'phone'] as const;
export type ReturningClientMatch = (typeof RETURNING_CLIENT_MATCHES)[number];

export interface ReturningClientLead {
  id: string;
  reference: string | null;
  status: LeadStatus;
  matchedOn: ReturningClientMatch[];
}

/** Of a lead's likely duplicates, those that share its email or phone and are not spam. */
export function returningClientMatches(
  duplicates: readonly {
    id: string;
    reference: string | null;
    status: LeadStatus;
    matchedOn: readonly string[];
  }[],
): ReturningClientLead[] {
  const matches: ReturningClientLead[] = [];
  for (const duplicate of duplicates) {
    if (duplicate.status === 'spam') continue;
    const matchedOn = RETURNING_CLIENT_MATCHES.filter((match) =>
      duplicate.matchedOn.includes(match),
    );
    if (matchedOn.length === 0) continue;
    matches.push({
      id: duplicate.id,
      reference: duplicate.reference,
      status: duplicate.status,
      matchedOn,
    });
  }
  return matches;
}
