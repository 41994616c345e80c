import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataCipher, newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { rotateEncryptedValues } from '../src/key-rotation/key-rotation.js';
import { dueAtSql } from '../src/lead-desk/desk-views.sql.js';
import { LeadAnnouncements } from '../src/notifications/lead-announcements.service.js';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { DESK_VIEWS, type DeskView } from '../src/vocabulary/desk-views.js';
import { anInquiry } from './support/builders.js';
import { type LeadFields, aLead, auditEvents, leadIdOf } from './support/leads.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

const MINUTE = 60_000;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

describe("the coordinator's desk: contact attempts, the response clock, views and counts", () => {
  let t: TestApp;
  let coordinator: SignedIn;
  let admin: SignedIn;
  let clinician: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await aSignedInStaffMember(t, 'coordinator');
    admin = await aSignedInStaffMember(t, 'admin');
    clinician = await aSignedInStaffMember(t, 'clinician');
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (leadId: string, body: unknown, as: SignedIn = coordinator) =>
    t.http
      .post(`/v1/admin/leads/${leadId}/contact-attempts`)
      .set(as.auth)
      .send(body as object);
  const detail = async (leadId: string, as: SignedIn = coordinator) =>
    (await t.http.get(`/v1/admin/leads/${leadId}`).set(as.auth).expect(200)) as {
      body: Record<string, unknown> & { timeline: { kind: string; details: object }[] };
      headers: Record<string, string>;
    };
  const list = async (query: Record<string, string>, as: SignedIn = coordinator) =>
    (await t.http.get('/v1/admin/leads').query(query).set(as.auth).expect(200)).body as {
      items: { id: string; overdue: boolean; [field: string]: unknown }[];
      nextCursor: string | null;
    };
  /** Every lead of a listing, page after page. */
  const everyPage = async (query: Record<string, string>, as: SignedIn = coordinator) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ ...query, ...(cursor ? { cursor } : {}) }, as);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return ids;
  };
  const lead = (overrides: Partial<LeadFields> = {}) => aLead(t.db, overrides);
  const leadRow = async (leadId: string) =>
    (
      (await t.db.query(
        `SELECT status, first_attempt_at, first_connected_at, last_attempt_at, attempt_count
           FROM lead WHERE id = $1`,
        [leadId],
      )) as Record<string, unknown>[]
    )[0]!;
  /** Moves the lead to `status` as a coordinator would (200 expected). */
  const patchStatus = async (leadId: string, status: string) => {
    const { headers } = await detail(leadId);
    return t.http
      .patch(`/v1/admin/leads/${leadId}`)
      .set(coordinator.auth)
      .set('If-Match', headers.etag!)
      .send({ status })
      .expect(200);
  };

  describe('POST /v1/admin/leads/:id/contact-attempts', () => {
    it('logs the attempt: 201 with who and when, on the lead, its timeline, the list and the audit trail', async () => {
      const seeded = await lead({ tags: ['attempted'] });
      const first = await attempt(seeded.id, {
        channel: 'phone',
        outcome: 'voicemail',
        note: 'Left our callback number.',
      }).expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        channel: 'phone',
        outcome: 'voicemail',
        note: 'Left our callback number.',
        at: expect.any(String),
        by: { id: coordinator.id, name: 'Staff coordinator' },
      });
      const second = await attempt(seeded.id, { channel: 'text', outcome: 'connected' }).expect(
        201,
      );
      expect(second.body.note).toBeNull();

      const { body } = await detail(seeded.id);
      expect(body).toMatchObject({
        firstAttemptAt: first.body.at,
        lastAttemptAt: second.body.at,
        firstConnectedAt: second.body.at,
        attempts: 2,
        firstContactedAt: null,
        overdue: false,
        status: 'new',
      });
      expect(body.contactAttempts).toEqual([second.body, first.body]);
      const logged = body.timeline.filter((entry) => entry.kind === 'contact_attempted');
      expect(logged).toEqual([
        {
          at: first.body.at,
          kind: 'contact_attempted',
          actor: { id: coordinator.id, name: 'Staff coordinator' },
          details: { attemptId: first.body.id, channel: 'phone', outcome: 'voicemail' },
        },
        expect.objectContaining({
          details: { attemptId: second.body.id, channel: 'text', outcome: 'connected' },
        }),
      ]);

      const [summary] = (await list({ tag: 'attempted' })).items;
      expect(summary).toMatchObject({
        firstAttemptAt: first.body.at,
        lastAttemptAt: second.body.at,
        firstConnectedAt: second.body.at,
        attempts: 2,
      });

      const [row] = (await t.db.query(`SELECT note_encrypted FROM contact_attempt WHERE id = $1`, [
        first.body.id,
      ])) as { note_encrypted: string }[];
      expect(row!.note_encrypted).toMatch(/^v2\./);
      expect(row!.note_encrypted).not.toContain('callback');
      const audited = (await auditEvents(t, 'lead.contact_attempted')).filter(
        (event) => event.lead_id === seeded.id,
      );
      expect(audited.map((event) => event.details)).toEqual([
        { attemptId: first.body.id, channel: 'phone', outcome: 'voicemail' },
        { attemptId: second.body.id, channel: 'text', outcome: 'connected' },
      ]);
    });

    it('answers 422 naming channel and outcome when they are missing or not known', async () => {
      const seeded = await lead();
      const missing = await attempt(seeded.id, {}).expect(422);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'channel',
        'outcome',
      ]);
      // `unspecified` is what a move to contacted logs; nobody logs it by hand.
      const unknown = await attempt(seeded.id, {
        channel: 'fax',
        outcome: 'unspecified',
      }).expect(422);
      expect(unknown.body.errors).toEqual([
        { field: 'channel', code: 'not_an_option', message: 'must be one of phone, text, email' },
        {
          field: 'outcome',
          code: 'not_an_option',
          message: 'must be one of connected, voicemail, no_answer, wrong_number, sent',
        },
      ]);
      const extra = await attempt(seeded.id, {
        channel: 'email',
        outcome: 'sent',
        at: '2026-01-01T00:00:00Z',
      }).expect(422);
      expect(extra.body.errors).toEqual([
        { field: 'at', code: 'unknown_field', message: 'is not allowed' },
      ]);
      expect((await leadRow(seeded.id)).attempt_count).toBe(0);
    });

    it("answers 404 for a lead a clinician may not see, and logs on the clinician's own", async () => {
      const others = await lead();
      const own = await lead({ assignedClinicianId: clinician.clinicianId! });
      const refused = await attempt(
        others.id,
        { channel: 'phone', outcome: 'no_answer' },
        clinician,
      );
      expect(refused.status).toBe(404);
      await attempt(randomUUID(), { channel: 'phone', outcome: 'no_answer' }).expect(404);
      expect((await leadRow(others.id)).attempt_count).toBe(0);
      await attempt(own.id, { channel: 'phone', outcome: 'connected' }, clinician).expect(201);
      expect((await leadRow(own.id)).attempt_count).toBe(1);
    });

    it('answers 409 on an erased lead, and erasure empties the notes of its attempts', async () => {
      const seeded = await lead();
      const logged = await attempt(seeded.id, {
        channel: 'email',
        outcome: 'sent',
        note: 'Sent the fee schedule.',
      }).expect(201);
      await t.http
        .delete(`/v1/admin/leads/${seeded.id}`)
        .set(admin.auth)
        .send({ reason: 'Erasure asked for by phone, ticket 5120.' })
        .expect(200);
      const [row] = (await t.db.query(
        `SELECT note_encrypted, outcome FROM contact_attempt WHERE id = $1`,
        [logged.body.id],
      )) as { note_encrypted: string | null; outcome: string }[];
      expect(row).toEqual({ note_encrypted: null, outcome: 'sent' });
      const refused = await attempt(seeded.id, { channel: 'phone', outcome: 'connected' });
      expect(refused.status).toBe(409);
    });

    it('has its notes resealed by rotate-key like every sealed column', async () => {
      const seeded = await lead();
      const { body } = await attempt(seeded.id, {
        channel: 'phone',
        outcome: 'connected',
        note: 'Sealed with the old key',
      }).expect(201);
      const [next] = parseKeyRing(newKeyRingEntry('next'));
      const rotated = new DataCipher([next!, ...parseKeyRing(TEST_DATA_KEY)]);
      const reports = await rotateEncryptedValues(t.db, rotated);
      expect(reports.find((report) => report.table === 'contact_attempt')!.resealed).toBe(
        (
          (await t.db.query(
            `SELECT count(*)::int AS n FROM contact_attempt WHERE note_encrypted IS NOT NULL`,
          )) as [{ n: number }]
        )[0].n,
      );
      const [row] = (await t.db.query(`SELECT note_encrypted FROM contact_attempt WHERE id = $1`, [
        body.id,
      ])) as { note_encrypted: string }[];
      expect(row!.note_encrypted.startsWith('v2.next.')).toBe(true);
      expect(rotated.decrypt(row!.note_encrypted, SEALED_COLUMNS.contactAttemptNote, body.id)).toBe(
        'Sealed with the old key',
      );
      // Back to the key the app has, for whatever runs after this test.
      await rotateEncryptedValues(t.db, new DataCipher([...parseKeyRing(TEST_DATA_KEY), next!]));
      expect((await detail(seeded.id)).body.contactAttempts).toEqual([body]);
    });

    it('keeps attempts append-only in the database', async () => {
      const seeded = await lead();
      const logged = await attempt(seeded.id, { channel: 'phone', outcome: 'no_answer' }).expect(
        201,
      );
      await expect(
        t.db.query(`UPDATE contact_attempt SET outcome = 'connected' WHERE id = $1`, [
          logged.body.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.query(`DELETE FROM contact_attempt WHERE id = $1`, [logged.body.id]),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('the response clock', () => {
    /** A lead from the public form with its reminder and escalation checks queued. */
    const submittedLead = async () => {
      const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      const leadId = await leadIdOf(t, body.id);
      await t.app.get(LeadAnnouncements).onSubmissionReceived({
        id: 'job',
        data: { leadId, submissionId: body.id, submissionKind: 'inquiry', leadCreated: true },
        retryCount: 0,
        retryLimit: 1,
      });
      return leadId;
    };
    const pendingChecks = async (leadId: string) =>
      (
        (await t.db.query(
          `SELECT data->>'stage' AS stage FROM pgboss.job
            WHERE name = 'lead.response-check' AND data->>'leadId' = $1 AND state = 'created'
            ORDER BY 1`,
          [leadId],
        )) as { stage: string }[]
      ).map((row) => row.stage);
    /** The check as the worker runs it when it comes due, after the target passed. */
    const targetPasses = async (leadId: string) => {
      await t.db.query(
        `UPDATE lead SET created_at = now() - interval '10 days',
                         respond_by = now() - interval '9 days' WHERE id = $1`,
        [leadId],
      );
      await t.app.get(LeadAnnouncements).onResponseCheck({
        id: 'job',
        data: { leadId, stage: 'reminder', urgency: 'routine' },
        retryCount: 0,
        retryLimit: 1,
      });
    };
    const reminders = async (leadId: string) =>
      (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM notification
            WHERE lead_id = $1 AND kind = 'overdue_reminder'`,
          [leadId],
        )) as [{ n: number }]
      )[0].n;

    it('keeps running in in_review: the lead stays overdue and its reminder goes out', async () => {
      const leadId = await submittedLead();
      await patchStatus(leadId, 'in_review');
      expect(await pendingChecks(leadId)).toEqual(['escalation', 'reminder']);
      await targetPasses(leadId);
      expect(await reminders(leadId)).toBeGreaterThan(0);
      expect((await detail(leadId)).body).toMatchObject({ status: 'in_review', overdue: true });
      expect(await everyPage({ view: 'overdue', limit: '100' })).toContain(leadId);
    });

    it('stops at the first attempt: no overdue mark, and the check sends no reminder', async () => {
      const leadId = await submittedLead();
      await patchStatus(leadId, 'in_review');
      await attempt(leadId, { channel: 'phone', outcome: 'no_answer' }).expect(201);
      await targetPasses(leadId);
      expect(await reminders(leadId)).toBe(0);
      expect((await detail(leadId)).body).toMatchObject({ status: 'in_review', overdue: false });
      expect(await everyPage({ view: 'overdue', limit: '100' })).not.toContain(leadId);
    });

    it('a move to contacted without an attempt logs one, unspecified, in the same change', async () => {
      const seeded = await lead({ respondBy: minutesAgo(5) });
      const moved = await patchStatus(seeded.id, 'contacted');
      expect(moved.body).toMatchObject({ status: 'contacted', attempts: 1, overdue: false });
      expect(moved.body.firstAttemptAt).toBe(moved.body.firstContactedAt);
      expect(moved.body.contactAttempts).toEqual([
        {
          id: expect.any(String),
          channel: null,
          outcome: 'unspecified',
          note: null,
          at: moved.body.firstAttemptAt,
          by: { id: coordinator.id, name: 'Staff coordinator' },
        },
      ]);
      expect(
        (moved.body.timeline as { kind: string; details: object }[])
          .filter((entry) => entry.kind === 'contact_attempted')
          .map((entry) => entry.details),
      ).toEqual([
        { attemptId: moved.body.contactAttempts[0].id, channel: null, outcome: 'unspecified' },
      ]);
    });

    it('a move to contacted after an attempt logs nothing more', async () => {
      const seeded = await lead();
      await attempt(seeded.id, { channel: 'email', outcome: 'sent' }).expect(201);
      const moved = await patchStatus(seeded.id, 'contacted');
      expect(moved.body.attempts).toBe(1);
      expect(moved.body.contactAttempts).toEqual([
        expect.objectContaining({ channel: 'email', outcome: 'sent' }),
      ]);
    });
  });

  describe('GET /v1/admin/leads/counts and view=', () => {
    it('counts for each role what the list shows for each view', async () => {
      const mine = clinician.clinicianId!;
      await lead({ urgency: 'crisis', respondBy: minutesAgo(30), assignedClinicianId: mine });
      await lead({ status: 'in_review', respondBy: minutesAgo(30), assignedClinicianId: mine });
      await lead({
        status: 'contacted',
        firstContactedAt: minutesAgo(20),
        assignedClinicianId: mine,
      });
      await lead({ status: 'declined', respondBy: minutesAgo(30), assignedClinicianId: mine });
      await lead({ urgency: 'crisis', respondBy: minutesAgo(30) });
      await lead({ status: 'spam', respondBy: null });
      const survivor = await lead({ respondBy: minutesAgo(30) });
      await lead({ respondBy: minutesAgo(30), mergedIntoLeadId: survivor.id });
      const held = await lead({ firstAttemptAt: minutesAgo(5) });
      await t.db.query(
        `UPDATE lead SET needs_review = true, review_reason = 'captcha_unavailable' WHERE id = $1`,
        [held.id],
      );

      for (const as of [coordinator, clinician, admin]) {
        const counts = (await t.http.get('/v1/admin/leads/counts').set(as.auth).expect(200))
          .body as Record<DeskView, number>;
        expect(Object.keys(counts).sort()).toEqual([...DESK_VIEWS].sort());
        for (const view of DESK_VIEWS) {
          expect([as.role, view, counts[view]]).toEqual([
            as.role,
            view,
            (await everyPage({ view, limit: '100' }, as)).length,
          ]);
        }
        if (as.role !== 'clinician') expect(counts.mine).toBe(0);
      }
      const own = (await t.http.get('/v1/admin/leads/counts').set(clinician.auth).expect(200))
        .body as Record<DeskView, number>;
      // The clinician's crisis and in-review leads are untried and late; the contacted one
      // was tried (before attempts were logged), the declined one is closed, and the one
      // of the 404 case above has an attempt.
      expect(own).toMatchObject({
        needsFirstContact: 2,
        crisis: 1,
        overdue: 2,
        unassigned: 0,
        mine: 4,
        heldForReview: 0,
      });
      const listed = await auditEvents(t, 'lead.counted');
      expect(listed.at(-1)!.actor_user_id).toBe(clinician.id);
    });

    it('refuses a view it does not know, naming the field', async () => {
      const response = await t.http
        .get('/v1/admin/leads?view=everything')
        .set(coordinator.auth)
        .expect(422);
      expect(response.body.errors).toEqual([
        {
          field: 'view',
          code: 'not_an_option',
          message: `must be one of ${DESK_VIEWS.join(', ')}`,
        },
      ]);
    });
  });

  describe('sort=dueAt', () => {
    it('lists overdue first, then soonest due, crisis first among equals, tried leads last, page after page', async () => {
      const tag = `due-${randomUUID().slice(0, 8)}`;
      const due = new Date(Date.now() + 60 * MINUTE);
      const created = (minutes: number) => minutesAgo(minutes);
      const tried = await lead({ tags: [tag], urgency: 'crisis', firstAttemptAt: minutesAgo(1) });
      const laterRoutine = await lead({ tags: [tag], respondBy: due, createdAt: created(10) });
      const laterCrisis = await lead({
        tags: [tag],
        respondBy: due,
        urgency: 'crisis',
        createdAt: created(5),
      });
      const late = await lead({ tags: [tag], status: 'in_review', respondBy: minutesAgo(30) });
      const olderRoutine = await lead({ tags: [tag], respondBy: due, createdAt: created(20) });
      const closed = await lead({ tags: [tag], status: 'declined', respondBy: minutesAgo(60) });
      const order = [late, laterCrisis, olderRoutine, laterRoutine].map((seeded) => seeded.id);

      const firstPage = await list({ tag, sort: 'dueAt', limit: '2' });
      expect(firstPage.items.map((item) => item.id)).toEqual(order.slice(0, 2));
      expect(firstPage.items.map((item) => item.overdue)).toEqual([true, false]);
      // No due time for the last two (tried, closed): crisis first among them.
      expect(await everyPage({ tag, sort: 'dueAt', limit: '2' })).toEqual([
        ...order,
        tried.id,
        closed.id,
      ]);

      const waiting = await everyPage({
        tag,
        sort: 'dueAt',
        view: 'needsFirstContact',
        limit: '3',
      });
      expect(waiting).toEqual(order);
    });

    it('can read the leads in due order from IDX_lead_due, written as the list writes it', async () => {
      const rank = `(CASE lead.urgency WHEN 'crisis' THEN 2 WHEN 'high' THEN 1 ELSE 0 END)`;
      const plan = await t.db.transaction(async (manager) => {
        await manager.query(`SET LOCAL enable_seqscan = off`);
        await manager.query(`SET LOCAL enable_sort = off`);
        return (await manager.query(
          `EXPLAIN SELECT lead.id FROM lead lead
            WHERE lead.merged_into_lead_id IS NULL AND lead.erased_at IS NULL
            ORDER BY ${dueAtSql('lead')} ASC, (2 - ${rank}) ASC, lead.created_at ASC, lead.id ASC
            LIMIT 25`,
        )) as { 'QUERY PLAN': string }[];
      });
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('IDX_lead_due');
    });

    it('refuses a cursor made for another sort', async () => {
      const page = await list({ sort: 'dueAt', limit: '1' });
      const response = await t.http
        .get('/v1/admin/leads')
        .query({ sort: 'urgency', cursor: page.nextCursor! })
        .set(coordinator.auth)
        .expect(422);
      expect(response.body.errors[0].field).toBe('cursor');
    });
  });

  describe('GET /v1/admin/stats', () => {
    it('reports the median time to first attempt and to first connection; within target is by first attempt', async () => {
      const at = '2024-05-01T10:00:00.000Z';
      const plus = (minutes: number) => new Date(Date.parse(at) + minutes * MINUTE);
      const seed = async (
        firstAttempt: number | null,
        connected: number | null,
        status = 'new',
      ) => {
        const seeded = await lead({ status, createdAt: at, respondBy: plus(60) });
        await t.db.query(
          `UPDATE lead SET first_attempt_at = $2, first_connected_at = $3 WHERE id = $1`,
          [
            seeded.id,
            firstAttempt === null ? null : plus(firstAttempt),
            connected === null ? null : plus(connected),
          ],
        );
      };
      await seed(10, 30, 'contacted');
      await seed(90, null, 'in_review');
      await seed(40, 200, 'contacted');
      await seed(null, null, 'in_review');

      const { body } = await t.http
        .get('/v1/admin/stats?from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z')
        .set(coordinator.auth)
        .expect(200);
      expect(body).toMatchObject({
        total: 4,
        medianMinutesToFirstAttempt: 40,
        medianMinutesToFirstConnection: 115,
        medianTimeToFirstContactMinutes: null,
        // Tried within the hour: 10 and 40; late: 90, and one never tried.
        contactedWithinTargetShare: 0.5,
        // The in-review lead nobody tried.
        overdueNow: 1,
      });
    });
  });
});
