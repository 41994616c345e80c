import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { LoginThrottleRepository } from '../auth/login-throttle.repository.js';
import { FAILURE_MEMORY_MS } from '../auth/sign-in-slowdown.js';
import { StaffSessionRepository } from '../auth/staff-session.repository.js';
import { IdempotencyRecordRepository } from '../common/idempotency/idempotency-record.repository.js';
import { IDEMPOTENCY_WINDOW_HOURS } from '../common/idempotency/idempotency.service.js';
import { RateLimitBucketRepository } from '../rate-limit/rate-limit-bucket.repository.js';
import type { AppConfig } from '../config/app-config.js';
import { NotificationRepository } from '../notifications/notification.repository.js';
import { VisitorMailRepository } from '../notifications/visitor-mail.repository.js';
import { WebhookDeliveryRepository } from '../webhooks/webhook-delivery.repository.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { VISITOR_MAIL_WINDOW_HOURS } from '../notifications/visitor-mail.js';
import { APP_CONFIG } from '../config/config.module.js';

/** Leads deleted per transaction: short transactions, short locks. */
export const PURGE_BATCH_SIZE = 500;
/** Ended or expired staff sessions are kept this long (sign-in history), then deleted. */
export const SESSION_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** The service itself, in the audit trail: nobody signed in did it. */
const RETENTION_JOB: AuditActor = { userId: null, role: null, ip: null, requestId: null };

export interface PurgeReport {
  spamLeads: number;
  idempotencyRecords: number;
  staffSessions: number;
  rateLimitBuckets: number;
  loginThrottles: number;
  visitorMails: number;
}

/**
 * Retention (README, "Erasure and retention (and merge)"): what is kept only for a while is
 * deleted for good. Run daily by the `retention.purge` job; safe to run again or twice at once
 * (leads are taken with SKIP LOCKED, every batch commits on its own).
 */
@Injectable()
export class Retention {
  private readonly logger = new Logger(Retention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly leadRows: LeadRepository,
    private readonly events: LeadEventRepository,
    private readonly notifications: NotificationRepository,
    private readonly visitorMails: VisitorMailRepository,
    private readonly webhookDeliveries: WebhookDeliveryRepository,
    private readonly idempotencyRecords: IdempotencyRecordRepository,
    private readonly rateLimitBuckets: RateLimitBucketRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly loginThrottles: LoginThrottleRepository,
  ) {}

  async run(now = new Date()): Promise<PurgeReport> {
    const report: PurgeReport = {
      spamLeads: await this.purgeSpam(now),
      idempotencyRecords: await this.purgeIdempotencyRecords(now),
      staffSessions: await this.purgeStaffSessions(now),
      rateLimitBuckets: await this.purgeRateLimitBuckets(now),
      loginThrottles: await this.purgeLoginThrottles(now),
      visitorMails: await this.purgeVisitorMails(now),
    };
    this.logger.log({ ...report }, 'retention purge done');
    return report;
  }

  /**
   * Deletes spam leads that have been spam for longer than SPAM_RETENTION_DAYS (counted
   * from when they became spam, so staff can still rescue one marked by mistake), with
   * every row that belongs to them. Audit events stay: the trail is append-only.
   */
  async purgeSpam(now = new Date()): Promise<number> {
    const days = this.config.retention.spamDays;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    let total = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const spam = (
          (await manager.query(
            `SELECT id FROM lead
              WHERE status = 'spam' AND merged_into_lead_id IS NULL AND status_changed_at < $1
              ORDER BY status_changed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
            [cutoff, PURGE_BATCH_SIZE],
          )) as { id: string }[]
        ).map((row) => row.id);
        if (spam.length === 0) return { found: 0, purged: 0 };
        // Leads merged into a purged one hold nothing of their own any more, only the
        // pointer: they go with it.
        const pointers = (
          (await manager.query(
            `WITH RECURSIVE merged(id) AS (
               SELECT id FROM lead WHERE merged_into_lead_id = ANY($1::uuid[])
               UNION
               SELECT lead.id FROM lead JOIN merged ON lead.merged_into_lead_id = merged.id
             )
             SELECT id FROM merged`,
            [spam],
          )) as { id: string }[]
        ).map((row) => row.id);
        const leadIds = [...spam, ...pointers];
        await this.deleteLeads(manager, leadIds);
        await this.audit.record(
          RETENTION_JOB,
          {
            action: 'lead.purged',
            details: { count: leadIds.length, leadIds, reason: 'spam', retentionDays: days },
          },
          manager,
        );
        return { found: spam.length, purged: leadIds.length };
      });
      total += batch.purged;
      if (batch.found < PURGE_BATCH_SIZE) return total;
    }
  }

  /** Every row of the leads, then the leads (the rest goes by ON DELETE CASCADE). */
  private async deleteLeads(manager: EntityManager, leadIds: string[]): Promise<void> {
    // The stored answers to submissions sent with an Idempotency-Key.
    await this.idempotencyRecords.deleteOfLeads(manager, leadIds);
    // Webhook bodies name the lead (ids only); a receiver keeps its own copy.
    await this.webhookDeliveries.deleteOfLeads(manager, leadIds);
    await this.notifications.deleteOfLeads(manager, leadIds);
    await this.events.deleteOfLeads(manager, leadIds);
    // Cascades to inquiries, intakes (and their partner invitations and responses),
    // submission references and triage notes (whose guard allows a delete once the lead
    // is gone).
    await this.leadRows.deleteExpired(manager, leadIds);
  }

  /** Idempotency records past their 24 hours answer nothing any more. */
  async purgeIdempotencyRecords(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3_600_000);
    return this.idempotencyRecords.deleteCreatedBefore(this.dataSource.manager, cutoff);
  }

  /** Sessions that ended (signed out, or expired) more than 30 days ago. */
  async purgeStaffSessions(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - SESSION_RETENTION_DAYS * DAY_MS);
    return this.sessions.deleteEndedBefore(this.dataSource.manager, cutoff);
  }

  /** Rate-limit counters whose window has ended count nothing any more. */
  async purgeRateLimitBuckets(now = new Date()): Promise<number> {
    return this.rateLimitBuckets.deleteEnded(this.dataSource.manager, now);
  }

  /** Sign-in counters with no attempt for longer than they are remembered count nothing. */
  async purgeLoginThrottles(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - FAILURE_MEMORY_MS);
    return this.loginThrottles.deleteIdleSince(this.dataSource.manager, cutoff);
  }

  /** Emails to visitors' addresses older than the daily limit's window count nothing. */
  async purgeVisitorMails(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - VISITOR_MAIL_WINDOW_HOURS * 3_600_000);
    return this.visitorMails.deleteSentBefore(this.dataSource.manager, cutoff);
  }
}
