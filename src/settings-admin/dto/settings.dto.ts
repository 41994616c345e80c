import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_REFERRAL_RESOURCES } from '../../settings/practice-profile.js';
import { SERVICE_TYPES, US_STATE_CODES } from '../../vocabulary/contact.js';

/** Bounds of each adjustable value; the environment's own bounds are in app-config.ts. */
export const SETTING_BOUNDS = {
  crisisMinutes: { min: 1, max: 1440 },
  highMinutes: { min: 1, max: 10_080 },
  routineBusinessDays: { min: 1, max: 30 },
  spamMinSeconds: { min: 0, max: 600 },
} as const;

const NULL_MEANS_DEFAULT = '`null` returns it to the default from the environment.';

export class ResponseTargetsChangeDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: SETTING_BOUNDS.crisisMinutes.min,
    maximum: SETTING_BOUNDS.crisisMinutes.max,
    description: `Minutes a crisis lead may wait in \`new\`. ${NULL_MEANS_DEFAULT}`,
    example: 15,
  })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Max(SETTING_BOUNDS.crisisMinutes.max, { message: 'must be at most 1440' })
  @Min(SETTING_BOUNDS.crisisMinutes.min, { message: 'must be at least 1' })
  crisisMinutes?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: SETTING_BOUNDS.highMinutes.min,
    maximum: SETTING_BOUNDS.highMinutes.max,
    description: `Minutes a high-urgency lead may wait in \`new\`. ${NULL_MEANS_DEFAULT}`,
    example: 240,
  })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Max(SETTING_BOUNDS.highMinutes.max, { message: 'must be at most 10080' })
  @Min(SETTING_BOUNDS.highMinutes.min, { message: 'must be at least 1' })
  highMinutes?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: SETTING_BOUNDS.routineBusinessDays.min,
    maximum: SETTING_BOUNDS.routineBusinessDays.max,
    description:
      'Business days (Monday to Friday in PRACTICE_TIME_ZONE) a routine lead may wait in ' +
      `\`new\`. ${NULL_MEANS_DEFAULT}`,
    example: 1,
  })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Max(SETTING_BOUNDS.routineBusinessDays.max, { message: 'must be at most 30' })
  @Min(SETTING_BOUNDS.routineBusinessDays.min, { message: 'must be at least 1' })
  routineBusinessDays?: number | null;
}

/**
 * A phone number as a practice writes it: at least 3 digits, with spaces, dots, dashes,
 * parentheses and a leading +.
 */
export const PRACTICE_PHONE_PATTERN = /^(?=(?:\D*\d){3})\+?[0-9 ().-]{3,31}$/;
const PHONE_MESSAGE = 'must be a phone number of digits, spaces, dots, dashes and parentheses';
const WEB_ADDRESS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const WEB_MESSAGE = 'must be an http(s) address';
const NULL_CLEARS = '`null` clears it.';

/** `practice` of PATCH /v1/admin/settings: only the fields sent change. */
export class PracticeChangeDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    description:
      'The name clients see on every page and email. `null` returns it to PRACTICE_NAME.',
    example: 'Riverside Couples Therapy',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  @Matches(/^[^\p{Cc}]+$/u, { message: 'must be one line' })
  name?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'IANA time zone: business days for response targets are counted there. A change ' +
      'recomputes the deadlines of leads in `new`. `null` returns it to PRACTICE_TIME_ZONE.',
    example: 'America/Los_Angeles',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsTimeZone({ message: 'must be an IANA time zone, e.g. America/Los_Angeles' })
  timeZone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 32,
    description: `Shown to clients. ${NULL_CLEARS}`,
    example: '(503) 555-0100',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(PRACTICE_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 254,
    description: `Shown to clients. ${NULL_CLEARS}`,
    example: 'hello@practice.example',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: `The practice's website (http or https). ${NULL_CLEARS}`,
    example: 'https://www.practice.example',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(300, { message: 'must be at most 300 characters' })
  @IsUrl(WEB_ADDRESS, { message: WEB_MESSAGE })
  website?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: `Postal address, one or more lines. ${NULL_CLEARS}`,
    example: '100 Main Street, Suite 4, Portland, OR 97201',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 40,
    description:
      'The version of the privacy notice clients agree to (letters, digits, `.`, `_`, `-`). ' +
      '`null` returns it to "1".',
    example: '2026-12',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, {
    message: 'must be 1 to 40 letters, digits, dots, underscores or dashes',
  })
  privacyNoticeVersion?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: `Where the privacy notice is published (http or https). ${NULL_CLEARS}`,
    example: 'https://www.practice.example/privacy',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(300, { message: 'must be at most 300 characters' })
  @IsUrl(WEB_ADDRESS, { message: WEB_MESSAGE })
  privacyNoticeUrl?: string | null;
}

/** `booking` of PATCH /v1/admin/settings. */
export class BookingChangeDto {
  @ApiProperty({ description: 'Whether clients may book a first conversation themselves.' })
  @IsDefined({ message: 'is required' })
  @IsBoolean({ message: 'must be true or false' })
  enabled!: boolean;
}

/** One referral resource (docs/api.md#referring-out-kindly). */
export class ReferralResourceDto {
  @ApiProperty({ maxLength: 120, example: 'Portland Community Counseling' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 32, example: '(503) 555-0199' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(PRACTICE_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 300, example: 'https://counseling.example' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(300, { message: 'must be at most 300 characters' })
  @IsUrl(WEB_ADDRESS, { message: WEB_MESSAGE })
  website?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Sliding-scale fees; evening sessions.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  note?: string;

  @ApiPropertyOptional({
    enum: SERVICE_TYPES,
    isArray: true,
    description: 'Offered only to clients asking for one of these; absent or empty: any.',
  })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(SERVICE_TYPES.length, {
    message: `must have at most ${SERVICE_TYPES.length} items`,
  })
  @IsIn(SERVICE_TYPES, { each: true, message: `must hold only ${SERVICE_TYPES.join(', ')}` })
  serviceTypes?: (typeof SERVICE_TYPES)[number][];

  @ApiPropertyOptional({
    type: [String],
    example: ['OR', 'WA'],
    description: 'Offered only to clients in these states (USPS codes); absent or empty: anywhere.',
  })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(US_STATE_CODES.length, { message: 'must have at most one of each state' })
  @IsIn(US_STATE_CODES, { each: true, message: 'must hold only US state codes, e.g. OR' })
  states?: string[];
}

/** A field that may be shown but never changed through the API. */
const ReadOnly = (source: string) =>
  ValidateBy({
    name: 'readOnly',
    validator: {
      validate: () => false,
      defaultMessage: () => `is read-only: set ${source} in the environment`,
    },
  });

/** PATCH /v1/admin/settings: only what is sent changes. */
export class UpdateSettingsDto {
  @ApiPropertyOptional({ type: ResponseTargetsChangeDto })
  @IsObject({ message: 'must be an object' })
  @ValidateNested({ message: 'must be an object' })
  @Type(() => ResponseTargetsChangeDto)
  @ValidateIf((dto: UpdateSettingsDto) => dto.responseTargets !== undefined)
  responseTargets?: ResponseTargetsChangeDto;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: SETTING_BOUNDS.spamMinSeconds.min,
    maximum: SETTING_BOUNDS.spamMinSeconds.max,
    description:
      'A public form sent sooner than this after `formStartedAt` is stored as spam; 0 turns ' +
      `the check off. ${NULL_MEANS_DEFAULT}`,
    example: 3,
  })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Max(SETTING_BOUNDS.spamMinSeconds.max, { message: 'must be at most 600' })
  @Min(SETTING_BOUNDS.spamMinSeconds.min, { message: 'must be at least 0' })
  spamMinSeconds?: number | null;

  @ApiPropertyOptional({ type: PracticeChangeDto })
  @IsObject({ message: 'must be an object' })
  @ValidateNested({ message: 'must be an object' })
  @Type(() => PracticeChangeDto)
  @ValidateIf((dto: UpdateSettingsDto) => dto.practice !== undefined)
  practice?: PracticeChangeDto;

  @ApiPropertyOptional({ type: BookingChangeDto })
  @IsObject({ message: 'must be an object' })
  @ValidateNested({ message: 'must be an object' })
  @Type(() => BookingChangeDto)
  @ValidateIf((dto: UpdateSettingsDto) => dto.booking !== undefined)
  booking?: BookingChangeDto;

  @ApiPropertyOptional({
    type: [ReferralResourceDto],
    maxItems: MAX_REFERRAL_RESOURCES,
    description: 'The whole list (replaces the stored one); `[]` empties it.',
  })
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(MAX_REFERRAL_RESOURCES, {
    message: `must have at most ${MAX_REFERRAL_RESOURCES} resources`,
  })
  @ValidateNested({ each: true, message: 'must hold objects' })
  @Type(() => ReferralResourceDto)
  @ValidateIf((dto: UpdateSettingsDto) => dto.referralResources !== undefined)
  referralResources?: ReferralResourceDto[];

  @ApiPropertyOptional({
    readOnly: true,
    description: 'Read-only: set by CORS_ORIGINS. Sending it answers 422.',
  })
  @ValidateIf((dto: UpdateSettingsDto) => dto.corsOrigins !== undefined)
  @ReadOnly('CORS_ORIGINS')
  corsOrigins?: unknown;
}

/** The practice's identity in force; unset contact fields are null. */
export class PracticeProfileView {
  @ApiProperty({ example: 'Riverside Couples Therapy' }) name!: string;
  @ApiProperty({ example: 'America/Los_Angeles' }) timeZone!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ example: '1' }) privacyNoticeVersion!: string;
  @ApiProperty({ type: String, nullable: true }) privacyNoticeUrl!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where the logo is served (GET /v1/practice/logo); null without a logo.',
  })
  logoUrl!: string | null;
}

export class PracticeDefaultsView {
  @ApiProperty({ description: 'PRACTICE_NAME' }) name!: string;
  @ApiProperty({ description: 'PRACTICE_TIME_ZONE' }) timeZone!: string;
  @ApiProperty({ example: '1' }) privacyNoticeVersion!: string;
}

export class BookingView {
  @ApiProperty() enabled!: boolean;
}

export class ReferralResourceView {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() website?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true })
  serviceTypes?: (typeof SERVICE_TYPES)[number][];
  @ApiPropertyOptional({ type: [String] }) states?: string[];
}

export class ResponseTargetsView {
  @ApiProperty({ example: 15 }) crisisMinutes!: number;
  @ApiProperty({ example: 240 }) highMinutes!: number;
  @ApiProperty({ example: 1 }) routineBusinessDays!: number;
}

export class SettingDefaultsView {
  @ApiProperty({ type: ResponseTargetsView }) responseTargets!: ResponseTargetsView;
  @ApiProperty({ example: 3 }) spamMinSeconds!: number;
  @ApiProperty({ type: PracticeDefaultsView }) practice!: PracticeDefaultsView;
}

/** The settings in force (stored, else the environment's default). */
export class SettingsView {
  @ApiProperty({ type: PracticeProfileView }) practice!: PracticeProfileView;
  @ApiProperty({ type: BookingView }) booking!: BookingView;
  @ApiProperty({ type: [ReferralResourceView] }) referralResources!: ReferralResourceView[];
  @ApiProperty({ type: ResponseTargetsView }) responseTargets!: ResponseTargetsView;
  @ApiProperty({ example: 3 }) spamMinSeconds!: number;
  @ApiProperty({
    type: [String],
    readOnly: true,
    description: 'Origins allowed to call the public API from a browser (CORS_ORIGINS).',
    example: ['https://www.practice.example'],
  })
  corsOrigins!: string[];
  @ApiProperty({
    type: SettingDefaultsView,
    description: 'The environment’s values, in force for every setting not changed here.',
  })
  defaults!: SettingDefaultsView;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a setting was last changed through the API; null if never.',
  })
  updatedAt!: string | null;
}
