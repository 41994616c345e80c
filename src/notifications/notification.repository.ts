import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moveLeadRows } from '../database/move-lead-rows.js';
import {
  Notification,
  type NotificationStatus,
  type RecipientKind,
} from './notification.entity.js';

export interface NewNotification {
  id: string;
  kind: Notification['kind'];
  status: Extract<NotificationStatus, 'pending' | 'held'>;
  dedupeKey: string;
  leadId: string | null;
  recipientKind: RecipientKind;
  recipientUserId: string | null;
  recipientSubmissionId: string | null;
  recipientAddress: string | null;
  context: Record<string, string>;
}

export interface HeldNotification {
  id: string;
  kind: Notification['kind'];
  recipient_kind: RecipientKind;
  recipient_submission_id: string | null;
  context: Record<string, string>;
}

/** The only writer of `notification`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class NotificationRepository {
  /** Stores a planned email; false when its dedupe key exists already. */
  async plan(manager: EntityManager, row: NewNotification): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO notification (id, kind, status, dedupe_key, lead_id, recipient_kind,
         recipient_user_id, recipient_submission_id, recipient_address, context)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        row.id,
        row.kind,
        row.status,
        row.dedupeKey,
        row.leadId,
        row.recipientKind,
        row.recipientUserId,
        row.recipientSubmissionId,
        row.recipientAddress,
        JSON.stringify(row.context),
      ],
    );
    return inserted.length > 0;
  }

  /** A lead's held emails, locked, oldest first. */
  async lockHeld(manager: EntityManager, leadId: string): Promise<HeldNotification[]> {
    return (await manager.query(
      `SELECT id, kind, recipient_kind, recipient_submission_id, context FROM notification
        WHERE lead_id = $1 AND status = 'held' ORDER BY created_at, id FOR UPDATE`,
      [leadId],
    )) as HeldNotification[];
  }

  async markPending(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE notification SET status = 'pending' WHERE id = $1`, [id]);
  }

  async withhold(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE notification SET status = 'withheld', last_error = $2 WHERE id = $1`,
      [id, reason],
    );
  }

  /** Only a row still pending: a commit that landed meanwhile is left as it is. */
  async markSentIfPending(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE notification SET status = 'sent', sent_at = $2, last_attempt_at = $2,
         attempts = attempts + 1, last_error = NULL
       WHERE id = $1 AND status = 'pending'`,
      [id, at],
    );
  }

  async lock(manager: EntityManager, id: string): Promise<Notification | null> {
    return manager.getRepository(Notification).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Stores a delivery attempt or a retry the caller made on a locked row. */
  async saveAttempt(manager: EntityManager, notification: Notification): Promise<void> {
    await manager.getRepository(Notification).save(notification);
  }

  /** None is sent about an erased lead: its pending and held emails fail. */
  async cancelForErasedLead(manager: EntityManager, leadId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'failed', lastError: 'cancelled: the lead was erased' })
      .where(`lead_id = :leadId AND status IN ('pending', 'held')`, { leadId })
      .execute();
    return result.affected ?? 0;
  }

  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, Notification, fromLeadId, toLeadId);
  }

  async deleteOfLeads(manager: EntityManager, leadIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM notification WHERE lead_id = ANY($1::uuid[])`, [leadIds]);
  }
}
