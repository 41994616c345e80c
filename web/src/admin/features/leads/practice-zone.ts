import { call, staffApi } from '../../../api/client';

/** The practice's own time zone (`GET /v1/practice`), or null while it cannot be read. */
export async function readPracticeTimeZone(): Promise<string | null> {
  const result = await call(() => staffApi.GET('/v1/practice'));
  if (result.kind !== 'ok') return null;
  return result.body.timeZone || null;
}
