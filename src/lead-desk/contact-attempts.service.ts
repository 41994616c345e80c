import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { ContactAttemptRepository } from '../leads/contact-attempt.repository.js';
import { LeadAccess } from '../leads/lead-access.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import type { Lead } from '../leads/lead.entity.js';
import { LeadRepository } from '../leads/lead.repository.js';
import {
  type ContactChannel,
  type ContactOutcome,
  reachesThePerson,
} from '../vocabulary/contact-attempts.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import type { LogContactAttemptDto } from './dto/log-contact-attempt.dto.js';
import type { ContactAttemptView } from './lead-detail.view.js';
import { refuseIfGone } from './lead-gone.js';

export interface AttemptToRecord {
  channel: ContactChannel | null;
  outcome: ContactOutcome;
  note?: string;
  /** When it was made, if not now (a status move's own time). */
  at?: Date;
}

/**
 * Contact attempts (docs/api.md#the-coordinators-desk): the row, the lead's attempt
 * columns and its timeline event, in the caller's transaction. The first attempt stops
 * the response clock: the overdue mark and the reminder and escalation checks read it.
 */
@Injectable()
export class ContactAttempts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
    private readonly attempts: ContactAttemptRepository,
    private readonly leadRows: LeadRepository,
    private readonly events: LeadEventRepository,
  ) {}

  /** POST …/contact-attempts: logs a staff member's attempt on a lead they may see. */
  async log(
    staff: StaffContext,
    actor: AuditActor,
    leadId: string,
    dto: LogContactAttemptDto,
  ): Promise<ContactAttemptView> {
    return this.dataSource.transaction(async (manager) => {
      // Locked: an erasure or merge running now finishes first, and is then seen here.
      const lead = await this.access.visibleLead(manager, staff, leadId, { lock: true });
      refuseIfGone(lead);
      const attempt = await this.recordIn(manager, staff, lead, dto);
      await this.audit.record(
        actor,
        {
          action: 'lead.contact_attempted',
          leadId: lead.id,
          subjectType: 'contact_attempt',
          subjectId: attempt.id,
          details: { attemptId: attempt.id, channel: attempt.channel, outcome: attempt.outcome },
        },
        manager,
      );
      return attempt;
    });
  }

  /**
   * Records an attempt on `lead`, locked by the caller in `manager`'s transaction; the
   * caller audits it (a PATCH to `contacted` audits the whole change as one).
   */
  async recordIn(
    manager: EntityManager,
    staff: StaffContext,
    lead: Lead,
    attempt: AttemptToRecord,
  ): Promise<ContactAttemptView> {
    const id = randomUUID();
    const note = attempt.note ?? null;
    const at = await this.attempts.add(manager, {
      id,
      leadId: lead.id,
      authorUserId: staff.user.id,
      channel: attempt.channel,
      outcome: attempt.outcome,
      at: attempt.at,
      noteEncrypted:
        note === null ? null : this.cipher.encrypt(note, SEALED_COLUMNS.contactAttemptNote, id),
    });
    await this.leadRows.recordContactAttempt(
      manager,
      lead.id,
      at,
      reachesThePerson(attempt.outcome),
    );
    await this.events.record(manager, {
      leadId: lead.id,
      kind: 'contact_attempted',
      actorUserId: staff.user.id,
      details: { attemptId: id, channel: attempt.channel, outcome: attempt.outcome },
    });
    return {
      id,
      channel: attempt.channel,
      outcome: attempt.outcome,
      note,
      at: at.toISOString(),
      by: { id: staff.user.id, name: staff.user.name },
    };
  }
}
