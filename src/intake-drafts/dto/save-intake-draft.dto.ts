import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { EmailField } from '../../leads/dto/contact-fields.js';
import { CreateIntakeDto, IntakeClientDto } from '../../intake/dto/create-intake.dto.js';

/** The client's details as far as they were filled in: each checked as in an intake. */
export class DraftClientDto extends PartialType(IntakeClientDto) {}

export const DRAFT_LANGUAGES = ['en', 'es'] as const;

/** A link token as this service writes them (base64url). */
export const DRAFT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** POST /v1/intake-drafts (docs/api.md#save-and-finish-later): the form as an intake names it. */
export class SaveIntakeDraftDto extends PickType(CreateIntakeDto, [
  'formSlug',
  'formVersion',
] as const) {
  /** Where the resume link goes. */
  @EmailField()
  email!: string;

  @ApiPropertyOptional({ enum: DRAFT_LANGUAGES, example: 'en' })
  @IsOptional()
  @IsIn(DRAFT_LANGUAGES, { message: 'must be en or es' })
  lang?: (typeof DRAFT_LANGUAGES)[number];

  @ApiPropertyOptional({ type: DraftClientDto })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => DraftClientDto)
  client?: DraftClientDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The answers given so far by question id, each checked against the form version',
  })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object of answers by question id' })
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'The token of the draft this save replaces (from its link): that draft and its link end',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(DRAFT_TOKEN_PATTERN, { message: 'must be the token of a resume link' })
  draftToken?: string;
}
