import type { PageWords } from '../pages/i18n/words';
import { fieldErrorsOf, isProblem, type FieldError, type Problem } from './problem';
import type { Language } from './vocabulary';

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
  /** Sent as `Accept-Language`: the lead and its emails follow the form the person read. */
  language?: Language;
}

/** One JSON request to the public API. Never throws: failures come back as results. */
export async function requestJson<T>(
  url: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': options.language ?? 'en',
  };
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
export function failureMessage(
  result: Exclude<ApiResult<unknown>, { kind: 'ok' }>,
  { t }: PageWords,
): string {
  if (result.kind === 'offline') return t('failure.offline');
  if (result.kind === 'invalid') return t('failure.invalid');
  const { status, retryAfterSeconds } = result;
  if (status === 409) return t('failure.conflict');
  if (status === 410) return t('failure.gone');
  if (status === 413) return t('failure.tooLarge');
  if (status === 429) {
    return retryAfterSeconds
      ? t('failure.tooMany', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
      : t('failure.tooManySoon');
  }
  if (status >= 500) return t('failure.server');
  // The server's problem is in the page's language too (the request said which).
  return result.problem.detail ?? result.problem.title ?? t('failure.other', { status });
}
