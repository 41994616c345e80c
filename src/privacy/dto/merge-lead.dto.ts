import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class MergeLeadDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The lead that survives; the lead in the path is folded into it.',
  })
  @IsUUID('all', { message: 'must be a lead id (a UUID)' })
  intoLeadId!: string;
}

export class MovedRowsDto {
  @ApiProperty({ example: 1 }) inquiries!: number;
  @ApiProperty({ example: 1 }) intakes!: number;
  @ApiProperty({ example: 1 }) partnerInvitations!: number;
  @ApiProperty({ example: 1 }) partnerResponses!: number;
  @ApiProperty({ example: 3, description: 'Submission references, now finding the survivor.' })
  references!: number;
  @ApiProperty({ example: 2 }) notes!: number;
  @ApiProperty({ example: 4, description: 'Timeline events.' }) events!: number;
  @ApiProperty({ example: 3 }) notifications!: number;
}

export class MergeResultDto {
  @ApiProperty({ format: 'uuid', description: 'The surviving lead.' })
  leadId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The folded lead; it stays as a pointer with `mergedIntoLeadId`.',
  })
  mergedLeadId!: string;

  @ApiProperty({ type: MovedRowsDto, description: 'Rows moved from the folded lead, by kind.' })
  moved!: MovedRowsDto;
}
