import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { isUuid } from './uuid.js';

/**
 * Paths that can hold personal data or secrets anywhere they appear in a log line.
 * Redaction is configuration: a new log call cannot forget it.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body',
  'body',
  '*.name',
  '*.email',
  '*.phone',
  '*.message',
  '*.answers',
  '*.password',
  '*.token',
  '*.dateOfBirth',
  'name',
  'email',
  'phone',
  'message',
  'password',
  'token',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** A URL fit for a log: no query string, and long opaque path segments (tokens) hidden. */
export function loggableUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment.length >= 20 && !isUuid(segment) ? ':token' : segment))
    .join('/');
}

export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  return {
    forRoutes: [{ path: '*', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level: config.logLevel,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        serializers: {
          req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
            id: req.id,
            method: req.method,
            url: loggableUrl(req.url),
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        // A 503 (the database away, readiness while starting) is expected and passes by
        // itself: a warning, not one error per request for the length of an outage.
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
          res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : 'info',
      },
      destination ?? process.stdout,
    ],
  };
}
