import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CrisisResourceDto {
  @ApiProperty({ example: '988 Suicide & Crisis Lifeline' })
  name!: string;

  @ApiProperty({ example: 'Call or text 988' })
  contact!: string;
}

/** What a public submission answers: never anything about the lead it joined. */
export class SubmissionReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'RI-7KQ2M9XD', description: 'Short code to quote on the phone' })
  reference!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiPropertyOptional({
    type: [CrisisResourceDto],
    description: 'Present only when the submission suggests a crisis',
  })
  resources?: CrisisResourceDto[];
}
