/**
 * Which failures mean "the database cannot be reached right now" rather than "this query
 * is wrong": the first kind is answered 503 with Retry-After and retried by jobs, the
 * second stays a 500. No NestJS or TypeORM import: errors are read by their fields.
 */

/** Socket-level failures reaching the server (Node's `code`). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** SQLSTATEs the server sends while it goes away, starts or is full (class 08 apart). */
const SERVER_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout, the server too slow to answer in time
]);

/**
 * node-postgres and pg-pool report some of these without a code, only in words (never
 * with data in them): a dropped connection, a pool or client-side timeout, a client
 * left unusable by one of those.
 */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /is not queryable$/,
  /^Connection ended unexpectedly/,
];

/**
 * TypeORM gives a query runner back to the pool when its connection fails between two
 * statements of a transaction; the next statement then fails with this.
 */
const RELEASED_RUNNER = 'QueryRunnerAlreadyReleasedError';

interface ErrorFields {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  /** TypeORM's QueryFailedError keeps the driver's error here. */
  driverError?: unknown;
  cause?: unknown;
  /** AggregateError: one per address tried (IPv4 and IPv6 of one host name). */
  errors?: unknown;
}

function unreachable(error: ErrorFields): boolean {
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08/.test(code))) {
    return true;
  }
  if (error.name === RELEASED_RUNNER) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/** Whether `error`, or an error it wraps, says the database is unreachable right now. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const fields = error as ErrorFields;
  if (unreachable(fields)) return true;
  const inner = [
    fields.driverError,
    fields.cause,
    ...(Array.isArray(fields.errors) ? fields.errors : []),
  ];
  return inner.some((wrapped) => isDatabaseUnreachable(wrapped, depth + 1));
}
