import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NormalizedText } from '../../common/text.js';
import { E164_PATTERN, US_STATE_CODES } from '../../leads/contact.js';

export class IntakeClientDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Alex Rivera' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @Matches(/^[^\p{Cc}]*$/u, { message: 'must not contain control characters' })
  name!: string;

  @ApiProperty({ format: 'email', example: 'alex@example.com' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @ApiPropertyOptional({ example: '+15035550142' })
  @IsOptional()
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Matches(E164_PATTERN, { message: 'must be a phone number in E.164 form, e.g. +15035550142' })
  phone?: string;

  @ApiPropertyOptional({ format: 'date', example: '1990-04-12' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'must be a real date as YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'OR' })
  @IsOptional()
  @IsIn(US_STATE_CODES, { message: 'must be a US state or territory code, e.g. OR' })
  state?: string;

  @ApiPropertyOptional({ example: 'they/them', maxLength: 50 })
  @IsOptional()
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(50, { message: 'must be at most 50 characters' })
  @Matches(/^[^\p{Cc}]*$/u, { message: 'must not contain control characters' })
  pronouns?: string;
}

export class IntakePartnerDto {
  @ApiProperty({ example: 'Sam Rivera' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @Matches(/^[^\p{Cc}]*$/u, { message: 'must not contain control characters' })
  name!: string;

  @ApiProperty({ format: 'email', example: 'sam@example.com' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;
}

export class IntakeConsentDto {
  @ApiProperty({ example: true })
  @IsDefined({ message: 'is required' })
  @IsBoolean({ message: 'must be true or false' })
  @Equals(true, { message: 'must be true to be contacted' })
  contact!: boolean;

  @ApiProperty({ example: '2026-01' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  privacyNoticeVersion!: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  telehealth?: boolean;
}

/** The answers part shared by partner A's intake and partner B's response. */
export class RespondentSubmissionDto {
  @ApiProperty({ type: IntakeClientDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => IntakeClientDto)
  client!: IntakeClientDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Answers by question id, checked against the form version',
  })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object of answers by question id' })
  answers!: Record<string, unknown>;

  @ApiProperty({ type: IntakeConsentDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => IntakeConsentDto)
  consent!: IntakeConsentDto;
}

/** POST /v1/intakes (API.md). */
export class CreateIntakeDto extends RespondentSubmissionDto {
  @ApiProperty({ example: 'couples' })
  @IsString({ message: 'must be a string' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  formSlug!: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  formVersion!: number;

  @ApiPropertyOptional({ example: 'RI-7KQ2M9XD' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(20, { message: 'must be at most 20 characters' })
  inquiryReference?: string;

  @ApiPropertyOptional({ type: IntakePartnerDto, description: 'Couples only, required there' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => IntakePartnerDto)
  partner?: IntakePartnerDto;

  @ApiPropertyOptional({ description: 'Honeypot: leave empty.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  website?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  formStartedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(4096, { message: 'must be at most 4096 characters' })
  captchaToken?: string;
}
