import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../vocabulary/user-role.js';
import type { User } from './user.entity.js';

/** A staff account as the admin API shows it: no hash, no secret. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'False until the invitation is accepted (or a reset completed).' })
  passwordSet!: boolean;
  @ApiProperty() mfaEnabled!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    passwordSet: user.passwordHash !== null,
    mfaEnabled: user.mfaEnabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
