import type { Language } from '../vocabulary/languages.js';
import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DataCipher, KeyRingError } from '../common/encryption/data-cipher.js';
import { staffLink, staffLinkToken } from '../users/staff-link-tokens.js';
import { StaffToken } from '../users/staff-token.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';
import { Metrics, type NotificationOutcome } from '../metrics/metrics.service.js';
import { normalizeEmailForLimit } from '../rate-limit/rate-limit-policy.js';
import { JobQueue, type RunningJob, isLastAttempt } from '../queue/job-queue.js';
import { OUTAGE_PATIENCE_MS } from '../queue/jobs.js';
import { UnrecordedDeliveries } from '../queue/unrecorded-deliveries.js';
import { User } from '../users/user.entity.js';
import { resourcesFor } from '../settings/practice-profile.js';
import { PracticeSettings } from '../settings/practice-settings.js';
import { MailTransport } from './mail-transport.js';
import {
  type LeadFacts,
  type PracticeDetails,
  type RenderedMessage,
  clientAcknowledgement,
  clientReferral,
  crisisAlert,
  overdueReminder,
  passwordReset,
  staffInvitation,
  staffFollowUp,
  staffNewLead,
} from './messages.js';
import {
  Notification,
  type NotificationKind,
  type NotificationStatus,
  type RecipientKind,
} from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { MailSources, type MailRow } from './mail-sources.js';
import { notificationMessageId } from './message-id.js';
import { classifySmtpFailure } from './smtp-failure.js';
import { VisitorMailRepository } from './visitor-mail.repository.js';
import { VISITOR_MAILS_PER_ADDRESS, VISITOR_MAIL_WINDOW_HOURS } from './visitor-mail.js';

/** An email to plan: one recipient, one kind, a key that makes planning idempotent. */
export type PlannedNotification = {
  kind: NotificationKind;
  dedupeKey: string;
  leadId: string | null;
  /** Ids the message needs, e.g. { reference }; never personal data. */
  context?: Record<string, string>;
  /**
   * To a visitor from a lead kept for review: stored `held`, sent only when staff
   * release the lead (releaseHeldIn).
   */
  hold?: boolean;
} & (
  | { recipient: 'user'; userId: string }
  | { recipient: 'submitter'; submissionId: string }
  | { recipient: 'address'; address: string }
  | { recipient: 'partner' }
  | { recipient: 'visitor' }
);

/**
 * An email to an address a visitor typed (a client's or a partner's): the one way to
 * plan one (`NotificationsService.mailVisitorIn`). It applies the rules for such mail:
 * a lead kept for review holds it until staff release the lead; mail asked for by a
 * public route counts against the address's 3 a day (the rest is `withheld`, silently);
 * and the message itself may repeat no visitor-typed text but a first name passed
 * through `nameForMail` (the renderers in messages.ts take no other visitor text).
 */
export type VisitorMail = {
  kind: NotificationKind;
  /** Makes planning idempotent, e.g. `booking_confirmation:<bookingId>`. */
  dedupeKey: string;
  leadId: string;
  /** Ids the message needs; never personal data. */
  context?: Record<string, string>;
  /**
   * `public`: a public route asked for it (counted against the daily limit);
   * `staff`: a staff action sent it (not counted; still held for review).
   */
  origin: 'public' | 'staff';
  /** The lead waits for review (`lead.needsReview`): held until staff release it. */
  heldForReview: boolean;
} & ({ to: 'submitter'; submissionId: string } | { to: 'partner'; invitationId: string });

/** Set in a notification's context when staff sent it: not counted against the daily limit. */
const SENT_BY_STAFF = 'staff';

export type RetryResult = 'queued' | 'not_failed' | 'not_found';

/** Recipients whose address a visitor typed into a public form. */
const VISITOR_RECIPIENTS: ReadonlySet<RecipientKind> = new Set(['submitter', 'partner', 'visitor']);
/** Purpose of the keyed hash that names a mailbox in `visitor_mail` (DataCipher.derive). */
const MAILBOX_PURPOSE = 'visitor-mailbox';

@Injectable()
export class NotificationsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly baseUrl: string;
  /** MAIL_FROM: its domain names every Message-ID. */
  private readonly mailFrom: string;
  /** Emails the SMTP server accepted while the database could not record them. */
  private readonly unrecorded = new UnrecordedDeliveries();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly queue: JobQueue,
    private readonly mail: MailTransport,
    private readonly cipher: DataCipher,
    private readonly audit: AuditTrail,
    private readonly metrics: Metrics,
    private readonly notifications: NotificationRepository,
    private readonly visitorMails: VisitorMailRepository,
    private readonly sources: MailSources,
    private readonly settings: PracticeSettings,
  ) {
    this.baseUrl = config.publicBaseUrl;
    this.mailFrom = config.mail.from;
  }

  /**
   * The gate for every email to an address a visitor typed (see VisitorMail): plans it
   * in the caller's transaction under the rules for such mail. Answers the ids created
   * (none when the dedupe key was planned before).
   */
  async mailVisitorIn(manager: EntityManager, mail: VisitorMail): Promise<string[]> {
    const context = {
      ...(mail.context ?? {}),
      ...(mail.to === 'partner' ? { invitationId: mail.invitationId } : {}),
      ...(mail.origin === 'staff' ? { sentBy: SENT_BY_STAFF } : {}),
    };
    const common = {
      kind: mail.kind,
      dedupeKey: mail.dedupeKey,
      leadId: mail.leadId,
      context,
      hold: mail.heldForReview,
    };
    return this.planIn(manager, [
      mail.to === 'submitter'
        ? { ...common, recipient: 'submitter', submissionId: mail.submissionId }
        : { ...common, recipient: 'partner' },
    ]);
  }

  /** The practice as an email signs: its name in force, and its contact for clients. */
  private async practiceIn(manager: EntityManager): Promise<PracticeDetails> {
    const identity = await this.settings.identity(manager);
    return {
      name: identity.name,
      baseUrl: this.baseUrl,
      contact: {
        ...(identity.phone ? { phone: identity.phone } : {}),
        ...(identity.email ? { email: identity.email } : {}),
        ...(identity.website ? { website: identity.website } : {}),
        ...(identity.address ? { address: identity.address } : {}),
      },
    };
  }

  /**
   * Stores the planned emails and their delivery jobs in the caller's transaction. A
   * plan whose dedupe key exists already (a redelivered job) adds nothing. An email to a
   * visitor's address waits for review when the plan says `hold`, and is kept back
   * (`withheld`, no job) once the address has had its emails for the day.
   */
  async planIn(manager: EntityManager, plans: PlannedNotification[]): Promise<string[]> {
    const created: string[] = [];
    for (const plan of plans) {
      const id = randomUUID();
      const held = plan.hold === true && VISITOR_RECIPIENTS.has(plan.recipient);
      const inserted = await this.notifications.plan(manager, {
        id,
        kind: plan.kind,
        status: held ? 'held' : 'pending',
        dedupeKey: plan.dedupeKey,
        leadId: plan.leadId,
        recipientKind: plan.recipient,
        recipientUserId: plan.recipient === 'user' ? plan.userId : null,
        recipientSubmissionId: plan.recipient === 'submitter' ? plan.submissionId : null,
        recipientAddress: plan.recipient === 'address' ? plan.address : null,
        context: plan.context ?? {},
      });
      if (!inserted) continue;
      created.push(id);
      if (held) continue;
      await this.letOut(
        manager,
        id,
        plan.recipient,
        { kind: plan.kind, leadId: plan.leadId, context: plan.context ?? {} },
        plan.recipient === 'submitter' ? plan.submissionId : null,
      );
    }
    return created;
  }

  /**
   * A lead's review is over: what it held for visitors goes out now, once, under the
   * same daily limit as any other email to their addresses. In the caller's transaction.
   */
  async releaseHeldIn(manager: EntityManager, leadId: string): Promise<number> {
    const held = await this.notifications.lockHeld(manager, leadId);
    // Only emails of a lead are held; a `visitor` one (no lead) never is.
    let released = 0;
    for (const row of held) {
      await this.notifications.markPending(manager, row.id);
      const status = await this.letOut(
        manager,
        row.id,
        row.recipient_kind,
        { kind: row.kind, leadId, context: row.context },
        row.recipient_submission_id,
      );
      if (status === 'pending') released += 1;
    }
    return released;
  }

  /**
   * Queues the delivery of a pending notification, unless it is to a visitor's address
   * that has had its emails for the day: then it is `withheld`, and nobody is told.
   */
  private async letOut(
    manager: EntityManager,
    notificationId: string,
    recipient: RecipientKind,
    row: MailRow,
    submissionId?: string | null,
  ): Promise<NotificationStatus> {
    if (VISITOR_RECIPIENTS.has(recipient) && row.context.sentBy !== SENT_BY_STAFF) {
      const address =
        recipient === 'submitter'
          ? await this.submitterAddress(manager, submissionId ?? null)
          : await this.sources.visitor(row.kind).address(manager, row);
      if (address && !(await this.countVisitorMail(manager, notificationId, address))) {
        await this.notifications.withhold(
          manager,
          notificationId,
          'not sent: the address had its emails from public forms for the day',
        );
        return 'withheld';
      }
    }
    await this.queue.enqueueIn(manager, 'notification.deliver', { notificationId });
    return 'pending';
  }

  /**
   * Counts one email to a visitor's mailbox if it has had fewer than the daily limit in
   * the last 24 hours. The mailbox's advisory lock (held to the end of the caller's
   * transaction) makes two replicas asking at once take turns: no race lets one more
   * through. The count is read after the lock, so it sees every earlier commit.
   */
  private async countVisitorMail(
    manager: EntityManager,
    notificationId: string,
    address: string,
  ): Promise<boolean> {
    const mailboxKey = this.cipher.derive(MAILBOX_PURPOSE, normalizeEmailForLimit(address)).value;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))`, [
      `visitor-mail:${mailboxKey}`,
    ]);
    return this.visitorMails.countIfUnder(
      manager,
      notificationId,
      mailboxKey,
      VISITOR_MAILS_PER_ADDRESS,
      VISITOR_MAIL_WINDOW_HOURS,
    );
  }

  /**
   * Sends one notification. The row stays locked while the SMTP server is spoken to, so
   * two workers handed the same job cannot both send it; a sent one is never sent again.
   * A temporary failure is recorded, then thrown so the queue retries with backoff.
   */
  async deliver(job: RunningJob<'notification.deliver'>): Promise<void> {
    const { notificationId } = job.data;
    if (this.unrecorded.has(notificationId)) {
      // Sent by an earlier run whose record has not landed yet: never send it again.
      return this.recordSent(notificationId);
    }
    const sent: { at?: Date; kind?: NotificationKind } = {};
    let settled: { kind: NotificationKind; outcome: NotificationOutcome } | null;
    try {
      settled = await this.deliverLocked(job, (at, kind) => Object.assign(sent, { at, kind }));
    } catch (error) {
      if (!sent.at) throw error;
      // The SMTP server accepted the email, then its row could not be written (the
      // database went away mid-send): record it when the database is back, never resend.
      this.logger.warn({ notificationId }, 'email sent but not recorded; recording it later');
      if (sent.kind) this.metrics.notificationSettled(sent.kind, 'sent');
      return this.recordSent(notificationId, sent.at);
    }
    // Counted once the outcome is committed.
    if (settled) this.metrics.notificationSettled(settled.kind, settled.outcome);
    if (settled?.outcome === 'retried') {
      this.logger.warn({ notificationId }, 'email not accepted; will retry');
      throw new Error(`notification ${notificationId}: temporary failure, will retry`);
    }
  }

  /**
   * Marks a notification sent once the database takes it (see UnrecordedDeliveries).
   * Throws, so the job is retried, when that takes longer than the job may run.
   */
  private async recordSent(notificationId: string, sentAt?: Date): Promise<void> {
    const at = sentAt ?? new Date();
    const recorded = await this.unrecorded.record(
      notificationId,
      async () => {
        // Only a row still pending: a commit that landed after all is left as it is.
        await this.notifications.markSentIfPending(this.dataSource.manager, notificationId, at);
      },
      OUTAGE_PATIENCE_MS,
    );
    if (!recorded) {
      throw new Error(`notification ${notificationId}: sent, not yet recorded; will retry`);
    }
  }

  beforeApplicationShutdown(): void {
    if (this.unrecorded.size > 0) {
      this.logger.warn(
        { count: this.unrecorded.size },
        'stopping with sent emails not yet recorded: they may be sent again',
      );
    }
    this.unrecorded.stop();
  }

  private async deliverLocked(
    job: RunningJob<'notification.deliver'>,
    onSent: (at: Date, kind: NotificationKind) => void,
  ): Promise<{ kind: NotificationKind; outcome: NotificationOutcome } | null> {
    const { notificationId } = job.data;
    return this.dataSource.transaction(async (manager) => {
      const notification = await this.notifications.lock(manager, notificationId);
      if (!notification || notification.status !== 'pending') return null;

      notification.attempts += 1;
      notification.lastAttemptAt = new Date();
      const address = await this.addressOf(manager, notification);
      const message = address ? await this.render(manager, notification, address) : undefined;
      let retry = false;
      if (!address || !message) {
        notification.status = 'failed';
        notification.lastError = 'the recipient or the lead no longer exists';
      } else {
        try {
          // A client sees the practice as the sender, never this product.
          const fromName = VISITOR_RECIPIENTS.has(notification.recipientKind)
            ? (await this.practiceIn(manager)).name
            : undefined;
          await this.mail.send(
            address,
            message,
            notificationMessageId(notification.id, this.mailFrom),
            fromName,
          );
          notification.status = 'sent';
          notification.sentAt = new Date();
          onSent(notification.sentAt, notification.kind);
          notification.lastError = null;
        } catch (error) {
          const failure = classifySmtpFailure(error);
          notification.lastError = failure.summary;
          retry = !failure.permanent && !isLastAttempt(job);
          if (!retry) notification.status = 'failed';
        }
      }
      await this.notifications.saveAttempt(manager, notification);
      const outcome: NotificationOutcome = retry
        ? 'retried'
        : notification.status === 'sent'
          ? 'sent'
          : 'failed';
      return { kind: notification.kind, outcome };
    });
  }

  /**
   * Puts a failed notification back in the queue. When staff asked for it (`actor`), the
   * audit event is written in the same transaction as the change.
   */
  async retry(notificationId: string, actor?: AuditActor): Promise<RetryResult> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await this.notifications.lock(manager, notificationId);
      if (!notification) return 'not_found';
      if (notification.status !== 'failed') return 'not_failed';
      notification.status = 'pending';
      await this.notifications.saveAttempt(manager, notification);
      await this.queue.enqueueIn(manager, 'notification.deliver', { notificationId });
      if (actor) {
        await this.audit.record(
          actor,
          {
            action: 'notification.retried',
            leadId: notification.leadId,
            subjectType: 'notification',
            subjectId: notification.id,
            details: { kind: notification.kind, attempts: notification.attempts },
          },
          manager,
        );
      }
      return 'queued';
    });
  }

  private async addressOf(
    manager: EntityManager,
    notification: Notification,
  ): Promise<string | null> {
    switch (notification.recipientKind) {
      case 'address':
        return notification.recipientAddress;
      case 'user': {
        const user = await manager
          .getRepository(User)
          .findOneBy({ id: notification.recipientUserId ?? undefined, active: true });
        return user?.email ?? null;
      }
      case 'submitter':
        return this.submitterAddress(manager, notification.recipientSubmissionId);
      case 'partner':
      case 'visitor':
        return this.sources.visitor(notification.kind).address(manager, notification);
    }
  }

  private async submitterAddress(
    manager: EntityManager,
    submissionId: string | null,
  ): Promise<string | null> {
    if (!submissionId) return null;
    const reference = await manager.getRepository(SubmissionReference).findOneBy({ submissionId });
    if (!reference) return null;
    return this.sources.submitter(reference.kind)(manager, submissionId);
  }

  /** The language a client or partner email is written in: its lead's (`en` without one). */
  private async leadLanguage(
    manager: EntityManager,
    notification: Notification,
  ): Promise<Language> {
    if (!notification.leadId) return 'en';
    const lead = await manager
      .getRepository(Lead)
      .findOne({ where: { id: notification.leadId }, select: { id: true, language: true } });
    return lead?.language ?? 'en';
  }

  private async render(
    manager: EntityManager,
    notification: Notification,
    address: string,
  ): Promise<RenderedMessage | undefined> {
    const reference = notification.context.reference ?? '';
    const practice = await this.practiceIn(manager);
    if (notification.kind === 'client_acknowledgement') {
      const client = { ...practice, language: await this.leadLanguage(manager, notification) };
      const message = clientAcknowledgement(client, {
        reference,
        bookingLink: await this.sources.acknowledgementLink(manager, notification),
      });
      const submissionId = notification.recipientSubmissionId;
      const attachments = submissionId
        ? await this.sources.attachmentsOf(manager, notification.kind, submissionId)
        : [];
      return attachments.length > 0 ? { ...message, attachments } : message;
    }
    if (notification.recipientKind === 'partner' || notification.recipientKind === 'visitor') {
      const visitor = { ...practice, language: await this.leadLanguage(manager, notification) };
      return this.sources.visitor(notification.kind).render(manager, notification, visitor);
    }
    const own = this.sources.message(notification.kind);
    if (own) {
      // A capability's own email to a client (a booking, a paperwork link) is in the lead's
      // language; to staff it stays English.
      const reader = VISITOR_RECIPIENTS.has(notification.recipientKind)
        ? { ...practice, language: await this.leadLanguage(manager, notification) }
        : practice;
      return own(manager, notification, reader, address);
    }
    if (notification.kind === 'staff_invitation' || notification.kind === 'password_reset') {
      return this.renderStaffLink(manager, notification, practice);
    }
    const lead = notification.leadId
      ? await manager.getRepository(Lead).findOneBy({ id: notification.leadId })
      : null;
    if (!lead) return undefined;
    if (notification.kind === 'client_referral') {
      // The resources in force when it is sent, fitted to the lead (lead_event counted them).
      const { referralResources } = await this.settings.stored(manager);
      const resources = resourcesFor(referralResources, lead);
      return clientReferral({ ...practice, language: lead.language }, { resources });
    }
    const facts: LeadFacts = {
      leadId: lead.id,
      reference,
      serviceType: lead.serviceType,
      urgency: lead.urgency,
      receivedAt: new Date(notification.context.receivedAt ?? lead.createdAt),
    };
    switch (notification.kind) {
      case 'staff_new_lead':
        return staffNewLead(practice, facts);
      case 'staff_follow_up':
        return staffFollowUp(practice, facts);
      case 'crisis_alert':
        return crisisAlert(practice, facts);
      case 'overdue_reminder':
        return overdueReminder(practice, facts, 'reminder');
      case 'overdue_escalation':
        return overdueReminder(practice, facts, 'escalation');
    }
  }

  /**
   * An invitation or a password-reset link, its token derived again from the staff_token
   * row (none is stored). A link already used, replaced or expired is not sent.
   */
  private async renderStaffLink(
    manager: EntityManager,
    notification: Notification,
    practice: PracticeDetails,
  ): Promise<RenderedMessage | undefined> {
    const tokenId = notification.context.tokenId;
    const staffToken = tokenId
      ? await manager
          .getRepository(StaffToken)
          .findOne({ where: { id: tokenId }, relations: { user: true } })
      : null;
    if (!staffToken?.user || staffToken.usedAt || staffToken.expiresAt <= new Date()) {
      return undefined;
    }
    let token: string;
    try {
      token = staffLinkToken(this.cipher, staffToken.id, staffToken.tokenKeyId).token;
    } catch (error) {
      // The key that derived it has left DATA_ENCRYPTION_KEY: the link cannot be written again.
      if (error instanceof KeyRingError) return undefined;
      throw error;
    }
    const link = staffLink(this.baseUrl, staffToken.purpose, token);
    return staffToken.purpose === 'invitation'
      ? staffInvitation(practice, {
          role: staffToken.user.role,
          link,
          expiresAt: staffToken.expiresAt,
        })
      : passwordReset(practice, { link, expiresAt: staffToken.expiresAt });
  }
}
