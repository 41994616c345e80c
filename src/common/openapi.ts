import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiHeader,
  ApiResponse,
  DocumentBuilder,
  type OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '../vocabulary/staff-session.js';
import { VALIDATION_CODES } from '../vocabulary/validation-codes.js';
import { PROBLEM_TYPES, type ProblemCode } from './problem-details.js';

/**
 * The OpenAPI document served at /docs-json and committed as docs/openapi.json
 * (`npm run openapi`). Routes say what is theirs with the decorators below; what every
 * route of a kind answers (a staff route's 401/403, a JSON body's 400/413/415/422, the
 * database's 503) is added once here, from the same facts the guards, pipes and filters
 * act on, so no route can forget it.
 */

// The document's own object types (the package exports only the whole document's).
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
type HeaderObject = Extract<NonNullable<ResponseObject['headers']>[string], { schema?: unknown }>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;
type SchemaObject = Extract<
  NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string],
  { type?: unknown }
>;

/** Security scheme names, as the operations reference them. */
export const SECURITY = {
  bearer: 'bearer',
  session: SESSION_COOKIE,
  csrf: 'csrf',
  metrics: 'metrics',
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before sending the request again.',
  schema: { type: 'integer', minimum: 1 },
};

/** The problem schemas every error answer refers to (RFC 9457). */
export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  Problem: {
    type: 'object',
    description:
      'An RFC 9457 problem. `type` is a relative address of a page describing the problem ' +
      '(GET /problems/{code}); `title` is the same for every instance of a type. Never ' +
      'echoes submitted data.',
    required: ['type', 'title', 'status'],
    properties: {
      type: {
        type: 'string',
        enum: Object.keys(PROBLEM_TYPES).map((code) => `/problems/${code}`),
        example: '/problems/not-found',
      },
      title: { type: 'string', example: 'Not found' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
      detail: { type: 'string', description: 'What went wrong this time, in a sentence.' },
    },
  },
  FieldError: {
    type: 'object',
    required: ['field', 'code', 'message'],
    properties: {
      field: {
        type: 'string',
        description: 'A dotted path into the body or query (`consent.contact`), or a header name.',
        example: 'email',
      },
      message: {
        type: 'string',
        description: 'In Spanish when the request asks `Accept-Language: es`.',
        example: 'must be an email address',
      },
      code: {
        type: 'string',
        enum: [...VALIDATION_CODES],
        description: 'Stable, whatever the language: a page shows its own words for it.',
        example: 'invalid_email',
      },
    },
  },
  ValidationProblem: {
    description: '`/problems/validation`: every invalid field is named; values are never echoed.',
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        required: ['errors'],
        properties: { errors: { type: 'array', items: ref('FieldError') } },
      },
    ],
  },
  RateLimitProblem: {
    description:
      '`/problems/rate-limited` on a public form: `resources` lists where to get help now, ' +
      'so nobody in crisis is turned away without it.',
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        required: ['resources'],
        properties: { resources: { type: 'array', items: ref('CrisisResourceDto') } },
      },
    ],
  },
};

type ProblemStatus = (typeof PROBLEM_TYPES)[ProblemCode]['status'];

function typesWithStatus(status: number): string {
  return (Object.keys(PROBLEM_TYPES) as ProblemCode[])
    .filter((code) => PROBLEM_TYPES[code].status === status)
    .map((code) => `\`/problems/${code}\``)
    .join(', ');
}

/** The response object of one problem status: shared schema, `Retry-After` where sent. */
export function problemResponse(status: number, description?: string): ResponseObject {
  const schema = status === 422 ? ref('ValidationProblem') : ref('Problem');
  const response: ResponseObject = {
    description: description ?? typesWithStatus(status),
    content: { [PROBLEM_MEDIA_TYPE]: { schema } },
  };
  if (status === 429 || status === 503) response.headers = { 'Retry-After': RETRY_AFTER };
  return response;
}

/**
 * Problem answers of a route beyond those added to every route of its kind (see
 * `completeDocument`): `@ProblemResponses(404, 409)`, or with the route's own words,
 * `@ProblemResponses(404, [409, 'Merged or erased already.'])`.
 */
export function ProblemResponses(...entries: (ProblemStatus | [ProblemStatus, string])[]) {
  return applyDecorators(
    ...entries.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, undefined];
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}

/** `Idempotency-Key` on a public submission (src/common/idempotency). */
export const IdempotencyKeyHeader = (description?: string) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      description:
        description ??
        'Repeat with the same key and body within 24 h: the first answer again, nothing new. ' +
          'The same key with another body answers 409.',
    }),
    ProblemResponses([409, 'The `Idempotency-Key` was used with another body.']),
  );

/** The `ETag` a lead answer carries: its version, for `If-Match`. */
export const ETAG_HEADER: Record<string, HeaderObject> = {
  ETag: {
    description: 'The version of the lead; send it back as `If-Match`.',
    schema: { type: 'string' },
  },
};

const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Routes that answer without the database: a database outage does not reach them. */
const WITHOUT_DATABASE = new Set(['/health/live', '/metrics', '/problems/{code}']);

function addProblem(operation: OperationObject, status: number, description?: string): void {
  const key = String(status);
  const current = operation.responses[key] as ResponseObject | undefined;
  operation.responses[key] = {
    ...problemResponse(status, current?.description || description),
    ...(current?.headers
      ? { headers: { ...current.headers, ...problemResponse(status).headers } }
      : {}),
  };
}

/** Whether a response declared by a decorator shows `resources` (a public form's 429). */
function showsResources(response: ResponseObject | undefined): boolean {
  const schema = response?.content?.[PROBLEM_MEDIA_TYPE]?.schema as SchemaObject | undefined;
  return Boolean(schema?.properties?.resources);
}

/**
 * Adds what every route of a kind answers, points every problem at the shared schemas,
 * and states that a cookie session's change also needs the CSRF token.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...PROBLEM_SCHEMAS };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      // A public route says so (Redocly: every operation states its security).
      operation.security ??= [];
      const secured = operation.security.length > 0 && !path.startsWith('/metrics');
      if (secured) {
        addProblem(operation, 401, 'No credentials, or a session that has ended.');
        addProblem(
          operation,
          403,
          'Your role does not allow this, two-factor enrolment is still due, or a cookie ' +
            'session sent a change without `X-CSRF-Token`.',
        );
        const seen = new Set<string>();
        operation.security = operation.security!.flatMap((requirement) => {
          const names = Object.keys(requirement);
          const key = names.sort().join('+');
          if (seen.has(key)) return [];
          seen.add(key);
          if (names.includes(SECURITY.session) && UNSAFE_METHODS.has(method)) {
            return [{ [SECURITY.session]: [], [SECURITY.csrf]: [] }];
          }
          return [requirement];
        });
      }
      if (operation.requestBody) {
        addProblem(operation, 400, 'The body is not one JSON object.');
        addProblem(operation, 413, 'The body is over 64 KiB, or nested or long beyond limits.');
        addProblem(operation, 415, 'The body is not `application/json`.');
        addProblem(operation, 422);
      }
      if (parameters.some((parameter) => parameter.in === 'query')) addProblem(operation, 422);
      const tooMany = operation.responses['429'] as ResponseObject | undefined;
      if (tooMany) {
        operation.responses['429'] = {
          ...problemResponse(429, tooMany.description),
          content: {
            [PROBLEM_MEDIA_TYPE]: {
              schema: showsResources(tooMany) ? ref('RateLimitProblem') : ref('Problem'),
            },
          },
        };
      }
      addProblem(
        operation,
        500,
        'Something went wrong on our side; it is logged, without detail here.',
      );
      if (!WITHOUT_DATABASE.has(path)) {
        addProblem(
          operation,
          503,
          'The database cannot be reached right now; the service recovers by itself.',
        );
      }
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}

/** The whole document, as /docs-json serves it and docs/openapi.json holds it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Relational Intake')
    .setDescription(
      'Intake and lead management for therapy practices. The guide is docs/api.md in the ' +
        'repository; every error is an RFC 9457 `application/problem+json` answer whose ' +
        '`type` is a page under /problems.',
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This service')
    .addTag('public', 'Forms and links used by clients, without credentials')
    .addTag('auth', 'Signing in, sessions, passwords and two-factor sign-in')
    .addTag('admin', 'The staff desk: leads, people, settings, webhooks')
    .addTag('operations', 'Health, metrics and problem pages')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'The `token` of POST /v1/auth/login, for API clients.',
      },
      SECURITY.bearer,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'The session cookie set by POST /v1/auth/login, for the staff app.',
      },
      SECURITY.session,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description:
          'With the session cookie, every change also sends this header: the token of GET /v1/auth/csrf.',
      },
      SECURITY.csrf,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when one is configured.' },
      SECURITY.metrics,
    )
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config));
}
