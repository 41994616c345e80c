import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '../stats-definitions.js';
import { StatsQueryDto } from './stats-query.dto.js';

export class BreakdownQueryDto extends StatsQueryDto {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, description: 'What to group the leads by.' })
  @IsDefined({ message: 'is required' })
  @IsIn(BREAKDOWN_DIMENSIONS, { message: `must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}` })
  by!: BreakdownDimension;
}
