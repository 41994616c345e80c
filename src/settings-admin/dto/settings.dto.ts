import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

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

  @ApiPropertyOptional({
    readOnly: true,
    description: 'Read-only: set by CORS_ORIGINS. Sending it answers 422.',
  })
  @ValidateIf((dto: UpdateSettingsDto) => dto.corsOrigins !== undefined)
  @ReadOnly('CORS_ORIGINS')
  corsOrigins?: unknown;
}

export class ResponseTargetsView {
  @ApiProperty({ example: 15 }) crisisMinutes!: number;
  @ApiProperty({ example: 240 }) highMinutes!: number;
  @ApiProperty({ example: 1 }) routineBusinessDays!: number;
}

export class SettingDefaultsView {
  @ApiProperty({ type: ResponseTargetsView }) responseTargets!: ResponseTargetsView;
  @ApiProperty({ example: 3 }) spamMinSeconds!: number;
}

/** The settings in force (stored, else the environment's default). */
export class SettingsView {
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
