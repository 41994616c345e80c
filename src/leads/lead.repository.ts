import type { Language } from '../vocabulary/languages.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Lead } from './lead.entity.js';
import type { PreferredContact, ServiceType } from '../vocabulary/contact.js';
import type { LeadStatus } from '../vocabulary/lead-status.js';
import { OPEN_STATUSES } from '../vocabulary/lead-status.js';
import type { ReviewReason } from './lead-review.js';
import { type SubmissionKind, SubmissionReference } from './submission-reference.entity.js';
import { URGENCIES, type Urgency } from '../vocabulary/urgency.js';
import { moveLeadRows } from '../database/move-lead-rows.js';
import { clockRunningSql } from '../vocabulary/contact-attempts.js';
import type { Attribution } from '../vocabulary/attribution.js';

/** What a merge leaves on the lead that survives (bumps its version even when unchanged). */
export type SurvivorFields = Pick<
  Lead,
  | 'status'
  | 'statusChangedAt'
  | 'firstContactedAt'
  | 'firstAttemptAt'
  | 'firstConnectedAt'
  | 'lastAttemptAt'
  | 'attemptCount'
  | 'needsReview'
  | 'reviewReason'
  | 'urgency'
  | 'respondBy'
  | 'tags'
  | 'lastSubmissionAt'
  | 'assignedClinicianId'
  | 'phone'
  | 'state'
  | 'source'
>;

/** A returning person joins their open lead when it heard from them this recently. */
export const REPEAT_SUBMISSION_WINDOW_DAYS = 30;

/** Numbered parameters, added by each part of a statement built from parts. */
export interface StatementParams {
  add(value: unknown, cast?: string): string;
  readonly values: unknown[];
}

/** The lead a submission was filed under, as the submission path needs it. */
export interface SubmissionLead {
  id: string;
  status: LeadStatus;
  urgency: Urgency;
  serviceType: ServiceType;
  needsReview: boolean;
  /** True when this submission started the lead. */
  created: boolean;
}

/** Who the lead of a submission is. */
export type SubmissionLeadChoice =
  /** Join the person's open lead (the quoted one first), else start one. */
  | { kind: 'match'; quotedReference?: string }
  /** Start a lead that joins nothing and nothing joins (spam). */
  | { kind: 'separate' }
  /**
   * The lead is known (a partner completing an intake): locked, not touched. Locked here,
   * before the submission's own rows, as every other submission locks its lead.
   */
  | { kind: 'existing'; leadId: string };

export interface SubmissionLeadWrite {
  choice: SubmissionLeadChoice;
  /** The new lead's row, if one is started (all but `existing`). */
  newLead?: {
    id: string;
    status: 'new' | 'spam';
    urgency: Urgency;
    serviceType: ServiceType;
    name: string;
    email: string;
    emailNormalized: string;
    phone: string | null;
    state: string | null;
    preferredContact: PreferredContact;
    source: string | null;
    /** Where the visitor came from, and the source derived from it and `source`. */
    attribution: Attribution | null;
    attributedSource: string;

    language: Language;
    respondBy: Date | null;
    reviewReason: ReviewReason | null;
  };
  receivedAt: Date;
  /**
   * For a lead joined in `new`: its deadline when this submission raises its urgency,
   * in minutes from its creation (a raise is to high or crisis, counted in minutes).
   */
  raisedDeadlineMinutes: number | null;
  reference: { code: string; kind: SubmissionKind; submissionId: string };
  /** Further CTEs of the same statement; they may read `lead_row` (the lead). */
  alsoWith?: (params: StatementParams) => Promise<{ ctes: string[]; select: string[] }>;
}

interface LeadRow {
  id: string;
  status: LeadStatus;
  urgency: Urgency;
  service_type: ServiceType;
  needs_review: boolean;
  created: boolean;
}

/**
 * The writer of `lead` for staff changes, merges, erasure, retention and settings. Holds no
 * rules: callers decide what changes and pass their transaction's `manager`.
 */
@Injectable()
export class LeadRepository {
  /**
   * A contact attempt made at `at` (the attempt row's own time): the lead's first and
   * last attempt, its first connection if `connected`, and the count. The version (ETag)
   * stays: like a note, an attempt changes nothing a PATCH sends, so a colleague's change
   * in flight is not refused for it.
   */
  async recordContactAttempt(
    manager: EntityManager,
    leadId: string,
    at: Date,
    connected: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE lead
          SET first_attempt_at = COALESCE(first_attempt_at, $2),
              last_attempt_at = GREATEST(last_attempt_at, $2),
              first_connected_at = CASE WHEN $3 THEN COALESCE(first_connected_at, $2)
                                        ELSE first_connected_at END,
              attempt_count = attempt_count + 1,
              updated_at = now()
        WHERE id = $1`,
      [leadId, at, connected],
    );
  }

  /** Stores a lead a staff member changed (status, urgency, assignment, tags, review). */
  async saveTriage(manager: EntityManager, lead: Lead): Promise<Lead> {
    return manager.getRepository(Lead).save(lead);
  }

  /** The survivor takes `survivorFields`; the duplicate becomes a pointer to it. */
  async mergeInto(
    manager: EntityManager,
    duplicateId: string,
    survivorId: string,
    survivorFields: SurvivorFields,
  ): Promise<void> {
    const leads = manager.getRepository(Lead);
    await leads.update(survivorId, survivorFields);
    await leads.update(duplicateId, { mergedIntoLeadId: survivorId });
  }

  /**
   * Merge: the submission references of one lead move to another (references belong to
   * their lead: they are written with it, here). Answers how many.
   */
  async moveReferencesToLead(
    manager: EntityManager,
    fromLeadId: string,
    toLeadId: string,
  ): Promise<number> {
    return moveLeadRows(manager, SubmissionReference, fromLeadId, toLeadId);
  }

  /** Empties the lead's personal data; ids, statuses and times stay. */
  async erase(
    manager: EntityManager,
    leadId: string,
    erasure: { emailNormalized: string; erasedAt: Date },
  ): Promise<void> {
    await manager.getRepository(Lead).update(leadId, {
      name: '',
      email: '',
      emailNormalized: erasure.emailNormalized,
      phone: null,
      state: null,
      source: null,
      attribution: null,
      attributedSource: null,
      tags: [],
      erasedAt: erasure.erasedAt,
    });
  }

  /**
   * New response deadlines for leads still in `new`. The version (ETag) is not bumped: the
   * deadline follows from the settings, and a staff member's If-Match must not fail for it.
   */
  async updateResponseDeadlines(
    manager: EntityManager,
    moved: readonly { id: string; respondBy: Date }[],
  ): Promise<void> {
    await manager.query(
      `UPDATE lead SET respond_by = moved.respond_by
         FROM unnest($1::uuid[], $2::timestamptz[]) AS moved(id, respond_by)
        WHERE lead.id = moved.id`,
      [moved.map((row) => row.id), moved.map((row) => row.respondBy.toISOString())],
    );
  }

  /** Deletes leads for good (the rows that reference them go by ON DELETE CASCADE). */
  async deleteExpired(manager: EntityManager, leadIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM lead WHERE id = ANY($1::uuid[])`, [leadIds]);
  }

  /**
   * The lead of a new submission and its reference, in ONE statement. Dedupe: the quoted
   * lead if open, else the person's open lead heard from within 30 days, else the open
   * survivor of a lead merged away from this address, else a new lead. The joined lead
   * is locked, touched (last heard from, urgency only raised, review flag) and returned.
   * Call it holding the email lock (`takeSubmissionLocks`), in a later statement.
   * A clash of reference codes fails the statement (23505 on `submission_reference`).
   */
  async matchOrCreateForSubmission(
    manager: EntityManager,
    write: SubmissionLeadWrite,
    params: StatementParams,
  ): Promise<SubmissionLead> {
    const { choice, newLead, receivedAt } = write;
    const since = new Date(receivedAt.getTime() - REPEAT_SUBMISSION_WINDOW_DAYS * 86_400_000);
    const ctes: string[] = [];
    if (choice.kind === 'existing') {
      ctes.push(
        `lead_row AS (
           SELECT id, status, urgency, service_type, needs_review, false AS created
             FROM lead WHERE id = ${params.add(choice.leadId, 'uuid')}
              FOR UPDATE)`,
      );
    } else {
      if (!newLead) throw new Error('a new lead needs its row');
      const found =
        choice.kind === 'match' ? this.findJoinable(choice, newLead, since, params) : [];
      ctes.push(...found);
      if (found.length === 0) ctes.push(`found AS (SELECT NULL::uuid AS id WHERE false)`);
      const ranks = params.add(URGENCIES, 'text[]');
      const urgency = params.add(newLead.urgency, 'varchar');
      const raises = `array_position(${ranks}, ${urgency}::text) > array_position(${ranks}, l.urgency::text)`;
      const review = params.add(newLead.reviewReason, 'varchar');
      const at = params.add(receivedAt, 'timestamptz');
      ctes.push(
        `touched AS (
           UPDATE lead l
              SET last_submission_at = ${at},
                  urgency = CASE WHEN ${raises} THEN ${urgency} ELSE l.urgency END,
                  respond_by = CASE WHEN ${clockRunningSql('l')} AND ${raises}
                    THEN l.created_at + make_interval(mins => ${params.add(write.raisedDeadlineMinutes, 'int')})
                    ELSE l.respond_by END,
                  needs_review = l.needs_review OR ${review} IS NOT NULL,
                  review_reason = COALESCE(${review}, l.review_reason),
                  version = l.version + 1,
                  updated_at = now()
             FROM found f WHERE l.id = f.id
           RETURNING l.id, l.status, l.urgency, l.service_type, l.needs_review, false AS created)`,
        `created AS (
           INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
                             phone, state, preferred_contact, source, language, last_submission_at,
                             status_changed_at, respond_by, tags, assigned_clinician_id,
                             first_contacted_at, merged_into_lead_id, erased_at, needs_review,
                             review_reason, version, attribution, attributed_source)
           SELECT ${params.add(newLead.id, 'uuid')}, ${params.add(newLead.status, 'varchar')},
                  ${urgency}, ${params.add(newLead.serviceType, 'varchar')},
                  ${params.add(newLead.name, 'varchar')}, ${params.add(newLead.email, 'varchar')},
                  ${params.add(newLead.emailNormalized, 'varchar')},
                  ${params.add(newLead.phone, 'varchar')}, ${params.add(newLead.state, 'varchar')},
                  ${params.add(newLead.preferredContact, 'varchar')},
                  ${params.add(newLead.source, 'varchar')},
                  ${params.add(newLead.language, 'varchar')}, ${at}, ${at},
                  ${params.add(newLead.respondBy, 'timestamptz')}, '{}', NULL, NULL, NULL, NULL,
                  ${review} IS NOT NULL, ${review}, 1,
                  ${params.add(newLead.attribution && JSON.stringify(newLead.attribution), 'jsonb')},
                  ${params.add(newLead.attributedSource, 'varchar')}
            WHERE NOT EXISTS (SELECT 1 FROM found)
           RETURNING id, status, urgency, service_type, needs_review, true AS created)`,
        `lead_row AS (SELECT * FROM touched UNION ALL SELECT * FROM created)`,
      );
    }
    const { code, kind, submissionId } = write.reference;
    ctes.push(
      `reference AS (
         INSERT INTO submission_reference (reference, lead_id, kind, submission_id, created_at)
         SELECT ${params.add(code, 'varchar')}, id, ${params.add(kind, 'varchar')},
                ${params.add(submissionId, 'uuid')}, now()
           FROM lead_row
         RETURNING reference)`,
    );
    const more = write.alsoWith ? await write.alsoWith(params) : { ctes: [], select: [] };
    const rows = (await manager.query(
      `WITH RECURSIVE ${[...ctes, ...more.ctes].join(',\n')}
       SELECT l.id, l.status, l.urgency, l.service_type, l.needs_review, l.created,
              (SELECT count(*) FROM reference)::int AS referenced
              ${more.select.map((expression, i) => `, ${expression} AS also_${i}`).join('')}
         FROM lead_row l`,
      params.values,
    )) as LeadRow[];
    const [row] = rows;
    if (!row) throw new Error('the submission has no lead');
    return {
      id: row.id,
      status: row.status,
      urgency: row.urgency,
      serviceType: row.service_type,
      needsReview: row.needs_review,
      created: row.created,
    };
  }

  /**
   * CTE `found`: the lead to join, locked, or none. Each candidate is looked for only
   * when the one before found nothing, so at most one lead row is ever locked.
   */
  private findJoinable(
    choice: { quotedReference?: string },
    lead: { emailNormalized: string },
    since: Date,
    params: StatementParams,
  ): string[] {
    const open = params.add(OPEN_STATUSES, 'text[]');
    const email = params.add(lead.emailNormalized, 'varchar');
    const after = params.add(since, 'timestamptz');
    return [
      // The lead of a reference the person quoted (an earlier inquiry), if still open.
      `referenced AS (
         SELECT id FROM lead
          WHERE id = (SELECT lead_id FROM submission_reference
                       WHERE reference = ${params.add(choice.quotedReference ?? null, 'varchar')})
            AND status = ANY(${open}) AND erased_at IS NULL
            FOR UPDATE)`,
      `open_lead AS (
         SELECT id FROM lead
          WHERE email_normalized = ${email} AND status = ANY(${open})
            AND last_submission_at >= ${after} AND merged_into_lead_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM referenced)
          ORDER BY last_submission_at DESC LIMIT 1
            FOR UPDATE)`,
      // A person may write again from the address of a lead merged into another: they
      // join the end of its merge chain when that lead is open and heard from recently.
      `merged_away AS (
         SELECT merged_into_lead_id AS next FROM lead
          WHERE email_normalized = ${email} AND merged_into_lead_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM referenced) AND NOT EXISTS (SELECT 1 FROM open_lead)
          ORDER BY last_submission_at DESC LIMIT 1)`,
      `merge_chain AS (
         SELECT l.id, l.merged_into_lead_id AS next, 1 AS hop
           FROM lead l JOIN merged_away m ON l.id = m.next
         UNION ALL
         -- Merges refuse cycles; the bound is a guard.
         SELECT l.id, l.merged_into_lead_id, c.hop + 1
           FROM merge_chain c JOIN lead l ON l.id = c.next WHERE c.hop < 20)`,
      `survivor AS (
         SELECT l.id FROM lead l
          WHERE l.id = (SELECT id FROM merge_chain WHERE next IS NULL LIMIT 1)
            AND l.merged_into_lead_id IS NULL AND l.status = ANY(${open})
            AND l.erased_at IS NULL AND l.last_submission_at >= ${after}
            FOR UPDATE)`,
      `found AS (
         (SELECT id FROM referenced UNION ALL SELECT id FROM open_lead
          UNION ALL SELECT id FROM survivor) LIMIT 1)`,
    ];
  }

  /**
   * Raises a lead's urgency to at least `urgency` (rules only raise it), moving its
   * deadline while it waits in `new`; locks the lead either way and returns it.
   * `raisedDeadlineMinutes`: the target of `urgency` in minutes (high or crisis).
   */
  async raiseUrgencyForSubmission(
    manager: EntityManager,
    leadId: string,
    urgency: Urgency,
    raisedDeadlineMinutes: number | null,
  ): Promise<Pick<SubmissionLead, 'id' | 'status' | 'urgency' | 'serviceType'>> {
    const rows = (await manager.query(
      `WITH locked AS (
         SELECT id, status, urgency, service_type FROM lead WHERE id = $1 FOR UPDATE
       ),
       raised AS (
         UPDATE lead l
            SET urgency = $2,
                respond_by = CASE WHEN ${clockRunningSql('l')}
                  THEN l.created_at + make_interval(mins => $4::int) ELSE l.respond_by END,
                version = l.version + 1, updated_at = now()
           FROM locked
          WHERE l.id = locked.id
            AND array_position($3::text[], $2::text) > array_position($3::text[], l.urgency::text)
         RETURNING l.id, l.status, l.urgency, l.service_type
       )
       SELECT * FROM raised UNION ALL SELECT * FROM locked WHERE NOT EXISTS (SELECT 1 FROM raised)`,
      [leadId, urgency, URGENCIES, raisedDeadlineMinutes],
    )) as Omit<LeadRow, 'needs_review' | 'created'>[];
    const [row] = rows;
    if (!row) throw new Error('the submission lead does not exist');
    return { id: row.id, status: row.status, urgency: row.urgency, serviceType: row.service_type };
  }
}
