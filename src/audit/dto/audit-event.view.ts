import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES } from '../../vocabulary/user-role.js';

export class AuditActorView {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null: no one signed in.',
  })
  userId!: string | null;
  @ApiProperty({ type: String, enum: USER_ROLES, nullable: true }) role!: string | null;
}

export class AuditSubjectView {
  @ApiProperty({ example: 'user' }) type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

/** One thing staff did or tried (GET /v1/admin/audit-events). */
export class AuditEventView {
  @ApiProperty({ example: '1042', description: 'Increasing with time; also the page cursor.' })
  id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ example: 'lead.read' }) action!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadId!: string | null;
  @ApiProperty({ type: AuditSubjectView, nullable: true }) subject!: AuditSubjectView | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What the action concerned: ids, field names and labels, never client data.',
  })
  details!: Record<string, unknown>;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}
