import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from '../../vocabulary/lead-status.js';
import { MAX_TAGS, TAG_PATTERN, uniqueTags } from '../../leads/lead-tags.js';
import { URGENCIES, type Urgency } from '../../vocabulary/urgency.js';

/** Only what is sent changes; `null` is a value only for the assignment (unassigned). */
const present = (_object: unknown, value: unknown) => value !== undefined;

/** Tags compare trimmed and lower-cased, and a repeat counts once. */
const normalizedTags = ({ value }: { value: unknown }) =>
  Array.isArray(value) && value.every((tag) => typeof tag === 'string')
    ? uniqueTags(value as string[])
    : value;

/** The moves after which the client may be sent kind referrals (docs/api.md#referring-out-kindly). */
export const NOTIFY_CLIENT_STATUSES: readonly LeadStatus[] = ['referred_out', 'declined'];

/** `notifyClient: true` only beside a move to referred_out or declined. */
const OnlyWithReferral = () =>
  ValidateBy({
    name: 'onlyWithReferral',
    validator: {
      validate: (value: unknown, args) =>
        value !== true ||
        NOTIFY_CLIENT_STATUSES.includes((args?.object as UpdateLeadDto).status as LeadStatus),
      defaultMessage: () => 'may be true only with status referred_out or declined',
    },
  });

/** PATCH /v1/admin/leads/:id. Send `If-Match` with the ETag of your last read. */
export class UpdateLeadDto {
  @ApiPropertyOptional({
    enum: LEAD_STATUSES,
    description:
      'A move allowed by the status table (docs/api.md#lead-statuses-and-allowed-moves); any other answers 409.',
  })
  @ValidateIf(present)
  @IsIn(LEAD_STATUSES, { message: `must be one of ${LEAD_STATUSES.join(', ')}` })
  status?: LeadStatus;

  @ApiPropertyOptional({ enum: URGENCIES })
  @ValidateIf(present)
  @IsIn(URGENCIES, { message: `must be one of ${URGENCIES.join(', ')}` })
  urgency?: Urgency;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An active clinician profile, or null to unassign. Clinicians may not change it (403).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a clinician id or null' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  assignedClinicianId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_TAGS,
    description:
      'The whole set of tags (replaces the current one): trimmed, lower-cased, repeats dropped; each 1 to 40 of a-z 0-9 space _ -, starting with a letter or digit.',
    example: ['sliding-scale', 'evening only'],
  })
  @ValidateIf(present)
  @IsArray({ message: 'must be an array of tags' })
  @ArrayMaxSize(MAX_TAGS, { message: `must have at most ${MAX_TAGS} tags` })
  @IsString({ each: true, message: 'must hold only strings' })
  @Matches(TAG_PATTERN, {
    each: true,
    message: 'each tag must be 1 to 40 of a-z 0-9 space _ -, starting with a letter or digit',
  })
  @Transform(normalizedTags)
  tags?: string[];

  @ApiPropertyOptional({
    enum: [false],
    description:
      'false: the lead has been looked at and is genuine (or handled): clears `needsReview`. The flag is set only by the service.',
  })
  @ValidateIf(present)
  @IsBoolean({ message: 'must be false (the review is done)' })
  @Equals(false, { message: 'can only be cleared: send false' })
  needsReview?: false;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'With `status` `referred_out` or `declined` only (else 422): true emails the client a ' +
      'kind note with the referral resources that fit their service type and state, and the ' +
      '988 line, signed by the practice. The timeline records `client_referred`.',
  })
  @ValidateIf(present)
  @IsBoolean({ message: 'must be true or false' })
  @OnlyWithReferral()
  notifyClient?: boolean;
}
