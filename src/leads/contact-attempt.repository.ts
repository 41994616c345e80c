import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactChannel, ContactOutcome } from '../vocabulary/contact-attempts.js';
import { moveLeadRows } from '../database/move-lead-rows.js';
import { ContactAttempt } from './contact-attempt.entity.js';

export interface NewContactAttempt {
  id: string;
  leadId: string;
  authorUserId: string;
  channel: ContactChannel | null;
  outcome: ContactOutcome;
  /** The note, sealed by the caller; null without one. */
  noteEncrypted: string | null;
  /** When it was made, if not now (the transaction's time). */
  at?: Date;
}

/**
 * The only writer of `contact_attempt`. Attempts are never edited; erasure empties their
 * notes and a merge moves them. Runs in the caller's transaction (`manager`).
 */
@Injectable()
export class ContactAttemptRepository {
  /** Adds an attempt; answers when it was stored. */
  async add(manager: EntityManager, attempt: NewContactAttempt): Promise<Date> {
    const [row] = (await manager.query(
      `INSERT INTO contact_attempt (id, lead_id, author_user_id, channel, outcome, note_encrypted, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now())) RETURNING created_at`,
      [
        attempt.id,
        attempt.leadId,
        attempt.authorUserId,
        attempt.channel,
        attempt.outcome,
        attempt.noteEncrypted,
        attempt.at ?? null,
      ],
    )) as { created_at: Date }[];
    return row!.created_at;
  }

  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, ContactAttempt, fromLeadId, toLeadId);
  }

  /** Empties the notes of a lead's attempts; answers how many held one. */
  async eraseNotes(manager: EntityManager, leadId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ContactAttempt)
      .set({ noteEncrypted: null })
      .where('lead_id = :leadId AND note_encrypted IS NOT NULL', { leadId })
      .execute();
    return result.affected ?? 0;
  }
}
