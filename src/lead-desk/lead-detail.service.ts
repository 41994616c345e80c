import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import type { FormDefinition } from '../intake/form-definition.js';
import type { CoupleResult } from '../survey/scoring.js';
import { LeadAccess } from '../leads/lead-access.js';
import type { Lead } from '../leads/lead.entity.js';
import { type FlaggedRespondent, leadFlags } from './lead-flags.js';
import {
  type OpenedRespondent,
  flaggedRespondent,
  screenedInquiry,
  toContactAttemptView,
  toDuplicateView,
  toInquiryView,
  toIntakeView,
  toLeadCore,
  toLeadDetail,
  toNoteView,
  toRespondentView,
} from './lead-detail.mapper.js';
import { type IntakeRows, LeadDetailQuery } from './lead-detail.query.js';
import type { IntakeView, LeadDetailView, LeadTombstoneView } from './lead-detail.view.js';
import { leadTimeline } from './lead-timeline.js';
import { signatureRows } from './lead-signatures.query.js';
import { toSignatureView } from './lead-signatures.js';
import {
  INTAKE_RESPONDENT,
  PARTNER_RESPONDENT,
  type RespondentColumns,
  screenSealedRespondent,
} from './respondent-screening.js';

export interface LeadRead {
  view: LeadDetailView | LeadTombstoneView;
  /** The lead's version: the ETag. */
  version: number;
}

/**
 * One lead as staff see it: contact fields, submissions opened (messages, answers and
 * scores decrypted), notes, the timeline and likely duplicates. Every read is audited
 * (`lead.read`), and its event is committed before the view leaves: beside the read
 * for GET, in the change's own transaction for a change that answers the lead page.
 * The SQL is LeadDetailQuery's; the shaping is the mapper's, the timeline's and the flags'.
 */
@Injectable()
export class LeadDetailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly query: LeadDetailQuery,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
  ) {}

  /** GET /v1/admin/leads/:id: one snapshot of the lead and everything under it. */
  async read(staff: StaffContext, actor: AuditActor, leadId: string): Promise<LeadRead> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId);
      // The event is written on a pooled connection of its own while the snapshot is
      // read: its commit waits for the disk, a transaction that only reads does not. It
      // is committed before the view is answered (and also when a later read fails).
      const [, read] = await Promise.all([
        this.recordRead(actor, lead),
        this.render(manager, staff, lead),
      ]);
      return read;
    });
  }

  /** The view of a lead loaded in `manager`'s transaction; records `lead.read` there. */
  async viewOf(
    manager: EntityManager,
    staff: StaffContext,
    actor: AuditActor,
    lead: Lead,
  ): Promise<LeadRead> {
    await this.recordRead(actor, lead, manager);
    return this.render(manager, staff, lead);
  }

  private recordRead(actor: AuditActor, lead: Lead, manager?: EntityManager): Promise<void> {
    return this.audit.record(
      actor,
      { action: 'lead.read', leadId: lead.id, details: { erased: lead.erasedAt !== null } },
      manager,
    );
  }

  /** Everything the lead page shows of `lead`, read in `manager`'s transaction. */
  private async render(manager: EntityManager, staff: StaffContext, lead: Lead): Promise<LeadRead> {
    const reference = await this.query.firstReference(manager, lead.id);
    const clinician = await this.query.clinician(manager, lead.assignedClinicianId);
    const core = toLeadCore(lead, reference, clinician);
    // Erased: the tombstone only; there is nothing personal left to open.
    if (lead.erasedAt) return { view: core, version: lead.version };

    const inquiries = await this.query.inquiries(manager, lead.id);
    const intakeRows = await this.query.intakes(manager, lead.id);
    const noteRows = await this.query.notes(manager, lead.id);
    const attemptRows = await this.query.contactAttempts(manager, lead.id);
    const events = await this.query.events(manager, lead.id);
    const emails = await this.query.emails(manager, lead.id);

    const intakes = this.openIntakes(intakeRows);
    const notes = noteRows.map((row) =>
      toNoteView(
        row,
        row.body_encrypted
          ? this.cipher.decrypt(row.body_encrypted, SEALED_COLUMNS.noteBody, row.id)
          : '',
      ),
    );
    const view = toLeadDetail(
      lead,
      core,
      {
        inquiries: inquiries.map((inquiry) =>
          toInquiryView(
            inquiry,
            inquiry.messageEncrypted
              ? this.cipher.decrypt(
                  inquiry.messageEncrypted,
                  SEALED_COLUMNS.inquiryMessage,
                  inquiry.id,
                )
              : (inquiry.message ?? ''),
          ),
        ),
        intakes: intakes.views,
        notes,
        contactAttempts: attemptRows.map((row) =>
          toContactAttemptView(
            row,
            row.note_encrypted
              ? this.cipher.decrypt(row.note_encrypted, SEALED_COLUMNS.contactAttemptNote, row.id)
              : null,
          ),
        ),
        timeline: leadTimeline({
          inquiries,
          intakes: intakeRows.intakes.map((intake) => ({
            id: intake.id,
            reference: intake.reference,
            formSlug: intake.formSlug,
            receivedAt: intake.receivedAt,
            completedAt: intake.completedAt,
            invitation: intakeRows.invitations.find((row) => row.intakeId === intake.id),
            response: intakeRows.responses.find((row) => row.intakeId === intake.id),
          })),
          events,
          notes,
          emails,
        }),
        duplicates: (await this.query.duplicates(manager, staff, lead)).map(toDuplicateView),
        flags: leadFlags(inquiries.map(screenedInquiry), intakes.flagged),
        signatures: (await signatureRows(manager, lead.id)).map((row) =>
          toSignatureView(lead.id, row),
        ),
      },
      new Date(),
    );
    return { view, version: lead.version };
  }

  /** Intakes with both partners opened, and each respondent as the flag rules see them. */
  private openIntakes({ intakes, responses, invitations, forms }: IntakeRows): {
    views: IntakeView[];
    flagged: FlaggedRespondent[];
  } {
    const views: IntakeView[] = [];
    const flagged: FlaggedRespondent[] = [];
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
      flagged.push(flaggedRespondent(couple ? 'A' : null, intake, openedA));
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
        flagged.push(flaggedRespondent('B', response, openedB));
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
    }
    return { views, flagged };
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
}
