/**
 * The public view of the practice (GET /v1/practice) made from its identity, and the
 * ETag of that answer. No framework code here.
 */
import type { PracticeIdentity } from '../settings/practice-settings.js';

/** Languages the public forms, pages and client emails exist in. */
export const PRACTICE_LANGUAGES = ['en', 'es'] as const;

export interface PublicPractice {
  name: string;
  timeZone: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  logoUrl?: string;
  languages: (typeof PRACTICE_LANGUAGES)[number][];
  privacyNoticeVersion: string;
  privacyNoticeUrl?: string;
  booking: { enabled: boolean };
  captcha?: { provider: 'turnstile' | 'hcaptcha'; siteKey: string };
}

export function publicPractice(
  identity: PracticeIdentity,
  facts: {
    baseUrl: string;
    captcha: { provider: 'none' | 'turnstile' | 'hcaptcha'; siteKey: string | null };
  },
): PublicPractice {
  const { captcha } = facts;
  return {
    name: identity.name,
    timeZone: identity.timeZone,
    ...(identity.phone ? { phone: identity.phone } : {}),
    ...(identity.email ? { email: identity.email } : {}),
    ...(identity.website ? { website: identity.website } : {}),
    ...(identity.address ? { address: identity.address } : {}),
    ...(identity.logoVersion
      ? {
          logoUrl: `${facts.baseUrl}/v1/practice/logo?v=${encodeURIComponent(identity.logoVersion)}`,
        }
      : {}),
    languages: [...PRACTICE_LANGUAGES],
    privacyNoticeVersion: identity.privacyNoticeVersion,
    ...(identity.privacyNoticeUrl ? { privacyNoticeUrl: identity.privacyNoticeUrl } : {}),
    booking: { enabled: identity.bookingEnabled },
    ...(captcha.provider !== 'none' && captcha.siteKey
      ? { captcha: { provider: captcha.provider, siteKey: captcha.siteKey } }
      : {}),
  };
}

/** Whether an `If-None-Match` header names this ETag (or `*`), weak or strong. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
