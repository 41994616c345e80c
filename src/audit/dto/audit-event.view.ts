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
  @ApiProperty({ type: String, nullable: true, description: 'Null: no one signed in.' })
  name!: string | null;
}

export class AuditSubjectView {
  @ApiProperty({ example: 'user' }) type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

/** One thing staff did or tried (GET /v1/admin/audit-events). */
export class AuditEventView {
  @ApiProperty({
    example: '1042',
    description: 'Increasing with time (a folded item: its newest event).',
  })
  id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ example: 'lead.read' }) action!: string;
  @ApiProperty({ example: 'Opened a lead', description: 'The action in words.' })
  actionLabel!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'RI-7KQ2M9XD',
    description: "The lead's first reference, when the event concerns a lead.",
  })
  leadReference!: string | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description:
      'How many events this item stands for: more than 1 for folded `lead.listed` events (one person, one address, one hour); `occurredAt`, `id` and `details` are the newest one’s.',
  })
  count!: number;
  @ApiProperty({
    format: 'date-time',
    description: 'The oldest folded event’s time; equal to `occurredAt` when `count` is 1.',
  })
  firstOccurredAt!: string;
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
