import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReviewReason } from './lead-review.js';

/** Writes of the `lead_event` table (a lead's timeline) for the submission path. */
@Injectable()
export class LeadEventRepository {
  /** The timeline says why a submission's lead now waits for a person's look. */
  async recordSubmissionFlaggedForReview(
    manager: EntityManager,
    leadId: string,
    reason: ReviewReason,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO lead_event (lead_id, kind, actor_user_id, details)
       VALUES ($1, 'review_flagged', NULL, $2::jsonb)`,
      [leadId, JSON.stringify({ reason })],
    );
  }
}
