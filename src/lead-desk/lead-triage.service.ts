import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { ProblemException } from '../common/problem-details.js';
import { LeadAnnouncements } from '../notifications/lead-announcements.service.js';
import { scheduleResponseChecks } from '../notifications/response-checks.js';
import { JobQueue } from '../queue/job-queue.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { LeadAccess } from '../leads/lead-access.js';
import { ifMatchAllows, leadEtag, parseIfMatch } from '../leads/lead-etag.js';
import { type TriageChange, planTriage } from '../leads/lead-triage.js';
import { setUrgency } from '../leads/lead-urgency.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { NoteRepository } from '../leads/triage-note.repository.js';
import { PracticeSettings } from '../settings/practice-settings.js';
import type { ResponseTargets } from '../vocabulary/response-targets.js';
import type { UpdateLeadDto } from './dto/update-lead.dto.js';
import { ContactAttempts } from './contact-attempts.service.js';
import { refuseIfGone } from './lead-gone.js';

/** A note as it was added (the lead desk answers it as its NoteView). */
export interface AddedNote {
  id: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
}

/** The lead_event kind each change writes (its details: statuses and ids only). */
function eventOf(change: TriageChange): { kind: string; details: Record<string, unknown> } {
  switch (change.field) {
    case 'status':
      return { kind: 'status_changed', details: { from: change.from, to: change.to } };
    case 'urgency':
      return { kind: 'urgency_changed', details: { from: change.from, to: change.to } };
    case 'assignedClinicianId':
      return {
        kind: 'assigned',
        details: { clinicianId: change.to, previousClinicianId: change.from },
      };
    case 'tags':
      return { kind: 'tags_changed', details: { added: change.added, removed: change.removed } };
    case 'needsReview':
      return { kind: 'review_cleared', details: { reason: change.reason } };
  }
}

/** Staff changes to a lead: status, urgency, assignment, tags (PATCH) and notes. */
@Injectable()
export class LeadTriageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
    private readonly webhooks: WebhooksService,
    private readonly settings: PracticeSettings,
    private readonly announcements: LeadAnnouncements,
    private readonly leadRows: LeadRepository,
    private readonly events: LeadEventRepository,
    private readonly notes: NoteRepository,
    private readonly contactAttempts: ContactAttempts,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Applies a PATCH under a row lock, if `If-Match` names the current version: the
   * fields, a lead_event per changed aspect, the `lead.status_changed` webhook and the
   * audit event, in one transaction. Answers what `answer` makes of the lead as it now
   * is, in that transaction (the lead desk's view: this folder does not render leads).
   */
  async update<T>(
    staff: StaffContext,
    actor: AuditActor,
    leadId: string,
    ifMatchHeader: string | undefined,
    dto: UpdateLeadDto,
    answer: (manager: EntityManager, lead: Lead) => Promise<T>,
  ): Promise<T> {
    if (ifMatchHeader === undefined) {
      throw new ProblemException(
        'precondition-required',
        'Send If-Match with the ETag of your last read of this lead.',
      );
    }
    const ifMatch = parseIfMatch(ifMatchHeader);
    if (!ifMatch) {
      throw ProblemException.validation([
        { field: 'If-Match', message: 'must be the ETag of the lead, e.g. "7"' },
      ]);
    }
    // Read before the lead's lock: a settings change locks its row, then leads in `new`.
    const targets = await this.settings.responseTargets();
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId, { lock: true });
      refuseIfGone(lead);
      if (
        staff.user.role === 'clinician' &&
        dto.assignedClinicianId !== undefined &&
        dto.assignedClinicianId !== lead.assignedClinicianId
      ) {
        throw new ProblemException(
          'forbidden',
          'Clinicians cannot change who a lead is assigned to.',
        );
      }
      if (!ifMatchAllows(ifMatch, lead.version)) {
        throw new ProblemException(
          'conflict',
          `The lead changed since you read it (its ETag is now ${leadEtag(lead.version)}): read it again and reapply your change.`,
        );
      }
      const plan = planTriage(lead, dto);
      if (!plan.ok) {
        throw new ProblemException(
          'conflict',
          `A lead cannot move from ${plan.refused.from} to ${plan.refused.to}.`,
        );
      }
      if (plan.changes.length > 0) {
        await this.apply(manager, staff, actor, lead, plan.changes, targets);
      }
      const current = await this.access.visibleLead(manager, staff, leadId);
      return answer(manager, current);
    });
  }

  private async apply(
    manager: EntityManager,
    staff: StaffContext,
    actor: AuditActor,
    lead: Lead,
    changes: TriageChange[],
    targets: ResponseTargets,
  ): Promise<void> {
    const now = new Date();
    const statusChange = changes.find((change) => change.field === 'status');
    for (const change of changes) {
      switch (change.field) {
        case 'status':
          lead.status = change.to;
          lead.statusChangedAt = now;
          if (change.firstContact) lead.firstContactedAt = now;
          // Back to `new` (e.g. from spam): its response target applies again.
          if (change.to === 'new') setUrgency(lead, lead.urgency, targets);
          break;
        case 'urgency':
          setUrgency(lead, change.to, targets);
          break;
        case 'assignedClinicianId':
          if (change.to !== null) await this.requireActiveClinician(manager, change.to);
          lead.assignedClinicianId = change.to;
          break;
        case 'tags':
          lead.tags = change.to;
          break;
        case 'needsReview':
          lead.needsReview = false;
          lead.reviewReason = null;
          break;
      }
    }
    await this.leadRows.saveTriage(manager, lead);
    // A lead in `new` whose target moved (another urgency, or back from spam): its reminder
    // and escalation at the new times, keyed by time so a target met before is planned again.
    const targetMoved =
      changes.some((change) => change.field === 'urgency') ||
      (statusChange?.field === 'status' && statusChange.to === 'new');
    if (lead.status === 'new' && targetMoved) {
      await scheduleResponseChecks(this.queue, manager, lead, targets, { keyedByTime: true });
    }
    if (changes.some((change) => change.field === 'needsReview')) {
      await this.announcements.onReviewCleared(manager, lead);
    }
    await this.events.record(
      manager,
      ...changes.map((change) => ({
        leadId: lead.id,
        actorUserId: staff.user.id,
        ...eventOf(change),
      })),
    );
    // Contacted with no attempt logged: the move is the attempt (it stops the clock). After
    // the save, which would otherwise write back the attempt columns as read, and after the
    // status event, so the timeline reads "contacted", then the attempt.
    const loggedAttempt =
      statusChange?.field === 'status' && statusChange.to === 'contacted' && lead.attemptCount === 0
        ? await this.contactAttempts.recordIn(manager, staff, lead, {
            channel: null,
            outcome: 'unspecified',
            at: now,
          })
        : null;
    if (statusChange) {
      const [first] = (await manager.query(
        `SELECT reference FROM submission_reference WHERE lead_id = $1 ORDER BY created_at, reference LIMIT 1`,
        [lead.id],
      )) as { reference: string }[];
      await this.webhooks.emitIn(manager, 'lead.status_changed', {
        leadId: lead.id,
        reference: first?.reference ?? '',
        status: lead.status,
        urgency: lead.urgency,
        serviceType: lead.serviceType,
      });
    }
    await this.audit.record(
      actor,
      {
        action: 'lead.updated',
        leadId: lead.id,
        details: {
          changed: changes.map((change) => change.field),
          ...(statusChange?.field === 'status'
            ? { from: statusChange.from, to: statusChange.to }
            : {}),
          ...(loggedAttempt ? { contactAttemptId: loggedAttempt.id } : {}),
        },
      },
      manager,
    );
  }

  private async requireActiveClinician(manager: EntityManager, clinicianId: string): Promise<void> {
    const [active] = (await manager.query(
      `SELECT id FROM clinician WHERE id = $1 AND active FOR SHARE`,
      [clinicianId],
    )) as { id: string }[];
    if (!active) {
      throw ProblemException.validation([
        { field: 'assignedClinicianId', message: 'is not an active clinician' },
      ]);
    }
  }

  /** Appends a sealed note to a lead (notes are never edited or deleted). */
  async addNote(
    staff: StaffContext,
    actor: AuditActor,
    leadId: string,
    body: string,
  ): Promise<AddedNote> {
    return this.dataSource.transaction(async (manager) => {
      // Locked: an erasure or merge running now finishes first, and is then seen here.
      const lead = await this.access.visibleLead(manager, staff, leadId, { lock: true });
      refuseIfGone(lead);
      const id = randomUUID();
      const createdAt = await this.notes.add(manager, {
        id,
        leadId: lead.id,
        authorUserId: staff.user.id,
        bodyEncrypted: this.cipher.encrypt(body, SEALED_COLUMNS.noteBody, id),
      });
      await this.audit.record(
        actor,
        {
          action: 'lead.note_added',
          leadId: lead.id,
          subjectType: 'triage_note',
          subjectId: id,
          details: { noteId: id },
        },
        manager,
      );
      return {
        id,
        body,
        author: { id: staff.user.id, name: staff.user.name },
        createdAt: createdAt.toISOString(),
      };
    });
  }
}
