import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { UserRole } from '../../vocabulary/user-role.js';
import { NAME_PROPERTY, ROLE_PROPERTY, StaffNameField, StaffRoleField } from './user-fields.js';

/** Only the fields sent change. A new role or deactivation ends the user's sessions. */
export class UpdateUserDto {
  @ApiPropertyOptional(NAME_PROPERTY)
  @IsOptional()
  @StaffNameField()
  name?: string;

  @ApiPropertyOptional(ROLE_PROPERTY)
  @IsOptional()
  @StaffRoleField()
  role?: UserRole;

  @ApiPropertyOptional({ description: '`false` deactivates: no sign-in, no email.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}
