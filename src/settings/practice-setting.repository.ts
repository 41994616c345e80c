import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PRACTICE_SETTING_ROW } from './practice-setting.entity.js';
import type { ReferralResource, StoredProfile } from './practice-profile.js';
import type { StoredSettings } from './setting-values.js';

/** What the settings row holds beside the numbers of `StoredSettings`. */
export interface StoredPracticeDetails {
  profile: StoredProfile;
  bookingEnabled: boolean;
  referralResources: readonly ReferralResource[];
}

/** A logo as stored: checked bytes, their type and the hash that versions them. */
export interface StoredLogo {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  etag: string;
}

/**
 * The only writer of `practice_setting` (one row) and `practice_logo` (one row). Runs in
 * the caller's transaction.
 */
@Injectable()
export class SettingsRepository {
  /** Stores the values (null: the default applies); answers when they were stored. */
  async store(
    manager: EntityManager,
    stored: StoredSettings,
    details: StoredPracticeDetails,
  ): Promise<Date> {
    const { profile } = details;
    const [{ updated_at: updatedAt }] = (await manager.query(
      `INSERT INTO practice_setting (id, response_target_crisis_minutes, response_target_high_minutes,
                                     response_target_routine_business_days, spam_min_seconds,
                                     practice_name, time_zone, practice_phone, practice_email,
                                     practice_website, practice_address, privacy_notice_version,
                                     privacy_notice_url, booking_enabled, referral_resources, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, now())
       ON CONFLICT (id) DO UPDATE SET
         response_target_crisis_minutes = EXCLUDED.response_target_crisis_minutes,
         response_target_high_minutes = EXCLUDED.response_target_high_minutes,
         response_target_routine_business_days = EXCLUDED.response_target_routine_business_days,
         spam_min_seconds = EXCLUDED.spam_min_seconds,
         practice_name = EXCLUDED.practice_name,
         time_zone = EXCLUDED.time_zone,
         practice_phone = EXCLUDED.practice_phone,
         practice_email = EXCLUDED.practice_email,
         practice_website = EXCLUDED.practice_website,
         practice_address = EXCLUDED.practice_address,
         privacy_notice_version = EXCLUDED.privacy_notice_version,
         privacy_notice_url = EXCLUDED.privacy_notice_url,
         booking_enabled = EXCLUDED.booking_enabled,
         referral_resources = EXCLUDED.referral_resources,
         updated_at = EXCLUDED.updated_at
       RETURNING updated_at`,
      [
        PRACTICE_SETTING_ROW,
        stored['responseTargets.crisisMinutes'],
        stored['responseTargets.highMinutes'],
        stored['responseTargets.routineBusinessDays'],
        stored.spamMinSeconds,
        profile.name,
        profile.timeZone,
        profile.phone,
        profile.email,
        profile.website,
        profile.address,
        profile.privacyNoticeVersion,
        profile.privacyNoticeUrl,
        details.bookingEnabled,
        JSON.stringify(details.referralResources),
      ],
    )) as { updated_at: Date }[];
    return updatedAt;
  }

  /** Replaces the logo; answers when it was stored. */
  async storeLogo(manager: EntityManager, logo: StoredLogo): Promise<Date> {
    const [{ updated_at: updatedAt }] = (await manager.query(
      `INSERT INTO practice_logo (id, content_type, bytes, etag, updated_at)
       VALUES (1, $1, $2, $3, now())
       ON CONFLICT (id) DO UPDATE SET
         content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes,
         etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at
       RETURNING updated_at`,
      [logo.contentType, logo.bytes, logo.etag],
    )) as { updated_at: Date }[];
    return updatedAt;
  }
}
