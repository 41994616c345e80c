import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { announceSubmissions, leadOfSubmission, partnerAnswers } from './support/lead-rows.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

const HOUR_MS = 3_600_000;

/**
 * The coordinator's desk around returning people: follow-up notices, possible returning
 * clients, partner B in search, who said what, a readable audit log, reminders that follow
 * the target. (Merges themselves: lead-merge.e2e-cases.ts.)
 */
describe("the coordinator's desk: returning clients, partners, audit, reminders", () => {
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

  const anEmail = (who = 'returning') => `${who}.${randomBytes(4).toString('hex')}@example.com`;
  const inquiryLead = async (overrides: Record<string, unknown> = {}) => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(201);
    return { leadId: await leadOfSubmission(t.db, body.id), reference: body.reference as string };
  };
  const leadRow = async (id: string) =>
    ((await t.db.query(`SELECT * FROM lead WHERE id = $1`, [id])) as Record<string, unknown>[])[0]!;
  const detail = async (id: string, as: SignedIn = coordinator) =>
    (await t.http.get(`/v1/admin/leads/${id}`).set(as.auth).expect(200)).body;
  const patch = async (id: string, body: Record<string, unknown>) => {
    const { version } = await leadRow(id);
    const response = await t.http
      .patch(`/v1/admin/leads/${id}`)
      .set(coordinator.auth)
      .set('If-Match', `"${String(version)}"`)
      .send(body);
    expect(response.status).toBe(200);
    return response;
  };
  /** The staff emails planned for a lead, by kind, with their recipients. */
  const staffNotices = async (leadId: string, kind: string) =>
    (
      (await t.db.query(
        `SELECT recipient_user_id FROM notification WHERE lead_id = $1 AND kind = $2
          ORDER BY recipient_user_id`,
        [leadId, kind],
      )) as { recipient_user_id: string }[]
    ).map((row) => row.recipient_user_id);
  const coordinatorsAndAdmins = async () =>
    (
      (await t.db.query(
        `SELECT id FROM staff_user WHERE active AND role IN ('coordinator', 'admin') ORDER BY id`,
      )) as { id: string }[]
    ).map((row) => row.id);

  const listed = async (q: string, as: SignedIn = coordinator) =>
    (await t.http.get('/v1/admin/leads').query({ q }).set(as.auth).expect(200)).body.items as {
      id: string;
      labels: string[];
    }[];
  /** A lead heard from long ago, now closed: a new inquiry from its person starts another. */
  const anOldClosedLead = async (overrides: Record<string, unknown> = {}) => {
    const old = await inquiryLead(overrides);
    await t.db.query(
      `UPDATE lead SET status = 'closed_no_response', created_at = now() - interval '90 days',
              last_submission_at = now() - interval '90 days' WHERE id = $1`,
      [old.leadId],
    );
    return old;
  };

  describe('possible returning client', () => {
    it('a new lead with the email of an older closed lead is labelled, and its page names that lead', async () => {
      const email = anEmail();
      const old = await anOldClosedLead({ email });
      const fresh = await inquiryLead({ email: email.toUpperCase() });
      expect(fresh.leadId).not.toBe(old.leadId);

      const [row] = await listed(fresh.reference);
      expect(row).toMatchObject({ id: fresh.leadId, labels: ['possible_returning_client'] });
      const page = await detail(fresh.leadId);
      expect(page.labels).toEqual(['possible_returning_client']);
      expect(page.returningClientMatches).toEqual([
        {
          id: old.leadId,
          reference: old.reference,
          status: 'closed_no_response',
          matchedOn: ['email'],
        },
      ]);
      // The older lead is the new one's match too.
      expect((await detail(old.leadId)).returningClientMatches).toEqual([
        expect.objectContaining({ id: fresh.leadId, status: 'new', matchedOn: ['email'] }),
      ]);
    });

    it('the same phone is enough; a lead with no match, or matching only spam, is not labelled', async () => {
      const phone = '+15417770123';
      const old = await anOldClosedLead({ phone });
      const fresh = await inquiryLead({ phone });
      expect((await listed(fresh.reference))[0]!.labels).toEqual(['possible_returning_client']);
      expect((await detail(fresh.leadId)).returningClientMatches).toEqual([
        expect.objectContaining({ id: old.leadId, matchedOn: ['phone'] }),
      ]);

      const alone = await inquiryLead();
      expect((await listed(alone.reference))[0]!.labels).toEqual([]);
      const email = anEmail();
      const spam = await inquiryLead({ email });
      await t.db.query(`UPDATE lead SET status = 'spam' WHERE id = $1`, [spam.leadId]);
      const afterSpam = await inquiryLead({ email });
      expect(afterSpam.leadId).not.toBe(spam.leadId);
      expect((await listed(afterSpam.reference))[0]!.labels).toEqual([]);
      expect((await detail(afterSpam.leadId)).returningClientMatches).toEqual([]);
    });

    it('a clinician sees the label only for a match they may see', async () => {
      const email = anEmail();
      await anOldClosedLead({ email });
      const fresh = await inquiryLead({ email });
      await t.db.query(`UPDATE lead SET assigned_clinician_id = $2 WHERE id = $1`, [
        fresh.leadId,
        clinician.clinicianId,
      ]);
      expect((await listed(fresh.reference, clinician))[0]!.labels).toEqual([]);
      expect((await detail(fresh.leadId, clinician)).labels).toEqual([]);
    });
  });

  describe("search finds a couple's second partner", () => {
    it('by the invited name, address and, once answered, phone and the name they gave', async () => {
      const tag = randomBytes(3).toString('hex');
      const partner = { name: `Quentin Marlowe${tag}`, email: `q.marlowe.${tag}@example.net` };
      const intake = await t.http.post('/v1/intakes').send(aCouplesIntake({ partner })).expect(201);
      const leadId = await leadOfSubmission(t.db, intake.body.id);
      const found = async (q: string) => (await listed(q)).map((item) => item.id);

      expect(await found(`marlowe${tag}`)).toEqual([leadId]);
      expect(await found(`quentin marlowe${tag}`)).toEqual([leadId]);
      expect(await found(`Q.MARLOWE.${tag}@`)).toEqual([leadId]);
      expect(await found(`quentin zzz${tag}`)).toEqual([]);

      await partnerAnswers(t, intake.body.id, {
        name: `Quinn Marlowe-Ade${tag}`,
        email: partner.email,
        phone: '+15419990177',
      });
      expect(await found(`ade${tag}`)).toEqual([leadId]);
      expect(await found('(541) 999-0177')).toEqual([leadId]);
      // A clinician finds only the couples assigned to them.
      expect((await listed(`marlowe${tag}`, clinician)).map((item) => item.id)).toEqual([]);
    });
  });

  describe('who said what', () => {
    it("partner B's crisis names B with B's own contact and the caution, never the lead's primary contact", async () => {
      const a = { name: 'Alex Rivera', email: anEmail('alex'), state: 'OR', phone: '+15035550111' };
      const intake = await t.http
        .post('/v1/intakes')
        .send(aCouplesIntake({ client: a }))
        .expect(201);
      const leadId = await leadOfSubmission(t.db, intake.body.id);
      const b = { name: 'Sam Okafor', email: anEmail('sam'), phone: '+15415550177' };
      await partnerAnswers(t, intake.body.id, b, coupleAnswers({ crisis_now: true }));

      const page = await detail(leadId);
      expect(page.email).toBe(a.email);
      expect(page.flags.signals).toEqual([
        {
          kind: 'crisis',
          partner: 'B',
          source: 'answer',
          contact: b,
          caution: 'Do not discuss this with the other partner.',
        },
      ]);
      expect(JSON.stringify(page.flags.signals)).not.toContain(a.email);
      expect(JSON.stringify(page.flags.signals)).not.toContain(a.phone);
    });
  });

  describe('a readable audit log', () => {
    const auditLog = async (query: Record<string, unknown>) =>
      (await t.http.get('/v1/admin/audit-events').query(query).set(admin.auth).expect(200))
        .body as { items: Record<string, unknown>[]; nextCursor: string | null };

    it('names the actor, the action in words and the lead reference', async () => {
      const reader = await aSignedInStaffMember(t, 'coordinator');
      const lead = await inquiryLead();
      await detail(lead.leadId, reader);

      const { items } = await auditLog({ actorUserId: reader.id, action: 'lead.read' });
      expect(items).toEqual([
        expect.objectContaining({
          actor: { userId: reader.id, role: 'coordinator', name: 'Staff coordinator' },
          action: 'lead.read',
          actionLabel: 'Opened a lead',
          leadId: lead.leadId,
          leadReference: lead.reference,
          count: 1,
        }),
      ]);
    });

    it("folds one person's lead listings of one hour into one item with a count; fold=false keeps them all", async () => {
      const lister = await aSignedInStaffMember(t, 'coordinator');
      const listing = (at: string, ip = '10.0.0.1') =>
        t.db.query(
          `INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, action, ip, details)
           VALUES ($1, $2, 'coordinator', 'lead.listed', $3, '{"count": 25}')`,
          [at, lister.id, ip],
        );
      await listing('2026-12-01T09:05:00Z');
      await listing('2026-12-01T09:20:00Z');
      await listing('2026-12-01T09:25:00Z', '10.0.0.2');
      await listing('2026-12-01T09:40:00Z');
      await listing('2026-12-01T10:02:00Z');
      const window = {
        actorUserId: lister.id,
        from: '2026-12-01T00:00:00Z',
        to: '2026-12-02T00:00:00Z',
      };

      const folded = await auditLog(window);
      expect(
        folded.items.map(({ occurredAt, firstOccurredAt, count, ip, actionLabel }) => ({
          occurredAt,
          firstOccurredAt,
          count,
          ip,
          actionLabel,
        })),
      ).toEqual([
        {
          occurredAt: '2026-12-01T10:02:00.000Z',
          firstOccurredAt: '2026-12-01T10:02:00.000Z',
          count: 1,
          ip: '10.0.0.1',
          actionLabel: 'Listed leads',
        },
        {
          occurredAt: '2026-12-01T09:40:00.000Z',
          firstOccurredAt: '2026-12-01T09:05:00.000Z',
          count: 3,
          ip: '10.0.0.1',
          actionLabel: 'Listed leads',
        },
        {
          occurredAt: '2026-12-01T09:25:00.000Z',
          firstOccurredAt: '2026-12-01T09:25:00.000Z',
          count: 1,
          ip: '10.0.0.2',
          actionLabel: 'Listed leads',
        },
      ]);
      expect(folded.nextCursor).toBeNull();
      expect((await auditLog({ ...window, fold: false })).items).toHaveLength(5);

      // Pages of one item each: every event counted once, and still folded.
      const counts: number[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await auditLog({ ...window, limit: 1, ...(cursor ? { cursor } : {}) });
        counts.push(...page.items.map((item) => item.count as number));
        cursor = page.nextCursor;
      } while (cursor);
      // A folded item cut by a page boundary goes on as another item on the next page.
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(5);
      expect(counts.length).toBeLessThan(5);
    });

    it('fold must be true or false (422 naming it)', async () => {
      const response = await t.http
        .get('/v1/admin/audit-events')
        .query({ fold: 'maybe' })
        .set(admin.auth)
        .expect(422);
      expect(response.body.errors).toEqual([
        { field: 'fold', code: 'invalid_type', message: 'must be true or false' },
      ]);
    });
  });

  describe('a returning client is never silent', () => {
    it('a second inquiry on an assigned open lead notifies its clinician with a follow-up notice, on the timeline', async () => {
      const email = anEmail();
      const first = await inquiryLead({ email });
      await announceSubmissions(t, first.leadId);
      await t.db.query(`UPDATE lead SET assigned_clinician_id = $2 WHERE id = $1`, [
        first.leadId,
        clinician.clinicianId,
      ]);

      const second = await inquiryLead({ email });
      expect(second.leadId).toBe(first.leadId);
      await announceSubmissions(t, first.leadId);

      expect(await staffNotices(first.leadId, 'staff_follow_up')).toEqual([clinician.id]);
      const [notice] = (await t.db.query(
        `SELECT context FROM notification WHERE lead_id = $1 AND kind = 'staff_follow_up'`,
        [first.leadId],
      )) as { context: Record<string, string> }[];
      expect(notice!.context.reference).toBe(second.reference);
      const followUps = (await detail(first.leadId)).timeline.filter(
        (entry: { kind: string }) => entry.kind === 'follow_up',
      );
      expect(followUps).toEqual([
        {
          at: expect.any(String),
          kind: 'follow_up',
          actor: null,
          details: { reference: second.reference, submissionKind: 'inquiry' },
        },
      ]);
      // The job run again plans nothing twice.
      await announceSubmissions(t, first.leadId);
      expect(await staffNotices(first.leadId, 'staff_follow_up')).toEqual([clinician.id]);
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM lead_event WHERE lead_id = $1 AND kind = 'follow_up'`,
        [first.leadId],
      )) as [{ n: number }];
      expect(n).toBe(1);
    });

    it('an intake joining an unassigned inquiry lead notifies every coordinator and admin; a partner answering does not', async () => {
      const email = anEmail();
      const first = await inquiryLead({ email });
      await announceSubmissions(t, first.leadId);
      expect(await staffNotices(first.leadId, 'staff_follow_up')).toEqual([]);

      const intake = await t.http
        .post('/v1/intakes')
        .send(aCouplesIntake({ client: { name: 'Alex Rivera', email, state: 'OR' } }))
        .expect(201);
      expect(await leadOfSubmission(t.db, intake.body.id)).toBe(first.leadId);
      await announceSubmissions(t, first.leadId);
      const notified = await staffNotices(first.leadId, 'staff_follow_up');
      expect(notified).toEqual(await coordinatorsAndAdmins());

      await partnerAnswers(t, intake.body.id, { name: 'Sam Rivera', email: anEmail('sam') });
      await announceSubmissions(t, first.leadId);
      expect(await staffNotices(first.leadId, 'staff_follow_up')).toEqual(notified);
    });
  });

  describe('reminders follow the target', () => {
    const checks = async (leadId: string) =>
      (
        (await t.db.query(
          `SELECT data->>'stage' AS stage, data->>'urgency' AS urgency, start_after
             FROM pgboss.job WHERE name = 'lead.response-check' AND data->>'leadId' = $1
            ORDER BY start_after`,
          [leadId],
        )) as { stage: string; urgency: string; start_after: Date }[]
      ).map((job) => ({ ...job, start_after: job.start_after.getTime() }));

    it('routine → high: respondBy and the reminder and escalation move to the high target', async () => {
      const { leadId } = await inquiryLead();
      await announceSubmissions(t, leadId);
      const createdAt = ((await leadRow(leadId)).created_at as Date).getTime();

      await patch(leadId, { urgency: 'high' });

      expect(((await leadRow(leadId)).respond_by as Date).getTime()).toBe(createdAt + 4 * HOUR_MS);
      expect((await checks(leadId)).filter((job) => job.urgency === 'high')).toEqual([
        { stage: 'reminder', urgency: 'high', start_after: createdAt + 4 * HOUR_MS },
        { stage: 'escalation', urgency: 'high', start_after: createdAt + 8 * HOUR_MS },
      ]);
    });

    it('spam → new: the lead is checked again at its target', async () => {
      const { leadId } = await inquiryLead();
      await t.db.query(
        `UPDATE lead SET status = 'spam', urgency = 'high', respond_by = NULL WHERE id = $1`,
        [leadId],
      );
      const createdAt = ((await leadRow(leadId)).created_at as Date).getTime();
      const before = await checks(leadId);

      await patch(leadId, { status: 'new' });

      expect(((await leadRow(leadId)).respond_by as Date).getTime()).toBe(createdAt + 4 * HOUR_MS);
      const added = (await checks(leadId)).filter(
        (job) => !before.some((old) => old.stage === job.stage && old.urgency === job.urgency),
      );
      expect(added).toEqual([
        { stage: 'reminder', urgency: 'high', start_after: createdAt + 4 * HOUR_MS },
        { stage: 'escalation', urgency: 'high', start_after: createdAt + 8 * HOUR_MS },
      ]);
    });
  });
});
