import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DRAFT_LANGUAGES, DraftClientDto } from './save-intake-draft.dto.js';

/** 202 of POST /v1/intake-drafts: the link is on its way (or, past the daily limit, not). */
export class IntakeDraftSavedDto {
  @ApiProperty({ format: 'date-time', description: 'When the emailed link stops working' })
  expiresAt!: string;

  @ApiProperty({
    description:
      'The new link’s token, for the page that saved to name the draft when it sends the intake (kept in memory only)',
  })
  draftToken!: string;
}

/** GET /v1/intake-drafts/:token: the saved answers, to fill the form again. */
export class IntakeDraftDto {
  @ApiProperty({ example: 'couples' }) formSlug!: string;
  @ApiProperty({ example: 1 }) formVersion!: number;
  @ApiProperty({ format: 'email', description: 'Where the link was sent' }) email!: string;
  @ApiPropertyOptional({ enum: DRAFT_LANGUAGES }) lang?: string;
  @ApiProperty({ type: DraftClientDto }) client!: DraftClientDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
