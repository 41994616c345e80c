import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Equals,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { MultiLine, NormalizedText, SingleLine } from '../../common/text.js';
import { E164_PATTERN, US_STATE_CODES } from '../../vocabulary/contact.js';
import { LANGUAGES } from '../../vocabulary/languages.js';

// The fields every public form shares, validated one way. applyDecorators applies its
// list first to last, the reverse of stacked decorators; each list below is therefore
// written bottom-up, type check last, so a wrong type is reported before a wrong length.
// Every text is trimmed and NFC-normalised first; one-line fields (anything that may
// reach a header, a subject, a list or a CSV cell) refuse control characters and line
// separators, free text refuses control characters other than line breaks and tabs.

export const PersonNameField = () =>
  applyDecorators(
    SingleLine(),
    Length(1, 200, { message: 'must be 1 to 200 characters' }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
    ApiProperty({ minLength: 1, maxLength: 200, example: 'Alex Rivera' }),
  );

export const EmailField = () =>
  applyDecorators(
    IsEmail({}, { message: 'must be an email address' }),
    SingleLine(),
    MaxLength(254, { message: 'must be at most 254 characters' }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
    ApiProperty({ format: 'email', maxLength: 254, example: 'alex@example.com' }),
  );

export const PhoneField = () =>
  applyDecorators(
    Matches(E164_PATTERN, {
      message: 'must be a phone number in E.164 form, e.g. +15035550142',
      context: { code: 'invalid_phone' },
    }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
    IsOptional(),
    ApiPropertyOptional({ description: 'E.164', example: '+15035550142' }),
  );

export const UsStateField = () =>
  applyDecorators(
    IsIn(US_STATE_CODES, { message: 'must be a US state or territory code, e.g. OR' }),
    IsOptional(),
    ApiPropertyOptional({
      enum: US_STATE_CODES,
      description: 'US state or territory of the client',
      example: 'OR',
    }),
  );

/** The language of a public submission: its emails are written in it. */
export const LanguageField = () =>
  applyDecorators(
    IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }),
    IsOptional(),
    ApiPropertyOptional({
      enum: LANGUAGES,
      description: "Default: the request's `Accept-Language` (`es` or `en`), else `en`.",
      example: 'es',
    }),
  );

/**
 * Anti-automation fields (docs/api.md#anti-automation-and-rate-limits): the honeypot, the
 * render time, a CAPTCHA token.
 */
/** Free text a person writes (a message): line breaks allowed. */
export const FreeTextField = (maxLength: number) =>
  applyDecorators(
    MultiLine(),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
    IsOptional(),
  );

/** A short one-line text (a referral source, a version label). */
export const OneLineField = (maxLength: number) =>
  applyDecorators(
    SingleLine(),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
  );

export const HoneypotField = () =>
  applyDecorators(
    MaxLength(1000, { message: 'must be at most 1000 characters' }),
    IsString({ message: 'must be a string' }),
    IsOptional(),
    ApiPropertyOptional({ description: 'Honeypot: leave empty.', example: '' }),
  );

export const FormStartedAtField = () =>
  applyDecorators(
    IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' }),
    IsOptional(),
    ApiPropertyOptional({ format: 'date-time', description: 'When the page rendered the form' }),
  );

export const CaptchaTokenField = () =>
  applyDecorators(
    Matches(/^[\x21-\x7e]*$/, { message: 'must be the token the CAPTCHA widget gave' }),
    MaxLength(4096, { message: 'must be at most 4096 characters' }),
    IsNotEmpty({ message: 'must not be empty' }),
    IsString({ message: 'must be a string' }),
    IsOptional(),
    ApiPropertyOptional({ description: 'Required only when a CAPTCHA verifier is configured' }),
  );

export class ContactConsentDto {
  @ApiProperty({ description: 'Must be true: the person agrees to be contacted.', example: true })
  @IsDefined({ message: 'is required' })
  @IsBoolean({ message: 'must be true or false' })
  @Equals(true, { message: 'must be true to be contacted', context: { code: 'must_be_true' } })
  contact!: boolean;

  @ApiProperty({ description: 'Version of the privacy notice shown.', example: '2026-01' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  @SingleLine()
  privacyNoticeVersion!: string;
}
