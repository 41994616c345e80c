import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Staff } from '../common/staff-routes.js';
import type { AuditEvent } from './audit-event.entity.js';
import { AuditTrail } from './audit.service.js';
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
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first: who did what, to which lead, when' })
  @ApiOkResponse({ type: AuditEventPage })
  async list(
    @Query() query: AuditQueryDto,
  ): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.trail.newestFirst(
      {
        actorUserId: query.actorUserId,
        leadId: query.leadId,
        action: query.action,
        from: query.from,
        to: query.to,
        before: query.cursor,
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit ? page.at(-1)!.id : null,
    };
  }
}
