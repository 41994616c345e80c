import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PRACTICE_SETTING_ROW } from './practice-setting.entity.js';
import type { StoredSettings } from './setting-values.js';

/** The only writer of `practice_setting` (one row). Runs in the caller's transaction. */
@Injectable()
export class SettingsRepository {
  /** Stores the values (null: the default applies); answers when they were stored. */
  async store(manager: EntityManager, stored: StoredSettings): Promise<Date> {
    const [{ updated_at: updatedAt }] = (await manager.query(
      `INSERT INTO practice_setting (id, response_target_crisis_minutes, response_target_high_minutes,
                                     response_target_routine_business_days, spam_min_seconds, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (id) DO UPDATE SET
         response_target_crisis_minutes = EXCLUDED.response_target_crisis_minutes,
         response_target_high_minutes = EXCLUDED.response_target_high_minutes,
         response_target_routine_business_days = EXCLUDED.response_target_routine_business_days,
         spam_min_seconds = EXCLUDED.spam_min_seconds,
         updated_at = EXCLUDED.updated_at
       RETURNING updated_at`,
      [
        PRACTICE_SETTING_ROW,
        stored['responseTargets.crisisMinutes'],
        stored['responseTargets.highMinutes'],
        stored['responseTargets.routineBusinessDays'],
        stored.spamMinSeconds,
      ],
    )) as { updated_at: Date }[];
    return updatedAt;
  }
}
