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
import { survivorChanges } from './merge.js';

/** How many rows of each kind moved from the duplicate to the survivor. */
export interface MovedRows {
  inquiries: number;
  intakes: number;
  partnerInvitations: number;
  partnerResponses: number;
  references: number;
  notes: number;
  events: number;
  notifications: number;
}

export interface MergeOutcome {
  leadId: string;
  mergedLeadId: string;
  moved: MovedRows;
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
    private readonly signatures: ConsentSignatureRepository,
    private readonly paperworkRequests: PaperworkRequestRepository,
  ) {}

  async merge(
    staff: StaffContext,
    actor: AuditActor,
    duplicateId: string,
    intoLeadId: string,
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
      // two merges of the same pair, in either direction, cannot deadlock.
      const locked = new Map<string, Lead>();
      for (const id of [duplicateId, intoLeadId].map((id) => id.toLowerCase()).sort()) {
        locked.set(id, await this.access.visibleLead(manager, staff, id, { lock: true }));
      }
      const duplicate = locked.get(duplicateId.toLowerCase())!;
      const survivor = locked.get(intoLeadId.toLowerCase())!;
      this.assertMergeable(duplicate, survivor);

      const moved = await this.moveRows(manager, duplicate.id, survivor.id);
      const changes = survivorChanges(survivor, duplicate);
      const { urgency, ...others } = changes;
      Object.assign(survivor, others);
      if (urgency) setUrgency(survivor, urgency, targets);
      // The update bumps both versions (the ETag) even when the survivor takes nothing.
      await this.leadRows.mergeInto(manager, duplicate.id, survivor.id, {
        urgency: survivor.urgency,
        respondBy: survivor.respondBy,
        tags: survivor.tags,
        lastSubmissionAt: survivor.lastSubmissionAt,
        assignedClinicianId: survivor.assignedClinicianId,
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
          details: { leadId: duplicate.id, changed: Object.keys(changes) },
        },
      );
      await this.audit.record(
        actor,
        {
          action: 'lead.merged',
          leadId: survivor.id,
          subjectType: 'lead',
          subjectId: duplicate.id,
          details: { from: duplicate.id, moved, changed: Object.keys(changes) },
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
      // A survivor still in `new` whose urgency the merge raised has a shorter target:
      // its checks at the new times (the keys a submission raising it would use).
      if (urgency && survivor.status === 'new') {
        await scheduleResponseChecks(this.queue, manager, survivor, targets);
      }
      return { leadId: survivor.id, mergedLeadId: duplicate.id, moved };
    });
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
    return {
      inquiries: await this.inquiries.moveToLead(manager, duplicateId, survivorId),
      intakes: await this.intakes.moveToLead(manager, duplicateId, survivorId),
      partnerInvitations,
      partnerResponses,
      references: await this.leadRows.moveReferencesToLead(manager, duplicateId, survivorId),
      notes: await this.notes.moveToLead(manager, duplicateId, survivorId),
      events: await this.events.moveToLead(manager, duplicateId, survivorId),
      notifications: await this.notifications.moveToLead(manager, duplicateId, survivorId),
    };
  }
}
