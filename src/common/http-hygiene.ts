import type { FastifyCorsOptions } from '@fastify/cors';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { jsonLimitProblem } from './json-limits.js';
import { sendProblem } from './problem-details.filter.js';
import { ProblemException, problemBody } from './problem-details.js';

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
  '/v1/practice',
  '/v1/intake-drafts',
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
 * helmet's headers (the values of helmet 8's defaults) with frames denied, no referrer,
 * and HSTS in production only (a development server on plain http must not pin a
 * browser to https). Set here in one hook rather than by helmet or Nest's
 * `useSecurityHeaders`: their page-wide CSP fits neither JSON, Swagger UI at /docs nor
 * the static pages (see jsonContentSecurityPolicy), and their hook never sees the
 * answers the router gives itself (frameworkErrorAnswer) or Node's parser refusals.
 */
export function securityHeaders(config: AppConfig): readonly (readonly [string, string])[] {
  return [
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'no-referrer'],
    ['cross-origin-resource-policy', 'same-origin'],
    ['cross-origin-opener-policy', 'same-origin'],
    ['origin-agent-cluster', '?1'],
    ['x-dns-prefetch-control', 'off'],
    ['x-download-options', 'noopen'],
    ['x-permitted-cross-domain-policies', 'none'],
    ['x-xss-protection', '0'],
    ...(config.env === 'production'
      ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as const]
      : []),
  ];
}

/**
 * Puts the security headers on every answer, before routing: 404s and parse errors
 * included. A route may still replace one with its own value.
 */
export function withSecurityHeaders(fastify: FastifyInstance, config: AppConfig): void {
  const headers = securityHeaders(config);
  fastify.addHook('onRequest', async (_request, reply) => {
    for (const [name, value] of headers) reply.header(name, value);
  });
}

/** Where staff data and credentials travel: never kept by a browser or a proxy cache. */
export const STAFF_PATH_PREFIXES = ['/v1/admin', '/v1/auth'] as const;

export function isStaffPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return STAFF_PATH_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`),
  );
}

/**
 * `Cache-Control: no-store` on every answer of the admin and auth API (ASVS 8.2.1), set
 * before routing so 401s, 404s and validation errors carry it too: one hook, so no new
 * route can forget it.
 */
export function noStoreOnStaffRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (isStaffPath(request.url)) reply.header('cache-control', 'no-store');
  });
}

/**
 * `Cache-Control: no-store` on every answer of the public API too: what a visitor sent
 * or saved (answers, a draft) must not stay in a shared computer's cache for the next
 * person at the keyboard to find. Set before routing, like the staff routes'.
 */
export function noStoreOnPublicRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (isPublicPath(request.url)) reply.header('cache-control', 'no-store');
  });
}

/**
 * Fastify's `frameworkErrors`: the router's own refusals (a malformed percent-encoding,
 * a path parameter over 100 characters) answered as problem+json like every other
 * error, without echoing the address (it may hold a token).
 */
export function frameworkErrorAnswer(config: AppConfig) {
  const headers = securityHeaders(config);
  return (error: { code?: string }, _request: unknown, reply: FastifyReply) => {
    for (const [name, value] of headers) reply.header(name, value);
    // Answered outside every route, so no onSend hook adds it.
    reply.header('content-security-policy', JSON_CONTENT_SECURITY_POLICY);
    sendProblem(
      reply,
      new ProblemException(
        error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri-too-long' : 'bad-request',
      ),
    );
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

/** The one route that takes a body other than JSON: the practice's logo, as image bytes. */
export const IMAGE_BODY_PATHS: ReadonlySet<string> = new Set(['/v1/admin/settings/logo']);

/**
 * PNG and JPEG bodies, as bytes, for IMAGE_BODY_PATHS only: anywhere else the answer is
 * 415 before a byte of the body is read. The route checks the bytes and its own, smaller
 * size limit; past `bodyLimit` reading stops with 413.
 */
export function imageBodies(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(['image/png', 'image/jpeg'], (request, payload, done) => {
    const path = request.url.split('?')[0] ?? '';
    if (!IMAGE_BODY_PATHS.has(path)) {
      return done(new ProblemException('unsupported-media-type'), undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimit) {
        payload.removeAllListeners('data');
        payload.resume();
        return finish(new ProblemException('payload-too-large'));
      }
      chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (error) => finish(error));
  });
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or URL over
 * 16 KiB, a request too slow, bytes that are not HTTP) get a problem+json answer like
 * every other error, with the JSON policy, instead of Fastify's own JSON shape.
 */
export function clientErrorAnswer(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'headers-too-large'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request-timeout'
        : 'bad-request';
  const problem = problemBody(new ProblemException(code));
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `Content-Security-Policy: ${JSON_CONTENT_SECURITY_POLICY}`,
        'X-Content-Type-Options: nosniff',
        'X-Frame-Options: DENY',
        'Referrer-Policy: no-referrer',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy(error);
}
