import type { SecurityHeadersOptions } from '@nestjs/common';
import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { jsonLimitProblem } from './json-limits.js';
import { ProblemException } from './problem-details.js';

/**
 * The public routes: called from the practice's own website, so the only ones a browser
 * may call cross-origin (CORS_ORIGINS). The admin and auth API is served with the staff
 * app from this origin: it answers no cross-origin request, with or without credentials.
 */
export const PUBLIC_PATH_PREFIXES = [
  '/v1/inquiries',
  '/v1/intakes',
  '/v1/intake-forms',
  '/v1/partner-invitations',
  '/v1/captcha',
] as const;

export function isPublicPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return PUBLIC_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * CORS for `app.enableCors` as a per-request delegate: the allowlist on public routes
 * (no `*`, no credentials), nothing at all elsewhere.
 */
export function publicCors(config: AppConfig): FastifyCorsOptions {
  const origins = new Set(config.corsOrigins);
  const publicOptions: FastifyCorsOptions = {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'idempotency-key', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  };
  return {
    delegator: (request, callback) =>
      callback(null, isPublicPath(request.url) ? publicOptions : { origin: false }),
  };
}

/**
 * helmet's headers (Nest's built-in `useSecurityHeaders`, helmet 8's defaults) with
 * frames denied, no referrer, HSTS in production only (a development server on plain
 * http must not pin a browser to https). Its page-wide CSP is off: a single policy for
 * JSON, Swagger UI and the static pages fits none of them; see jsonContentSecurityPolicy.
 */
export function securityHeaders(config: AppConfig): SecurityHeadersOptions {
  return {
    contentSecurityPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity:
      config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xPoweredBy: true,
  };
}

/** JSON never needs to load or frame anything. */
export const JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The strict CSP on JSON and problem+json answers only, and never over a policy the
 * route set itself (HTML pages bring their own, Swagger UI runs without one).
 */
export function jsonContentSecurityPolicy(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (
      /^application\/(problem\+)?json\b/i.test(type) &&
      !reply.hasHeader('content-security-policy')
    ) {
      reply.header('content-security-policy', JSON_CONTENT_SECURITY_POLICY);
    }
    return payload;
  });
}

/**
 * The only body parser: JSON, with the prototype-poisoning keys refused (400) and the
 * shape limits of json-limits.ts checked before validation (422, field `body`). With no
 * parser for any other type, Fastify answers 415.
 */
export function jsonOnlyBodies(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      parseJson(request, body as string, (error: Error | null, value?: unknown) => {
        if (error) return done(error, undefined);
        const problem = jsonLimitProblem(value);
        if (problem) {
          return done(
            ProblemException.validation([{ field: 'body', message: problem }]),
            undefined,
          );
        }
        done(null, value);
      });
    },
  );
}
