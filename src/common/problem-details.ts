import type { Language } from '../vocabulary/languages.js';
import type { ValidationCode, ValidationParams } from '../vocabulary/validation-codes.js';
import { validationMessage } from './i18n.js';

/**
 * RFC 9457 problem types served by this API. Each code maps to exactly one type,
 * status and title; `Record<ProblemCode, …>` makes the compiler refuse a code that
 * has no entry, so no error can leave the service without its page.
 */
export interface ProblemType {
  readonly status: number;
  readonly title: string;
  /** Shown on the type's page at /problems/<code>. */
  readonly description: string;
  /** Sent as `Retry-After` unless the thrower names its own: the problem passes by itself. */
  readonly retryAfterSeconds?: number;
}

export const PROBLEM_TYPES = {
  'malformed-json': {
    status: 400,
    title: 'Malformed request body',
    description: 'The body could not be parsed as JSON. Send one JSON object.',
  },
  'bad-request': {
    status: 400,
    title: 'Bad request',
    description: 'The request could not be understood as sent.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    description: 'This route needs valid credentials: a bearer token or a session cookie.',
  },
  'mfa-required': {
    status: 401,
    title: 'Second factor required',
    description:
      'This account signs in with a TOTP code: send the six digits of your authenticator ' +
      'app as `totp` with the email and password.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    description: 'You are signed in, but your role does not allow this.',
  },
  'reauthentication-required': {
    status: 403,
    title: 'Confirm it is you',
    description:
      'This action (erasing a lead, exporting leads, changing a role, setting a webhook ' +
      'secret) needs a session that proved the password or a code in the last 10 minutes. ' +
      'Send `{ "password" }` or `{ "totp" }` to `POST /v1/auth/reauthenticate`, then repeat ' +
      'the request.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    description: 'Nothing is known under this address, or you may not see it.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'This address exists, but not for this HTTP method.',
  },
  'idempotency-key-reused': {
    status: 409,
    title: 'Idempotency-Key reused with another request',
    description:
      'An Idempotency-Key identifies one request for 24 hours. It was already used with a ' +
      'different body; send a new key for a new request.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    description: 'The request conflicts with the current state of the resource.',
  },
  'slot-taken': {
    status: 409,
    title: 'Slot taken',
    description:
      'Someone booked this time a moment ago, or it is no longer offered. Read the open slots ' +
      'again and choose another.',
  },
  gone: {
    status: 410,
    title: 'No longer available',
    description: 'This link has expired or was already used.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Request body too large',
    description: 'Request bodies are limited to 64 KiB.',
  },
  'uri-too-long': {
    status: 414,
    title: 'Address too long',
    description: 'A part of the address is longer than any this service uses.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported content type',
    description: 'This route accepts only `Content-Type: application/json`.',
  },
  validation: {
    status: 422,
    title: 'Invalid request',
    description:
      'One or more fields are invalid. `errors` lists each one with its `field` (a dotted ' +
      'path into the body, or a header name), a stable `code` and a `message` (in Spanish when ' +
      'the request asks `Accept-Language: es`). Unknown fields are errors too.',
  },
  'request-timeout': {
    status: 408,
    title: 'Request timeout',
    description: 'The request did not arrive in time. Send it again.',
  },
  'headers-too-large': {
    status: 431,
    title: 'Request headers too large',
    description: 'The address or the headers of the request are too long.',
  },
  'precondition-required': {
    status: 428,
    title: 'Precondition required',
    description: 'This change needs an `If-Match` header with the ETag you last read.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description:
      'Slow down: try again after the number of seconds in `Retry-After`. On the public ' +
      'forms the answer also lists `resources`: where to get help now, for anyone in crisis.',
  },
  'login-locked': {
    status: 429,
    title: 'Too many failed sign-ins',
    description:
      'Repeated failures from this client slow further attempts down (never a lock): try ' +
      'again after the number of seconds in `Retry-After`. Nothing was checked this time.',
  },
  'sealed-data-unreadable': {
    status: 409,
    title: 'Stored data cannot be opened',
    description:
      'An encrypted value of this record does not open where it is stored: it was altered, ' +
      'copied from another record, or sealed with a key the service no longer has. Nothing ' +
      'was changed and nothing of the value is shown. The service log names the table, ' +
      'column and row; an administrator should restore it from a backup or put the key back.',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    description: 'Something went wrong on our side. It has been logged; please try again.',
  },
  unavailable: {
    status: 503,
    title: 'Service unavailable',
    description:
      'The service is starting, or a dependency it needs (its database) cannot be reached ' +
      'right now. Send the same request again after the number of seconds in ' +
      '`Retry-After`, with the same `Idempotency-Key` where the route takes one; the ' +
      'service recovers by itself.',
    retryAfterSeconds: 5,
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

export interface FieldError {
  readonly field: string;
  /** Stable and language-free (docs/api.md#validation-codes); pages show their own words for it. */
  readonly code: ValidationCode;
  readonly message: string;
  /** Numbers a translated message may name; never sent. */
  readonly params?: ValidationParams;
}

/**
 * A field error as a check writes it. Staff-only checks may leave out the code: they say
 * `invalid_format`, the generic one, until a page needs to tell them apart.
 */
export type FieldErrorInput = Omit<FieldError, 'code'> & { readonly code?: ValidationCode };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** RFC 9457 extension members, e.g. `resources` on a public form's 429. */
  [extension: string]: unknown;
}

/** Thrown anywhere in the service; rendered as application/problem+json by one filter. */
export class ProblemException extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      /** Extension members added to the body; they never replace a standard one. */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? PROBLEM_TYPES[code].title);
    this.name = 'ProblemException';
  }

  get status(): number {
    return PROBLEM_TYPES[this.code].status;
  }

  static validation(errors: readonly FieldErrorInput[]): ProblemException {
    const detail =
      errors.length === 1 ? '1 field is invalid' : `${errors.length} fields are invalid`;
    return new ProblemException('validation', detail, {
      errors: errors.map((error) => ({ ...error, code: error.code ?? 'invalid_format' })),
    });
  }
}

/**
 * The body of a problem. In a language other than English a validation problem's
 * messages are the catalogue's words for each code; `field` and `code` never change.
 */
export function problemBody(problem: ProblemException, language: Language = 'en'): ProblemBody {
  const type = PROBLEM_TYPES[problem.code];
  const body: ProblemBody = {
    ...problem.options.extensions,
    type: `/problems/${problem.code}`,
    title: type.title,
    status: type.status,
  };
  if (problem.detail !== undefined) body.detail = problem.detail;
  if (problem.options.errors) {
    body.errors = problem.options.errors.map(({ field, code, message, params }) => ({
      field,
      code,
      message: language === 'en' ? message : validationMessage(language, code, params),
    }));
    if (language === 'es' && problem.code === 'validation') {
      const count = problem.options.errors.length;
      body.detail = count === 1 ? 'Hay 1 campo que revisar' : `Hay ${count} campos que revisar`;
    }
  }
  return body;
}

/** The generic code for a bare HTTP status (framework errors that carry only a status). */
export function problemCodeForStatus(status: number): ProblemCode {
  const code = (Object.keys(PROBLEM_TYPES) as ProblemCode[]).find(
    (candidate) => PROBLEM_TYPES[candidate].status === status,
  );
  if (code) return code;
  return status >= 500 ? 'internal' : 'bad-request';
}
