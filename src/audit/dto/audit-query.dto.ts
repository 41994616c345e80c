import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { queryBoolean, queryInt } from '../../common/query-params.js';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Who: a staff user id.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorUserId?: string;

  @ApiPropertyOptional({
    example: 'lead.read',
    description: 'An action, or a prefix ending in `.` (e.g. `auth.`).',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^[a-z0-9_.-]{1,64}$/, { message: 'must be an action name such as lead.read' })
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  leadId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt({ message: 'must be an integer' })
  @Max(200, { message: 'must be at most 200' })
  @Min(1, { message: 'must be at least 1' })
  limit?: number;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      '`true` (also when absent): `lead.listed` events of one person, address and hour are one item with a `count`. `false`: every event as stored.',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  fold?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{1,19}$/, { message: 'must be a cursor from a previous page' })
  cursor?: string;
}
