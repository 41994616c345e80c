/**
 * Where a lead came from (docs/api.md#where-a-lead-came-from): the UTM parameters of the
 * page a visitor landed on, the page that sent them, and the lead's **source** derived
 * from them. Pure: the server and the web app's capture share these words.
 */
export const ATTRIBUTION_FIELDS = [
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'referrer',
  'landingPage',
] as const;
export type AttributionField = (typeof ATTRIBUTION_FIELDS)[number];

/** What a submission may say of where its visitor came from; every field optional. */
export type Attribution = Partial<Record<AttributionField, string>>;

/** Each field is at most this long (a URL with its query string fits). */
export const ATTRIBUTION_MAX_LENGTH = 500;

/** The source of a lead that none of the other signals explains. */
export const DIRECT_SOURCE = 'direct';

/**
 * A lead's source: its first submission's `utmSource`, else its `referralSource`, else
 * the host name of the referrer (lower case, without `www.`), else `direct`. Trimmed, at
 * most 500 characters; otherwise as given (the list's `source=` matches it exactly).
 */
export function leadSource(
  attribution: Attribution | null | undefined,
  referralSource: string | null | undefined,
): string {
  const given = [attribution?.utmSource, referralSource, hostOf(attribution?.referrer)]
    .map((value) => value?.trim() ?? '')
    .find((value) => value !== '');
  return (given ?? DIRECT_SOURCE).slice(0, ATTRIBUTION_MAX_LENGTH);
}

/** The host name of a URL, `www.` left off; undefined for anything that is not a URL. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { hostname } = new URL(url.trim());
    return hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
