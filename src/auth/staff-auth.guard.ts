import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../common/problem-details.js';
import type { UserRole } from '../vocabulary/user-role.js';
import { readCookie } from './cookies.js';
import { StaffSessions } from './sessions.service.js';
import { SESSION_COOKIE } from '../vocabulary/staff-session.js';
import { LEAVES_SESSION_IDLE, STAFF_ROLES, WITHOUT_MFA } from '../common/staff-routes.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates staff routes (bearer token or session cookie), checks CSRF on cookie
 * writes, MFA enrolment and the route's roles. Registered globally: a route under
 * /v1/admin without @Staff is refused, so a forgotten decorator cannot open a route.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: StaffSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(STAFF_ROLES, targets);
    if (!roles) {
      if ((request.routeOptions.url ?? request.url).startsWith('/v1/admin')) {
        throw new ProblemException('forbidden', 'This route has no access rule.');
      }
      return true;
    }

    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = bearer ? undefined : readCookie(request.headers.cookie, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) throw new ProblemException('unauthenticated');
    const quiet = this.reflector.getAllAndOverride<boolean>(LEAVES_SESSION_IDLE, targets);
    const found = await this.sessions.resolve(token, new Date(), { touch: !quiet });
    if (!found) {
      throw new ProblemException('unauthenticated', 'The session has ended or is not known.');
    }
    const via = bearer ? 'bearer' : 'cookie';
    if (via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (
        !this.sessions.csrfMatches(found.session.id, typeof given === 'string' ? given : undefined)
      ) {
        throw new ProblemException(
          'forbidden',
          'A change made with the session cookie needs the X-CSRF-Token header from GET /v1/auth/csrf.',
        );
      }
    }
    request.staff = { ...found, via };

    if (!found.session.mfaSatisfied && !this.reflector.getAllAndOverride(WITHOUT_MFA, targets)) {
      throw new ProblemException(
        'forbidden',
        'Set up two-factor sign-in first (POST /v1/auth/mfa/setup, then /v1/auth/mfa/verify).',
      );
    }
    if (roles.length > 0 && !roles.includes(found.user.role)) {
      throw new ProblemException('forbidden');
    }
    return true;
  }
}
