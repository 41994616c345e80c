import { fieldErrorsOf, isProblem, type FieldError, type Problem } from '../lib/problem';

/**
 * The staff app's HTTP client. It signs in with the session cookie only (HttpOnly, set by
 * POST /v1/auth/login): no token is ever kept in script-readable storage. Every write
 * carries the X-CSRF-Token of the session (GET /v1/auth/csrf).
 */

/** What a request came to, in the terms a screen acts on. */
export type ApiResult<T> =
  | { kind: 'ok'; status: number; body: T; etag: string | null }
  /** 422 with field errors. */
  | { kind: 'invalid'; status: 422; errors: FieldError[]; problem: Problem }
  /** Any other error answer; `code` is the last part of the problem type (`mfa-required`). */
  | {
      kind: 'problem';
      status: number;
      code: string;
      problem: Problem;
      /** Seconds from `Retry-After` (a 429), when given. */
      retryAfter?: number;
    }
  | { kind: 'offline' };

export type ApiFailure = Exclude<ApiResult<unknown>, { kind: 'ok' }>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The ETag of the last read, for changes that need it (PATCH of a lead). */
  ifMatch?: string;
  /** A sign-in attempt: its 401 is an answer, not a lost session. */
  signingIn?: boolean;
}

/** The code of a problem type: `/problems/mfa-required` → `mfa-required`. */
export function problemCode(problem: Problem): string {
  return typeof problem.type === 'string' ? (problem.type.split('/').pop() ?? '') : '';
}

let csrfToken: string | null = null;
const sessionEndedListeners = new Set<() => void>();

/** Called when an admin route answers 401: the session expired or was ended elsewhere. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * Asks the person to prove it is them again (a dialog), for actions the server keeps for
 * a session that proved the password or a code lately. Resolves true once they did.
 */
type Reauthenticator = () => Promise<boolean>;
let reauthenticator: Reauthenticator | null = null;

/** The dialog that answers `reauthentication-required`; one at a time (the signed-in app). */
export function onReauthenticationRequired(ask: Reauthenticator): () => void {
  reauthenticator = ask;
  return () => {
    if (reauthenticator === ask) reauthenticator = null;
  };
}

export const REAUTHENTICATION_REQUIRED = 'reauthentication-required';

function needsReauthentication(result: ApiResult<unknown>): boolean {
  return result.kind === 'problem' && result.code === REAUTHENTICATION_REQUIRED;
}

export function forgetCsrfToken(): void {
  csrfToken = null;
}

async function fetchCsrfToken(): Promise<string | null> {
  const result = await send<{ token: string }>('/v1/auth/csrf', {});
  csrfToken = result.kind === 'ok' ? result.body.token : null;
  return csrfToken;
}

async function send<T>(url: string, options: RequestOptions): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'offline' };
  }
  let parsed: unknown = undefined;
  if (response.status !== 204) {
    try {
      parsed = await response.json();
    } catch {
      // An empty or non-JSON body; the status still says what happened.
    }
  }
  if (response.ok) {
    return {
      kind: 'ok',
      status: response.status,
      body: parsed as T,
      etag: response.headers.get('etag'),
    };
  }
  const problem: Problem = isProblem(parsed) ? parsed : {};
  if (response.status === 422) {
    return { kind: 'invalid', status: 422, errors: fieldErrorsOf(problem), problem };
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return {
    kind: 'problem',
    status: response.status,
    code: problemCode(problem),
    problem,
    ...(Number.isFinite(retryAfter) ? { retryAfter } : {}),
  };
}

/** One JSON request to the API. Never throws: failures come back as results. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const isWrite = method !== 'GET';
  if (isWrite && !csrfToken && !options.signingIn && !isPublicWrite(url)) await fetchCsrfToken();
  let result = await send<T>(url, options);
  // A CSRF token belongs to a session; after a new sign-in elsewhere, fetch it once more.
  if (
    isWrite &&
    result.kind === 'problem' &&
    result.status === 403 &&
    /csrf/i.test(result.problem.detail ?? '')
  ) {
    if (await fetchCsrfToken()) result = await send<T>(url, options);
  }
  // Fresh credentials needed: ask for them, then try the same request once more.
  if (needsReauthentication(result) && reauthenticator && (await reauthenticator())) {
    result = await send<T>(url, options);
  }
  if (
    result.kind === 'problem' &&
    result.status === 401 &&
    !options.signingIn &&
    !isPublicWrite(url)
  ) {
    csrfToken = null;
    sessionEndedListeners.forEach((listener) => listener());
  }
  return result;
}

/**
 * Downloads a file the API serves (the CSV export) as the browser would from a link,
 * but through fetch, so that a request for fresh credentials can be answered first.
 */
export async function download(url: string, filename: string): Promise<ApiResult<null>> {
  const fetchFile = async (): Promise<Response | null> => {
    try {
      return await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      return null;
    }
  };
  let response = await fetchFile();
  if (response && !response.ok) {
    const failed = await failureOf(response);
    if (!needsReauthentication(failed) || !reauthenticator || !(await reauthenticator())) {
      return failed;
    }
    response = await fetchFile();
  }
  if (!response) return { kind: 'offline' };
  if (!response.ok) return failureOf(response);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return { kind: 'ok', status: response.status, body: null, etag: null };
}

async function failureOf(response: Response): Promise<ApiFailure> {
  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // Not JSON: the status says enough.
  }
  const problem: Problem = isProblem(parsed) ? parsed : {};
  if (response.status === 422) {
    return { kind: 'invalid', status: 422, errors: fieldErrorsOf(problem), problem };
  }
  return { kind: 'problem', status: response.status, code: problemCode(problem), problem };
}

/** Routes used before signing in (invitation, password reset): no session, no CSRF. */
function isPublicWrite(url: string): boolean {
  return /^\/v1\/auth\/(login|invitations\/|password-reset)/.test(url);
}

/** After a successful sign-in: the session's CSRF token for the writes to come. */
export async function startSession(): Promise<void> {
  await fetchCsrfToken();
}

/** A sentence for a failure that is not about one field. */
export function failureText(result: ApiFailure): string {
  if (result.kind === 'offline')
    return 'The server could not be reached. Check the connection and try again.';
  if (result.kind === 'invalid') {
    return result.errors.length > 0
      ? result.errors.map((error) => `${error.field} ${error.message}`).join('; ')
      : (result.problem.detail ?? 'The request was not valid.');
  }
  switch (result.status) {
    case 401:
      return 'Your session has ended. Sign in again.';
    case 403:
      return 'Your role does not allow this. Ask an admin if you need it.';
    case 404:
      return 'Not found: it does not exist, or you may not see it.';
    case 409:
    case 428:
      return (
        result.problem.detail ??
        'This changed since you opened it. Reload to see the current version.'
      );
    case 429:
      return 'Too many attempts. Wait a few minutes, then try again.';
    default:
      if (result.status >= 500) return 'Something went wrong on the server. Try again in a moment.';
      return (
        result.problem.detail ?? result.problem.title ?? `The request failed (${result.status}).`
      );
  }
}

/** `?a=1&b=2` from the given pairs, leaving out empty values. */
export function queryString(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
