import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResponseTargets } from '../vocabulary/response-targets.js';
import { PracticeLogo } from './practice-logo.entity.js';
import { PRACTICE_SETTING_ROW, PracticeSetting } from './practice-setting.entity.js';
import type { StoredPracticeDetails } from './practice-setting.repository.js';
import {
  effectiveProfile,
  NO_PROFILE,
  type PracticeProfile,
  type ProfileDefaults,
} from './practice-profile.js';
import {
  effectiveSettings,
  NOTHING_STORED,
  type SettingValues,
  type StoredSettings,
} from './setting-values.js';

export interface StoredPracticeSettings extends StoredPracticeDetails {
  values: StoredSettings;
  updatedAt: Date | null;
}

/** The practice as its clients see it, with what only this service decides. */
export interface PracticeIdentity extends PracticeProfile {
  bookingEnabled: boolean;
  /** The stored logo's version (its ETag), if there is a logo. */
  logoVersion?: string;
}

/**
 * The settings in force: what an admin stored, else the environment's default. Read from
 * the database on every use (one primary-key read) and never cached, so every API and
 * worker process sees a change the moment it commits.
 */
@Injectable()
export class PracticeSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The environment's values (RESPONSE_TARGET_*, SPAM_MIN_SECONDS). */
  defaults(): SettingValues {
    const targets = this.config.responseTargets;
    return {
      'responseTargets.crisisMinutes': targets.crisisMinutes,
      'responseTargets.highMinutes': targets.highMinutes,
      'responseTargets.routineBusinessDays': targets.routineBusinessDays,
      spamMinSeconds: this.config.spamMinSeconds,
    };
  }

  /**
   * What is stored. `lock: 'share'` (inside a transaction) makes a change to the targets
   * wait until this transaction ends, and this read wait for a change in flight: the
   * change then recomputes every deadline written with the old targets.
   */
  async stored(
    manager: EntityManager = this.dataSource.manager,
    lock?: 'share' | 'update',
  ): Promise<StoredPracticeSettings> {
    const inTransaction = manager.queryRunner?.isTransactionActive === true;
    const row = await manager.getRepository(PracticeSetting).findOne({
      where: { id: PRACTICE_SETTING_ROW },
      ...(lock && inTransaction
        ? { lock: { mode: lock === 'share' ? 'pessimistic_read' : 'pessimistic_write' } }
        : {}),
    });
    if (!row) {
      return {
        values: NOTHING_STORED,
        updatedAt: null,
        profile: NO_PROFILE,
        bookingEnabled: false,
        referralResources: [],
      };
    }
    return {
      profile: {
        name: row.practiceName,
        timeZone: row.timeZone,
        phone: row.practicePhone,
        email: row.practiceEmail,
        website: row.practiceWebsite,
        address: row.practiceAddress,
        privacyNoticeVersion: row.privacyNoticeVersion,
        privacyNoticeUrl: row.privacyNoticeUrl,
      },
      bookingEnabled: row.bookingEnabled,
      referralResources: row.referralResources,
      values: {
        'responseTargets.crisisMinutes': row.responseTargetCrisisMinutes,
        'responseTargets.highMinutes': row.responseTargetHighMinutes,
        'responseTargets.routineBusinessDays': row.responseTargetRoutineBusinessDays,
        spamMinSeconds: row.spamMinSeconds,
      },
      updatedAt: row.updatedAt,
    };
  }

  /** The environment's name and time zone (PRACTICE_NAME, PRACTICE_TIME_ZONE). */
  profileDefaults(): ProfileDefaults {
    return { name: this.config.practice.name, timeZone: this.config.practice.timeZone };
  }

  /** The practice's identity in force, the booking switch and the logo's version. */
  async identity(manager: EntityManager = this.dataSource.manager): Promise<PracticeIdentity> {
    const stored = await this.stored(manager);
    const [logo] = await manager
      .getRepository(PracticeLogo)
      .find({ select: { etag: true }, where: { id: PRACTICE_SETTING_ROW } });
    return {
      ...effectiveProfile(stored.profile, this.profileDefaults()),
      bookingEnabled: stored.bookingEnabled,
      ...(logo ? { logoVersion: logo.etag } : {}),
    };
  }

  /** The stored logo, if any. */
  async logo(manager: EntityManager = this.dataSource.manager): Promise<PracticeLogo | null> {
    return manager.getRepository(PracticeLogo).findOneBy({ id: PRACTICE_SETTING_ROW });
  }

  /** Every value in force. */
  async current(manager?: EntityManager): Promise<SettingValues> {
    return effectiveSettings((await this.stored(manager)).values, this.defaults());
  }

  /**
   * The response-time targets in force. Inside a transaction that writes a deadline,
   * call this before locking any lead: a change to the targets locks this row first and
   * the leads second, and the same order here cannot deadlock with it.
   */
  async responseTargets(manager?: EntityManager): Promise<ResponseTargets> {
    const stored = await this.stored(manager, 'share');
    const values = effectiveSettings(stored.values, this.defaults());
    return targetsOf(values, stored.profile.timeZone ?? this.config.practice.timeZone);
  }

  /**
   * What a public submission needs, in one read: the spam minimum and the targets its
   * deadline is written with (share-locked as in `responseTargets`; read it before
   * locking any lead).
   */
  async forSubmission(
    manager: EntityManager,
  ): Promise<{ spamMinSeconds: number; targets: ResponseTargets }> {
    const stored = await this.stored(manager, 'share');
    const values = effectiveSettings(stored.values, this.defaults());
    return {
      spamMinSeconds: values.spamMinSeconds,
      targets: targetsOf(values, stored.profile.timeZone ?? this.config.practice.timeZone),
    };
  }
}

/** The targets in the shape `responseDeadline` takes. */
export function targetsOf(values: SettingValues, timeZone: string): ResponseTargets {
  return {
    crisisMinutes: values['responseTargets.crisisMinutes'],
    highMinutes: values['responseTargets.highMinutes'],
    routineBusinessDays: values['responseTargets.routineBusinessDays'],
    timeZone,
  };
}
