import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { UserRole } from '../vocabulary/user-role.js';
import { SESSION_COOKIE } from '../vocabulary/staff-session.js';

/*
 * Which staff may call a route, as metadata only: any capability marks its routes here and
 * auth/'s StaffAuthGuard reads the marks, so a screen depends on no part of auth/.
 */

export const STAFF_ROLES = 'staff:roles';
export const WITHOUT_MFA = 'staff:without-mfa';
export const LEAVES_SESSION_IDLE = 'staff:leaves-session-idle';

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

/**
 * A staff route that does not count as activity: it does not keep an idle session alive
 * (a long-lived stream that a browser reopens by itself must not keep a session forever).
 */
export const LeavesSessionIdle = () => SetMetadata(LEAVES_SESSION_IDLE, true);
