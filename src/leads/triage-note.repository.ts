import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TriageNote } from './triage-note.entity.js';
import { moveLeadRows } from '../database/move-lead-rows.js';

export interface NewTriageNote {
  id: string;
  leadId: string;
  authorUserId: string;
  /** The body, sealed by the caller. */
  bodyEncrypted: string;
}

/**
 * The only writer of `triage_note`. Notes are never edited; erasure empties their bodies
 * and a merge moves them. Runs in the caller's transaction (`manager`).
 */
@Injectable()
export class NoteRepository {
  /** Adds a note; answers when it was stored. */
  async add(manager: EntityManager, note: NewTriageNote): Promise<Date> {
    const [row] = (await manager.query(
      `INSERT INTO triage_note (id, lead_id, author_user_id, body_encrypted)
       VALUES ($1, $2, $3, $4) RETURNING created_at`,
      [note.id, note.leadId, note.authorUserId, note.bodyEncrypted],
    )) as { created_at: Date }[];
    return row!.created_at;
  }

  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, TriageNote, fromLeadId, toLeadId);
  }

  /** Empties the bodies of a lead's notes; answers how many held one. */
  async eraseBodies(manager: EntityManager, leadId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(TriageNote)
      .set({ bodyEncrypted: null })
      .where('lead_id = :leadId AND body_encrypted IS NOT NULL', { leadId })
      .execute();
    return result.affected ?? 0;
  }
}
