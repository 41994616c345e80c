import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Staff } from '../common/staff-routes.js';
import { auditActionLabel } from './audit-actions.js';
import { type AuditLogRow, AuditTrail } from './audit.service.js';
import { AuditEventPage, type AuditEventView } from './dto/audit-event.view.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

export function toView(row: AuditLogRow): AuditEventView {
  const { event } = row;
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: { userId: event.actorUserId, role: event.actorRole, name: row.actorName },
    action: event.action,
    actionLabel: auditActionLabel(event.action),
    leadId: event.leadId,
    leadReference: row.leadReference,
    subject: event.subjectType ? { type: event.subjectType, id: event.subjectId } : null,
    ip: event.ip,
    requestId: event.requestId,
    details: event.details,
    count: row.count,
    firstOccurredAt: row.firstOccurredAt.toISOString(),
  };
}

/** GET /v1/admin/audit-events: who did what, to which lead, when, from where (newest first). */
@ApiTags('admin')
@Controller('v1/admin/audit-events')
@Staff('admin')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail, newest first: who did what, to which lead, when',
    description:
      'Each item names the actor, the action in words and the lead reference. By default `lead.listed` events of one person, address and hour are folded into one item with a `count` (`fold=false`: every event).',
  })
  @ApiOkResponse({ type: AuditEventPage })
  async list(@Query() query: AuditQueryDto): Promise<AuditEventPage> {
    const { rows, nextCursor } = await this.trail.log(
      {
        actorUserId: query.actorUserId,
        leadId: query.leadId,
        action: query.action,
        from: query.from,
        to: query.to,
        before: query.cursor,
      },
      { limit: query.limit ?? 50, fold: query.fold ?? true },
    );
    return { items: rows.map(toView), nextCursor };
  }
}
