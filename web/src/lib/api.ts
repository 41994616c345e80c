import { fieldErrorsOf, isProblem, type FieldError, type Problem } from './problem';

export type { CrisisResource } from './crisis';

/** What a request to the public API came to, in the terms a page acts on. */
export type ApiResult<T> =
  | { kind: 'ok'; status: number; body: T }
  /** 422: every bad field, named by its path in the body. */
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'problem'; status: number; problem: Problem; retryAfterSeconds?: number }
  /** No answer at all: offline, DNS, CORS refused, server down. */
  | { kind: 'offline' };

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Sent as `Idempotency-Key`: a retry with the same key and body creates nothing new. */
  idempotencyKey?: string;
}

/** One JSON request to the public API. Never throws: failures come back as results. */
export async function requestJson<T>(
  url: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  // The embed is written in English: its lead and emails follow it (docs/api.md#languages).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'en' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // Public routes need no cookie; an embedding site's cookies stay out of it.
      credentials: 'omit',
    });
  } catch {
    return { kind: 'offline' };
  }
  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // An empty or non-JSON body; the status still says what happened.
  }
  if (response.ok) return { kind: 'ok', status: response.status, body: parsed as T };
  const problem: Problem = isProblem(parsed) ? parsed : {};
  if (response.status === 422) {
    const errors = fieldErrorsOf(problem);
    if (errors.length > 0) return { kind: 'invalid', errors };
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    kind: 'problem',
    status: response.status,
    problem,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/** A sentence for a failed submission that is not about one field. */
export function failureMessage(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>): string {
  if (result.kind === 'offline') {
    return 'We could not reach the practice. Check your connection: your answers are still here, so you can send them again.';
  }
  if (result.kind === 'invalid') return 'Some answers need a change before they can be sent.';
  const { status, retryAfterSeconds } = result;
  if (status === 409) {
    return 'This page already sent different answers. Reload the page to start a new form.';
  }
  if (status === 410) return 'This link has expired or was already used.';
  if (status === 413) return 'Your answers are too long to send. Please shorten the longest ones.';
  if (status === 429) {
    const minutes = retryAfterSeconds ? Math.max(1, Math.ceil(retryAfterSeconds / 60)) : undefined;
    return minutes
      ? `Too many forms were sent from here just now. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
      : 'Too many forms were sent from here just now. Please try again in a few minutes.';
  }
  if (status >= 500) {
    return 'Something went wrong on our side. Your answers are still here: please try again in a moment.';
  }
  return result.problem.detail ?? result.problem.title ?? `The request failed (${status}).`;
}
