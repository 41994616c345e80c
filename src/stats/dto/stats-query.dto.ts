import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';

export class StatsQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start of the range (inclusive), on creation time; default 30 days before `to`.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the range (exclusive); default now. At most 366 days after `from`.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;
}
