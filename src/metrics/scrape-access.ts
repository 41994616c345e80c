/**
 * Who may read GET /metrics. No framework code here.
 * - METRICS_TOKEN set: only a request with `Authorization: Bearer <token>`.
 * - unset: anyone outside production; nobody in production.
 * A refused scrape answers 404, exactly like an address that does not exist, so a
 * prober learns neither that metrics are served nor that a token would open them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type ScrapeAccess = 'allowed' | 'hidden';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares in constant time (the digests have one length whatever was sent). */
function sameSecret(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}

export function scrapeAccess(
  settings: { production: boolean; token: string | undefined },
  authorization: string | undefined,
): ScrapeAccess {
  if (!settings.token) return settings.production ? 'hidden' : 'allowed';
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match && sameSecret(match[1]!, settings.token) ? 'allowed' : 'hidden';
}
