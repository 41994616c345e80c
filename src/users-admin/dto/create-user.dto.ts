import { ApiProperty } from '@nestjs/swagger';
import type { UserRole } from '../../vocabulary/user-role.js';
import {
  EMAIL_PROPERTY,
  NAME_PROPERTY,
  ROLE_PROPERTY,
  StaffEmailField,
  StaffNameField,
  StaffRoleField,
} from './user-fields.js';

export class CreateUserDto {
  @ApiProperty({ ...EMAIL_PROPERTY, description: 'Stored lower-cased; one account per address.' })
  @StaffEmailField()
  email!: string;

  @ApiProperty(NAME_PROPERTY)
  @StaffNameField()
  name!: string;

  @ApiProperty(ROLE_PROPERTY)
  @StaffRoleField()
  role!: UserRole;
}
