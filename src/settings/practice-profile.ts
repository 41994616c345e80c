/**
 * Who the practice is to its clients (name, time zone, contact, privacy notice), the
 * referral resources it hands on, and the pure rules on them. No framework code here.
 */
import type { ServiceType } from '../vocabulary/contact.js';

/** Every field of the practice's identity an admin may set, as the admin API names them. */
export const PROFILE_FIELDS = [
  'name',
  'timeZone',
  'phone',
  'email',
  'website',
  'address',
  'privacyNoticeVersion',
  'privacyNoticeUrl',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What is stored: null means "not set" (the name and time zone then follow the environment). */
export type StoredProfile = Readonly<Record<ProfileField, string | null>>;

/** A change: a string sets, null clears, a missing field is left alone. */
export type ProfileChange = Partial<Record<ProfileField, string | null>>;

export const NO_PROFILE: StoredProfile = {
  name: null,
  timeZone: null,
  phone: null,
  email: null,
  website: null,
  address: null,
  privacyNoticeVersion: null,
  privacyNoticeUrl: null,
};

/** The privacy notice version in force while an admin has not named one. */
export const DEFAULT_PRIVACY_NOTICE_VERSION = '1';

/** The identity in force: name, time zone and notice version always; contact as set. */
export interface PracticeProfile {
  name: string;
  timeZone: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  privacyNoticeVersion: string;
  privacyNoticeUrl?: string;
}

/** What the environment supplies while nothing is stored (PRACTICE_NAME, PRACTICE_TIME_ZONE). */
export interface ProfileDefaults {
  name: string;
  timeZone: string;
}

export function effectiveProfile(
  stored: StoredProfile,
  defaults: ProfileDefaults,
): PracticeProfile {
  const optional = (field: ProfileField) =>
    stored[field] === null ? {} : { [field]: stored[field] };
  return {
    name: stored.name ?? defaults.name,
    timeZone: stored.timeZone ?? defaults.timeZone,
    ...optional('phone'),
    ...optional('email'),
    ...optional('website'),
    ...optional('address'),
    privacyNoticeVersion: stored.privacyNoticeVersion ?? DEFAULT_PRIVACY_NOTICE_VERSION,
    ...optional('privacyNoticeUrl'),
  };
}

export function applyProfileChange(stored: StoredProfile, change: ProfileChange): StoredProfile {
  return Object.fromEntries(
    PROFILE_FIELDS.map((field) => [
      field,
      change[field] === undefined ? stored[field] : normalizedText(change[field]),
    ]),
  ) as StoredProfile;
}

/** Surrounding white space is dropped; an empty text clears the field like null. */
function normalizedText(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The fields whose stored value differs, in PROFILE_FIELDS order. */
export function changedProfileFields(before: StoredProfile, after: StoredProfile): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => before[field] !== after[field]);
}

/** A place a client can turn to when this practice is not the right fit. */
export interface ReferralResource {
  name: string;
  phone?: string;
  website?: string;
  note?: string;
  /** Only for these kinds of therapy; absent or empty: any. */
  serviceTypes?: ServiceType[];
  /** Only for clients in these states (USPS codes); absent or empty: anywhere. */
  states?: string[];
}

/** At most this many referral resources are kept. */
export const MAX_REFERRAL_RESOURCES = 50;

/**
 * The resources that fit a client: each one's service types and states, when it names
 * any, must include the client's. A client whose state is unknown is given only the
 * resources that serve anywhere (a local one might be out of reach). Order is kept.
 */
export function resourcesFor(
  resources: readonly ReferralResource[],
  client: { serviceType: string; state: string | null },
): ReferralResource[] {
  return resources.filter((resource) => {
    const types = resource.serviceTypes ?? [];
    const states = resource.states ?? [];
    if (types.length > 0 && !types.includes(client.serviceType as ServiceType)) return false;
    if (states.length === 0) return true;
    return client.state !== null && states.includes(client.state.toUpperCase());
  });
}
