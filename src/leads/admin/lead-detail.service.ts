import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AuditActor, AuditTrail } from '../../audit/audit.service.js';
import type { StaffContext } from '../../auth/staff-context.js';
import { DataCipher } from '../../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../../vocabulary/sealed-columns.js';
import { Inquiry } from '../../inquiries/inquiry.entity.js';
import type { FormDefinition } from '../../intake/form-definition.js';
import { IntakeForm } from '../../intake/intake-form.entity.js';
import { Intake } from '../../intake/intake.entity.js';
import { PartnerInvitation } from '../../intake/partner-invitation.entity.js';
import { PartnerResponse } from '../../intake/partner-response.entity.js';
import type { CoupleResult } from '../../survey/scoring.js';
import { LeadAccess } from '../lead-access.js';
import { leadLabels } from '../../vocabulary/lead-labels.js';
import { type ScreenedRespondent, leadSignals } from '../lead-signals.js';
import { Lead } from '../lead.entity.js';
import {
  DUPLICATE_MATCHES,
  type DuplicateView,
  type IntakeView,
  type LeadDetailView,
  type LeadTombstoneView,
  type NoteView,
  type OpenedRespondent,
  type TimelineEntryView,
  isOverdue,
  screenedInquiry,
  screenedRespondent,
  toInquiryView,
  toIntakeView,
  toLeadCore,
  toRespondentView,
} from './lead-detail.view.js';
import { type PersonRefView, intakeStatusOf } from './lead-summary.view.js';
import {
  INTAKE_RESPONDENT,
  PARTNER_RESPONDENT,
  type RespondentColumns,
  screenSealedRespondent,
} from './respondent-screening.js';

/** At most this many likely duplicates are shown, newest first. */
const MAX_DUPLICATES = 20;

export interface LeadRead {
  view: LeadDetailView | LeadTombstoneView;
  /** The lead's version: the ETag. */
  version: number;
}

interface NoteRow {
  id: string;
  body_encrypted: string | null;
  created_at: Date;
  author_id: string;
  author_name: string;
}

interface EventRow {
  kind: string;
  occurred_at: Date;
  details: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
}

interface EmailRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  last_attempt_at: Date | null;
}

interface DuplicateRow {
  id: string;
  status: DuplicateView['status'];
  created_at: Date;
  reference: string | null;
  by_email: boolean;
  by_phone: boolean;
  by_name_state: boolean;
}

/** A timeline entry before rendering: sorted by `at`, ties kept in the order written. */
interface Moment {
  at: Date;
  kind: string;
  actor: PersonRefView | null;
  details: Record<string, unknown>;
}

/**
 * One lead as staff see it: contact fields, submissions opened (messages, answers and
 * scores decrypted), notes, the timeline and likely duplicates. Every read is audited
 * (`lead.read`) in the transaction that reads, so no view leaves without its event.
 */
@Injectable()
export class LeadDetailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
  ) {}

  /** GET /v1/admin/leads/:id: one snapshot of the lead and everything under it. */
  async read(staff: StaffContext, actor: AuditActor, leadId: string): Promise<LeadRead> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId);
      return this.viewOf(manager, staff, actor, lead);
    });
  }

  /** The view of a lead loaded in `manager`'s transaction; records `lead.read` there. */
  async viewOf(
    manager: EntityManager,
    staff: StaffContext,
    actor: AuditActor,
    lead: Lead,
  ): Promise<LeadRead> {
    await this.audit.record(
      actor,
      { action: 'lead.read', leadId: lead.id, details: { erased: lead.erasedAt !== null } },
      manager,
    );
    const reference = await this.firstReference(manager, lead.id);
    const clinician = await this.clinician(manager, lead.assignedClinicianId);
    const core = toLeadCore(lead, reference, clinician);
    // Erased: the tombstone only; there is nothing personal left to open.
    if (lead.erasedAt) return { view: core, version: lead.version };

    const inquiries = await manager
      .getRepository(Inquiry)
      .find({ where: { leadId: lead.id }, order: { receivedAt: 'ASC', id: 'ASC' } });
    const intakes = await this.intakes(manager, lead.id);
    const notes = await this.notes(manager, lead.id);
    const events = (await manager.query(
      `SELECT e.kind, e.occurred_at, e.details, u.id AS actor_id, u.name AS actor_name
         FROM lead_event e LEFT JOIN staff_user u ON u.id = e.actor_user_id
        WHERE e.lead_id = $1 ORDER BY e.occurred_at, e.id`,
      [lead.id],
    )) as EventRow[];
    const emails = (await manager.query(
      `SELECT id, kind, status, attempts, created_at, sent_at, last_attempt_at FROM notification
        WHERE lead_id = $1 AND recipient_kind IN ('user', 'address') ORDER BY created_at, id`,
      [lead.id],
    )) as EmailRow[];

    const inquiryViews = inquiries.map((inquiry) =>
      toInquiryView(
        inquiry,
        inquiry.messageEncrypted
          ? this.cipher.decrypt(inquiry.messageEncrypted, SEALED_COLUMNS.inquiryMessage, inquiry.id)
          : (inquiry.message ?? ''),
      ),
    );
    const flags = {
      safetyConcern: intakes.views.some((intake) => intake.flags.safetyConcern),
      crisis:
        inquiries.some((inquiry) => inquiry.crisisIndicated) ||
        intakes.views.some((intake) => intake.flags.crisis),
      signals: leadSignals(inquiries.map(screenedInquiry), intakes.screened),
    };
    const newestIntake = intakes.views.at(-1);
    const view: LeadDetailView = {
      ...core,
      name: lead.name,
      email: lead.email,
      phone: lead.phone,
      state: lead.state,
      preferredContact: lead.preferredContact,
      source: lead.source,
      tags: lead.tags,
      respondBy: lead.respondBy?.toISOString() ?? null,
      overdue: isOverdue(lead, new Date()),
      lastSubmissionAt: lead.lastSubmissionAt.toISOString(),
      intakeStatus: intakeStatusOf(newestIntake?.status),
      flags,
      labels: leadLabels(flags),
      needsReview: lead.needsReview,
      reviewReason: lead.reviewReason,
      inquiries: inquiryViews,
      intakes: intakes.views,
      notes,
      timeline: this.timeline(inquiries, intakes.moments, notes, events, emails),
      duplicates: await this.duplicates(manager, staff, lead),
    };
    return { view, version: lead.version };
  }

  private async firstReference(manager: EntityManager, leadId: string): Promise<string | null> {
    const [first] = (await manager.query(
      `SELECT reference FROM submission_reference WHERE lead_id = $1
        ORDER BY created_at, reference LIMIT 1`,
      [leadId],
    )) as { reference: string }[];
    return first?.reference ?? null;
  }

  private async clinician(
    manager: EntityManager,
    clinicianId: string | null,
  ): Promise<PersonRefView | null> {
    if (!clinicianId) return null;
    const [clinician] = (await manager.query(`SELECT id, name FROM clinician WHERE id = $1`, [
      clinicianId,
    ])) as PersonRefView[];
    return clinician ?? null;
  }

  private async notes(manager: EntityManager, leadId: string): Promise<NoteView[]> {
    const rows = (await manager.query(
      `SELECT n.id, n.body_encrypted, n.created_at, u.id AS author_id, u.name AS author_name
         FROM triage_note n JOIN staff_user u ON u.id = n.author_user_id
        WHERE n.lead_id = $1 ORDER BY n.created_at, n.id`,
      [leadId],
    )) as NoteRow[];
    return rows.map((row) => ({
      id: row.id,
      body: row.body_encrypted
        ? this.cipher.decrypt(row.body_encrypted, SEALED_COLUMNS.noteBody, row.id)
        : '',
      author: { id: row.author_id, name: row.author_name },
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** Intakes with both partners opened, and the moments of their story for the timeline. */
  private async intakes(
    manager: EntityManager,
    leadId: string,
  ): Promise<{ views: IntakeView[]; moments: Moment[]; screened: ScreenedRespondent[] }> {
    const intakes = await manager
      .getRepository(Intake)
      .find({ where: { leadId }, order: { receivedAt: 'ASC', id: 'ASC' } });
    if (intakes.length === 0) return { views: [], moments: [], screened: [] };
    const ids = intakes.map((intake) => intake.id);
    const responses = await manager
      .getRepository(PartnerResponse)
      .find({ where: { intakeId: In(ids) }, order: { receivedAt: 'ASC' } });
    const invitations = await manager
      .getRepository(PartnerInvitation)
      .find({ where: { intakeId: In(ids) }, order: { createdAt: 'ASC' } });
    const forms = await this.forms(manager, intakes);

    const views: IntakeView[] = [];
    const moments: Moment[] = [];
    const screened: ScreenedRespondent[] = [];
    for (const intake of intakes) {
      const form = forms.get(`${intake.formSlug}@${intake.formVersion}`)!;
      const couple = intake.formSlug === 'couples';
      const openedA = this.open(
        form,
        INTAKE_RESPONDENT,
        intake.id,
        intake.answersEncrypted,
        intake.resultEncrypted,
        intake.dateOfBirthEncrypted,
      );
      const respondents = [toRespondentView('A', intake, openedA)];
      screened.push(screenedRespondent(couple ? 'A' : null, intake, openedA));
      const response = responses.find((candidate) => candidate.intakeId === intake.id);
      if (response) {
        const openedB = this.open(
          form,
          PARTNER_RESPONDENT,
          response.id,
          response.answersEncrypted,
          response.resultEncrypted,
          response.dateOfBirthEncrypted,
        );
        respondents.push(toRespondentView('B', response, openedB));
        screened.push(screenedRespondent('B', response, openedB));
      }
      const invitation = invitations.find((candidate) => candidate.intakeId === intake.id);
      const coupleResult = intake.coupleResultEncrypted
        ? this.cipher.decryptJson<CoupleResult>(
            intake.coupleResultEncrypted,
            SEALED_COLUMNS.intakeCoupleResult,
            intake.id,
          )
        : null;
      views.push(toIntakeView(intake, respondents, invitation, coupleResult));

      const about = { intakeId: intake.id };
      moments.push({
        at: intake.receivedAt,
        kind: 'intake_received',
        actor: null,
        details: { ...about, reference: intake.reference, formSlug: intake.formSlug },
      });
      // A couple's intake waits for partner B; a one-respondent intake is complete as it arrives.
      const waited = intake.completedAt?.getTime() !== intake.receivedAt.getTime();
      if (waited)
        moments.push({
          at: intake.receivedAt,
          kind: 'awaiting_partner',
          actor: null,
          details: about,
        });
      if (invitation) {
        // Written in the intake's transaction, whose start may precede receivedAt by a hair.
        const at = new Date(Math.max(invitation.createdAt.getTime(), intake.receivedAt.getTime()));
        moments.push({
          at,
          kind: 'partner_invited',
          actor: null,
          details: { ...about, expiresAt: invitation.expiresAt.toISOString() },
        });
      }
      if (response) {
        moments.push({
          at: response.receivedAt,
          kind: 'partner_answered',
          actor: null,
          details: { ...about, reference: response.reference },
        });
      }
      if (intake.completedAt) {
        moments.push({
          at: intake.completedAt,
          kind: 'intake_complete',
          actor: null,
          details: about,
        });
      }
    }
    return { views, moments, screened };
  }

  /** The form versions the intakes were answered on (screening reads free text by form). */
  private async forms(
    manager: EntityManager,
    intakes: Intake[],
  ): Promise<Map<string, FormDefinition>> {
    const forms = new Map<string, FormDefinition>();
    for (const intake of intakes) {
      const key = `${intake.formSlug}@${intake.formVersion}`;
      if (forms.has(key)) continue;
      const form = await manager
        .getRepository(IntakeForm)
        .findOneByOrFail({ slug: intake.formSlug, version: intake.formVersion });
      forms.set(key, form.definition);
    }
    return forms;
  }

  /** Decrypts one respondent's answers, result and date of birth, and screens the answers. */
  private open(
    form: FormDefinition,
    columns: RespondentColumns,
    rowId: string,
    answersSealed: string | null,
    resultSealed: string | null,
    dateOfBirthSealed: string | null,
  ): OpenedRespondent {
    const screening = screenSealedRespondent(
      this.cipher,
      form,
      columns,
      rowId,
      answersSealed,
      resultSealed,
    );
    return {
      answers: screening.answers,
      result: screening.result,
      dateOfBirth: dateOfBirthSealed
        ? this.cipher.decrypt(dateOfBirthSealed, columns.dateOfBirth, rowId)
        : null,
      flags: { safetyConcern: screening.safetyConcern, crisis: screening.crisis },
      crisisAnswer: screening.crisisAnswer,
      crisisText: screening.crisisText,
    };
  }

  private timeline(
    inquiries: Inquiry[],
    intakeMoments: Moment[],
    notes: NoteView[],
    events: EventRow[],
    emails: EmailRow[],
  ): TimelineEntryView[] {
    const moments: Moment[] = [
      ...inquiries.map((inquiry) => ({
        at: inquiry.receivedAt,
        kind: 'inquiry_received',
        actor: null,
        details: { inquiryId: inquiry.id, reference: inquiry.reference },
      })),
      ...intakeMoments,
      ...events.map((event) => ({
        at: event.occurred_at,
        kind: event.kind,
        actor: event.actor_id ? { id: event.actor_id, name: event.actor_name ?? '' } : null,
        details: event.details,
      })),
      ...notes.map((note) => ({
        at: new Date(note.createdAt),
        kind: 'note_added',
        actor: note.author,
        details: { noteId: note.id },
      })),
      ...emails.map((email) => ({
        at: email.sent_at ?? email.last_attempt_at ?? email.created_at,
        kind: 'staff_email',
        actor: null,
        details: {
          notificationId: email.id,
          kind: email.kind,
          status: email.status,
          attempts: email.attempts,
        },
      })),
    ];
    // Array.prototype.sort is stable: equal times keep the order written above.
    moments.sort((a, b) => a.at.getTime() - b.at.getTime());
    return moments.map((moment) => ({
      at: moment.at.toISOString(),
      kind: moment.kind,
      actor: moment.actor,
      details: moment.details,
    }));
  }

  /** Other live leads with the same email, phone, or name and state, that `staff` may see. */
  private async duplicates(
    manager: EntityManager,
    staff: StaffContext,
    lead: Lead,
  ): Promise<DuplicateView[]> {
    const builder = manager
      .createQueryBuilder(Lead, 'lead')
      .select('lead.id', 'id')
      .addSelect('lead.status', 'status')
      .addSelect('lead.created_at', 'created_at')
      .addSelect('lead.email_normalized = :email', 'by_email')
      .addSelect('COALESCE(lead.phone = CAST(:phone AS varchar), false)', 'by_phone')
      .addSelect(
        'COALESCE(lower(lead.name) = lower(:name) AND lead.state = CAST(:state AS varchar), false)',
        'by_name_state',
      )
      .where('lead.id <> :id')
      .andWhere('lead.merged_into_lead_id IS NULL')
      .andWhere('lead.erased_at IS NULL')
      .andWhere(
        `(lead.email_normalized = :email OR lead.phone = CAST(:phone AS varchar)
          OR (lower(lead.name) = lower(:name) AND lead.state = CAST(:state AS varchar)))`,
      )
      .setParameters({
        id: lead.id,
        email: lead.emailNormalized,
        phone: lead.phone,
        name: lead.name,
        state: lead.state,
      });
    this.access.restrict(builder, staff, 'lead');
    const [sql, parameters] = builder.getQueryAndParameters();
    const rows = (await manager.query(
      `SELECT page.*, first_ref.reference
         FROM (${sql} ORDER BY lead.created_at DESC, lead.id DESC LIMIT ${MAX_DUPLICATES}) page
         LEFT JOIN LATERAL (
           SELECT sr.reference FROM submission_reference sr
            WHERE sr.lead_id = page.id ORDER BY sr.created_at, sr.reference LIMIT 1
         ) first_ref ON true
        ORDER BY page.created_at DESC, page.id DESC`,
      parameters,
    )) as DuplicateRow[];
    const matched = { email: 'by_email', phone: 'by_phone', name_state: 'by_name_state' } as const;
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      matchedOn: DUPLICATE_MATCHES.filter((match) => row[matched[match]]),
    }));
  }
}
