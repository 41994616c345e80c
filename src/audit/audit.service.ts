import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEvent } from './audit-event.entity.js';
import { type AuditEventFilter, AuditRepository } from './audit-event.repository.js';

/** Who did it and from where, taken from the request that did it. */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  leadId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Ids, statuses, field names, counts: never client data. */
  details?: Record<string, unknown>;
}

export function actorOf(request: FastifyRequest): AuditActor {
  return {
    userId: request.staff?.user.id ?? null,
    role: request.staff?.user.role ?? null,
    ip: request.ip ?? null,
    requestId: String(request.id),
  };
}

/**
 * Writes the append-only audit trail (docs/api.md#audit-trail-notifications-webhooks; the
 * database refuses edits).
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: AuditRepository,
  ) {}

  /** Records in `manager`'s transaction when given, so the event stands or falls with the change. */
  async record(
    actor: AuditActor,
    entry: AuditEntry,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const event: Partial<AuditEvent> = {
      actorUserId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      requestId: actor.requestId,
      action: entry.action,
      leadId: entry.leadId ?? null,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      details: entry.details ?? {},
    };
    await this.events.append(manager, event);
  }

  /** The trail newest first, at most `limit` events. */
  newestFirst(filter: AuditEventFilter, limit: number): Promise<AuditEvent[]> {
    return this.events.newestFirst(this.dataSource.manager, filter, limit);
  }
}
