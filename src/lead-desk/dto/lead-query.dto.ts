import { LANGUAGES, type Language } from '../../vocabulary/languages.js';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { NormalizedText } from '../../common/text.js';
import { SERVICE_TYPES, type ServiceType } from '../../vocabulary/contact.js';
import { ATTRIBUTION_MAX_LENGTH } from '../../vocabulary/attribution.js';
import { LEAD_SORTS, type LeadSort } from '../../vocabulary/keyset-cursor.js';
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from '../lead-search.js';
import { LEAD_STATUSES, type LeadStatus } from '../../vocabulary/lead-status.js';
import { MAX_TAGS, TAG_PATTERN, normalizeTag } from '../../leads/lead-tags.js';
import { URGENCIES, type Urgency } from '../../vocabulary/urgency.js';
import { DESK_VIEWS, type DeskView } from '../../vocabulary/desk-views.js';
import { queryInt, queryBoolean } from '../../common/query-params.js';

/**
 * `status=new,contacted` and `status=new&status=contacted` both mean "either". Anything
 * that is not text passes through unchanged, for the validators to refuse.
 */
const commaList =
  (normalize: (item: string) => string = (item) => item.trim()) =>
  ({ value }: { value: unknown }) => {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    if (!values.every((item): item is string => typeof item === 'string')) return value;
    return values.flatMap((item) => item.split(',')).map(normalize);
  };

/** A date-time is an instant only with its zone: the database would guess one otherwise. */
const DATE_TIME_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_MESSAGE = 'must be an ISO 8601 date-time with a zone, e.g. 2026-11-01T00:00:00Z';
const DateTimeWithZone = () =>
  applyDecorators(
    IsDateString({ strict: true }, { message: DATE_TIME_MESSAGE }),
    Matches(DATE_TIME_WITH_ZONE, { message: DATE_TIME_MESSAGE }),
  );

const UUID_OR_KEYWORD = /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/** The filters and sort shared by the lead list and the CSV export. */
export class LeadFilterDto {
  @ApiPropertyOptional({
    type: String,
    description: `One or several statuses, comma-separated (any of them): ${LEAD_STATUSES.join(', ')}.`,
    example: 'new,in_review',
  })
  @IsOptional()
  @IsIn(LEAD_STATUSES, {
    each: true,
    message: `must be one or more of ${LEAD_STATUSES.join(', ')}`,
  })
  @Transform(commaList())
  status?: LeadStatus[];

  @ApiPropertyOptional({
    type: String,
    description: `One or several urgencies, comma-separated: ${URGENCIES.join(', ')}.`,
    example: 'crisis,high',
  })
  @IsOptional()
  @IsIn(URGENCIES, { each: true, message: `must be one or more of ${URGENCIES.join(', ')}` })
  @Transform(commaList())
  urgency?: Urgency[];

  @ApiPropertyOptional({
    type: String,
    description: `One or several service types, comma-separated: ${SERVICE_TYPES.join(', ')}.`,
    example: 'couples',
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES, {
    each: true,
    message: `must be one or more of ${SERVICE_TYPES.join(', ')}`,
  })
  @Transform(commaList())
  serviceType?: ServiceType[];

  @ApiPropertyOptional({
    maxLength: ATTRIBUTION_MAX_LENGTH,
    description:
      "The lead's source exactly: its first utmSource, else its referral source, else the referrer's host name, else `direct`.",
    example: 'newsletter',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, ATTRIBUTION_MAX_LENGTH, {
    message: `must be 1 to ${ATTRIBUTION_MAX_LENGTH} characters`,
  })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'must not contain control characters' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  source?: string;

  @ApiPropertyOptional({
    type: String,
    description: `The client's language, one or several, comma-separated: ${LANGUAGES.join(', ')}.`,
    example: 'es',
  })
  @IsOptional()
  @IsIn(LANGUAGES, { each: true, message: `must be one or more of ${LANGUAGES.join(', ')}` })
  @Transform(commaList())
  language?: Language[];

  @ApiPropertyOptional({
    description:
      "A clinician id; `me` for the caller's own clinician profile (none: an empty list); `none` for unassigned leads.",
    example: 'none',
  })
  @IsOptional()
  @Matches(UUID_OR_KEYWORD, { message: 'must be a clinician id, me or none' })
  @IsString({ message: 'must be a clinician id, me or none' })
  assignedTo?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'One or several tags, comma-separated: leads carrying all of them.',
    example: 'sliding-scale',
  })
  @IsOptional()
  @IsString({ message: 'must be a tag', each: true })
  @ArrayMaxSize(MAX_TAGS, { message: `must name at most ${MAX_TAGS} tags` })
  @Matches(TAG_PATTERN, {
    each: true,
    message: 'must be tags of a-z, 0-9, space, _ and -, each starting with a letter or digit',
  })
  @Transform(commaList(normalizeTag))
  tag?: string[];

  @ApiPropertyOptional({
    minLength: SEARCH_MIN_LENGTH,
    maxLength: SEARCH_MAX_LENGTH,
    description:
      'Search: a reference (`RI-7KQ2M9XD`, of any submission of the lead) exactly; otherwise part of the name or email (any case) or digits of the phone.',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(SEARCH_MIN_LENGTH, SEARCH_MAX_LENGTH, {
    message: `must be ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters`,
  })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'must not contain control characters' })
  @NormalizedText()
  q?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Created at or after this time (with its zone, e.g. `2026-11-01T00:00:00Z`).',
  })
  @IsOptional()
  @DateTimeWithZone()
  createdFrom?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Created before this time (with its zone).',
  })
  @IsOptional()
  @DateTimeWithZone()
  createdTo?: string;

  @ApiPropertyOptional({
    description:
      'true: only leads past their response target with no contact attempt yet (open leads only); false: the others.',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @Transform(queryBoolean)
  overdue?: boolean;

  @ApiPropertyOptional({
    description:
      'true: only leads waiting for review (a submission the CAPTCHA could not vouch for); false: the others.',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @Transform(queryBoolean)
  needsReview?: boolean;

  @ApiPropertyOptional({
    enum: DESK_VIEWS,
    description:
      "A view of the coordinator's desk (its definitions: docs/api.md#the-coordinators-desk); `GET /v1/admin/leads/counts` counts each.",
  })
  @IsOptional()
  @IsIn(DESK_VIEWS, { message: `must be one of ${DESK_VIEWS.join(', ')}` })
  view?: DeskView;

  @ApiPropertyOptional({
    enum: LEAD_SORTS,
    default: '-createdAt',
    description:
      '`urgency`: crisis, then high, then routine; newest first within each. `dueAt`: soonest response target first (overdue leads first), crisis first among equal times; leads not waiting for a first contact come last.',
  })
  @IsOptional()
  @IsIn(LEAD_SORTS, { message: `must be one of ${LEAD_SORTS.join(', ')}` })
  sort?: LeadSort;
}

export class LeadListQueryDto extends LeadFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @IsInt({ message: 'must be an integer from 1 to 100' })
  @Max(100, { message: 'must be at most 100' })
  @Min(1, { message: 'must be at least 1' })
  @Transform(queryInt)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page, with the same sort.' })
  @IsOptional()
  @IsString({ message: 'must be a cursor from a previous page' })
  cursor?: string;
}

/** The filter names a request used: what the audit trail keeps (never their values). */
export function filtersUsed(filters: LeadFilterDto): string[] {
  const names: (keyof LeadFilterDto)[] = [
    'status',
    'urgency',
    'serviceType',
    'language',
    'assignedTo',
    'tag',
    'q',
    'createdFrom',
    'createdTo',
    'overdue',
    'needsReview',
    'view',
  ];
  return names.filter((name) => filters[name] !== undefined);
}
