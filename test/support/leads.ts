import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { newReferenceCode } from '../../src/leads/reference-code.js';
import type { TestApp } from './test-app.js';

export interface LeadFields {
  name: string;
  email: string;
  phone: string | null;
  state: string | null;
  status: string;
  urgency: string;
  serviceType: string;
  source: string | null;
  tags: string[];
  createdAt: Date | string;
  respondBy: Date | string | null;
  firstContactedAt: Date | string | null;
  /** The first contact attempt; by default the first contact (as the DeskClock migration did). */
  firstAttemptAt: Date | string | null;
  assignedClinicianId: string | null;
  mergedIntoLeadId: string | null;
  erasedAt: Date | string | null;
}

export interface SeededLead {
  id: string;
  reference: string;
  name: string;
  email: string;
}

/**
 * A lead written straight to the database with one submission reference, for tests that
 * need many leads or exact times. Leads made through the API use anInquiry() instead.
 */
export async function aLead(
  db: DataSource,
  overrides: Partial<LeadFields> = {},
): Promise<SeededLead> {
  const id = randomUUID();
  const reference = newReferenceCode();
  const fields: LeadFields = {
    name: 'Robin Quill',
    email: `robin.${randomBytes(4).toString('hex')}@example.com`,
    phone: null,
    state: 'OR',
    status: 'new',
    urgency: 'routine',
    serviceType: 'individual',
    source: null,
    tags: [],
    createdAt: new Date(),
    respondBy: new Date(Date.now() + 86_400_000),
    firstContactedAt: null,
    firstAttemptAt: overrides.firstContactedAt ?? null,
    assignedClinicianId: null,
    mergedIntoLeadId: null,
    erasedAt: null,
    ...overrides,
  };
  await db.query(
    `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized, phone, state,
       preferred_contact, source, created_at, updated_at, last_submission_at, respond_by,
       first_contacted_at, status_changed_at, assigned_clinician_id, tags, merged_into_lead_id,
       erased_at, first_attempt_at, version, attributed_source)
     VALUES ($1, $2, $3, $4, $5, $6::varchar, lower($6::varchar), $7, $8, 'email', $9::varchar, $10, $10, $10, $11, $12, $10,
       $13, $14, $15, $16, $17, 1, COALESCE(NULLIF(btrim($9::varchar), ''), 'direct'))`,
    [
      id,
      fields.status,
      fields.urgency,
      fields.serviceType,
      fields.name,
      fields.email,
      fields.phone,
      fields.state,
      fields.source,
      fields.createdAt,
      fields.respondBy,
      fields.firstContactedAt,
      fields.assignedClinicianId,
      fields.tags,
      fields.mergedIntoLeadId,
      fields.erasedAt,
      fields.firstAttemptAt,
    ],
  );
  await db.query(
    `INSERT INTO submission_reference (reference, lead_id, kind, submission_id, created_at)
     VALUES ($1, $2, 'inquiry', $3, $4)`,
    [reference, id, randomUUID(), fields.createdAt],
  );
  return { id, reference, name: fields.name, email: fields.email };
}

/** The lead behind a public submission's id (an inquiry's or an intake's). */
export async function leadIdOf(t: Pick<TestApp, 'db'>, submissionId: string): Promise<string> {
  const [row] = (await t.db.query(
    `SELECT lead_id FROM submission_reference WHERE submission_id = $1`,
    [submissionId],
  )) as { lead_id: string }[];
  if (!row) throw new Error(`no submission ${submissionId}`);
  return row.lead_id;
}

/** Audit events of an action, oldest first, each as stored. */
export async function auditEvents(
  t: Pick<TestApp, 'db'>,
  action: string,
): Promise<{ actor_user_id: string; lead_id: string | null; details: Record<string, unknown> }[]> {
  return t.db.query(
    `SELECT actor_user_id, lead_id, details FROM audit_event WHERE action = $1 ORDER BY id`,
    [action],
  );
}
