import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PracticeSettings } from '../settings/practice-settings.js';
import { type PreferredContact, type ServiceType, normalizeEmail } from '../vocabulary/contact.js';
import { Lead } from './lead.entity.js';
import type { ReviewReason } from './lead-review.js';
import { OPEN_STATUSES } from '../vocabulary/lead-status.js';
import { responseDeadline, type ResponseTargets } from '../vocabulary/response-targets.js';
import { type Urgency, highestUrgency } from '../vocabulary/urgency.js';

/** A returning person joins their open lead when it heard from them this recently. */
export const REPEAT_SUBMISSION_WINDOW_DAYS = 30;

export interface SubmittedContact {
  name: string;
  email: string;
  phone?: string | null;
  state?: string | null;
  preferredContact: PreferredContact;
  serviceType: ServiceType;
  source?: string | null;
}

export interface SubmissionFacts {
  spam: boolean;
  urgency: Urgency;
  receivedAt: Date;
  /** The targets in force (PracticeSettings.forSubmission, read before any lead is locked). */
  targets: ResponseTargets;
  /** Set when the submission could not be vouched for: the lead then needs review. */
  review?: ReviewReason;
}

export interface LeadForSubmission {
  lead: Lead;
  created: boolean;
}

@Injectable()
export class LeadsService {
  constructor(private readonly settings: PracticeSettings) {}

  /**
   * The lead a new submission belongs to: the person's open lead if they were heard from
   * within 30 days, else a new one. Spam never joins a lead, nor does a lead take spam in.
   * Runs in the caller's transaction; an advisory lock on the email makes two first
   * submissions arriving together end up on one lead.
   */
  async leadForSubmission(
    manager: EntityManager,
    contact: SubmittedContact,
    submission: SubmissionFacts,
    /** The lead of a reference the person quoted (an earlier inquiry), if still open. */
    referencedLeadId?: string,
  ): Promise<LeadForSubmission> {
    const found = await this.findOrCreate(manager, contact, submission, referencedLeadId);
    if (submission.review && !submission.spam) {
      // The lead it joined or started now waits for a person's look (a timeline event
      // says why); a new one is not announced to staff as a normal lead until then.
      const { lead } = found;
      if (!found.created) {
        lead.needsReview = true;
        lead.reviewReason = submission.review;
        await manager.getRepository(Lead).save(lead);
      }
      await manager.query(
        `INSERT INTO lead_event (lead_id, kind, actor_user_id, details) VALUES ($1, 'review_flagged', NULL, $2::jsonb)`,
        [lead.id, JSON.stringify({ reason: submission.review })],
      );
    }
    return found;
  }

  private async findOrCreate(
    manager: EntityManager,
    contact: SubmittedContact,
    submission: SubmissionFacts,
    referencedLeadId?: string,
  ): Promise<LeadForSubmission> {
    const emailNormalized = normalizeEmail(contact.email);
    const leads = manager.getRepository(Lead);
    const targets = submission.spam ? null : submission.targets;

    if (targets && referencedLeadId) {
      const referenced = await leads.findOne({
        where: { id: referencedLeadId },
        lock: { mode: 'pessimistic_write' },
      });
      if (referenced && OPEN_STATUSES.includes(referenced.status) && !referenced.erasedAt) {
        return { lead: await this.touch(manager, referenced, submission, targets), created: false };
      }
    }

    if (targets) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `lead-email:${emailNormalized}`,
      ]);
      const open = await leads
        .createQueryBuilder('lead')
        .setLock('pessimistic_write')
        .where('lead.emailNormalized = :emailNormalized', { emailNormalized })
        .andWhere('lead.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere(`lead.lastSubmissionAt >= :since`, { since: this.repeatWindowStart(submission) })
        .andWhere('lead.mergedIntoLeadId IS NULL')
        .orderBy('lead.lastSubmissionAt', 'DESC')
        .getOne();
      if (open) {
        return { lead: await this.touch(manager, open, submission, targets), created: false };
      }
      const survivor = await this.survivorOfMergedAddress(manager, emailNormalized, submission);
      if (survivor) {
        return { lead: await this.touch(manager, survivor, submission, targets), created: false };
      }
    }

    const lead = leads.create({
      id: randomUUID(),
      status: submission.spam ? 'spam' : 'new',
      urgency: submission.urgency,
      serviceType: contact.serviceType,
      name: contact.name,
      email: contact.email,
      emailNormalized,
      phone: contact.phone ?? null,
      state: contact.state ?? null,
      preferredContact: contact.preferredContact,
      source: contact.source ?? null,
      lastSubmissionAt: submission.receivedAt,
      statusChangedAt: submission.receivedAt,
      respondBy: targets && responseDeadline(submission.receivedAt, submission.urgency, targets),
      tags: [],
      assignedClinicianId: null,
      firstContactedAt: null,
      mergedIntoLeadId: null,
      erasedAt: null,
      needsReview: !submission.spam && submission.review !== undefined,
      reviewReason: submission.spam ? null : (submission.review ?? null),
    });
    await leads.insert(lead);
    return { lead, created: true };
  }

  /** Raises a lead's urgency to at least `urgency` (rules may only raise it). */
  async raiseUrgency(manager: EntityManager, leadId: string, urgency: Urgency): Promise<Lead> {
    const targets = await this.settings.responseTargets(manager);
    const lead = await manager
      .getRepository(Lead)
      .findOneOrFail({ where: { id: leadId }, lock: { mode: 'pessimistic_write' } });
    const raised = highestUrgency(lead.urgency, urgency);
    if (raised !== lead.urgency) {
      this.setUrgency(lead, raised, targets);
      await manager.getRepository(Lead).save(lead);
    }
    return lead;
  }

  /**
   * Changes the urgency and, while the lead waits in `new`, its response deadline.
   * `targets`: `PracticeSettings.responseTargets(manager)`, read before locking the lead.
   */
  setUrgency(lead: Lead, urgency: Urgency, targets: ResponseTargets): void {
    lead.urgency = urgency;
    if (lead.status === 'new') {
      lead.respondBy = responseDeadline(lead.createdAt, urgency, targets);
    }
  }

  private repeatWindowStart(submission: { receivedAt: Date }): Date {
    return new Date(submission.receivedAt.getTime() - REPEAT_SUBMISSION_WINDOW_DAYS * 86_400_000);
  }

  /**
   * A person may write again from the address of a lead that was merged into another
   * (a duplicate): they join the lead that survived, when it is open and heard from
   * within the window. The duplicate itself stays a pointer and takes nothing in.
   */
  private async survivorOfMergedAddress(
    manager: EntityManager,
    emailNormalized: string,
    submission: { receivedAt: Date },
  ): Promise<Lead | null> {
    const leads = manager.getRepository(Lead);
    const merged = await leads
      .createQueryBuilder('lead')
      .where('lead.emailNormalized = :emailNormalized', { emailNormalized })
      .andWhere('lead.mergedIntoLeadId IS NOT NULL')
      .orderBy('lead.lastSubmissionAt', 'DESC')
      .getOne();
    let next = merged?.mergedIntoLeadId ?? null;
    // A survivor may have been merged on in turn; merges refuse cycles, the bound is a guard.
    for (let hop = 0; next && hop < 20; hop++) {
      const lead = await leads.findOne({
        where: { id: next },
        lock: { mode: 'pessimistic_write' },
      });
      if (!lead) return null;
      if (!lead.mergedIntoLeadId) {
        const joinable =
          OPEN_STATUSES.includes(lead.status) &&
          !lead.erasedAt &&
          lead.lastSubmissionAt >= this.repeatWindowStart(submission);
        return joinable ? lead : null;
      }
      next = lead.mergedIntoLeadId;
    }
    return null;
  }

  private async touch(
    manager: EntityManager,
    lead: Lead,
    submission: { urgency: Urgency; receivedAt: Date },
    targets: ResponseTargets,
  ): Promise<Lead> {
    lead.lastSubmissionAt = submission.receivedAt;
    this.setUrgency(lead, highestUrgency(lead.urgency, submission.urgency), targets);
    return manager.getRepository(Lead).save(lead);
  }
}
