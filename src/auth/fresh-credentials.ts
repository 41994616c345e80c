import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../common/problem-details.js';

/**
 * Actions that need a session that proved the password or a code lately, not only a
 * session (erasure, exports, role changes, webhook secrets): a session left open on a
 * shared computer cannot do them. Signing in counts, and so does
 * POST /v1/auth/reauthenticate.
 */
export const FRESH_CREDENTIALS_MS = 10 * 60_000;

/** Whether credentials proved at `provedAt` are still fresh at `now`. */
export function credentialsFresh(provedAt: Date, now: Date): boolean {
  return now.getTime() - provedAt.getTime() < FRESH_CREDENTIALS_MS;
}

const FRESH_CREDENTIALS = 'staff:fresh-credentials';

interface FreshCredentialsRule {
  /** Only when the body carries this field (a role change, a new secret). */
  whenBodyHas?: string;
}

/**
 * Runs after the StaffAuthGuard (a global guard), so the session is known; a stale one
 * answers 403 `/problems/reauthentication-required`.
 */
@Injectable()
export class FreshCredentialsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.get<FreshCredentialsRule | undefined>(
      FRESH_CREDENTIALS,
      context.getHandler(),
    );
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!rule || !request.staff) return true;
    if (rule.whenBodyHas !== undefined) {
      const body = request.body;
      const has =
        typeof body === 'object' &&
        body !== null &&
        Object.prototype.hasOwnProperty.call(body, rule.whenBodyHas);
      if (!has) return true;
    }
    if (credentialsFresh(request.staff.session.credentialsProvedAt, new Date())) return true;
    throw new ProblemException(
      'reauthentication-required',
      'Confirm it is you: send your password or a code to POST /v1/auth/reauthenticate, then try again.',
    );
  }
}

/** Marks a staff route as needing fresh credentials (see FRESH_CREDENTIALS_MS). */
export function RequiresFreshCredentials(rule: FreshCredentialsRule = {}) {
  return applyDecorators(
    SetMetadata(FRESH_CREDENTIALS, rule),
    UseGuards(FreshCredentialsGuard),
    ApiForbiddenResponse({
      description:
        '`/problems/reauthentication-required` when the session last proved the password or a code more than 10 minutes ago.',
    }),
  );
}
