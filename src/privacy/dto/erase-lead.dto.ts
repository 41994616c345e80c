import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { NormalizedText } from '../../common/text.js';

export class EraseLeadDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    description:
      'Why the data is erased, kept in the audit trail. Name no client: it outlives the erasure.',
    example: 'Erasure requested by the client by phone on 2026-11-24 (ticket 4411).',
  })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason!: string;
}

export class ErasedRowsDto {
  @ApiProperty({ example: 1 }) inquiries!: number;
  @ApiProperty({ example: 1 }) intakes!: number;
  @ApiProperty({ example: 1 }) partnerInvitations!: number;
  @ApiProperty({ example: 1 }) partnerResponses!: number;
  @ApiProperty({ example: 2 }) notes!: number;
  @ApiProperty({ example: 1, description: 'Emails not yet sent, cancelled.' })
  notificationsCancelled!: number;
  @ApiProperty({ example: 0, description: 'Stored answers to repeatable submissions, deleted.' })
  idempotencyRecords!: number;
}

export class ErasureResultDto {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({
    type: [String],
    description: 'Leads that had been merged into this one (the same person), erased with it.',
  })
  mergedLeadIds!: string[];

  @ApiProperty({ type: ErasedRowsDto, description: 'Rows emptied or cancelled, by kind.' })
  erased!: ErasedRowsDto;
}
