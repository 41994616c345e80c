import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../vocabulary/user-role.js';
import { SESSION_COOKIE } from '../vocabulary/staff-session.js';
import type { StaffContext } from './staff-context.js';

export const STAFF_ROLES = 'staff:roles';
export const WITHOUT_MFA = 'staff:without-mfa';

/**
 * Marks a controller or route as staff-only, for these roles. Every route under
 * /v1/admin must carry it: the guard refuses one that does not (fail closed).
 */
export function Staff(...roles: UserRole[]) {
  return applyDecorators(
    SetMetadata(STAFF_ROLES, roles),
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
  );
}

/** A staff route a session may use before its required MFA enrolment is done. */
export const AllowedBeforeMfa = () => SetMetadata(WITHOUT_MFA, true);

/** The signed-in staff member (only on routes marked with @Staff). */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffContext => {
    const staff = context.switchToHttp().getRequest<FastifyRequest>().staff;
    if (!staff) throw new Error('CurrentStaff used on a route without @Staff');
    return staff;
  },
);
