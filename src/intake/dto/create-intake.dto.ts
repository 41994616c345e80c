import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CaptchaTokenField,
  ContactConsentDto,
  EmailField,
  FormStartedAtField,
  HoneypotField,
  LanguageField,
  OneLineField,
  PersonNameField,
  PhoneField,
  UsStateField,
} from '../../leads/dto/contact-fields.js';
import { AttributionDto, AttributionField } from '../../leads/dto/attribution.dto.js';
import { SingleLine } from '../../common/text.js';
import { SignatureDto } from '../../consents/dto/signature.dto.js';

import type { Language } from '../../vocabulary/languages.js';

export class IntakeClientDto {
  @PersonNameField()
  name!: string;

  @EmailField()
  email!: string;

  @PhoneField()
  phone?: string;

  @ApiPropertyOptional({ format: 'date', example: '1990-04-12' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'must be a real date as YYYY-MM-DD' })
  dateOfBirth?: string;

  @UsStateField()
  state?: string;

  @ApiPropertyOptional({ example: 'they/them', maxLength: 50 })
  @IsOptional()
  @OneLineField(50)
  pronouns?: string;
}

export class IntakePartnerDto {
  @PersonNameField()
  name!: string;

  @EmailField()
  email!: string;
}

export class IntakeConsentDto extends ContactConsentDto {
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

  @ApiPropertyOptional({
    type: [SignatureDto],
    description:
      'One signature per consent document the form lists, with `agreed: true` and the ' +
      'respondent’s own name',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of signatures' })
  @ArrayMaxSize(20, { message: 'must hold at most 20 signatures' })
  @ValidateNested({ each: true })
  @Type(() => SignatureDto)
  signatures?: SignatureDto[];

  @LanguageField()
  lang?: Language;
}

/** POST /v1/intakes (docs/api.md#submit-an-intake). */
export class CreateIntakeDto extends RespondentSubmissionDto {
  @ApiProperty({ example: 'couples' })
  @IsString({ message: 'must be a string' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  @SingleLine()
  formSlug!: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  formVersion!: number;

  @ApiPropertyOptional({ example: 'RI-7KQ2M9XD' })
  @IsOptional()
  @OneLineField(20)
  inquiryReference?: string;

  @ApiPropertyOptional({ type: IntakePartnerDto, description: 'Couples only, required there' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => IntakePartnerDto)
  partner?: IntakePartnerDto;

  @AttributionField()
  attribution?: AttributionDto;

  @HoneypotField()
  website?: string;

  @FormStartedAtField()
  formStartedAt?: string;

  @CaptchaTokenField()
  captchaToken?: string;

  @ApiPropertyOptional({
    description:
      'The token of the saved draft (its resume link) this intake finishes: deleted with it',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'must be the token of a resume link' })
  draftToken?: string;
}
