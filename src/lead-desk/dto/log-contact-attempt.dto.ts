import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  CONTACT_CHANNELS,
  type ContactChannel,
  LOGGED_OUTCOMES,
  type LoggedOutcome,
} from '../../vocabulary/contact-attempts.js';
import { NOTE_MAX_LENGTH } from './add-note.dto.js';

/** Line breaks and tabs are text; any other control character is refused (as in notes). */
const NOTE_TEXT = /^(?:[^\p{Cc}]|[\n\t])*$/u;

/** Trimmed and NFC-normalised; Windows line ends (CR LF) become LF. */
const noteText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\r\n/g, '\n').normalize('NFC').trim() : value;

/** POST /v1/admin/leads/:id/contact-attempts. */
export class LogContactAttemptDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, description: 'How the lead was tried' })
  @IsDefined({ message: 'is required' })
  @IsIn(CONTACT_CHANNELS, { message: `must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel!: ContactChannel;

  @ApiProperty({
    enum: LOGGED_OUTCOMES,
    description: '`connected` reached the person; `sent` a text or email went out',
  })
  @IsDefined({ message: 'is required' })
  @IsIn(LOGGED_OUTCOMES, { message: `must be one of ${LOGGED_OUTCOMES.join(', ')}` })
  outcome!: LoggedOutcome;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: NOTE_MAX_LENGTH,
    description: 'Plain text, sealed at rest; attempts cannot be edited or deleted.',
    example: 'Left a voicemail with our callback number.',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, NOTE_MAX_LENGTH, { message: `must be 1 to ${NOTE_MAX_LENGTH} characters` })
  @Matches(NOTE_TEXT, {
    message: 'must not contain control characters other than line breaks and tabs',
  })
  @Transform(noteText)
  note?: string;
}
