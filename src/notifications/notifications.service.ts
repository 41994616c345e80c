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
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Intake } from '../intake/intake.entity.js';
import { PartnerInvitation } from '../intake/partner-invitation.entity.js';
import { PartnerResponse } from '../intake/partner-response.entity.js';
import { partnerToken } from '../intake/partner-tokens.js';
import { Lead } from '../leads/lead.entity.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';
import { Metrics, type NotificationOutcome } from '../metrics/metrics.service.js';
import { normalizeEmailForLimit } from '../rate-limit/rate-limit-policy.js';
import { JobQueue, type RunningJob, isLastAttempt } from '../queue/job-queue.js';
import { OUTAGE_PATIENCE_MS } from '../queue/jobs.js';
import { UnrecordedDeliveries } from '../queue/unrecorded-deliveries.js';
import { User } from '../users/user.entity.js';
import { MailTransport } from './mail-transport.js';
import {
  type LeadFacts,
  type PracticeDetails,
  type RenderedMessage,
  clientAcknowledgement,
  crisisAlert,
  overdueReminder,
  partnerInvitation,
  passwordReset,
  staffInvitation,
  staffNewLead,
} from './messages.js';
import {
  Notification,
  type NotificationKind,
  type NotificationStatus,
  type RecipientKind,
} from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import { classifySmtpFailure } from './smtp-failure.js';
import { VisitorMailRepository } from './visitor-mail.repository.js';
import {
  VISITOR_MAILS_PER_ADDRESS,
  VISITOR_MAIL_WINDOW_HOURS,
  nameForMail,
} from './visitor-mail.js';

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
);

export type RetryResult = 'queued' | 'not_failed' | 'not_found';

/**
 * Writes the email of a kind another capability owns (a consultation's), when it is
 * sent: undefined when there is nothing to send any more. `address` is the recipient's.
 */
export type MessageRenderer = (
  manager: EntityManager,
  notification: Notification,
  address: string,
) => Promise<RenderedMessage | undefined>;

/** Recipients whose address a visitor typed into a public form. */
const VISITOR_RECIPIENTS: ReadonlySet<RecipientKind> = new Set(['submitter', 'partner']);
/** Purpose of the keyed hash that names a mailbox in `visitor_mail` (DataCipher.derive). */
const MAILBOX_PURPOSE = 'visitor-mailbox';

@Injectable()
export class NotificationsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly practice: PracticeDetails;
  /** Emails the SMTP server accepted while the database could not record them. */
  private readonly unrecorded = new UnrecordedDeliveries();
  /** Kinds whose words live with the capability that plans them (registerRenderer). */
  private readonly renderers = new Map<NotificationKind, MessageRenderer>();
  /** The client's booking link an acknowledgement carries, when booking says so. */
  private bookingLink?: (
    manager: EntityManager,
    notification: Notification,
  ) => Promise<string | null>;

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
  ) {
    this.practice = { name: config.practice.name, baseUrl: config.publicBaseUrl };
  }

  /**
   * Lets a capability that imports this one write its own kinds of email, so this
   * module need not import it back (consultations: confirmations with a calendar invite).
   */
  registerRenderer(kinds: readonly NotificationKind[], renderer: MessageRenderer): void {
    for (const kind of kinds) this.renderers.set(kind, renderer);
  }

  /** Booking decides which acknowledgements carry a booking link, and makes the link. */
  registerBookingLink(
    link: (manager: EntityManager, notification: Notification) => Promise<string | null>,
  ): void {
    this.bookingLink = link;
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
        plan.context ?? {},
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
    let released = 0;
    for (const row of held) {
      await this.notifications.markPending(manager, row.id);
      const status = await this.letOut(
        manager,
        row.id,
        row.recipient_kind,
        row.context,
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
    context: Record<string, string>,
    submissionId?: string | null,
  ): Promise<NotificationStatus> {
    if (VISITOR_RECIPIENTS.has(recipient)) {
      const address =
        recipient === 'partner'
          ? await this.partnerAddress(manager, context.invitationId)
          : await this.submitterAddress(manager, submissionId ?? null);
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
          await this.mail.send(address, message, `<${notification.id}@relational-intake>`);
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
        return this.partnerAddress(manager, notification.context.invitationId);
    }
  }

  private async partnerAddress(
    manager: EntityManager,
    invitationId: string | undefined,
  ): Promise<string | null> {
    if (!invitationId) return null;
    const invitation = await manager
      .getRepository(PartnerInvitation)
      .findOneBy({ id: invitationId });
    return invitation?.partnerEmail ?? null;
  }

  private async submitterAddress(
    manager: EntityManager,
    submissionId: string | null,
  ): Promise<string | null> {
    if (!submissionId) return null;
    const reference = await manager.getRepository(SubmissionReference).findOneBy({ submissionId });
    if (!reference) return null;
    switch (reference.kind) {
      case 'inquiry':
        return (
          (await manager.getRepository(Inquiry).findOneBy({ id: submissionId }))?.email ?? null
        );
      case 'intake':
        return (await manager.getRepository(Intake).findOneBy({ id: submissionId }))?.email ?? null;
      case 'partner_response':
        return (
          (await manager.getRepository(PartnerResponse).findOneBy({ id: submissionId }))?.email ??
          null
        );
    }
  }

  private async render(
    manager: EntityManager,
    notification: Notification,
    address: string,
  ): Promise<RenderedMessage | undefined> {
    const renderer = this.renderers.get(notification.kind);
    if (renderer) return renderer(manager, notification, address);
    const reference = notification.context.reference ?? '';
    if (notification.kind === 'client_acknowledgement') {
      const bookingLink = this.bookingLink ? await this.bookingLink(manager, notification) : null;
      return clientAcknowledgement(this.practice, { reference, bookingLink });
    }
    if (notification.kind === 'partner_invitation')
      return this.renderInvitation(manager, notification);
    if (notification.kind === 'staff_invitation' || notification.kind === 'password_reset') {
      return this.renderStaffLink(manager, notification);
    }
    const lead = notification.leadId
      ? await manager.getRepository(Lead).findOneBy({ id: notification.leadId })
      : null;
    if (!lead) return undefined;
    const facts: LeadFacts = {
      leadId: lead.id,
      reference,
      serviceType: lead.serviceType,
      urgency: lead.urgency,
      receivedAt: new Date(notification.context.receivedAt ?? lead.createdAt),
    };
    switch (notification.kind) {
      case 'staff_new_lead':
        return staffNewLead(this.practice, facts);
      case 'crisis_alert':
        return crisisAlert(this.practice, facts);
      case 'overdue_reminder':
        return overdueReminder(this.practice, facts, 'reminder');
      case 'overdue_escalation':
        return overdueReminder(this.practice, facts, 'escalation');
    }
  }

  /**
   * An invitation or a password-reset link, its token derived again from the staff_token
   * row (none is stored). A link already used, replaced or expired is not sent.
   */
  private async renderStaffLink(
    manager: EntityManager,
    notification: Notification,
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
    const link = staffLink(this.practice.baseUrl, staffToken.purpose, token);
    return staffToken.purpose === 'invitation'
      ? staffInvitation(this.practice, {
          role: staffToken.user.role,
          link,
          expiresAt: staffToken.expiresAt,
        })
      : passwordReset(this.practice, { link, expiresAt: staffToken.expiresAt });
  }

  /** The link carries a token derived again here from the invitation; none is stored. */
  private async renderInvitation(
    manager: EntityManager,
    notification: Notification,
  ): Promise<RenderedMessage | undefined> {
    const invitation = await manager
      .getRepository(PartnerInvitation)
      .findOneBy({ id: notification.context.invitationId });
    const intake =
      invitation && (await manager.getRepository(Intake).findOneBy({ id: invitation.intakeId }));
    if (!invitation || !intake || invitation.usedAt) return undefined;
    const { token } = partnerToken(this.cipher, invitation.id, invitation.tokenKeyId);
    return partnerInvitation(this.practice, {
      invitedByFirstName: nameForMail(intake.name),
      link: `${this.practice.baseUrl}/partner?token=${token}`,
      expiresAt: invitation.expiresAt,
    });
  }
}
