import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LoggerService, RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { PinoPretty } from 'pino-pretty';
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

/** Where log lines go: JSON to stdout, or (LOG_FORMAT=pretty) one readable line per event. */
export function logDestination(config: Pick<AppConfig, 'logFormat'>): DestinationStream {
  if (config.logFormat === 'json') return process.stdout;
  return PinoPretty({
    colorize: process.stdout.isTTY === true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: readableLine,
  });
}

/** `POST /v1/inquiries 201 12ms` for a request, `[Context] message` for the rest. */
export function readableLine(log: Record<string, unknown>, messageKey: string): string {
  const req = log.req as { method?: string; url?: string } | undefined;
  const res = log.res as { statusCode?: number } | undefined;
  if (req?.method && res?.statusCode !== undefined) {
    const took = typeof log.responseTime === 'number' ? ` ${Math.round(log.responseTime)}ms` : '';
    return `${req.method} ${req.url ?? ''} ${res.statusCode}${took}`;
  }
  const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
  return `${context}${String(log[messageKey] ?? '')}`;
}

/**
 * Nest's own start-up chatter (every module initialised, every route mapped) belongs at
 * debug level: at info a person starting the service would read forty lines of it.
 */
const NEST_CHATTER = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Nest's logger interface over nestjs-pino's, with Nest's chatter moved to debug. */
export class QuietNestLogger implements LoggerService {
  constructor(private readonly logger: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    if (typeof context === 'string' && NEST_CHATTER.has(context)) {
      this.logger.debug?.(message, ...params);
    } else {
      this.logger.log(message, ...params);
    }
  }
  error(message: unknown, ...params: unknown[]): void {
    this.logger.error(message, ...params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.logger.warn(message, ...params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.logger.debug?.(message, ...params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.logger.verbose?.(message, ...params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.logger.fatal?.(message, ...params);
  }
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
      destination ?? logDestination(config),
    ],
  };
}
