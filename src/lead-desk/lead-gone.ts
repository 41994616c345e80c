import { ProblemException } from '../common/problem-details.js';
import type { Lead } from '../leads/lead.entity.js';

/** An erased lead is a tombstone, a merged one lives on in another lead: neither changes (409). */
export function refuseIfGone(lead: Pick<Lead, 'erasedAt' | 'mergedIntoLeadId'>): void {
  if (lead.erasedAt) {
    throw new ProblemException('conflict', 'This lead was erased; it can no longer change.');
  }
  if (lead.mergedIntoLeadId) {
    throw new ProblemException(
      'conflict',
      `This lead was merged into lead ${lead.mergedIntoLeadId}; change that one instead.`,
    );
  }
}
