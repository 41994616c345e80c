import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { SERVICE_TYPES, type ServiceType, US_STATE_CODES } from '../../vocabulary/contact.js';
import { queryBoolean } from '../../common/query-params.js';

/** Query strings are text: "true" and "false" become booleans, anything else stays to fail. */
/** GET /v1/admin/clinicians filters; each one given narrows the list. */
export class ClinicianQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @Transform(queryBoolean)
  active?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @Transform(queryBoolean)
  acceptingNewClients?: boolean;

  @ApiPropertyOptional({ enum: SERVICE_TYPES, description: 'Offers this service type.' })
  @IsOptional()
  @IsIn(SERVICE_TYPES, { message: `must be one of ${SERVICE_TYPES.join(', ')}` })
  serviceType?: ServiceType;

  @ApiPropertyOptional({ example: 'OR', description: 'Licensed in this state (USPS code).' })
  @IsOptional()
  @IsIn(US_STATE_CODES, { message: 'must be a US state or territory code, e.g. OR' })
  state?: string;
}
