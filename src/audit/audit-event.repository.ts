import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEventFilter {
  actorUserId?: string;
  leadId?: string;
  /** An exact action, or a prefix ending in `.` (`lead.`). */
  action?: string;
  from?: Date | string;
  to?: Date | string;
  /** Events older than this id (newest first). */
  before?: string;
}

/** The only writer of `audit_event` (append-only: the database refuses edits). */
@Injectable()
export class AuditRepository {
  async append(manager: EntityManager, event: Partial<AuditEvent>): Promise<void> {
    // insert() types jsonb as a deep-partial entity; a plain object is what it stores.
    await manager.getRepository(AuditEvent).insert(event as never);
  }

  /** Newest first, at most `limit` events. */
  async newestFirst(
    manager: EntityManager,
    filter: AuditEventFilter,
    limit: number,
  ): Promise<AuditEvent[]> {
    const builder = manager
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .orderBy('event.id', 'DESC')
      .limit(limit);
    if (filter.actorUserId)
      builder.andWhere('event.actorUserId = :actor', { actor: filter.actorUserId });
    if (filter.leadId) builder.andWhere('event.leadId = :leadId', { leadId: filter.leadId });
    if (filter.action?.endsWith('.')) {
      builder.andWhere(`event.action LIKE :prefix`, { prefix: `${filter.action}%` });
    } else if (filter.action) {
      builder.andWhere('event.action = :action', { action: filter.action });
    }
    if (filter.from) builder.andWhere('event.occurredAt >= :from', { from: filter.from });
    if (filter.to) builder.andWhere('event.occurredAt < :to', { to: filter.to });
    if (filter.before) builder.andWhere('event.id < :cursor', { cursor: filter.before });
    return builder.getMany();
  }
}
