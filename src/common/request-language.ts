import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type Language, preferredLanguage } from '../vocabulary/languages.js';

/**
 * The language the request's `Accept-Language` prefers among ours (`en` when none is):
 * the default of a submission's `lang` (docs/api.md#languages).
 */
export const RequestLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Language =>
    preferredLanguage(
      context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language'],
    ),
);
