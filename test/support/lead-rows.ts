import { randomUUID } from 'node:crypto';
import { SEALED_COLUMNS } from '../../src/vocabulary/sealed-columns.js';
import type { DataSource } from 'typeorm';
import { DataCipher, parseKeyRing } from '../../src/common/encryption/data-cipher.js';
import { partnerToken } from '../../src/intake/partner-tokens.js';
import { LeadAnnouncements } from '../../src/notifications/lead-announcements.service.js';
import type { RunningJob } from '../../src/queue/job-queue.js';
import { coupleAnswers } from './couples.js';
import { TEST_DATA_KEY, type TestApp } from './test-app.js';

export const testCipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));
/** Where a note's body is sealed (bound to the note's row). */
export const NOTE_BODY = SEALED_COLUMNS.noteBody;

/**
 * How many rows each table holds for a lead, for every table of the public schema with a
 * `lead_id` column (read from information_schema, so a table added later is counted too).
 */
export async function rowsOfLead(db: DataSource, leadId: string): Promise<Record<string, number>> {
  const tables = (await db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'lead_id' ORDER BY table_name`,
  )) as { table_name: string }[];
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE lead_id = $1`,
      [leadId],
    )) as [{ n: number }];
    counts[table] = n;
  }
  return counts;
}

/** The lead a submission (inquiry, intake or partner response) belongs to. */
export async function leadOfSubmission(db: DataSource, submissionId: string): Promise<string> {
  const [row] = (await db.query(
    `SELECT lead_id FROM submission_reference WHERE submission_id = $1`,
    [submissionId],
  )) as { lead_id: string }[];
  if (!row) throw new Error(`no submission ${submissionId}`);
  return row.lead_id;
}

/** A staff note on a lead, sealed as the notes route seals it. */
export async function aTriageNote(
  db: DataSource,
  leadId: string,
  authorUserId: string,
  body: string,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO triage_note (id, lead_id, author_user_id, body_encrypted) VALUES ($1, $2, $3, $4)`,
    [id, leadId, authorUserId, testCipher.encrypt(body, NOTE_BODY, id)],
  );
  return id;
}

/** A timeline event such as the leads routes write. */
export async function aLeadEvent(db: DataSource, leadId: string, kind = 'status_changed') {
  await db.query(`INSERT INTO lead_event (lead_id, kind, details) VALUES ($1, $2, $3)`, [
    leadId,
    kind,
    { from: 'new', to: 'in_review' },
  ]);
}

/**
 * Runs what the workers would do with the lead's queued `lead.submission-received` jobs
 * (plan the emails), without sending anything: the test app runs no workers.
 */
export async function announceSubmissions(t: TestApp, leadId: string): Promise<void> {
  const jobs = (await t.db.query(
    `SELECT id, data FROM pgboss.job WHERE name = 'lead.submission-received' AND data->>'leadId' = $1`,
    [leadId],
  )) as { id: string; data: RunningJob<'lead.submission-received'>['data'] }[];
  const announcements = t.app.get(LeadAnnouncements, { strict: false });
  for (const job of jobs) {
    await announcements.onSubmissionReceived({ ...job, retryCount: 0, retryLimit: 0 });
  }
}

/** Runs the response check a lead's queued job would run at its due time. */
export async function runResponseCheck(
  t: TestApp,
  leadId: string,
  stage: 'reminder' | 'escalation' = 'reminder',
): Promise<void> {
  const [lead] = (await t.db.query(`SELECT urgency FROM lead WHERE id = $1`, [leadId])) as {
    urgency: 'routine' | 'high' | 'crisis';
  }[];
  await t.app.get(LeadAnnouncements, { strict: false }).onResponseCheck({
    id: randomUUID(),
    data: { leadId, stage, urgency: lead!.urgency },
    retryCount: 0,
    retryLimit: 0,
  });
}

/** The address of an intake's partner link, as the invitation email carries it. */
export async function partnerLinkOf(t: TestApp, intakeId: string): Promise<string> {
  const [invitation] = (await t.db.query(`SELECT id FROM partner_invitation WHERE intake_id = $1`, [
    intakeId,
  ])) as { id: string }[];
  if (!invitation) throw new Error(`no partner invitation for intake ${intakeId}`);
  return `/v1/partner-invitations/${partnerToken(testCipher, invitation.id).token}`;
}

/** Partner B answers the invitation of an intake through its link. */
export async function partnerAnswers(
  t: TestApp,
  intakeId: string,
  client: Record<string, unknown> = { name: 'Sam Rivera', email: 'sam.b@example.com' },
  answers: Record<string, unknown> = coupleAnswers(),
): Promise<{ reference: string }> {
  const response = await t.http
    .post(`${await partnerLinkOf(t, intakeId)}/responses`)
    .send({ client, answers, consent: { contact: true, privacyNoticeVersion: '2026-01' } });
  if (response.status !== 201) throw new Error(`partner response: ${response.status}`);
  return response.body as { reference: string };
}
