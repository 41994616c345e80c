import { ApiProperty } from '@nestjs/swagger';
import type { DeskView } from '../vocabulary/desk-views.js';

const count = (description: string) =>
  ApiProperty({
    type: 'integer',
    minimum: 0,
    description: `${description} (\`view=\` of the list)`,
  });

/**
 * The desk's counts for the caller (docs/api.md#the-coordinators-desk): leads they may
 * see (a clinician: their own), open ones only (not spam or closed, merged or erased).
 */
export class LeadCountsView implements Record<DeskView, number> {
  @count('No contact attempt yet') needsFirstContact!: number;
  @count('Crisis urgency and no contact attempt yet') crisis!: number;
  @count('No contact attempt and past the response target') overdue!: number;
  @count('No clinician assigned') unassigned!: number;
  @count("Assigned to the caller's clinician profile (0 without one)") mine!: number;
  @count("The newest intake waits for the partner's answers") awaitingPartner!: number;
  @count('Held for review (a submission staff were not told of)') heldForReview!: number;
}
