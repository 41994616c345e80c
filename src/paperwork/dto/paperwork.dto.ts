import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { ConsentTextView } from '../../consents/dto/consent-document.view.js';
import { SignatureDto } from '../../consents/dto/signature.dto.js';
import { SIGNERS, type Signer } from '../../consents/consent-signature.entity.js';

/** POST /v1/admin/leads/:id/paperwork-requests. */
export class RequestPaperworkDto {
  @ApiPropertyOptional({
    enum: SIGNERS,
    default: 'client',
    description: 'Who is asked: the client, or (couples) their partner',
  })
  @IsIn(SIGNERS, { message: `must be one of ${SIGNERS.join(', ')}` })
  @IsOptional()
  signer?: Signer;
}

export class PaperworkDocumentSummaryView {
  @ApiProperty({ example: 'informed-consent' }) slug!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty() title!: string;
}

export class PaperworkRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SIGNERS }) signer!: Signer;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: [PaperworkDocumentSummaryView], description: 'What is still to sign' })
  documents!: PaperworkDocumentSummaryView[];
}

/** GET /v1/paperwork/:token: what the link's holder is asked to sign. */
export class PaperworkView {
  @ApiProperty({ type: [ConsentTextView] }) documents!: ConsentTextView[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/** POST /v1/paperwork/:token. */
export class SignPaperworkDto {
  @ApiProperty({ type: [SignatureDto] })
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list of signatures' })
  @ArrayMaxSize(20, { message: 'must hold at most 20 signatures' })
  @ValidateNested({ each: true })
  @Type(() => SignatureDto)
  signatures!: SignatureDto[];
}

export class PaperworkReceiptView {
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ type: [PaperworkDocumentSummaryView] }) documents!: PaperworkDocumentSummaryView[];
}
