import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIMITS, WEEKDAYS, type Weekday } from '../availability.js';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

export class WeeklyWindowDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'mon' })
  @IsIn(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(', ')}` })
  @IsDefined({ message: 'is required' })
  day!: Weekday;

  @ApiProperty({ example: '09:00', description: 'HH:MM, 24-hour, in the clinician’s zone' })
  @Matches(HH_MM, { message: 'must be HH:MM' })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  start!: string;

  @ApiProperty({ example: '12:00', description: 'HH:MM, after start' })
  @Matches(HH_MM, { message: 'must be HH:MM' })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  end!: string;
}

export class DateExceptionDto {
  @ApiProperty({ example: '2026-12-24', description: 'A date in the clinician’s zone' })
  @Matches(YYYY_MM_DD, { message: 'must be a date, YYYY-MM-DD' })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  date!: string;

  @ApiProperty({
    description:
      '`false`: no consultations that date. `true` with `start` and `end`: these hours that ' +
      'date instead of its weekly ones.',
  })
  @IsBoolean({ message: 'must be true or false' })
  @IsDefined({ message: 'is required' })
  available!: boolean;

  @ApiPropertyOptional({ example: '13:00' })
  @Matches(HH_MM, { message: 'must be HH:MM' })
  @IsString({ message: 'must be a string' })
  @IsOptional()
  start?: string;

  @ApiPropertyOptional({ example: '15:00' })
  @Matches(HH_MM, { message: 'must be HH:MM' })
  @IsString({ message: 'must be a string' })
  @IsOptional()
  end?: string;
}

const IntField = (name: keyof typeof LIMITS & string, example: number, description: string) => {
  const { min, max } = LIMITS[name] as { min: number; max: number };
  return (target: object, key: string) => {
    ApiProperty({ minimum: min, maximum: max, example, description })(target, key);
    Max(max, { message: `must be at most ${max}` })(target, key);
    Min(min, { message: `must be at least ${min}` })(target, key);
    IsInt({ message: 'must be a whole number' })(target, key);
    IsDefined({ message: 'is required' })(target, key);
  };
};

/** The whole of a clinician's hours: PUT replaces what was stored. */
export class AvailabilityDto {
  @ApiProperty({ example: 'America/Los_Angeles', description: 'IANA time zone of the hours' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  timeZone!: string;

  @IntField('slotMinutes', 20, 'Length of one consultation')
  slotMinutes!: number;

  @IntField('bufferMinutes', 10, 'Free minutes kept after each slot and around each booking')
  bufferMinutes!: number;

  @IntField('minNoticeHours', 12, 'No slot starts sooner than this')
  minNoticeHours!: number;

  @IntField('maxDaysAhead', 21, 'No slot starts later than this many days ahead')
  maxDaysAhead!: number;

  @ApiProperty({ type: [WeeklyWindowDto], maxItems: LIMITS.weekly })
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  @ArrayMaxSize(LIMITS.weekly, { message: `must list at most ${LIMITS.weekly} windows` })
  @IsArray({ message: 'must be an array' })
  @IsDefined({ message: 'is required' })
  weekly!: WeeklyWindowDto[];

  @ApiProperty({ type: [DateExceptionDto], maxItems: LIMITS.exceptions })
  @ValidateNested({ each: true })
  @Type(() => DateExceptionDto)
  @ArrayMaxSize(LIMITS.exceptions, { message: `must list at most ${LIMITS.exceptions} dates` })
  @IsArray({ message: 'must be an array' })
  @IsDefined({ message: 'is required' })
  exceptions!: DateExceptionDto[];
}

export class AvailabilityView extends AvailabilityDto {
  @ApiProperty({ format: 'uuid' }) clinicianId!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the hours were last set; null while they are the defaults (no hours).',
  })
  updatedAt!: string | null;
}
