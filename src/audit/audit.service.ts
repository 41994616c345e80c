import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEvent } from './audit-event.entity.js';
import { type AuditEventFilter, AuditRepository } from './audit-event.repository.js';
import { FOLDED_ACTIONS, type FoldedRow, foldEvents } from './audit-folding.js';

/** One row of the audit log as staff read it: an event, or several folded into one. */
export interface AuditLogRow extends FoldedRow<AuditEvent> {
  actorName: string | null;
  /** The first reference of the event's lead, if it has a lead. */
  leadReference: string | null;
}

/** Folding looks at most this many events per page, so a page never reads the whole trail. */
export const FOLD_SCAN_LIMIT = 2000;

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

  /**
   * A page of the audit log, newest first (docs/api.md#audit-log-folding): with `fold`,
   * lead listings of one person, address and hour as one row; each row with its actor's
   * name and its lead's reference. `nextCursor`: the id below which the next page starts.
   */
  async log(
    filter: AuditEventFilter,
    { limit, fold }: { limit: number; fold: boolean },
  ): Promise<{ rows: AuditLogRow[]; nextCursor: string | null }> {
    const manager = this.dataSource.manager;
    const scan = fold ? Math.min(FOLD_SCAN_LIMIT, Math.max(limit * 20, 200)) : limit;
    const events = await this.events.newestFirst(manager, filter, scan + 1);
    const page = foldEvents(events.slice(0, scan), limit, fold ? FOLDED_ACTIONS : []);
    // More to read when the page filled up, or the events read ran past the scan.
    const more = page.full || events.length > scan;
    const names = await this.actorNames(manager, page.rows);
    const references = await this.leadReferences(manager, page.rows);
    return {
      rows: page.rows.map((row) => ({
        ...row,
        actorName: row.event.actorUserId ? (names.get(row.event.actorUserId) ?? null) : null,
        leadReference: row.event.leadId ? (references.get(row.event.leadId) ?? null) : null,
      })),
      nextCursor: more ? page.lastTakenId : null,
    };
  }

  private async actorNames(
    manager: EntityManager,
    rows: readonly FoldedRow<AuditEvent>[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((row) => row.event.actorUserId ?? []))];
    if (ids.length === 0) return new Map();
    const found = (await manager.query(
      `SELECT id, name FROM staff_user WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; name: string }[];
    return new Map(found.map((row) => [row.id, row.name]));
  }

  private async leadReferences(
    manager: EntityManager,
    rows: readonly FoldedRow<AuditEvent>[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((row) => row.event.leadId ?? []))];
    if (ids.length === 0) return new Map();
    const found = (await manager.query(
      `SELECT DISTINCT ON (lead_id) lead_id, reference FROM submission_reference
        WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id, created_at, reference`,
      [ids],
    )) as { lead_id: string; reference: string }[];
    return new Map(found.map((row) => [row.lead_id, row.reference]));
  }
}
