import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NormalizedText } from '../../common/text.js';
import {
  E164_PATTERN,
  PREFERRED_CONTACTS,
  type PreferredContact,
  SERVICE_TYPES,
  type ServiceType,
  US_STATE_CODES,
} from '../../leads/contact.js';

export class ContactConsentDto {
  @ApiProperty({ description: 'Must be true: the person agrees to be contacted.', example: true })
  @IsDefined({ message: 'is required' })
  @IsBoolean({ message: 'must be true or false' })
  @Equals(true, { message: 'must be true to be contacted' })
  contact!: boolean;

  @ApiProperty({ description: 'Version of the privacy notice shown.', example: '2026-01' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  privacyNoticeVersion!: string;
}

/** The "reach out" form (API.md, POST /v1/inquiries). */
export class CreateInquiryDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Alex Rivera' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @Matches(/^[^\p{Cc}]*$/u, { message: 'must not contain control characters' })
  name!: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'alex@example.com' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @ApiPropertyOptional({ description: 'E.164', example: '+15035550142' })
  @IsOptional()
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Matches(E164_PATTERN, { message: 'must be a phone number in E.164 form, e.g. +15035550142' })
  phone?: string;

  @ApiPropertyOptional({ enum: PREFERRED_CONTACTS, default: 'email' })
  @IsOptional()
  @IsIn(PREFERRED_CONTACTS, { message: `must be one of ${PREFERRED_CONTACTS.join(', ')}` })
  preferredContact?: PreferredContact;

  @ApiProperty({ enum: SERVICE_TYPES, example: 'couples' })
  @IsDefined({ message: 'is required' })
  @IsIn(SERVICE_TYPES, { message: `must be one of ${SERVICE_TYPES.join(', ')}` })
  serviceType!: ServiceType;

  @ApiPropertyOptional({ description: 'US state or territory of the client', example: 'OR' })
  @IsOptional()
  @IsIn(US_STATE_CODES, { message: 'must be a US state or territory code, e.g. OR' })
  state?: string;

  @ApiPropertyOptional({ maxLength: 5000, default: '' })
  @IsOptional()
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  message?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'blog' })
  @IsOptional()
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  referralSource?: string;

  @ApiProperty({ type: ContactConsentDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ContactConsentDto)
  consent!: ContactConsentDto;

  @ApiPropertyOptional({ description: 'Honeypot: leave empty.', example: '' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  website?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the page rendered the form' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  formStartedAt?: string;

  @ApiPropertyOptional({ description: 'Required only when a CAPTCHA verifier is configured' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(4096, { message: 'must be at most 4096 characters' })
  captchaToken?: string;
}
