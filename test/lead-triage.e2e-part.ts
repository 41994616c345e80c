import { randomUUID } from 'node:crypto';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataCipher, newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { rotateEncryptedValues } from '../src/key-rotation/key-rotation.js';
import { ALLOWED_TRANSITIONS, LEAD_STATUSES } from '../src/vocabulary/lead-status.js';
import { anInquiry } from './support/builders.js';
import { type LeadFields, aLead, auditEvents, leadIdOf } from './support/leads.js';
import { aSignedInStaffMember, aStaffMember } from './support/staff.js';
import { subscribeWebhook } from './support/webhooks.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';

type Auth = { Authorization: string };

describe('triage: PATCH /v1/admin/leads/:id and notes', () => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  const patch = (
    leadId: string,
    body: unknown,
    ifMatch: string | null,
    auth: Auth = coordinator.auth,
  ) => {
    const request = t.http.patch(`/v1/admin/leads/${leadId}`).set(auth);
    if (ifMatch !== null) request.set('If-Match', ifMatch);
    return request.send(body as object);
  };
  const leadRow = async (leadId: string) =>
    (await t.db.query(`SELECT * FROM lead WHERE id = $1`, [leadId]))[0] as Record<
      string,
      unknown
    > & {
      version: number;
    };
  const eventsOf = async (leadId: string) =>
    (await t.db.query(
      `SELECT kind, actor_user_id, details FROM lead_event WHERE lead_id = $1 ORDER BY id`,
      [leadId],
    )) as { kind: string; actor_user_id: string; details: Record<string, unknown> }[];
  const aLeadAt = (overrides: Partial<LeadFields> = {}) => aLead(t.db, overrides);

  describe('If-Match', () => {
    it('a change without If-Match answers 428', async () => {
      const lead = await aLeadAt();
      const response = await patch(lead.id, { status: 'in_review' }, null);
      expect(response.status).toBe(428);
      expect(response.body.type).toBe('/problems/precondition-required');
      expect((await leadRow(lead.id)).status).toBe('new');
    });

    it('a stale ETag answers 409 and changes nothing', async () => {
      const lead = await aLeadAt();
      await patch(lead.id, { urgency: 'high' }, '"1"').expect(200);
      const stale = await patch(lead.id, { status: 'in_review' }, '"1"');
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/conflict');
      expect(stale.body.detail).toContain('"2"');
      expect((await leadRow(lead.id)).status).toBe('new');
    });

    it('the ETag of the last read lets the change through, and the answer carries the next one', async () => {
      const submitted = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      const leadId = await leadIdOf(t, submitted.body.id);
      const before = await t.http
        .get(`/v1/admin/leads/${leadId}`)
        .set(coordinator.auth)
        .expect(200);
      const response = await patch(leadId, { status: 'in_review' }, before.headers.etag!);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const version = (await leadRow(leadId)).version;
      expect(response.headers.etag).toBe(`"${version}"`);
      expect(response.headers.etag).not.toBe(before.headers.etag);
      expect(response.body).toMatchObject({
        id: leadId,
        status: 'in_review',
        reference: submitted.body.reference,
        inquiries: [{ id: submitted.body.id }],
      });
      const after = await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth).expect(200);
      expect(after.headers.etag).toBe(response.headers.etag);
    });

    it('a weak ETag never matches; * matches any version', async () => {
      const lead = await aLeadAt();
      expect((await patch(lead.id, { urgency: 'high' }, 'W/"1"')).status).toBe(409);
      expect((await patch(lead.id, { urgency: 'high' }, '*')).status).toBe(200);
    });

    it('a malformed If-Match is a 422 naming the header', async () => {
      const lead = await aLeadAt();
      const response = await patch(lead.id, { urgency: 'high' }, 'version 1');
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        {
          field: 'If-Match',
          code: 'invalid_format',
          message: 'must be the ETag of the lead, e.g. "7"',
        },
      ]);
    });
  });

  describe('status', () => {
    const moves = LEAD_STATUSES.flatMap((from) =>
      ALLOWED_TRANSITIONS[from].map((to) => [from, to] as const),
    );

    it.each(moves)('moves %s → %s', async (from, to) => {
      const lead = await aLeadAt({ status: from });
      const response = await patch(lead.id, { status: to }, '"1"');
      expect(response.status).toBe(200);
      expect(response.body.status).toBe(to);
      expect((await leadRow(lead.id)).status).toBe(to);
    });

    it.each([
      ['new', 'converted'],
      ['new', 'declined'],
      ['in_review', 'consultation_scheduled'],
      ['spam', 'contacted'],
      ['converted', 'contacted'],
      ['closed_no_response', 'new'],
    ])('refuses %s → %s with 409 naming both', async (from, to) => {
      const lead = await aLeadAt({ status: from });
      const response = await patch(lead.id, { status: to }, '"1"');
      expect(response.status).toBe(409);
      expect(response.body.detail).toBe(`A lead cannot move from ${from} to ${to}.`);
      expect((await leadRow(lead.id)).status).toBe(from);
      expect(await eventsOf(lead.id)).toEqual([]);
    });

    it('records when the status changed and, once, the first contact', async () => {
      const lead = await aLeadAt({
        status: 'in_review',
        createdAt: new Date(Date.now() - 86_400_000),
      });
      await patch(lead.id, { status: 'contacted' }, '"1"').expect(200);
      const contacted = await leadRow(lead.id);
      expect(contacted.first_contacted_at).toEqual(contacted.status_changed_at);
      expect(Date.now() - (contacted.status_changed_at as Date).getTime()).toBeLessThan(60_000);
      await patch(lead.id, { status: 'waitlisted' }, '"2"').expect(200);
      await patch(lead.id, { status: 'contacted' }, '"3"').expect(200);
      const again = await leadRow(lead.id);
      expect(again.first_contacted_at).toEqual(contacted.first_contacted_at);
      expect((again.status_changed_at as Date).getTime()).toBeGreaterThan(
        (contacted.status_changed_at as Date).getTime(),
      );
    });

    it('counts reaching consultation_scheduled or converted as contact too', async () => {
      const lead = await aLeadAt({ status: 'contacted' });
      await patch(lead.id, { status: 'consultation_scheduled' }, '"1"').expect(200);
      expect((await leadRow(lead.id)).first_contacted_at).not.toBeNull();
      const waitlisted = await aLeadAt({ status: 'in_review' });
      await patch(waitlisted.id, { status: 'waitlisted' }, '"1"').expect(200);
      expect((await leadRow(waitlisted.id)).first_contacted_at).toBeNull();
    });

    it('writes a status_changed event, the lead.status_changed webhook and the audit event', async () => {
      const admin = await aSignedInStaffMember(t, 'admin');
      const { id: subscriptionId } = await subscribeWebhook(t, admin.auth, {
        url: 'https://hooks.practice-crm.example/relational-intake',
        events: ['lead.status_changed'],
      });
      const lead = await aLeadAt({ name: 'Webhook Person', urgency: 'high' });
      await patch(lead.id, { status: 'contacted' }, '"1"').expect(200);
      // Nobody logged an attempt before: the move logs one (it stops the response clock).
      expect(await eventsOf(lead.id)).toEqual([
        {
          kind: 'status_changed',
          actor_user_id: coordinator.id,
          details: { from: 'new', to: 'contacted' },
        },
        {
          kind: 'contact_attempted',
          actor_user_id: coordinator.id,
          details: { attemptId: expect.any(String), channel: null, outcome: 'unspecified' },
        },
      ]);
      const [delivery] = (await t.db.query(
        `SELECT event_type, body FROM webhook_delivery WHERE subscription_id = $1`,
        [subscriptionId],
      )) as { event_type: string; body: string }[];
      expect(delivery!.event_type).toBe('lead.status_changed');
      expect(JSON.parse(delivery!.body).data).toEqual({
        leadId: lead.id,
        reference: lead.reference,
        status: 'contacted',
        urgency: 'high',
        serviceType: 'individual',
      });
      expect(delivery!.body).not.toContain('Webhook Person');
      const audit = (await auditEvents(t, 'lead.updated')).filter(
        (event) => event.lead_id === lead.id,
      );
      expect(audit).toEqual([
        {
          actor_user_id: coordinator.id,
          lead_id: lead.id,
          details: {
            changed: ['status'],
            from: 'new',
            to: 'contacted',
            contactAttemptId: expect.any(String),
          },
        },
      ]);
      await t.db.query(`UPDATE webhook_subscription SET active = false WHERE id = $1`, [
        subscriptionId,
      ]);
    });

    it('back from spam to new, the lead gets its response target again', async () => {
      const lead = await aLeadAt({ status: 'spam', respondBy: null, urgency: 'crisis' });
      const response = await patch(lead.id, { status: 'new' }, '"1"').expect(200);
      expect(response.body.respondBy).toEqual(expect.any(String));
      expect(response.body.overdue).toBe(false);
    });
  });

  describe('urgency, assignment and tags', () => {
    it('a new urgency recomputes the response target while the lead is new', async () => {
      const lead = await aLeadAt({ urgency: 'routine' });
      const response = await patch(lead.id, { urgency: 'crisis' }, '"1"').expect(200);
      const minutes = (Date.parse(response.body.respondBy) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(10);
      expect(minutes).toBeLessThanOrEqual(15);
      expect(await eventsOf(lead.id)).toEqual([
        {
          kind: 'urgency_changed',
          actor_user_id: coordinator.id,
          details: { from: 'routine', to: 'crisis' },
        },
      ]);
    });

    it('assigns to an active clinician, shows who, and unassigns with null', async () => {
      const clinician = await aStaffMember(t.db, 'clinician');
      const lead = await aLeadAt();
      const assigned = await patch(
        lead.id,
        { assignedClinicianId: clinician.clinicianId },
        '"1"',
      ).expect(200);
      expect(assigned.body.assignedClinician).toEqual({
        id: clinician.clinicianId,
        name: 'Staff clinician',
      });
      const unassigned = await patch(lead.id, { assignedClinicianId: null }, '"2"').expect(200);
      expect(unassigned.body.assignedClinician).toBeNull();
      expect(await eventsOf(lead.id)).toEqual([
        {
          kind: 'assigned',
          actor_user_id: coordinator.id,
          details: { clinicianId: clinician.clinicianId, previousClinicianId: null },
        },
        {
          kind: 'assigned',
          actor_user_id: coordinator.id,
          details: { clinicianId: null, previousClinicianId: clinician.clinicianId },
        },
      ]);
    });

    it('an unknown or inactive clinician is a 422 on assignedClinicianId', async () => {
      const inactive = await aStaffMember(t.db, 'clinician');
      await t.db.query(`UPDATE clinician SET active = false WHERE id = $1`, [inactive.clinicianId]);
      const lead = await aLeadAt();
      for (const id of [randomUUID(), inactive.clinicianId, 'not-a-uuid']) {
        const response = await patch(lead.id, { assignedClinicianId: id }, '"1"');
        expect(response.status).toBe(422);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
          'assignedClinicianId',
        ]);
      }
      expect((await leadRow(lead.id)).assigned_clinician_id).toBeNull();
    });

    it('tags are trimmed, lower-cased and counted once; the event says what was added and removed', async () => {
      const lead = await aLeadAt({ tags: ['old', 'keep'] });
      const response = await patch(
        lead.id,
        { tags: [' Evening Only', 'keep', 'KEEP', 'sliding-scale'] },
        '"1"',
      );
      expect(response.status).toBe(200);
      expect(response.body.tags).toEqual(['evening only', 'keep', 'sliding-scale']);
      expect(await eventsOf(lead.id)).toEqual([
        {
          kind: 'tags_changed',
          actor_user_id: coordinator.id,
          details: { added: ['evening only', 'sliding-scale'], removed: ['old'] },
        },
      ]);
    });

    it.each([
      [{ tags: Array.from({ length: 21 }, (_, i) => `tag-${i}`) }, 'tags'],
      [{ tags: ['ok', 'not ok!'] }, 'tags'],
      [{ tags: ['-leading-dash'] }, 'tags'],
      [{ tags: [''] }, 'tags'],
      [{ tags: 'single' }, 'tags'],
      [{ tags: [7] }, 'tags'],
      [{ status: 'archived' }, 'status'],
      [{ status: null }, 'status'],
      [{ urgency: 'urgent' }, 'urgency'],
      [{ urgency: null }, 'urgency'],
      [{ name: 'Changed Name' }, 'name'],
    ])('refuses %j with 422 naming the field', async (body, field) => {
      const lead = await aLeadAt();
      const response = await patch(lead.id, body, '"1"');
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect((await leadRow(lead.id)).version).toBe(1);
    });

    it('an empty body or a request for what the lead already is changes nothing: 200, no event, same ETag', async () => {
      const lead = await aLeadAt({ status: 'in_review', tags: ['a', 'b'] });
      for (const body of [
        {},
        { status: 'in_review', urgency: 'routine', tags: ['B', 'a'], assignedClinicianId: null },
      ]) {
        const response = await patch(lead.id, body, '"1"');
        expect(response.status).toBe(200);
        expect(response.headers.etag).toBe('"1"');
      }
      expect(await eventsOf(lead.id)).toEqual([]);
      expect(
        (await auditEvents(t, 'lead.updated')).filter((event) => event.lead_id === lead.id),
      ).toEqual([]);
    });

    it('one request changing several aspects writes one event each and one audit event', async () => {
      const clinician = await aStaffMember(t.db, 'clinician');
      const lead = await aLeadAt();
      const response = await patch(
        lead.id,
        {
          status: 'in_review',
          urgency: 'high',
          assignedClinicianId: clinician.clinicianId,
          tags: ['x'],
        },
        '"1"',
      );
      expect(response.status).toBe(200);
      expect(response.headers.etag).toBe('"2"');
      expect((await eventsOf(lead.id)).map((event) => event.kind)).toEqual([
        'status_changed',
        'urgency_changed',
        'assigned',
        'tags_changed',
      ]);
      const [audit] = (await auditEvents(t, 'lead.updated')).filter(
        (event) => event.lead_id === lead.id,
      );
      expect(audit!.details).toEqual({
        changed: ['status', 'urgency', 'assignedClinicianId', 'tags'],
        from: 'new',
        to: 'in_review',
      });
    });
  });

  describe('clinicians', () => {
    it('change status, urgency and tags of their own leads', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const lead = await aLeadAt({ assignedClinicianId: clinician.clinicianId! });
      const response = await patch(
        lead.id,
        { status: 'contacted', urgency: 'high', tags: ['first-call-done'] },
        '"1"',
        clinician.auth,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'contacted',
        urgency: 'high',
        tags: ['first-call-done'],
      });
    });

    it('may not change the assignment (403); sending the one it has changes nothing', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const other = await aStaffMember(t.db, 'clinician');
      const lead = await aLeadAt({ assignedClinicianId: clinician.clinicianId! });
      for (const assignedClinicianId of [other.clinicianId, null]) {
        const response = await patch(lead.id, { assignedClinicianId }, '"1"', clinician.auth);
        expect(response.status).toBe(403);
      }
      const same = await patch(
        lead.id,
        { assignedClinicianId: clinician.clinicianId },
        '"1"',
        clinician.auth,
      );
      expect(same.status).toBe(200);
      expect((await leadRow(lead.id)).assigned_clinician_id).toBe(clinician.clinicianId);
    });

    it('get 404 for a lead not assigned to them, before any other check', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const lead = await aLeadAt();
      expect((await patch(lead.id, { status: 'in_review' }, '"1"', clinician.auth)).status).toBe(
        404,
      );
      expect((await patch(lead.id, { status: 'converted' }, '"9"', clinician.auth)).status).toBe(
        404,
      );
      const note = await t.http
        .post(`/v1/admin/leads/${lead.id}/notes`)
        .set(clinician.auth)
        .send({ body: 'hello' });
      expect(note.status).toBe(404);
    });
  });

  it('a merged or erased lead does not change (409)', async () => {
    const survivor = await aLeadAt();
    const merged = await aLeadAt({ mergedIntoLeadId: survivor.id });
    const erased = await aLeadAt({ erasedAt: new Date() });
    for (const lead of [merged, erased]) {
      expect((await patch(lead.id, { status: 'in_review' }, '"1"')).status).toBe(409);
      const note = await t.http
        .post(`/v1/admin/leads/${lead.id}/notes`)
        .set(coordinator.auth)
        .send({ body: 'x' });
      expect(note.status).toBe(409);
    }
  });

  describe('notes', () => {
    const addNote = (leadId: string, body: unknown, auth: Auth = coordinator.auth) =>
      t.http
        .post(`/v1/admin/leads/${leadId}/notes`)
        .set(auth)
        .send(body as object);

    it('adds a note and answers it with its author', async () => {
      const lead = await aLeadAt();
      const response = await addNote(lead.id, {
        body: '  Called twice, no answer.\r\nTry\tevenings.  ',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        body: 'Called twice, no answer.\nTry\tevenings.',
        author: { id: coordinator.id, name: 'Staff coordinator' },
        createdAt: expect.any(String),
      });
    });

    it('shows notes oldest first in the lead', async () => {
      const lead = await aLeadAt();
      await addNote(lead.id, { body: 'first' }).expect(201);
      await addNote(lead.id, { body: 'second' }).expect(201);
      const { body } = await t.http
        .get(`/v1/admin/leads/${lead.id}`)
        .set(coordinator.auth)
        .expect(200);
      expect(body.notes.map((note: { body: string }) => note.body)).toEqual(['first', 'second']);
      expect(body.notes[0].author).toEqual({ id: coordinator.id, name: 'Staff coordinator' });
    });

    it('stores only the sealed body: no plaintext in the row', async () => {
      const lead = await aLeadAt();
      const { body } = await addNote(lead.id, { body: 'Mentions a custody dispute' }).expect(201);
      const rows = (await t.db.query(
        `SELECT row_to_json(n)::text AS row, body_encrypted FROM triage_note n WHERE id = $1`,
        [body.id],
      )) as { row: string; body_encrypted: string }[];
      expect(rows[0]!.row).not.toContain('custody');
      expect(
        new DataCipher(parseKeyRing(TEST_DATA_KEY)).decrypt(
          rows[0]!.body_encrypted,
          SEALED_COLUMNS.noteBody,
          body.id,
        ),
      ).toBe('Mentions a custody dispute');
    });

    it.each([
      [{}, 'body'],
      [{ body: '' }, 'body'],
      [{ body: '   \n ' }, 'body'],
      [{ body: 'x'.repeat(10_001) }, 'body'],
      [{ body: 'bell \u0007 here' }, 'body'],
      [{ body: 'lone \r carriage return' }, 'body'],
      [{ body: 42 }, 'body'],
      [{ body: 'ok', pinned: true }, 'pinned'],
    ])('refuses %j with 422 naming the field', async (body, field) => {
      const lead = await aLeadAt();
      const response = await addNote(lead.id, body);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect(JSON.stringify(response.body)).not.toContain('bell');
    });

    it('takes a body of exactly 10000 characters', async () => {
      const lead = await aLeadAt();
      expect((await addNote(lead.id, { body: 'y'.repeat(10_000) })).status).toBe(201);
    });

    it('cannot be changed or deleted: there is no route, and the database refuses (an erasure may only empty it)', async () => {
      const lead = await aLeadAt();
      const { body } = await addNote(lead.id, { body: 'Permanent' }).expect(201);
      for (const method of ['put', 'patch', 'delete'] as const) {
        const response = await t.http[method](`/v1/admin/leads/${lead.id}/notes/${body.id}`)
          .set(coordinator.auth)
          .send({ body: 'Changed' });
        expect([404, 405]).toContain(response.status);
      }
      await expect(
        t.db.query(`UPDATE triage_note SET body_encrypted = 'tampered' WHERE id = $1`, [body.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.query(`UPDATE triage_note SET author_user_id = $2 WHERE id = $1`, [
          body.id,
          (await aStaffMember(t.db, 'admin')).id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.query(`UPDATE triage_note SET created_at = now() WHERE id = $1`, [body.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM triage_note WHERE id = $1`, [body.id])).rejects.toThrow(
        /append-only/,
      );
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM triage_note WHERE id = $1`, [
        body.id,
      ]);
      expect(n).toBe(1);
    });

    it('a clinician adds notes to their own leads', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const lead = await aLeadAt({ assignedClinicianId: clinician.clinicianId! });
      const response = await addNote(lead.id, { body: 'Booked a consult' }, clinician.auth);
      expect(response.status).toBe(201);
      expect(response.body.author).toEqual({ id: clinician.id, name: 'Staff clinician' });
    });

    it('is audited as lead.note_added without the text', async () => {
      const lead = await aLeadAt();
      const { body } = await addNote(lead.id, { body: 'Audit me not: confidential words' }).expect(
        201,
      );
      const events = (await auditEvents(t, 'lead.note_added')).filter(
        (event) => event.lead_id === lead.id,
      );
      expect(events).toEqual([
        { actor_user_id: coordinator.id, lead_id: lead.id, details: { noteId: body.id } },
      ]);
      expect(JSON.stringify(await t.db.query(`SELECT * FROM audit_event`))).not.toContain(
        'confidential',
      );
    });

    it('are resealed by rotate-key like every sealed column', async () => {
      const lead = await aLeadAt();
      const { body } = await addNote(lead.id, { body: 'Sealed with the old key' }).expect(201);
      const [next] = parseKeyRing(newKeyRingEntry('next'));
      const rotated = new DataCipher([next!, ...parseKeyRing(TEST_DATA_KEY)]);
      const reports = await rotateEncryptedValues(t.db, rotated);
      expect(
        reports.find((report) => report.table === 'triage_note')!.resealed,
      ).toBeGreaterThanOrEqual(1);
      const [row] = await t.db.query(`SELECT body_encrypted FROM triage_note WHERE id = $1`, [
        body.id,
      ]);
      expect(row.body_encrypted.startsWith('v2.next.')).toBe(true);
      expect(rotated.decrypt(row.body_encrypted, SEALED_COLUMNS.noteBody, body.id)).toBe(
        'Sealed with the old key',
      );
      // Back to the key the app has, for whatever runs after this test.
      await rotateEncryptedValues(t.db, new DataCipher([...parseKeyRing(TEST_DATA_KEY), next!]));
    });
  });
});
