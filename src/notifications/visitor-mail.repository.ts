import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deleteInBatches } from '../database/batched-delete.js';
import { VisitorMail } from './visitor-mail.entity.js';

/** The only writer of `visitor_mail`, the count of emails to visitors' mailboxes. */
@Injectable()
export class VisitorMailRepository {
  /**
   * Counts one email to a mailbox if it had fewer than `limit` in the last `hours`; false
   * when it had its emails. The caller holds the mailbox's lock.
   */
  async countIfUnder(
    manager: EntityManager,
    notificationId: string,
    mailboxKey: string,
    limit: number,
    hours: number,
  ): Promise<boolean> {
    const counted: unknown[] = await manager.query(
      `INSERT INTO visitor_mail (notification_id, mailbox_key)
       SELECT $1::uuid, $2::varchar
        WHERE (SELECT count(*) FROM visitor_mail
                WHERE mailbox_key = $2::varchar
                  AND sent_at > now() - make_interval(hours => $4::int)) < $3::int
       RETURNING notification_id`,
      [notificationId, mailboxKey, limit, hours],
    );
    return counted.length > 0;
  }

  async deleteSentBefore(manager: EntityManager, cutoff: Date): Promise<number> {
    return deleteInBatches(manager, VisitorMail, 'notification_id', `sent_at < :cutoff`, {
      cutoff,
    });
  }
}
