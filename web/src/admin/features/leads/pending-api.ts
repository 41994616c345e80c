/**
 * TEMPORARY: the one thing the staff app reads that the generated schema does not have yet,
 * by its contract name: the practice's time zone (`GET /v1/practice`, practice identity,
 * being built on another branch). Once it is merged and `npm run openapi` has regenerated
 * `web/src/api/schema.d.ts`, delete this file and call the route through the typed client
 * (`components/time.tsx` is the one caller).
 */
import { call, staffApi } from '../../../api/client';

/** The typed client, loosened for the one route not in the schema yet. */
interface PendingClient {
  GET(path: string): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** The practice's own time zone (public practice identity), or null where not served yet. */
export async function readPracticeTimeZone(): Promise<string | null> {
  const result = await call(() => (staffApi as unknown as PendingClient).GET('/v1/practice'));
  if (result.kind !== 'ok') return null;
  const zone = (result.body as { timeZone?: unknown }).timeZone;
  return typeof zone === 'string' && zone ? zone : null;
}
