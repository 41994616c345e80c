import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, Length, Matches } from 'class-validator';

export const NOTE_MAX_LENGTH = 10_000;

/** Line breaks and tabs are text; any other control character is refused. */
const NOTE_TEXT = /^(?:[^\p{Cc}]|[\n\t])*$/u;

/** Trimmed and NFC-normalised; Windows line ends (CR LF) become LF. */
const noteText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\r\n/g, '\n').normalize('NFC').trim() : value;

/** POST /v1/admin/leads/:id/notes. */
export class AddNoteDto {
  @ApiProperty({
    minLength: 1,
    maxLength: NOTE_MAX_LENGTH,
    description: 'Plain text; line breaks and tabs kept. Notes cannot be edited or deleted.',
    example: 'Left a voicemail; will try again Thursday morning.',
  })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, NOTE_MAX_LENGTH, { message: `must be 1 to ${NOTE_MAX_LENGTH} characters` })
  @Matches(NOTE_TEXT, {
    message: 'must not contain control characters other than line breaks and tabs',
  })
  @Transform(noteText)
  body!: string;
}
