import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnreachable } from '../database/unreachable.js';
import {
  PROBLEM_TYPES,
  type ProblemType,
  ProblemException,
  problemBody,
  problemCodeForStatus,
} from './problem-details.js';
import { UnreadableSealedValue } from './encryption/data-cipher.js';
import { type Language, preferredLanguage } from '../vocabulary/languages.js';

interface FrameworkError {
  statusCode?: number;
  code?: string;
  name?: string;
}

const FASTIFY_CODES: Record<string, ProblemException['code']> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
};

/** Any thrown value → the problem a client may see. Internal detail never leaves. */
export function toProblem(exception: unknown): ProblemException {
  if (exception instanceof ProblemException) return exception;
  if (exception instanceof UnreadableSealedValue)
    return new ProblemException('sealed-data-unreadable');
  if (exception instanceof HttpException) {
    return new ProblemException(problemCodeForStatus(exception.getStatus()));
  }
  const error = (exception ?? {}) as FrameworkError;
  if (error.code && FASTIFY_CODES[error.code])
    return new ProblemException(FASTIFY_CODES[error.code]);
  if (error.statusCode === 400 && error.name === 'SyntaxError') {
    return new ProblemException('malformed-json', 'The body is not valid JSON.');
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new ProblemException(problemCodeForStatus(error.statusCode));
  }
  // The database is down or restarting: a client may try again, nothing is wrong with the
  // request. Any route that needs the database lands here, without a word in a controller.
  if (isDatabaseUnreachable(exception)) return new ProblemException('unavailable');
  return new ProblemException('internal');
}

/**
 * What may be logged about an unexpected error: its kind and where it happened. Not its
 * message: driver messages quote values ("invalid input syntax for type uuid: …").
 */
export function loggableError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const { code, constraint, table, column, routine } = exception as Error & Record<string, unknown>;
  return {
    type: exception.name,
    code,
    constraint,
    table,
    column,
    routine,
    stack: exception.stack?.split('\n').slice(1).join('\n'),
  };
}

export function sendProblem(
  reply: FastifyReply,
  problem: ProblemException,
  language: Language = 'en',
): FastifyReply {
  const { retryAfterSeconds }: ProblemType = PROBLEM_TYPES[problem.code];
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  for (const [name, value] of Object.entries(problem.options.headers ?? {})) {
    reply.header(name, value);
  }
  return reply
    .status(PROBLEM_TYPES[problem.code].status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(problemBody(problem, language));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(exception);
    if (exception instanceof UnreadableSealedValue) {
      // Where, never what: a value that does not open may have been tampered with.
      const { table, column, rowId } = exception;
      this.logger.error({ table, column, rowId, reqId: request.id }, 'sealed value does not open');
    }
    if (problem.code === 'unavailable') {
      // Expected while the database is away or starting; one line per request, no stack.
      const { type, code } = loggableError(exception);
      this.logger.warn({ err: { type, code }, reqId: request.id }, 'unavailable');
    } else if (problem.status >= 500) {
      this.logger.error({ err: loggableError(exception), reqId: request.id }, 'request failed');
    }
    sendProblem(reply, problem, preferredLanguage(request.headers['accept-language']));
  }
}
