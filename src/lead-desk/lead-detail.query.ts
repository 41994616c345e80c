import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { StaffContext } from '../auth/staff-context.js';
import { queryPrepared } from '../database/prepared-statements.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import type { FormDefinition } from '../intake/form-definition.js';
import { IntakeForm } from '../intake/intake-form.entity.js';
import { Intake } from '../intake/intake.entity.js';
import { PartnerInvitation } from '../intake/partner-invitation.entity.js';
import { PartnerResponse } from '../intake/partner-response.entity.js';
import { LeadAccess } from '../leads/lead-access.js';
import type { LeadStatus } from '../vocabulary/lead-status.js';
import { Lead } from '../leads/lead.entity.js';
import type { ContactChannel, ContactOutcome } from '../vocabulary/contact-attempts.js';

/** At most this many likely duplicates are shown, newest first. */
const MAX_DUPLICATES = 20;

export interface ClinicianRow {
  id: string;
  name: string;
}

export interface NoteRow {
  id: string;
  body_encrypted: string | null;
  created_at: Date;
  author_id: string;
  author_name: string;
}

export interface ContactAttemptRow {
  id: string;
  channel: ContactChannel | null;
  outcome: ContactOutcome;
  note_encrypted: string | null;
  created_at: Date;
  author_id: string;
  author_name: string;
}

export interface EventRow {
  kind: string;
  occurred_at: Date;
  details: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
}

export interface EmailRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  last_attempt_at: Date | null;
}

export interface DuplicateRow {
  id: string;
  status: LeadStatus;
  created_at: Date;
  reference: string | null;
  by_email: boolean;
  by_phone: boolean;
  by_name_state: boolean;
}

/** A lead's intakes with their partner responses, invitations and the forms answered. */
export interface IntakeRows {
  intakes: Intake[];
  responses: PartnerResponse[];
  invitations: PartnerInvitation[];
  /** By `slug@version`. */
  forms: Map<string, FormDefinition>;
}

/**
 * The SQL of one lead's page: everything under the lead, as stored (sealed values still
 * sealed), in the caller's transaction. No decrypting and no mapping here.
 */
@Injectable()
export class LeadDetailQuery {
  constructor(private readonly access: LeadAccess) {}

  async firstReference(manager: EntityManager, leadId: string): Promise<string | null> {
    const [first] = await queryPrepared<{ reference: string }>(
      manager,
      `SELECT reference FROM submission_reference WHERE lead_id = $1
        ORDER BY created_at, reference LIMIT 1`,
      [leadId],
    );
    return first?.reference ?? null;
  }

  async clinician(
    manager: EntityManager,
    clinicianId: string | null,
  ): Promise<ClinicianRow | null> {
    if (!clinicianId) return null;
    const [clinician] = await queryPrepared<ClinicianRow>(
      manager,
      `SELECT id, name FROM clinician WHERE id = $1`,
      [clinicianId],
    );
    return clinician ?? null;
  }

  async inquiries(manager: EntityManager, leadId: string): Promise<Inquiry[]> {
    return manager
      .getRepository(Inquiry)
      .find({ where: { leadId }, order: { receivedAt: 'ASC', id: 'ASC' } });
  }

  async intakes(manager: EntityManager, leadId: string): Promise<IntakeRows> {
    const intakes = await manager
      .getRepository(Intake)
      .find({ where: { leadId }, order: { receivedAt: 'ASC', id: 'ASC' } });
    if (intakes.length === 0) return { intakes, responses: [], invitations: [], forms: new Map() };
    const ids = intakes.map((intake) => intake.id);
    const responses = await manager
      .getRepository(PartnerResponse)
      .find({ where: { intakeId: In(ids) }, order: { receivedAt: 'ASC' } });
    const invitations = await manager
      .getRepository(PartnerInvitation)
      .find({ where: { intakeId: In(ids) }, order: { createdAt: 'ASC' } });
    const forms = new Map<string, FormDefinition>();
    for (const intake of intakes) {
      const key = `${intake.formSlug}@${intake.formVersion}`;
      if (forms.has(key)) continue;
      const form = await manager
        .getRepository(IntakeForm)
        .findOneByOrFail({ slug: intake.formSlug, version: intake.formVersion });
      forms.set(key, form.definition);
    }
    return { intakes, responses, invitations, forms };
  }

  async notes(manager: EntityManager, leadId: string): Promise<NoteRow[]> {
    return queryPrepared<NoteRow>(
      manager,
      `SELECT n.id, n.body_encrypted, n.created_at, u.id AS author_id, u.name AS author_name
         FROM triage_note n JOIN staff_user u ON u.id = n.author_user_id
        WHERE n.lead_id = $1 ORDER BY n.created_at, n.id`,
      [leadId],
    );
  }

  /** The lead's contact attempts, newest first. */
  async contactAttempts(manager: EntityManager, leadId: string): Promise<ContactAttemptRow[]> {
    return queryPrepared<ContactAttemptRow>(
      manager,
      `SELECT a.id, a.channel, a.outcome, a.note_encrypted, a.created_at,
              u.id AS author_id, u.name AS author_name
         FROM contact_attempt a JOIN staff_user u ON u.id = a.author_user_id
        WHERE a.lead_id = $1 ORDER BY a.created_at DESC, a.id DESC`,
      [leadId],
    );
  }

  async events(manager: EntityManager, leadId: string): Promise<EventRow[]> {
    return queryPrepared<EventRow>(
      manager,
      `SELECT e.kind, e.occurred_at, e.details, u.id AS actor_id, u.name AS actor_name
         FROM lead_event e LEFT JOIN staff_user u ON u.id = e.actor_user_id
        WHERE e.lead_id = $1 ORDER BY e.occurred_at, e.id`,
      [leadId],
    );
  }

  /** The staff emails about the lead (not the client's own). */
  async emails(manager: EntityManager, leadId: string): Promise<EmailRow[]> {
    return queryPrepared<EmailRow>(
      manager,
      `SELECT id, kind, status, attempts, created_at, sent_at, last_attempt_at FROM notification
        WHERE lead_id = $1 AND recipient_kind IN ('user', 'address') ORDER BY created_at, id`,
      [leadId],
    );
  }

  /** Other live leads with the same email, phone, or name and state, that `staff` may see. */
  async duplicates(
    manager: EntityManager,
    staff: StaffContext,
    lead: Lead,
  ): Promise<DuplicateRow[]> {
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
    return queryPrepared<DuplicateRow>(
      manager,
      `SELECT page.*, first_ref.reference
         FROM (${sql} ORDER BY lead.created_at DESC, lead.id DESC LIMIT ${MAX_DUPLICATES}) page
         LEFT JOIN LATERAL (
           SELECT sr.reference FROM submission_reference sr
            WHERE sr.lead_id = page.id ORDER BY sr.created_at, sr.reference LIMIT 1
         ) first_ref ON true
        ORDER BY page.created_at DESC, page.id DESC`,
      parameters,
    );
  }
}
