import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  CaptchaTokenField,
  ContactConsentDto,
  EmailField,
  FormStartedAtField,
  FreeTextField,
  HoneypotField,
  LanguageField,
  OneLineField,
  PersonNameField,
  PhoneField,
  UsStateField,
} from '../../leads/dto/contact-fields.js';
import { AttributionDto, AttributionField } from '../../leads/dto/attribution.dto.js';
import {
  PREFERRED_CONTACTS,
  type PreferredContact,
  SERVICE_TYPES,
  type ServiceType,
} from '../../vocabulary/contact.js';
import type { Language } from '../../vocabulary/languages.js';

/** The "reach out" form (docs/api.md#send-an-inquiry). */
export class CreateInquiryDto {
  @PersonNameField()
  name!: string;

  @EmailField()
  email!: string;

  @PhoneField()
  phone?: string;

  // Defaults are described, not declared: generated clients (openapi-typescript) make a
  // property with a `default` required, and a website need not send these.
  @ApiPropertyOptional({ enum: PREFERRED_CONTACTS, description: 'Default: `email`.' })
  @IsOptional()
  @IsIn(PREFERRED_CONTACTS, { message: `must be one of ${PREFERRED_CONTACTS.join(', ')}` })
  preferredContact?: PreferredContact;

  @ApiProperty({ enum: SERVICE_TYPES, example: 'couples' })
  @IsDefined({ message: 'is required' })
  @IsIn(SERVICE_TYPES, { message: `must be one of ${SERVICE_TYPES.join(', ')}` })
  serviceType!: ServiceType;

  @UsStateField()
  state?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Default: empty.' })
  @FreeTextField(5000)
  message?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'blog' })
  @IsOptional()
  @OneLineField(100)
  referralSource?: string;

  @ApiProperty({ type: ContactConsentDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ContactConsentDto)
  consent!: ContactConsentDto;

  @AttributionField()
  attribution?: AttributionDto;

  @LanguageField()
  lang?: Language;

  @HoneypotField()
  website?: string;

  @FormStartedAtField()
  formStartedAt?: string;

  @CaptchaTokenField()
  captchaToken?: string;
}
