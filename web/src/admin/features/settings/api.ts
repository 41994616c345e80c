import { call, staffApi, type Schemas } from '../../../api/client';
import type { SettingsView } from '../../../api/types';
import { queryClient, useApiQuery } from '../../lib/query';

/** Response-time targets and the spam minimum (admin only). */
const settingsKey = ['settings'] as const;

export function useSettings() {
  return useApiQuery(settingsKey, () => call(() => staffApi.GET('/v1/admin/settings')));
}

/** The answer is the settings as they are now: the cache takes it, no second read. */
export const showSettings = (value: SettingsView) =>
  queryClient.setQueryData(settingsKey, { value, etag: null });

/**
 * What a person typed that is not a whole number is sent as typed, so the server's 422
 * names the field; hence the wider type.
 */
export type SettingsChange = {
  responseTargets: Record<keyof Schemas['ResponseTargetsView'], number | string>;
  spamMinSeconds: number | string;
};

export function updateSettings(body: SettingsChange) {
  return call(() =>
    staffApi.PATCH('/v1/admin/settings', { body: body as Schemas['UpdateSettingsDto'] }),
  );
}

/** The practice's identity: `null` returns a field to its default (or clears it). */
export type PracticeChange = Partial<Record<keyof Schemas['PracticeChangeDto'], string | null>>;

export function updatePractice(practice: PracticeChange) {
  return call(() =>
    staffApi.PATCH('/v1/admin/settings', {
      body: { practice } as Schemas['UpdateSettingsDto'],
    }),
  );
}

/** The whole list of referral resources (it replaces the stored one). */
export function updateReferralResources(referralResources: Schemas['ReferralResourceDto'][]) {
  return call(() => staffApi.PATCH('/v1/admin/settings', { body: { referralResources } }));
}

/** The logo as the file's own bytes; the server checks they are a PNG or JPEG. */
export function uploadLogo(file: File) {
  return call(() =>
    staffApi.PUT('/v1/admin/settings/logo', {
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as File,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}
