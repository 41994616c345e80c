import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeadEvent } from './lead-event.entity.js';
import type { ReviewReason } from './lead-review.js';
import { moveLeadRows } from '../database/move-lead-rows.js';

/** A timeline step to record: statuses and ids in `details`, never client data. */
export interface NewLeadEvent {
  leadId: string;
  kind: string;
  /** The staff member, or null for the service itself. */
  actorUserId: string | null;
  details: Record<string, unknown>;
}

/** The only writer of `lead_event`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class LeadEventRepository {
  async record(manager: EntityManager, ...events: NewLeadEvent[]): Promise<void> {
    if (events.length === 0) return;
    // insert() types jsonb as a deep-partial entity; a plain object is what it stores.
    await manager.getRepository(LeadEvent).insert(events as never);
  }

  /** Re-points a merged duplicate's timeline at the lead that survived it. */
  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, LeadEvent, fromLeadId, toLeadId);
  }

  /** A tag change names the tags: erasure empties those copies (the event stays). */
  async forgetTagNames(manager: EntityManager, leadId: string): Promise<void> {
    await manager.query(
      `UPDATE lead_event SET details = '{"added": [], "removed": []}'::jsonb
        WHERE lead_id = $1 AND kind = 'tags_changed'`,
      [leadId],
    );
  }

  async deleteOfLeads(manager: EntityManager, leadIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM lead_event WHERE lead_id = ANY($1::uuid[])`, [leadIds]);
  }

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
