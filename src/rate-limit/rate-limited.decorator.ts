import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CRISIS_RESOURCES } from '../vocabulary/urgency.js';
import { type RateLimitGroup, showsCrisisResources } from './rate-limit-policy.js';
import { RateLimiter } from './rate-limiter.service.js';

export const RATE_LIMIT_GROUP = 'rate-limit:group';

/** Counts the request against its route's limits before anything else reads it. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const group = this.reflector.getAllAndOverride<RateLimitGroup | undefined>(RATE_LIMIT_GROUP, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!group) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // request.ip is the client behind a trusted proxy only (TRUST_PROXY), else the peer.
    await this.limiter.check(group, {
      ip: request.ip,
      body: request.body,
      route: request.routeOptions.url,
    });
    return true;
  }
}

const problemSchema = (withResources: boolean) => ({
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: '/problems/rate-limited' },
    title: { type: 'string', example: 'Too many requests' },
    status: { type: 'integer', example: 429 },
    detail: { type: 'string' },
    ...(withResources
      ? {
          resources: {
            type: 'array',
            description:
              'Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.',
            items: {
              type: 'object',
              properties: { name: { type: 'string' }, contact: { type: 'string' } },
            },
            example: CRISIS_RESOURCES,
          },
        }
      : {}),
  },
});

/**
 * The rate limits a route passes (rulesFor in rate-limit-policy.ts): `submission`,
 * `read`, `auth` or `password-reset`. Over a limit: 429 `/problems/rate-limited` with
 * `Retry-After`, and `resources` on client-facing routes.
 */
export function RateLimited(group: RateLimitGroup) {
  return applyDecorators(
    SetMetadata(RATE_LIMIT_GROUP, group),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description: `Rate limit (${group}): wait the seconds in \`Retry-After\`.`,
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
      content: {
        'application/problem+json': { schema: problemSchema(showsCrisisResources(group)) },
      },
    }),
  );
}
