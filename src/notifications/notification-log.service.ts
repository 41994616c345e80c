import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditActor } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem-details.js';
import { newestFirstAfter, newestFirstPage } from '../common/newest-first.js';
import { JobQueue } from '../queue/job-queue.js';
import type { NotificationsQueryDto } from './dto/notifications-query.dto.js';
import type { NotificationKind, NotificationStatus, RecipientKind } from './notification.entity.js';
import type {
  NotificationPage,
  NotificationRetryView,
  NotificationView,
} from './notification.view.js';
import { NotificationsService } from './notifications.service.js';
import { isUuid } from '../common/uuid.js';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  lead_id: string | null;
  recipient_kind: RecipientKind;
  recipient_user_id: string | null;
  created_at: Date;
  cursor_created_at: string;
  last_attempt_at: Date | null;
  sent_at: Date | null;
}

/**
 * What staff see of outgoing email (docs/api.md#audit-trail-notifications-webhooks): kind,
 * status, attempts and errors, newest first. Never a message's content or an address:
 * the columns that could lead to one are not even selected.
 */
@Injectable()
export class NotificationLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly queue: JobQueue,
  ) {}

  async list(query: NotificationsQueryDto): Promise<NotificationPage> {
    const limit = query.limit ?? 25;
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: (next: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if (query.status) where((p) => `status = ${p}`, query.status);
    if (query.kind) where((p) => `kind = ${p}`, query.kind);
    if (query.leadId) where((p) => `lead_id = ${p}`, query.leadId);
    if (query.cursor !== undefined) {
      const after = newestFirstAfter(query.cursor)!;
      parameters.push(after.createdAt, after.id);
      conditions.push(
        `(created_at, id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`,
      );
    }
    parameters.push(limit + 1);
    const manager = this.dataSource.manager;
    const rows = (await manager.query(
      `SELECT id, kind, status, attempts, last_error, lead_id, recipient_kind, recipient_user_id,
              created_at, last_attempt_at, sent_at,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_created_at
         FROM notification
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC
        LIMIT $${parameters.length}`,
      parameters,
    )) as NotificationRow[];
    const { page, nextCursor } = newestFirstPage(rows, limit);
    const nextRuns = await this.queue.nextRunsIn(
      manager,
      'notification.deliver',
      'notificationId',
      page.filter((row) => row.status === 'pending').map((row) => row.id),
    );
    return {
      items: page.map((row) => toNotificationView(row, nextRuns.get(row.id))),
      nextCursor,
    };
  }

  /** Sends a failed notification again: 404 unknown, 409 when it has not failed. */
  async retry(id: string, actor: AuditActor): Promise<NotificationRetryView> {
    if (!isUuid(id)) throw new ProblemException('not-found');
    switch (await this.notifications.retry(id, actor)) {
      case 'not_found':
        throw new ProblemException('not-found');
      case 'not_failed':
        throw new ProblemException(
          'conflict',
          'Only a failed notification can be retried; this one is pending or was sent.',
        );
      case 'queued':
        return { id, status: 'pending' };
    }
  }
}

function toNotificationView(row: NotificationRow, nextRun: Date | undefined): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    leadId: row.lead_id,
    recipient: {
      kind: row.recipient_kind,
      ...(row.recipient_kind === 'user' && row.recipient_user_id
        ? { userId: row.recipient_user_id }
        : {}),
    },
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
    ...(nextRun ? { nextAttemptAt: nextRun.toISOString() } : {}),
  };
}
