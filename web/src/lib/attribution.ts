import {
  ATTRIBUTION_MAX_LENGTH,
  type Attribution,
  type AttributionField,
} from '../../../src/vocabulary/attribution.js';

/**
 * Where a visitor came from, for the practice's "where do our clients find us": the UTM
 * parameters of the page they landed on, that page, and the page that sent them. The
 * first touch of the browser session is kept in `sessionStorage` under one key (it ends
 * with the tab) and sent with a submission; nothing else of the visitor is stored.
 */
export const ATTRIBUTION_STORAGE_KEY = 'intake.first-touch';

const UTM_PARAMETERS: [string, AttributionField][] = [
  ['utm_source', 'utmSource'],
  ['utm_medium', 'utmMedium'],
  ['utm_campaign', 'utmCampaign'],
  ['utm_term', 'utmTerm'],
  ['utm_content', 'utmContent'],
];

const clip = (value: string) => value.trim().slice(0, ATTRIBUTION_MAX_LENGTH);

/**
 * The attribution of one page view. The landing page keeps its origin, path and UTM
 * parameters only: other parameters (a reference, a resume link's token) stay out.
 */
export function attributionOf(landingUrl: string, referrer: string): Attribution {
  const attribution: Attribution = {};
  let url: URL;
  try {
    url = new URL(landingUrl);
  } catch {
    return attribution;
  }
  const kept = new URLSearchParams();
  for (const [parameter, field] of UTM_PARAMETERS) {
    const value = url.searchParams.get(parameter);
    if (value === null || value.trim() === '') continue;
    attribution[field] = clip(value);
    kept.set(parameter, value);
  }
  if (clip(referrer) !== '') attribution.referrer = clip(referrer);
  const query = kept.toString();
  attribution.landingPage = clip(`${url.origin}${url.pathname}${query ? `?${query}` : ''}`);
  return attribution;
}

type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The session's first touch: the stored one if there is one, else `current`, stored.
 * A storage that refuses (private modes, blocked storage) just means no memory.
 */
export function firstTouch(storage: SessionStore | null, current: Attribution): Attribution {
  try {
    const stored = storage?.getItem(ATTRIBUTION_STORAGE_KEY);
    if (stored) {
      const parsed = JSON.parse(stored) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return sanitized(parsed as Record<string, unknown>);
      }
    }
    storage?.setItem(ATTRIBUTION_STORAGE_KEY, JSON.stringify(current));
  } catch {
    // No storage: this page view is the first touch.
  }
  return current;
}

/** Only text fields the API knows, clipped: what a tampered store may hold goes nowhere. */
function sanitized(stored: Record<string, unknown>): Attribution {
  const fields: AttributionField[] = [
    ...UTM_PARAMETERS.map(([, field]) => field),
    'referrer',
    'landingPage',
  ];
  const attribution: Attribution = {};
  for (const field of fields) {
    const value = stored[field];
    if (typeof value === 'string' && clip(value) !== '') attribution[field] = clip(value);
  }
  return attribution;
}

/** The first touch of this browser session, from the page that runs it (call on load). */
export function captureAttribution(): Attribution | undefined {
  if (typeof window === 'undefined') return undefined;
  let storage: SessionStore | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  const attribution = firstTouch(storage, attributionOf(window.location.href, document.referrer));
  return Object.keys(attribution).length > 0 ? attribution : undefined;
}

/** `{ attribution }` to spread into a submission's body, or nothing. */
export function withAttribution(attribution: Attribution | undefined): {
  attribution?: Attribution;
} {
  return attribution ? { attribution } : {};
}
