import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CrisisResourceDto } from '../../inquiries/dto/inquiry-receipt.dto.js';
import { FormDefinitionDto } from './form-definition.dto.js';

export class PartnerInvitationSentDto {
  @ApiProperty({ example: 's***@example.com' }) sentTo!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class IntakeReceiptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RI-7KQ2M9XD' }) reference!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({ type: PartnerInvitationSentDto })
  partnerInvitation?: PartnerInvitationSentDto;
  @ApiPropertyOptional({ type: [CrisisResourceDto] }) resources?: CrisisResourceDto[];
}

export class PartnerInvitationViewDto {
  @ApiProperty({ type: FormDefinitionDto }) form!: FormDefinitionDto;
  @ApiProperty({ example: 'Alex', description: 'First name only' }) invitedBy!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class PartnerResponseReceiptDto {
  @ApiProperty({ example: 'RI-7KQ2M9XD' }) reference!: string;
  @ApiPropertyOptional({ type: [CrisisResourceDto] }) resources?: CrisisResourceDto[];
}
