import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { ConsentSignatureRepository } from '../consents/consent-signature.repository.js';
import { PaperworkRequestRepository } from '../consents/paperwork-request.repository.js';
import { IdempotencyRecordRepository } from '../common/idempotency/idempotency-record.repository.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';
import { ProblemException } from '../common/problem-details.js';
import { InquiryRepository } from '../inquiries/inquiry.repository.js';
import { IntakeRepository } from '../intake/intake.repository.js';
import { PartnerResponseRepository } from '../intake/partner-response.repository.js';
import { NotificationRepository } from '../notifications/notification.repository.js';
import { LeadAccess } from '../leads/lead-access.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { NoteRepository } from '../leads/triage-note.repository.js';
import { ContactAttemptRepository } from '../leads/contact-attempt.repository.js';

/** What an erasure emptied or cancelled, per kind of row. */
export interface ErasedRows {
  inquiries: number;
  intakes: number;
  partnerInvitations: number;
  partnerResponses: number;
  /** Note bodies and contact attempts' notes emptied. */
  notes: number;
  notificationsCancelled: number;
  idempotencyRecords: number;
}

export interface ErasureOutcome {
  leadId: string;
  erasedAt: Date;
  /** Leads that had been merged into this one: the same person, erased with it. */
  mergedLeadIds: string[];
  erased: ErasedRows;
}

/** What a lead's email becomes: unique per lead, and never equal to a real address. */
export const erasedEmailKey = (leadId: string) => `erased:${leadId}`;

const NO_ROWS: ErasedRows = {
  inquiries: 0,
  intakes: 0,
  partnerInvitations: 0,
  partnerResponses: 0,
  notes: 0,
  notificationsCancelled: 0,
  idempotencyRecords: 0,
};

/**
 * Erasure (docs/api.md#leads, DELETE /v1/admin/leads/:id): every piece of personal data of a lead,
 * its submissions, partner and notes is emptied in one transaction; what remains is a
 * tombstone (ids, references, statuses, times) and the audit trail.
 */
@Injectable()
export class LeadErasures {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly rateLimits: RateLimiter,
    private readonly leadRows: LeadRepository,
    private readonly events: LeadEventRepository,
    private readonly notes: NoteRepository,
    private readonly contactAttempts: ContactAttemptRepository,
    private readonly notifications: NotificationRepository,
    private readonly idempotencyRecords: IdempotencyRecordRepository,
    private readonly inquiryRows: InquiryRepository,
    private readonly intakeRows: IntakeRepository,
    private readonly partnerResponseRows: PartnerResponseRepository,
    private readonly signatureRows: ConsentSignatureRepository,
    private readonly paperworkRequestRows: PaperworkRequestRepository,
  ) {}

  async erase(
    staff: StaffContext,
    actor: AuditActor,
    leadId: string,
    reason: string,
  ): Promise<ErasureOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const { id } = await this.access.visibleLead(manager, staff, leadId);
      const family = await this.lockFamily(manager, id);
      const root = family.find((lead) => lead.id === id)!;
      if (root.erasedAt) throw new ProblemException('conflict', 'This lead was already erased.');
      if (root.mergedIntoLeadId) {
        throw new ProblemException(
          'conflict',
          `This lead was merged into lead ${root.mergedIntoLeadId}, which holds its data now: erase that lead.`,
        );
      }
      const merged = family.filter((lead) => lead.id !== root.id && !lead.erasedAt);
      const erasedAt = new Date();
      const total: ErasedRows = { ...NO_ROWS };
      for (const lead of [root, ...merged]) {
        const erased = await this.eraseOne(manager, lead.id, erasedAt);
        for (const key of Object.keys(total) as (keyof ErasedRows)[]) total[key] += erased[key];
        const via = lead === root ? {} : { with: root.id };
        await this.events.record(manager, {
          leadId: lead.id,
          kind: 'erased',
          actorUserId: staff.user.id,
          details: via,
        });
        await this.audit.record(
          actor,
          {
            action: 'lead.erased',
            leadId: lead.id,
            details: {
              reason,
              ...via,
              ...(lead === root ? { mergedLeadIds: merged.map((m) => m.id) } : {}),
              erased,
            },
          },
          manager,
        );
      }
      return { leadId: root.id, erasedAt, mergedLeadIds: merged.map((m) => m.id), erased: total };
    });
  }

  /**
   * The lead and every lead merged into it (directly or through another), locked in id
   * order as merges lock theirs. A merge into the family that commits while we lock is
   * seen on the next look and locked too; once all are locked the family cannot grow.
   */
  private async lockFamily(manager: EntityManager, rootId: string): Promise<Lead[]> {
    const locked = new Set<string>();
    for (;;) {
      const rows = (await manager.query(
        `WITH RECURSIVE family(id) AS (
           SELECT $1::uuid
           UNION
           SELECT lead.id FROM lead JOIN family ON lead.merged_into_lead_id = family.id
         )
         SELECT id FROM family`,
        [rootId],
      )) as { id: string }[];
      const unlocked = rows.map((row) => row.id).filter((id) => !locked.has(id));
      if (unlocked.length === 0) break;
      await manager.query(`SELECT id FROM lead WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
        unlocked,
      ]);
      for (const id of unlocked) locked.add(id);
    }
    return manager
      .getRepository(Lead)
      .find({ where: { id: In([...locked]) }, order: { id: 'ASC' } });
  }

  /** Empties one lead's personal data; ids, references, statuses and times stay. */
  private async eraseOne(
    manager: EntityManager,
    leadId: string,
    erasedAt: Date,
  ): Promise<ErasedRows> {
    const submissionIds = (
      (await manager.query(
        `SELECT id FROM inquiry WHERE lead_id = $1 UNION ALL SELECT id FROM intake WHERE lead_id = $1`,
        [leadId],
      )) as { id: string }[]
    ).map((row) => row.id);

    // Every address the person (or their partner) wrote from, before it is emptied: the
    // rate-limit counters keyed by them go too.
    const emails = (
      (await manager.query(
        `SELECT email FROM lead WHERE id = $1
         UNION SELECT email FROM inquiry WHERE lead_id = $1
         UNION SELECT email FROM intake WHERE lead_id = $1
         UNION SELECT email FROM partner_response
                WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1)
         UNION SELECT partner_email FROM partner_invitation
                WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1)`,
        [leadId],
      )) as { email: string }[]
    ).map((row) => row.email);
    await this.rateLimits.forgetEmails(manager, emails);

    // An open partner link closes: it would let partner B add answers to the erased lead.
    const partnerInvitations = await this.intakeRows.eraseInvitationsOfLead(manager, leadId);
    const partnerResponses = await this.partnerResponseRows.eraseOfLead(manager, leadId);
    const inquiries = await this.inquiryRows.eraseOfLead(manager, leadId);
    const intakes = await this.intakeRows.eraseOfLead(manager, leadId);
    const notes =
      (await this.notes.eraseBodies(manager, leadId)) +
      (await this.contactAttempts.eraseNotes(manager, leadId));
    // Signatures stay (what was signed, which version, its hash, when); who signed them,
    // from where and with which browser go. An open paperwork link closes.
    await this.signatureRows.eraseOfLead(manager, leadId);
    await this.paperworkRequestRows.closeOfLead(manager, leadId, erasedAt);
    // A tag change names the tags in the timeline; the lead's own tags are emptied below,
    // so these copies go too (the event stays: that tags changed, and when).
    await this.events.forgetTagNames(manager, leadId);
    // Planned emails hold ids only (addresses are looked up when sending), but none is
    // sent about a person who asked to be forgotten.
    const notificationsCancelled = await this.notifications.cancelForErasedLead(manager, leadId);
    // A replayable answer to a submission (it may hold the partner's masked address).
    const idempotencyRecords = await this.idempotencyRecords.deleteForSubmissions(
      manager,
      submissionIds,
    );
    await this.leadRows.erase(manager, leadId, {
      emailNormalized: erasedEmailKey(leadId),
      erasedAt,
    });
    return {
      inquiries,
      intakes,
      partnerInvitations,
      partnerResponses,
      notes,
      notificationsCancelled,
      idempotencyRecords,
    };
  }
}
