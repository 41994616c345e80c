import type { operations } from '../../api/schema';
import { call, staffApi, type ApiFailure, type ApiResult } from '../../api/client';
import { t } from '../i18n/t';

/**
 * The staff app's own helpers around the typed client (web/src/api/client.ts): failures in
 * words, and the CSV export downloaded as the browser would from a link.
 */
/** The filters of GET /v1/admin/leads and its CSV export. */
export type LeadQuery = NonNullable<operations['LeadDeskController_export']['parameters']['query']>;

export type { ApiFailure, ApiResult } from '../../api/client';

/**
 * Downloads the CSV export through the client, not a plain link, so that a request for
 * fresh credentials can be answered first.
 */
export async function downloadLeads(query: LeadQuery, filename: string): Promise<ApiResult<null>> {
  const result = await call(() =>
    staffApi.GET('/v1/admin/leads.csv', { params: { query }, parseAs: 'blob' }),
  );
  if (result.kind !== 'ok') return result;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(result.body as Blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return { kind: 'ok', status: result.status, body: null, etag: null };
}

/** A sentence for a failure that is not about one field. */
export function failureText(result: ApiFailure): string {
  if (result.kind === 'offline') return t('shell.failure.offline');
  if (result.kind === 'invalid') {
    return result.errors.length > 0
      ? result.errors.map((error) => `${error.field} ${error.message}`).join('; ')
      : (result.problem.detail ?? t('shell.failure.invalid'));
  }
  switch (result.status) {
    case 401:
      return t('shell.failure.unauthenticated');
    case 403:
      return t('shell.failure.forbidden');
    case 404:
      return t('shell.failure.notFound');
    case 409:
    case 428:
      return result.problem.detail ?? t('shell.failure.conflict');
    case 429:
      return t('shell.failure.tooMany');
    default:
      if (result.status >= 500) return t('shell.failure.server');
      return (
        result.problem.detail ??
        result.problem.title ??
        t('shell.failure.other', { status: String(result.status) })
      );
  }
}
