import { clockRunningSql } from '../vocabulary/contact-attempts.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { responseDeadline, type ResponseTargets } from '../vocabulary/response-targets.js';
import type { Urgency } from '../vocabulary/urgency.js';
import { scheduleResponseChecks } from '../notifications/response-checks.js';
import { JobQueue } from '../queue/job-queue.js';
import type { SettingsView, UpdateSettingsDto } from './dto/settings.dto.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { SettingsRepository } from '../settings/practice-setting.repository.js';
import { PracticeSettings, targetsOf } from '../settings/practice-settings.js';
import {
  applyChange,
  changedValues,
  contradictions,
  effectiveSettings,
  SETTING_NAMES,
  type SettingsChange,
  type SettingValues,
  targetsChanged,
} from '../settings/setting-values.js';

/** Leads whose deadline is recomputed per statement when the targets change. */
export const RECOMPUTE_BATCH_SIZE = 500;

export function changeOf(dto: UpdateSettingsDto): SettingsChange {
  return {
    'responseTargets.crisisMinutes': dto.responseTargets?.crisisMinutes,
    'responseTargets.highMinutes': dto.responseTargets?.highMinutes,
    'responseTargets.routineBusinessDays': dto.responseTargets?.routineBusinessDays,
    spamMinSeconds: dto.spamMinSeconds,
  };
}

function toSettingsView(
  values: SettingValues,
  defaults: SettingValues,
  corsOrigins: readonly string[],
  updatedAt: Date | null,
): SettingsView {
  const shape = (of: SettingValues) => ({
    responseTargets: {
      crisisMinutes: of['responseTargets.crisisMinutes'],
      highMinutes: of['responseTargets.highMinutes'],
      routineBusinessDays: of['responseTargets.routineBusinessDays'],
    },
    spamMinSeconds: of.spamMinSeconds,
  });
  return {
    ...shape(values),
    corsOrigins: [...corsOrigins],
    defaults: shape(defaults),
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

/** The admin use cases of `/v1/admin/settings`. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: PracticeSettings,
    private readonly audit: AuditTrail,
    private readonly queue: JobQueue,
    private readonly settingRows: SettingsRepository,
    private readonly leads: LeadRepository,
  ) {}

  async view(): Promise<SettingsView> {
    const stored = await this.settings.stored();
    const defaults = this.settings.defaults();
    return toSettingsView(
      effectiveSettings(stored.values, defaults),
      defaults,
      this.config.corsOrigins,
      stored.updatedAt,
    );
  }

  /**
   * Stores the change and, when a response-time target moved, recomputes the deadline of
   * every lead still in `new` and schedules its checks at the new times: all in one
   * transaction with the audit event, so no reader ever sees new targets beside old
   * deadlines. The settings row is locked first; a submission reads it with a share
   * lock before writing a deadline, so none written with the old targets is missed.
   */
  async update(dto: UpdateSettingsDto, actor: AuditActor): Promise<SettingsView> {
    const change = changeOf(dto);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.settings.stored(manager, 'update');
      const defaults = this.settings.defaults();
      const stored = applyChange(before.values, change);
      const oldValues = effectiveSettings(before.values, defaults);
      const newValues = effectiveSettings(stored, defaults);
      const errors = contradictions(newValues, change);
      if (errors.length > 0) throw ProblemException.validation(errors);
      if (SETTING_NAMES.every((name) => stored[name] === before.values[name])) {
        return toSettingsView(oldValues, defaults, this.config.corsOrigins, before.updatedAt);
      }

      const updatedAt = await this.settingRows.store(manager, stored);

      const timeZone = this.config.practice.timeZone;
      const leads = targetsChanged(oldValues, newValues)
        ? await this.recomputeDeadlines(manager, targetsOf(newValues, timeZone))
        : { recomputed: 0, rescheduled: 0 };
      await this.audit.record(
        actor,
        {
          action: 'settings.updated',
          subjectType: 'settings',
          details: {
            fields: SETTING_NAMES.filter((name) => change[name] !== undefined),
            changes: changedValues(oldValues, newValues),
            leadsRecomputed: leads.recomputed,
            leadsRescheduled: leads.rescheduled,
          },
        },
        manager,
      );
      return toSettingsView(newValues, defaults, this.config.corsOrigins, updatedAt);
    });
  }

  /**
   * New deadlines for the leads whose response clock runs (no contact attempt yet), in batches by id. Where a deadline came
   * earlier, the reminder and escalation checks are scheduled at the new times (checks
   * already queued for later find the lead handled or the reminder sent, and send nothing
   * twice); where it moved later, the queued check sees it is early and reschedules itself.
   */
  private async recomputeDeadlines(
    manager: EntityManager,
    targets: ResponseTargets,
  ): Promise<{ recomputed: number; rescheduled: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let recomputed = 0;
    let rescheduled = 0;
    for (;;) {
      // NO KEY UPDATE: a submission inserting a row that references the lead (key share)
      // is not held up. The version (ETag) is not bumped: the deadline follows from the
      // settings, and a staff member's If-Match must not fail because the targets moved.
      const rows = (await manager.query(
        `SELECT id, created_at, urgency, respond_by FROM lead
          WHERE ${clockRunningSql('lead')} AND id > $1
          ORDER BY id LIMIT $2
          FOR NO KEY UPDATE`,
        [after, RECOMPUTE_BATCH_SIZE],
      )) as { id: string; created_at: Date; urgency: Urgency; respond_by: Date | null }[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;

      const moved = rows
        .map((row) => ({
          ...row,
          deadline: responseDeadline(row.created_at, row.urgency, targets),
        }))
        .filter((row) => row.respond_by?.getTime() !== row.deadline.getTime());
      if (moved.length === 0) continue;
      await this.leads.updateResponseDeadlines(
        manager,
        moved.map((row) => ({ id: row.id, respondBy: row.deadline })),
      );
      recomputed += moved.length;

      for (const row of moved) {
        if (row.respond_by !== null && row.deadline.getTime() >= row.respond_by.getTime()) continue;
        // The key a check that finds itself early uses too: one job per time.
        await scheduleResponseChecks(
          this.queue,
          manager,
          { id: row.id, createdAt: row.created_at, urgency: row.urgency },
          targets,
          { keyedByTime: true },
        );
        rescheduled++;
      }
      if (rows.length < RECOMPUTE_BATCH_SIZE) break;
    }
    return { recomputed, rescheduled };
  }
}
