import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { ProblemException } from '../common/problem-details.js';
import { ConsentSignatureRepository } from '../consents/consent-signature.repository.js';
import { PaperworkRequestRepository } from '../consents/paperwork-request.repository.js';
import { InquiryRepository } from '../inquiries/inquiry.repository.js';
import { IntakeRepository } from '../intake/intake.repository.js';
import { PartnerResponseRepository } from '../intake/partner-response.repository.js';
import { NotificationRepository } from '../notifications/notification.repository.js';
import { scheduleResponseChecks } from '../notifications/response-checks.js';
import { JobQueue } from '../queue/job-queue.js';
import { PracticeSettings } from '../settings/practice-settings.js';
import { LeadAccess } from '../leads/lead-access.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import type { Lead } from '../leads/lead.entity.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { setUrgency } from '../leads/lead-urgency.js';
import { NoteRepository } from '../leads/triage-note.repository.js';
import { ContactAttemptRepository } from '../leads/contact-attempt.repository.js';
import { BookingLinkRepository } from '../consultations/booking-link.repository.js';
import { ConsultationRepository } from '../consultations/consultation.repository.js';
import { type SurvivorChanges, survivorChanges } from './merge.js';

/** How many rows of each kind moved from the duplicate to the survivor. */
export interface MovedRows {
  inquiries: number;
  intakes: number;
  partnerInvitations: number;
  partnerResponses: number;
  references: number;
  notes: number;
  contactAttempts: number;
  events: number;
  notifications: number;
}

/** The surviving lead as the merge leaves it (or, previewed, would leave it). */
export type MergedSurvivor = Pick<
  Lead,
  | 'id'
  | 'status'
  | 'statusChangedAt'
  | 'urgency'
  | 'respondBy'
  | 'firstContactedAt'
  | 'firstAttemptAt'
  | 'firstConnectedAt'
  | 'lastAttemptAt'
  | 'attemptCount'
  | 'assignedClinicianId'
  | 'tags'
  | 'lastSubmissionAt'
  | 'needsReview'
  | 'reviewReason'
  | 'phone'
  | 'state'
  | 'source'
>;

export interface MergeOutcome {
  /** True for a preview: nothing but its audit event was written. */
  dryRun: boolean;
  leadId: string;
  mergedLeadId: string;
  moved: MovedRows;
  /** The survivor's fields the merge changes (or would change). */
  changed: (keyof SurvivorChanges)[];
  survivor: MergedSurvivor;
}

/**
 * Folds a duplicate lead into the lead that survives (docs/api.md#leads, POST …/merge): every row
 * of the duplicate moves over, the survivor takes what it lacks, and the duplicate stays
 * as a pointer (`mergedIntoLeadId`) so old links and references still lead somewhere.
 */
@Injectable()
export class LeadMerges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: PracticeSettings,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly queue: JobQueue,
    private readonly leadRows: LeadRepository,
    private readonly events: LeadEventRepository,
    private readonly notes: NoteRepository,
    private readonly notifications: NotificationRepository,
    private readonly inquiries: InquiryRepository,
    private readonly intakes: IntakeRepository,
    private readonly partnerResponses: PartnerResponseRepository,
    private readonly contactAttempts: ContactAttemptRepository,
    private readonly consultations: ConsultationRepository,
    private readonly bookingLinks: BookingLinkRepository,

    private readonly signatures: ConsentSignatureRepository,
    private readonly paperworkRequests: PaperworkRequestRepository,
  ) {}

  /**
   * Merges `duplicateId` into `intoLeadId`, or with `dryRun` answers the same outcome
   * without writing anything but the preview's audit event (a staff read of both leads).
   */
  async merge(
    staff: StaffContext,
    actor: AuditActor,
    duplicateId: string,
    intoLeadId: string,
    { dryRun = false }: { dryRun?: boolean } = {},
  ): Promise<MergeOutcome> {
    if (duplicateId.toLowerCase() === intoLeadId.toLowerCase()) {
      throw ProblemException.validation([
        { field: 'intoLeadId', message: 'must be another lead than the one being merged' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      // Read before any lead is locked (see PracticeSettings.responseTargets).
      const targets = await this.settings.responseTargets(manager);
      // Both rows are locked in one fixed order (by id), as erasure locks its leads, so
      // two merges of the same pair, in either direction, cannot deadlock. A preview locks
      // too: it then answers what a merge at this moment would do.
      const locked = new Map<string, Lead>();
      for (const id of [duplicateId, intoLeadId].map((id) => id.toLowerCase()).sort()) {
        locked.set(id, await this.access.visibleLead(manager, staff, id, { lock: true }));
      }
      const duplicate = locked.get(duplicateId.toLowerCase())!;
      const survivor = locked.get(intoLeadId.toLowerCase())!;
      this.assertMergeable(duplicate, survivor);

      const changes = survivorChanges(survivor, duplicate);
      const { urgency, ...others } = changes;
      const statusBefore = survivor.status;
      Object.assign(survivor, others);
      if (urgency) setUrgency(survivor, urgency, targets);
      // Back to `new` (the survivor was spam): its response target applies again.
      else if (changes.status === 'new') setUrgency(survivor, survivor.urgency, targets);
      const changed = Object.keys(changes) as (keyof SurvivorChanges)[];
      const outcome = (moved: MovedRows): MergeOutcome => ({
        dryRun,
        leadId: survivor.id,
        mergedLeadId: duplicate.id,
        moved,
        changed,
        survivor: survivorOf(survivor),
      });

      if (dryRun) {
        await this.audit.record(
          actor,
          {
            action: 'lead.merge_previewed',
            leadId: survivor.id,
            subjectType: 'lead',
            subjectId: duplicate.id,
            details: { from: duplicate.id, changed },
          },
          manager,
        );
        return outcome(await this.rowsToMove(manager, duplicate.id));
      }

      const moved = await this.moveRows(manager, duplicate.id, survivor.id);
      // The update bumps both versions (the ETag) even when the survivor takes nothing.
      await this.leadRows.mergeInto(manager, duplicate.id, survivor.id, {
        status: survivor.status,
        statusChangedAt: survivor.statusChangedAt,
        urgency: survivor.urgency,
        respondBy: survivor.respondBy,
        firstContactedAt: survivor.firstContactedAt,
        firstAttemptAt: survivor.firstAttemptAt,
        firstConnectedAt: survivor.firstConnectedAt,
        lastAttemptAt: survivor.lastAttemptAt,
        attemptCount: survivor.attemptCount,
        tags: survivor.tags,
        lastSubmissionAt: survivor.lastSubmissionAt,
        assignedClinicianId: survivor.assignedClinicianId,
        needsReview: survivor.needsReview,
        reviewReason: survivor.reviewReason,
        phone: survivor.phone,
        state: survivor.state,
        source: survivor.source,
      });

      await this.events.record(
        manager,
        {
          leadId: duplicate.id,
          kind: 'merged_into',
          actorUserId: staff.user.id,
          details: { leadId: survivor.id },
        },
        {
          leadId: survivor.id,
          kind: 'merged_in',
          actorUserId: staff.user.id,
          details: {
            leadId: duplicate.id,
            changed,
            ...(changes.status ? { statusFrom: statusBefore, statusTo: changes.status } : {}),
          },
        },
      );
      await this.audit.record(
        actor,
        {
          action: 'lead.merged',
          leadId: survivor.id,
          subjectType: 'lead',
          subjectId: duplicate.id,
          details: { from: duplicate.id, moved, changed },
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'lead.merged',
          leadId: duplicate.id,
          subjectType: 'lead',
          subjectId: survivor.id,
          details: { into: survivor.id },
        },
        manager,
      );
      // A survivor in `new` whose target the merge moved (a raised urgency, or back from
      // spam) is checked at the new times (the keys a submission raising it would use).
      if (survivor.status === 'new' && (urgency || statusBefore !== 'new')) {
        await scheduleResponseChecks(this.queue, manager, survivor, targets);
      }
      return outcome(moved);
    });
  }

  /** A preview's `moved`: the rows of the duplicate a merge would re-point, by kind. */
  private async rowsToMove(manager: EntityManager, duplicateId: string): Promise<MovedRows> {
    const [counts] = (await manager.query(
      `SELECT (SELECT count(*) FROM inquiry WHERE lead_id = $1)::int AS inquiries,
              (SELECT count(*) FROM intake WHERE lead_id = $1)::int AS intakes,
              (SELECT count(*) FROM partner_invitation
                WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1))::int
                AS "partnerInvitations",
              (SELECT count(*) FROM partner_response
                WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1))::int
                AS "partnerResponses",
              (SELECT count(*) FROM submission_reference WHERE lead_id = $1)::int AS "references",
              (SELECT count(*) FROM triage_note WHERE lead_id = $1)::int AS notes,
              (SELECT count(*) FROM contact_attempt WHERE lead_id = $1)::int AS "contactAttempts",
              (SELECT count(*) FROM lead_event WHERE lead_id = $1)::int AS events,
              (SELECT count(*) FROM notification WHERE lead_id = $1)::int AS notifications`,
      [duplicateId],
    )) as MovedRows[];
    return counts!;
  }

  private assertMergeable(duplicate: Lead, survivor: Lead): void {
    if (duplicate.erasedAt || survivor.erasedAt) {
      throw new ProblemException('conflict', 'An erased lead cannot be merged.');
    }
    if (duplicate.mergedIntoLeadId) {
      throw new ProblemException(
        'conflict',
        `This lead was already merged into lead ${duplicate.mergedIntoLeadId}.`,
      );
    }
    if (survivor.mergedIntoLeadId) {
      throw new ProblemException(
        'conflict',
        `The lead to merge into was itself merged into lead ${survivor.mergedIntoLeadId}; merge into that lead.`,
      );
    }
  }

  /**
   * Re-points every row of the duplicate at the survivor. Audit events stay where they
   * are: the trail is append-only and tells what happened to which lead at the time.
   */
  private async moveRows(
    manager: EntityManager,
    duplicateId: string,
    survivorId: string,
  ): Promise<MovedRows> {
    // Partner rows first: they follow their intake, found (by index) through the intakes
    // still on the duplicate.
    const partnerInvitations = await this.intakes.moveInvitationsToLead(
      manager,
      duplicateId,
      survivorId,
    );
    const partnerResponses = await this.partnerResponses.moveToLead(
      manager,
      duplicateId,
      survivorId,
    );
    // Signatures and paperwork links follow the person.
    await this.signatures.moveToLead(manager, duplicateId, survivorId);
    await this.paperworkRequests.moveToLead(manager, duplicateId, survivorId);
    await this.consultations.moveToLead(manager, duplicateId, survivorId);
    await this.bookingLinks.moveToLead(manager, duplicateId, survivorId);
    return {
      inquiries: await this.inquiries.moveToLead(manager, duplicateId, survivorId),
      intakes: await this.intakes.moveToLead(manager, duplicateId, survivorId),
      partnerInvitations,
      partnerResponses,
      references: await this.leadRows.moveReferencesToLead(manager, duplicateId, survivorId),
      notes: await this.notes.moveToLead(manager, duplicateId, survivorId),
      contactAttempts: await this.contactAttempts.moveToLead(manager, duplicateId, survivorId),
      events: await this.events.moveToLead(manager, duplicateId, survivorId),
      notifications: await this.notifications.moveToLead(manager, duplicateId, survivorId),
    };
  }
}

function survivorOf(lead: Lead): MergedSurvivor {
  return {
    id: lead.id,
    status: lead.status,
    statusChangedAt: lead.statusChangedAt,
    urgency: lead.urgency,
    respondBy: lead.respondBy,
    firstContactedAt: lead.firstContactedAt,
    firstAttemptAt: lead.firstAttemptAt,
    firstConnectedAt: lead.firstConnectedAt,
    lastAttemptAt: lead.lastAttemptAt,
    attemptCount: lead.attemptCount,
    assignedClinicianId: lead.assignedClinicianId,
    tags: [...lead.tags],
    lastSubmissionAt: lead.lastSubmissionAt,
    needsReview: lead.needsReview,
    reviewReason: lead.reviewReason,
    phone: lead.phone,
    state: lead.state,
    source: lead.source,
  };
}
