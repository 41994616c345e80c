import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { StaffContext } from './staff-context.js';

// The route marks live in common/ (they name roles, not sessions); re-exported for auth's own
// controllers and the screens that also take the signed-in staff member.
export { AllowedBeforeMfa, Staff, STAFF_ROLES, WITHOUT_MFA } from '../common/staff-routes.js';

/** The signed-in staff member (only on routes marked with @Staff). */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffContext => {
    const staff = context.switchToHttp().getRequest<FastifyRequest>().staff;
    if (!staff) throw new Error('CurrentStaff used on a route without @Staff');
    return staff;
  },
);
