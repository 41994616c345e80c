import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Staff } from '../auth/staff.decorator.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditEventPage } from './dto/audit-event.view.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actor: { userId: string | null; role: string | null };
  action: string;
  leadId: string | null;
  subject: { type: string; id: string | null } | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

function toView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: { userId: event.actorUserId, role: event.actorRole },
    action: event.action,
    leadId: event.leadId,
    subject: event.subjectType ? { type: event.subjectType, id: event.subjectId } : null,
    ip: event.ip,
    requestId: event.requestId,
    details: event.details,
  };
}

/** GET /v1/admin/audit-events: who did what, to which lead, when, from where (newest first). */
@ApiTags('admin')
@Controller('v1/admin/audit-events')
@Staff('admin')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first: who did what, to which lead, when' })
  @ApiOkResponse({ type: AuditEventPage })
  async list(
    @Query() query: AuditQueryDto,
  ): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const builder = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .orderBy('event.id', 'DESC')
      .limit(limit + 1);
    if (query.actorUserId)
      builder.andWhere('event.actorUserId = :actor', { actor: query.actorUserId });
    if (query.leadId) builder.andWhere('event.leadId = :leadId', { leadId: query.leadId });
    if (query.action?.endsWith('.')) {
      builder.andWhere(`event.action LIKE :prefix`, { prefix: `${query.action}%` });
    } else if (query.action) {
      builder.andWhere('event.action = :action', { action: query.action });
    }
    if (query.from) builder.andWhere('event.occurredAt >= :from', { from: query.from });
    if (query.to) builder.andWhere('event.occurredAt < :to', { to: query.to });
    if (query.cursor) builder.andWhere('event.id < :cursor', { cursor: query.cursor });
    const rows = await builder.getMany();
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit ? page.at(-1)!.id : null,
    };
  }
}
