import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { REVIEW_REASONS, type ReviewReason } from '../../leads/lead-review.js';
import { LEAD_STATUSES, type LeadStatus } from '../../vocabulary/lead-status.js';
import { URGENCIES, type Urgency } from '../../vocabulary/urgency.js';

export class MergeLeadDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The lead that survives; the lead in the path is folded into it.',
  })
  @IsUUID('all', { message: 'must be a lead id (a UUID)' })
  intoLeadId!: string;

  @ApiPropertyOptional({
    description:
      '`true` previews: the answer is the merge as it would be, and nothing is written but the audit event of the preview. Absent: `false`.',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  dryRun?: boolean;
}

export class MovedRowsDto {
  @ApiProperty({ example: 1 }) inquiries!: number;
  @ApiProperty({ example: 1 }) intakes!: number;
  @ApiProperty({ example: 1 }) partnerInvitations!: number;
  @ApiProperty({ example: 1 }) partnerResponses!: number;
  @ApiProperty({ example: 3, description: 'Submission references, now finding the survivor.' })
  references!: number;
  @ApiProperty({ example: 2 }) notes!: number;
  @ApiProperty({ example: 4, description: 'Timeline events.' }) events!: number;
  @ApiProperty({ example: 3 }) notifications!: number;
}

export const SURVIVOR_CHANGES = [
  'status',
  'statusChangedAt',
  'urgency',
  'tags',
  'lastSubmissionAt',
  'firstContactedAt',
  'assignedClinicianId',
  'needsReview',
  'reviewReason',
  'phone',
  'state',
  'source',
] as const;
export type SurvivorChange = (typeof SURVIVOR_CHANGES)[number];

const dateTime = { type: String, format: 'date-time' } as const;
const nullableDateTime = { ...dateTime, nullable: true } as const;
const nullableText = { type: String, nullable: true } as const;

/** The surviving lead as the merge leaves it, or would leave it. */
export class MergedSurvivorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: LEAD_STATUSES,
    description: 'The further of the two in the pipeline; closed or spam never over an open one',
  })
  status!: LeadStatus;
  @ApiProperty(dateTime) statusChangedAt!: string;
  @ApiProperty({ enum: URGENCIES, description: 'The higher of the two' }) urgency!: Urgency;
  @ApiProperty(nullableDateTime) respondBy!: string | null;
  @ApiProperty({ ...nullableDateTime, description: 'The earlier of the two' })
  firstContactedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The survivor's own, else the other's",
  })
  assignedClinicianId!: string | null;
  @ApiProperty({ type: [String], description: 'Every tag of both' }) tags!: string[];
  @ApiProperty(dateTime) lastSubmissionAt!: string;
  @ApiProperty({ description: 'Either lead still waited for review' }) needsReview!: boolean;
  @ApiProperty({ enum: REVIEW_REASONS, nullable: true }) reviewReason!: ReviewReason | null;
  @ApiProperty(nullableText) phone!: string | null;
  @ApiProperty(nullableText) state!: string | null;
  @ApiProperty(nullableText) source!: string | null;
}

export class MergeResultDto {
  @ApiProperty({ description: '`true`: a preview, nothing was merged' })
  dryRun!: boolean;

  @ApiProperty({ format: 'uuid', description: 'The surviving lead.' })
  leadId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The folded lead; it stays as a pointer with `mergedIntoLeadId`.',
  })
  mergedLeadId!: string;

  @ApiProperty({
    type: MovedRowsDto,
    description: 'Rows moved (previewed: that would move) from the folded lead, by kind.',
  })
  moved!: MovedRowsDto;

  @ApiProperty({
    enum: SURVIVOR_CHANGES,
    isArray: true,
    description: "The survivor's fields the merge changes",
  })
  changed!: SurvivorChange[];

  @ApiProperty({ type: MergedSurvivorDto }) survivor!: MergedSurvivorDto;
}
