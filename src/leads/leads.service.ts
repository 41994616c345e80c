import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PreferredContact, type ServiceType, normalizeEmail } from './contact.js';
import { Lead } from './lead.entity.js';
import { OPEN_STATUSES } from './lead-status.js';
import { type Urgency, highestUrgency } from './urgency.js';

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

export interface LeadForSubmission {
  lead: Lead;
  created: boolean;
}

@Injectable()
export class LeadsService {
  /**
   * The lead a new submission belongs to: the person's open lead if they were heard from
   * within 30 days, else a new one. Spam never joins a lead, nor does a lead take spam in.
   * Runs in the caller's transaction; an advisory lock on the email makes two first
   * submissions arriving together end up on one lead.
   */
  async leadForSubmission(
    manager: EntityManager,
    contact: SubmittedContact,
    submission: { spam: boolean; urgency: Urgency; receivedAt: Date },
  ): Promise<LeadForSubmission> {
    const emailNormalized = normalizeEmail(contact.email);
    const leads = manager.getRepository(Lead);

    if (!submission.spam) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `lead-email:${emailNormalized}`,
      ]);
      const open = await leads
        .createQueryBuilder('lead')
        .setLock('pessimistic_write')
        .where('lead.emailNormalized = :emailNormalized', { emailNormalized })
        .andWhere('lead.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere(`lead.lastSubmissionAt >= :since`, {
          since: new Date(
            submission.receivedAt.getTime() - REPEAT_SUBMISSION_WINDOW_DAYS * 86_400_000,
          ),
        })
        .orderBy('lead.lastSubmissionAt', 'DESC')
        .getOne();
      if (open) {
        open.lastSubmissionAt = submission.receivedAt;
        open.urgency = highestUrgency(open.urgency, submission.urgency);
        await leads.save(open);
        return { lead: open, created: false };
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
    });
    await leads.insert(lead);
    return { lead, created: true };
  }
}
