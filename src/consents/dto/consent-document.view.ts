import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES } from '../../vocabulary/contact.js';

/** A document version as a signer is shown it (and signs it). */
export class ConsentTextView {
  @ApiProperty({ example: 'informed-consent' }) slug!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Markdown' }) body!: string;
}

export class ConsentVersionSummaryView {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the title, a blank line and the body' })
  textSha256!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

/** A consent document with its current text and every version published. */
export class ConsentDocumentView {
  @ApiProperty({ example: 'informed-consent' }) slug!: string;
  @ApiProperty({ example: 'en' }) lang!: string;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) requiredFor!: string[];
  @ApiProperty({ example: 2, description: 'The current (newest) version' }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Markdown' }) body!: string;
  @ApiProperty({ type: [ConsentVersionSummaryView], description: 'Newest first' })
  versions!: ConsentVersionSummaryView[];
}

export class ConsentDocumentListView {
  @ApiProperty({ type: [ConsentDocumentView] }) items!: ConsentDocumentView[];
}
