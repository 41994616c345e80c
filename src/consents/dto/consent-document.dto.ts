import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { MultiLine, NormalizedText, SingleLine } from '../../common/text.js';
import { SERVICE_TYPES, type ServiceType } from '../../vocabulary/contact.js';
import { CONSENT_LANGUAGES, CONSENT_SLUG } from '../consent-languages.js';

/** POST /v1/admin/consent-documents/:slug/versions: a new text of a document. */
export class PublishConsentVersionDto {
  @ApiProperty({ maxLength: 200, example: 'Informed consent for therapy' })
  @SingleLine()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @IsString({ message: 'must be a string' })
  @NormalizedText()
  title!: string;

  @ApiProperty({ maxLength: 100_000, description: 'Markdown: headings, paragraphs and lists' })
  @MultiLine()
  @Length(1, 100_000, { message: 'must be 1 to 100000 characters' })
  @IsString({ message: 'must be a string' })
  body!: string;
}

/** POST /v1/admin/consent-documents: a new document and its first version. */
export class CreateConsentDocumentDto extends PublishConsentVersionDto {
  @ApiProperty({ example: 'informed-consent', pattern: CONSENT_SLUG.source })
  @Matches(CONSENT_SLUG, {
    message:
      'must be 1 to 60 lower-case letters, digits and hyphens, starting with one of the first two',
  })
  @IsString({ message: 'must be a string' })
  slug!: string;

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true, example: ['individual', 'couples'] })
  @IsIn(SERVICE_TYPES, { each: true, message: `each must be one of ${SERVICE_TYPES.join(', ')}` })
  @ArrayUnique({ message: 'must not repeat a service type' })
  @ArrayMaxSize(SERVICE_TYPES.length, { message: 'must not repeat a service type' })
  @ArrayMinSize(1, { message: 'must name at least one service type' })
  @IsArray({ message: 'must be a list of service types' })
  requiredFor!: ServiceType[];

  @ApiPropertyOptional({ enum: CONSENT_LANGUAGES, default: 'en' })
  @IsIn(CONSENT_LANGUAGES, { message: `must be one of ${CONSENT_LANGUAGES.join(', ')}` })
  @IsOptional()
  lang?: string;
}
