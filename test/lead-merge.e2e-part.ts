import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake } from './support/couples.js';
import {
  aLeadEvent,
  announceSubmissions,
  aTriageNote,
  leadOfSubmission,
  NOTE_BODY,
  partnerAnswers,
  rowsOfLead,
  runResponseCheck,
  testCipher,
} from './support/lead-rows.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

describe('POST /v1/admin/leads/:id/merge', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let clinician: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aSignedInStaffMember(t, 'admin');
    coordinator = await aSignedInStaffMember(t, 'coordinator');
    clinician = await aSignedInStaffMember(t, 'clinician');
  });
  afterAll(async () => {
    await t.close();
  });

  const merge = (duplicateId: string, intoLeadId: unknown, as: SignedIn = coordinator) =>
    t.http.post(`/v1/admin/leads/${duplicateId}/merge`).set(as.auth).send({ intoLeadId });
  const leadRow = async (id: string) =>
    ((await t.db.query(`SELECT * FROM lead WHERE id = $1`, [id])) as Record<string, unknown>[])[0]!;

  /** A lead from one inquiry, nothing else. */
  const aLead = async (overrides: Record<string, unknown> = {}) => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(201);
    return leadOfSubmission(t.db, body.id);
  };

  /**
   * The same person twice: a survivor from one inquiry, and a duplicate holding an inquiry,
   * a couples intake answered by both partners, a note, a timeline event and planned emails.
   */
  const aDuplicatePair = async () => {
    const survivorId = await aLead();
    const email = `same.person.${randomBytes(4).toString('hex')}@example.com`;
    const inquiry = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ email, name: 'Alex R.' }))
      .expect(201);
    const duplicateId = await leadOfSubmission(t.db, inquiry.body.id);
    const intake = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ client: { name: 'Alex Rivera', email, state: 'OR' } }))
      .expect(201);
    const partner = await partnerAnswers(t, intake.body.id);
    const noteId = await aTriageNote(t.db, duplicateId, admin.id, 'Left a voicemail.');
    await aLeadEvent(t.db, duplicateId);
    await announceSubmissions(t, duplicateId);
    return {
      survivorId,
      duplicateId,
      email,
      inquiryId: inquiry.body.id as string,
      intakeId: intake.body.id as string,
      noteId,
      references: [inquiry.body.reference, intake.body.reference, partner.reference] as string[],
    };
  };

  it('merge keeps every inquiry, intake, note and event under the surviving lead', async () => {
    const pair = await aDuplicatePair();
    const before = {
      survivor: await rowsOfLead(t.db, pair.survivorId),
      duplicate: await rowsOfLead(t.db, pair.duplicateId),
    };
    expect(before.duplicate).toMatchObject({
      inquiry: 1,
      intake: 1,
      partner_invitation: 1,
      partner_response: 1,
      submission_reference: 3,
      triage_note: 1,
      // The one written here, and the follow-up the intake joining the inquiry's lead records.
      lead_event: 2,
    });
    expect(before.duplicate.notification).toBeGreaterThan(0);

    const response = await merge(pair.duplicateId, pair.survivorId);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      dryRun: false,
      leadId: pair.survivorId,
      mergedLeadId: pair.duplicateId,
      moved: {
        inquiries: 1,
        intakes: 1,
        partnerInvitations: 1,
        partnerResponses: 1,
        references: 3,
        notes: 1,
        contactAttempts: 0,
        events: 2,
        notifications: before.duplicate.notification,
      },
    });
    const after = await rowsOfLead(t.db, pair.survivorId);
    for (const table of Object.keys(after)) {
      // The survivor's own timeline gains `merged_in`; the audit trail stays put.
      if (table === 'lead_event' || table === 'audit_event') continue;
      expect({ table, rows: after[table] }).toEqual({
        table,
        rows: before.survivor[table]! + before.duplicate[table]!,
      });
    }
    expect(after.lead_event).toBe(before.survivor.lead_event! + before.duplicate.lead_event! + 1);
    const [note] = await t.db.query(
      `SELECT lead_id, body_encrypted FROM triage_note WHERE id = $1`,
      [pair.noteId],
    );
    expect(note.lead_id).toBe(pair.survivorId);
    expect(testCipher.decrypt(note.body_encrypted, NOTE_BODY, pair.noteId)).toBe(
      'Left a voicemail.',
    );
    const [intake] = await t.db.query(`SELECT lead_id FROM intake WHERE id = $1`, [pair.intakeId]);
    expect(intake.lead_id).toBe(pair.survivorId);
  });

  it('nothing is left on the duplicate but its pointer, its merged_into event and its audit trail', async () => {
    const pair = await aDuplicatePair();
    const holding = (rows: Record<string, number>) =>
      Object.entries(rows)
        .filter(([, count]) => count > 0)
        .map(([table]) => table)
        .sort();
    expect(holding(await rowsOfLead(t.db, pair.duplicateId))).toEqual([
      'inquiry',
      'intake',
      'lead_event',
      'notification',
      'partner_invitation',
      'partner_response',
      'submission_reference',
      'triage_note',
    ]);

    await merge(pair.duplicateId, pair.survivorId).expect(200);

    expect(holding(await rowsOfLead(t.db, pair.duplicateId))).toEqual([
      'audit_event',
      'lead_event',
    ]);
    const events = await t.db.query(`SELECT kind, details FROM lead_event WHERE lead_id = $1`, [
      pair.duplicateId,
    ]);
    expect(events).toEqual([{ kind: 'merged_into', details: { leadId: pair.survivorId } }]);
    expect((await leadRow(pair.duplicateId)).merged_into_lead_id).toBe(pair.survivorId);
  });

  it('every reference of the duplicate now finds the surviving lead', async () => {
    const pair = await aDuplicatePair();
    await merge(pair.duplicateId, pair.survivorId).expect(200);
    const rows = (await t.db.query(
      `SELECT DISTINCT lead_id FROM submission_reference WHERE reference = ANY($1)`,
      [pair.references],
    )) as { lead_id: string }[];
    expect(rows).toEqual([{ lead_id: pair.survivorId }]);
  });

  it('a returning client merged "into this lead" (their new lead) keeps the older lead\'s contacted status, first contact and assignee', async () => {
    const email = `returning.client.${randomBytes(4).toString('hex')}@example.com`;
    const olderId = await aLead({ email });
    // Heard from long ago: the client's new inquiry starts a lead of its own.
    await t.db.query(
      `UPDATE lead SET status = 'contacted', status_changed_at = now() - interval '59 days',
              first_contacted_at = now() - interval '59 days', assigned_clinician_id = $2,
              created_at = now() - interval '60 days', last_submission_at = now() - interval '60 days'
        WHERE id = $1`,
      [olderId, clinician.clinicianId],
    );
    const newerId = await aLead({ email });
    expect(newerId).not.toBe(olderId);
    const older = await leadRow(olderId);

    // On the new lead's page, the older lead is merged "into this lead".
    const response = await merge(olderId, newerId).expect(200);

    expect(await leadRow(newerId)).toMatchObject({
      status: 'contacted',
      status_changed_at: older.status_changed_at,
      first_contacted_at: older.first_contacted_at,
      assigned_clinician_id: clinician.clinicianId,
    });
    expect(response.body.survivor).toMatchObject({
      id: newerId,
      status: 'contacted',
      firstContactedAt: (older.first_contacted_at as Date).toISOString(),
      assignedClinicianId: clinician.clinicianId,
    });
    expect(response.body.changed).toEqual(
      expect.arrayContaining(['status', 'firstContactedAt', 'assignedClinicianId']),
    );
  });

  it('a preview (dryRun) answers the merge as it would be and writes nothing; the merge then answers the same', async () => {
    const pair = await aDuplicatePair();
    await t.db.query(
      `UPDATE lead SET status = 'in_review', tags = '{evening}', needs_review = true,
              review_reason = 'captcha_unavailable' WHERE id = $1`,
      [pair.duplicateId],
    );
    const snapshot = async () => ({
      survivor: await leadRow(pair.survivorId),
      duplicate: await leadRow(pair.duplicateId),
      survivorRows: await rowsOfLead(t.db, pair.survivorId),
      duplicateRows: await rowsOfLead(t.db, pair.duplicateId),
      jobs: (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'leadId' IN ($1, $2)`,
          [pair.survivorId, pair.duplicateId],
        )) as [{ n: number }]
      )[0].n,
    });
    const before = await snapshot();

    const preview = await t.http
      .post(`/v1/admin/leads/${pair.duplicateId}/merge`)
      .set(coordinator.auth)
      .send({ intoLeadId: pair.survivorId, dryRun: true })
      .expect(200);

    const after = await snapshot();
    // Nothing written but the preview's own audit event (a staff read of both leads).
    expect(after.survivorRows.audit_event).toBe(before.survivorRows.audit_event! + 1);
    expect({ ...after, survivorRows: { ...after.survivorRows, audit_event: 0 } }).toEqual({
      ...before,
      survivorRows: { ...before.survivorRows, audit_event: 0 },
    });
    expect(preview.body).toMatchObject({
      dryRun: true,
      leadId: pair.survivorId,
      mergedLeadId: pair.duplicateId,
      moved: { inquiries: 1, intakes: 1, partnerResponses: 1, references: 3, notes: 1 },
      survivor: {
        id: pair.survivorId,
        status: 'in_review',
        tags: ['evening'],
        needsReview: true,
        reviewReason: 'captcha_unavailable',
      },
    });

    const real = await merge(pair.duplicateId, pair.survivorId).expect(200);
    expect(real.body).toEqual({ ...preview.body, dryRun: false });
    expect(await leadRow(pair.survivorId)).toMatchObject({
      status: 'in_review',
      needs_review: true,
      review_reason: 'captcha_unavailable',
    });
  });

  it('dryRun must be true or false (422 naming it)', async () => {
    const a = await aLead();
    const b = await aLead();
    const response = await t.http
      .post(`/v1/admin/leads/${a}/merge`)
      .set(coordinator.auth)
      .send({ intoLeadId: b, dryRun: 'yes' })
      .expect(422);
    expect(response.body.errors).toEqual([
      { field: 'dryRun', code: 'invalid_type', message: 'must be true or false' },
    ]);
  });

  it('the survivor takes the higher urgency, every tag, the latest submission and a missing assignment; its status stays', async () => {
    const survivorId = await aLead({ phone: undefined });
    const duplicateId = await aLead();
    await t.db.query(`UPDATE lead SET status = 'in_review', tags = '{evening}' WHERE id = $1`, [
      survivorId,
    ]);
    await t.db.query(
      `UPDATE lead SET urgency = 'high', tags = '{spanish,evening}', assigned_clinician_id = $2,
              last_submission_at = now() + interval '1 minute' WHERE id = $1`,
      [duplicateId, clinician.clinicianId],
    );
    const before = { survivor: await leadRow(survivorId), duplicate: await leadRow(duplicateId) };

    await merge(duplicateId, survivorId).expect(200);

    const survivor = await leadRow(survivorId);
    expect(survivor).toMatchObject({
      status: 'in_review',
      urgency: 'high',
      tags: ['evening', 'spanish'],
      assigned_clinician_id: clinician.clinicianId,
      last_submission_at: before.duplicate.last_submission_at,
      phone: before.duplicate.phone,
      merged_into_lead_id: null,
    });
    expect(survivor.version).toBe((before.survivor.version as number) + 1);
    const duplicate = await leadRow(duplicateId);
    expect(duplicate.version).toBe((before.duplicate.version as number) + 1);
    expect(duplicate).toMatchObject({ status: before.duplicate.status, urgency: 'high' });
  });

  it("the survivor keeps its own assignment and contact details over the duplicate's", async () => {
    const other = await aSignedInStaffMember(t, 'clinician');
    const survivorId = await aLead({ phone: '+15035550100' });
    const duplicateId = await aLead({ phone: '+15035550199' });
    await t.db.query(`UPDATE lead SET assigned_clinician_id = $2 WHERE id = $1`, [
      survivorId,
      clinician.clinicianId,
    ]);
    await t.db.query(`UPDATE lead SET assigned_clinician_id = $2 WHERE id = $1`, [
      duplicateId,
      other.clinicianId,
    ]);
    await merge(duplicateId, survivorId).expect(200);
    expect(await leadRow(survivorId)).toMatchObject({
      assigned_clinician_id: clinician.clinicianId,
      phone: '+15035550100',
    });
  });

  it('a survivor still new whose urgency rose is checked at the target of its new urgency', async () => {
    const survivorId = await aLead();
    const duplicateId = await aLead({ message: 'Some nights I want to die.' });
    expect((await leadRow(duplicateId)).urgency).toBe('crisis');
    await merge(duplicateId, survivorId).expect(200);
    const survivor = await leadRow(survivorId);
    expect(survivor.urgency).toBe('crisis');
    expect((survivor.respond_by as Date).getTime()).toBe(
      (survivor.created_at as Date).getTime() + 15 * 60_000,
    );
    const checks = (await t.db.query(
      `SELECT data->>'stage' AS stage FROM pgboss.job
        WHERE name = 'lead.response-check' AND data->>'leadId' = $1 AND data->>'urgency' = 'crisis'
        ORDER BY 1`,
      [survivorId],
    )) as { stage: string }[];
    expect(checks.map((check) => check.stage)).toEqual(['escalation', 'reminder']);
  });

  it('a merged duplicate left waiting in new sends no overdue reminder; its survivor still does', async () => {
    const survivorId = await aLead();
    const duplicateId = await aLead();
    await t.db.query(
      `UPDATE lead SET created_at = now() - interval '10 days' WHERE id IN ($1, $2)`,
      [survivorId, duplicateId],
    );
    await merge(duplicateId, survivorId).expect(200);
    const reminders = async (leadId: string) =>
      (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM notification WHERE lead_id = $1 AND kind = 'overdue_reminder'`,
          [leadId],
        )) as [{ n: number }]
      )[0].n;

    await runResponseCheck(t, duplicateId);
    await runResponseCheck(t, survivorId);

    expect(await reminders(duplicateId)).toBe(0);
    expect(await reminders(survivorId)).toBeGreaterThan(0);
  });

  it('both leads record the merge in their timeline and in the audit trail, by who did it', async () => {
    const survivorId = await aLead();
    const duplicateId = await aLead();
    await merge(duplicateId, survivorId, admin).expect(200);

    const [mergedIn] = await t.db.query(
      `SELECT kind, actor_user_id, details FROM lead_event WHERE lead_id = $1 AND kind = 'merged_in'`,
      [survivorId],
    );
    expect(mergedIn).toEqual({
      kind: 'merged_in',
      actor_user_id: admin.id,
      details: { leadId: duplicateId, changed: expect.any(Array) },
    });
    const audit = (await t.db.query(
      `SELECT lead_id, actor_user_id, details FROM audit_event
        WHERE action = 'lead.merged' AND lead_id IN ($1, $2) ORDER BY id`,
      [survivorId, duplicateId],
    )) as { lead_id: string; actor_user_id: string; details: Record<string, unknown> }[];
    expect(audit).toEqual([
      {
        lead_id: survivorId,
        actor_user_id: admin.id,
        details: expect.objectContaining({ from: duplicateId }),
      },
      { lead_id: duplicateId, actor_user_id: admin.id, details: { into: survivorId } },
    ]);
  });

  it('a returning person who writes from the duplicate’s address joins the surviving lead', async () => {
    const survivorId = await aLead();
    const email = `returning.${randomBytes(4).toString('hex')}@example.com`;
    const duplicateId = await aLead({ email });
    await merge(duplicateId, survivorId).expect(200);

    const { body } = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);

    expect(await leadOfSubmission(t.db, body.id)).toBe(survivorId);
    expect((await rowsOfLead(t.db, duplicateId)).inquiry).toBe(0);
  });

  it('a lead cannot be merged into itself (422 naming intoLeadId)', async () => {
    const leadId = await aLead();
    const response = await merge(leadId, leadId.toUpperCase()).expect(422);
    expect(response.body.errors).toEqual([
      { field: 'intoLeadId', code: 'invalid_format', message: expect.any(String) },
    ]);
  });

  it('intoLeadId must be a lead id (422), and nothing else may be sent', async () => {
    const leadId = await aLead();
    const malformed = await merge(leadId, 'RI-7KQ2M9XD').expect(422);
    expect(malformed.body.errors).toEqual([
      { field: 'intoLeadId', code: 'invalid_format', message: 'must be a lead id (a UUID)' },
    ]);
    const extra = await t.http
      .post(`/v1/admin/leads/${leadId}/merge`)
      .set(coordinator.auth)
      .send({ intoLeadId: randomUUID(), keep: 'both' })
      .expect(422);
    expect(extra.body.errors).toEqual([
      { field: 'keep', code: 'unknown_field', message: 'is not allowed' },
    ]);
  });

  it('an unknown lead answers 404 on either side', async () => {
    const leadId = await aLead();
    expect((await merge(randomUUID(), leadId)).status).toBe(404);
    expect((await merge(leadId, randomUUID())).status).toBe(404);
    expect((await merge('not-a-lead', leadId)).status).toBe(404);
    expect((await leadRow(leadId)).merged_into_lead_id).toBeNull();
  });

  it('clinicians may not merge, not even leads assigned to them (403); anonymous callers get 401', async () => {
    const survivorId = await aLead();
    const duplicateId = await aLead();
    await t.db.query(`UPDATE lead SET assigned_clinician_id = $1 WHERE id IN ($2, $3)`, [
      clinician.clinicianId,
      survivorId,
      duplicateId,
    ]);
    expect((await merge(duplicateId, survivorId, clinician)).status).toBe(403);
    const anonymous = await t.http
      .post(`/v1/admin/leads/${duplicateId}/merge`)
      .send({ intoLeadId: survivorId });
    expect(anonymous.status).toBe(401);
    expect((await leadRow(duplicateId)).merged_into_lead_id).toBeNull();
  });

  it('a lead already merged cannot be merged again, nor merged into (409)', async () => {
    const survivorId = await aLead();
    const duplicateId = await aLead();
    const third = await aLead();
    await merge(duplicateId, survivorId).expect(200);

    const again = await merge(duplicateId, third).expect(409);
    expect(again.body.detail).toContain(survivorId);
    const into = await merge(third, duplicateId).expect(409);
    expect(into.body.detail).toContain(survivorId);
    expect((await leadRow(third)).merged_into_lead_id).toBeNull();
  });

  it('an erased lead cannot be merged, nor merged into (409)', async () => {
    const erased = await aLead();
    const other = await aLead();
    await t.db.query(`UPDATE lead SET erased_at = now() WHERE id = $1`, [erased]);
    expect((await merge(erased, other)).status).toBe(409);
    expect((await merge(other, erased)).status).toBe(409);
  });

  it('the same pair merged both ways at once: one merge wins, the other is refused', async () => {
    const a = await aLead();
    const b = await aLead();
    const [first, second] = await Promise.all([merge(a, b), merge(b, a)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const pointers = (await t.db.query(
      `SELECT count(*)::int AS n FROM lead WHERE id IN ($1, $2) AND merged_into_lead_id IS NOT NULL`,
      [a, b],
    )) as [{ n: number }];
    expect(pointers[0].n).toBe(1);
  });
});

describe('triage notes stay append-only in the database', () => {
  let t: TestApp;
  let authorId: string;
  let leadId: string;
  let otherLeadId: string;

  beforeAll(async () => {
    t = await startTestApp();
    authorId = (await aSignedInStaffMember(t, 'coordinator')).id;
    const lead = async () => {
      const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      return leadOfSubmission(t.db, body.id);
    };
    leadId = await lead();
    otherLeadId = await lead();
  });
  afterAll(async () => {
    await t.close();
  });

  const refused = /append-only/;

  it('refuses a changed body, a changed author, a delete and a truncate', async () => {
    const noteId = await aTriageNote(t.db, leadId, authorId, 'First call went well.');
    const otherBody = testCipher.encrypt('Rewritten history.', NOTE_BODY, noteId);
    await expect(
      t.db.query(`UPDATE triage_note SET body_encrypted = $2 WHERE id = $1`, [noteId, otherBody]),
    ).rejects.toThrow(refused);
    await expect(
      t.db.query(`UPDATE triage_note SET created_at = now() - interval '1 day' WHERE id = $1`, [
        noteId,
      ]),
    ).rejects.toThrow(refused);
    await expect(
      t.db.query(`UPDATE triage_note SET lead_id = $2, body_encrypted = NULL WHERE id = $1`, [
        noteId,
        otherLeadId,
      ]),
    ).rejects.toThrow(refused);
    await expect(t.db.query(`DELETE FROM triage_note WHERE id = $1`, [noteId])).rejects.toThrow(
      refused,
    );
    await expect(t.db.query(`TRUNCATE triage_note CASCADE`)).rejects.toThrow(refused);
  });

  it('lets a merge re-point a note and an erasure empty it, nothing more', async () => {
    const noteId = await aTriageNote(t.db, leadId, authorId, 'Prefers evenings.');
    await t.db.query(`UPDATE triage_note SET lead_id = $2 WHERE id = $1`, [noteId, otherLeadId]);
    await t.db.query(`UPDATE triage_note SET body_encrypted = NULL WHERE id = $1`, [noteId]);
    const [note] = await t.db.query(
      `SELECT lead_id, body_encrypted FROM triage_note WHERE id = $1`,
      [noteId],
    );
    expect(note).toEqual({ lead_id: otherLeadId, body_encrypted: null });
    await expect(
      t.db.query(`UPDATE triage_note SET body_encrypted = $2 WHERE id = $1`, [
        noteId,
        testCipher.encrypt('Back again.', NOTE_BODY, noteId),
      ]),
    ).rejects.toThrow(refused);
  });

  it('lets key rotation re-seal a body under another key, but not under the same key', async () => {
    const noteId = await aTriageNote(t.db, leadId, authorId, 'Sliding scale asked.');
    const [{ body_encrypted: sealed }] = await t.db.query(
      `SELECT body_encrypted FROM triage_note WHERE id = $1`,
      [noteId],
    );
    const sameKey = testCipher.encrypt('Sliding scale asked.', NOTE_BODY, noteId);
    await expect(
      t.db.query(`UPDATE triage_note SET body_encrypted = $2 WHERE id = $1`, [noteId, sameKey]),
    ).rejects.toThrow(refused);
    const otherKey = (sealed as string).replace(/^v2\.[^.]+\./, 'v2.k2.');
    await t.db.query(`UPDATE triage_note SET body_encrypted = $2 WHERE id = $1`, [
      noteId,
      otherKey,
    ]);
  });
});
