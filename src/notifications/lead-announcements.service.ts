import { clockRunning } from '../vocabulary/contact-attempts.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Clinician } from '../clinicians/clinician.entity.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import { Lead } from '../leads/lead.entity.js';
import { escalationDeadline, responseDeadline } from '../vocabulary/response-targets.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';
import { JobQueue, type RunningJob } from '../queue/job-queue.js';
import { scheduleResponseChecks } from './response-checks.js';
import { PracticeSettings } from '../settings/practice-settings.js';
import { User } from '../users/user.entity.js';
import { leadCreatedEventId } from '../webhooks/webhook-event.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { NotificationsService, type PlannedNotification } from './notifications.service.js';
import {
  type PlannedStaffMessage,
  staffRecipientsForFollowUp,
  staffRecipientsForNewLead,
  staffRecipientsForResponseCheck,
} from './recipients.js';

/**
 * A lead waiting for review (its submission could not be vouched for, e.g. the CAPTCHA
 * provider was down) is not announced as a normal new lead: coordinators find it with
 * `needsReview=true`. A crisis still reaches everyone who would have heard of it, as a
 * crisis alert: missing a person in crisis is worse than reading about a bot. Nothing
 * goes to a visitor's address, nor to webhooks, until staff release it (onReviewCleared).
 */
function heldForReview(lead: Lead, planned: PlannedStaffMessage[]): PlannedStaffMessage[] {
  if (!lead.needsReview) return planned;
  if (lead.urgency !== 'crisis') return [];
  return planned.map((message) => ({ ...message, kind: 'crisis_alert' }));
}

/**
 * Who hears about a lead, and when: staff and the client when a submission arrives,
 * webhooks when a lead is created, and reminders when nobody has reached out in time.
 * Each step runs in one transaction with the jobs it creates.
 */
@Injectable()
export class LeadAnnouncements {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    private readonly settings: PracticeSettings,
    private readonly events: LeadEventRepository,
  ) {}

  async onSubmissionReceived(job: RunningJob<'lead.submission-received'>): Promise<void> {
    const { leadId, submissionId, submissionKind, leadCreated } = job.data;
    await this.dataSource.transaction(async (manager) => {
      const lead = await manager.getRepository(Lead).findOneBy({ id: leadId });
      const submission = await manager
        .getRepository(SubmissionReference)
        .findOneBy({ submissionId });
      if (!lead || !submission || lead.status === 'spam' || lead.erasedAt) return;
      const context = {
        reference: submission.reference,
        receivedAt: submission.createdAt.toISOString(),
      };

      const plans: PlannedNotification[] = [
        {
          kind: 'client_acknowledgement',
          dedupeKey: `client_acknowledgement:${submissionId}`,
          leadId,
          recipient: 'submitter',
          submissionId,
          context,
          hold: lead.needsReview,
        },
      ];
      const staff = await manager.getRepository(User).find({ where: { active: true } });
      if (leadCreated) {
        const planned = heldForReview(lead, staffRecipientsForNewLead(lead, staff));
        for (const { userId, kind } of planned) {
          plans.push({
            kind,
            dedupeKey: `${kind}:${leadId}:${userId}`,
            leadId,
            recipient: 'user',
            userId,
            context,
          });
        }
        if (planned.length === 0 && (!lead.needsReview || lead.urgency === 'crisis')) {
          // Nobody has an account yet: the practice's intake inbox hears about it.
          plans.push(
            this.toIntakeInbox(
              lead.urgency === 'crisis' ? 'crisis_alert' : 'staff_new_lead',
              lead,
              context,
            ),
          );
        }
        if (!lead.needsReview) await this.announceLeadCreated(manager, lead, submission.reference);
        await this.scheduleResponseChecks(manager, lead);
      } else {
        if (lead.urgency === 'crisis') {
          // A returning person's words made (or keep) the lead a crisis: admins hear now.
          const admins = staff.filter((member) => member.role === 'admin');
          for (const admin of admins) {
            plans.push({
              kind: 'crisis_alert',
              dedupeKey: `crisis_alert:${leadId}:${admin.id}`,
              leadId,
              recipient: 'user',
              userId: admin.id,
              context,
            });
          }
          if (admins.length === 0) plans.push(this.toIntakeInbox('crisis_alert', lead, context));
        }
        // A returning person is never silent: whoever would hear of a new lead hears that
        // they wrote again (a partner's answers to their couple's intake are not that).
        if (submissionKind !== 'partner_response' && !lead.needsReview) {
          plans.push(...(await this.followUp(manager, lead, submissionKind, context)));
        }
        // The submission may have raised the urgency (a safety concern in an intake, say):
        // checks at the new, shorter target. Checks already queued for it are not repeated.
        await this.scheduleResponseChecks(manager, lead);
      }
      await this.notifications.planIn(manager, plans);
    });
  }

  /**
   * Staff released a lead from review, in their transaction: the emails it held for
   * visitors go out now (under the daily limit), and webhooks hear of the lead. A lead
   * already announced is not announced twice (one event id per lead).
   */
  async onReviewCleared(manager: EntityManager, lead: Lead): Promise<void> {
    await this.notifications.releaseHeldIn(manager, lead.id);
    const [first] = await manager.getRepository(SubmissionReference).find({
      where: { leadId: lead.id },
      order: { createdAt: 'ASC' },
      take: 1,
    });
    if (first) await this.announceLeadCreated(manager, lead, first.reference);
  }

  private async announceLeadCreated(
    manager: EntityManager,
    lead: Lead,
    reference: string,
  ): Promise<void> {
    await this.webhooks.emitIn(
      manager,
      'lead.created',
      {
        leadId: lead.id,
        reference,
        status: lead.status,
        urgency: lead.urgency,
        serviceType: lead.serviceType,
      },
      leadCreatedEventId(lead.id),
    );
  }

  /**
   * At the target a reminder, at twice the target an escalation, while the response clock
   * runs: an open lead nobody has tried to reach yet (`in_review` does not stop it).
   */
  async onResponseCheck(job: RunningJob<'lead.response-check'>): Promise<void> {
    const { leadId, stage } = job.data;
    await this.dataSource.transaction(async (manager) => {
      const lead = await manager.getRepository(Lead).findOneBy({ id: leadId });
      // A merged lead's checks are its survivor's now; an erased one has nobody to reach.
      if (!lead || !clockRunning(lead)) return;
      const due = (stage === 'reminder' ? responseDeadline : escalationDeadline)(
        lead.createdAt,
        lead.urgency,
        await this.settings.responseTargets(manager),
      );
      if (due.getTime() > Date.now()) {
        // Staff lowered the urgency since: look again when the new target passes.
        await this.queue.enqueueIn(
          manager,
          'lead.response-check',
          { ...job.data, urgency: lead.urgency },
          {
            startAfter: due,
            onceFor: `${leadId}:${stage}:${lead.urgency}:${due.toISOString()}`,
          },
        );
        return;
      }
      const [first] = await manager.getRepository(SubmissionReference).find({
        where: { leadId },
        order: { createdAt: 'ASC' },
        take: 1,
      });
      const context = {
        reference: first?.reference ?? '',
        receivedAt: lead.createdAt.toISOString(),
      };
      const kind = stage === 'reminder' ? 'overdue_reminder' : 'overdue_escalation';
      const staff = await manager.getRepository(User).find({ where: { active: true } });
      const assignedUserId = lead.assignedClinicianId
        ? ((await manager.getRepository(Clinician).findOneBy({ id: lead.assignedClinicianId }))
            ?.userId ?? null)
        : null;
      const recipients = staffRecipientsForResponseCheck(stage, { assignedUserId }, staff);
      const plans: PlannedNotification[] = recipients.map((userId) => ({
        kind,
        dedupeKey: `${kind}:${leadId}:${lead.urgency}:${userId}`,
        leadId,
        recipient: 'user',
        userId,
        context,
      }));
      if (plans.length === 0) {
        plans.push({
          ...this.toIntakeInbox(kind, lead, context),
          dedupeKey: `${kind}:${leadId}:${lead.urgency}:inbox`,
        });
      }
      await this.notifications.planIn(manager, plans);
    });
  }

  /**
   * The follow-up notices of a submission that joined `lead`, and its `follow_up` timeline
   * entry (once: a job run again finds it and plans nothing more than the notices' keys allow).
   */
  private async followUp(
    manager: EntityManager,
    lead: Lead,
    submissionKind: 'inquiry' | 'intake',
    context: { reference: string; receivedAt: string },
  ): Promise<PlannedNotification[]> {
    const [recorded] = (await manager.query(
      `SELECT 1 FROM lead_event WHERE lead_id = $1 AND kind = 'follow_up'
          AND details->>'reference' = $2 LIMIT 1`,
      [lead.id, context.reference],
    )) as unknown[];
    if (!recorded) {
      await this.events.record(manager, {
        leadId: lead.id,
        kind: 'follow_up',
        actorUserId: null,
        details: { reference: context.reference, submissionKind },
      });
    }
    const staff = await manager.getRepository(User).find({ where: { active: true } });
    const recipients = staffRecipientsForFollowUp(
      { assignedUserId: await this.assignedUserId(manager, lead) },
      staff,
    );
    const plans: PlannedNotification[] = recipients.map((userId) => ({
      kind: 'staff_follow_up',
      dedupeKey: `staff_follow_up:${context.reference}:${userId}`,
      leadId: lead.id,
      recipient: 'user',
      userId,
      context,
    }));
    if (plans.length === 0) {
      plans.push({
        ...this.toIntakeInbox('staff_follow_up', lead, context),
        dedupeKey: `staff_follow_up:${context.reference}:inbox`,
      });
    }
    return plans;
  }

  /** The account of the clinician the lead is assigned to, if any. */
  private async assignedUserId(manager: EntityManager, lead: Lead): Promise<string | null> {
    if (!lead.assignedClinicianId) return null;
    const clinician = await manager
      .getRepository(Clinician)
      .findOneBy({ id: lead.assignedClinicianId });
    return clinician?.userId ?? null;
  }

  private async scheduleResponseChecks(manager: EntityManager, lead: Lead): Promise<void> {
    const targets = await this.settings.responseTargets(manager);
    await scheduleResponseChecks(this.queue, manager, lead, targets);
  }

  private toIntakeInbox(
    kind: PlannedNotification['kind'],
    lead: Lead,
    context: Record<string, string>,
  ): PlannedNotification {
    return {
      kind,
      dedupeKey: `${kind}:${lead.id}:inbox`,
      leadId: lead.id,
      recipient: 'address',
      address: this.config.practice.intakeEmail,
      context,
    };
  }
}
