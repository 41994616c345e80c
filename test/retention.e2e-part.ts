import { randomBytes, randomUUID } from 'node:crypto';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PURGE_BATCH_SIZE, Retention } from '../src/privacy/retention.service.js';
import { JobQueue } from '../src/queue/job-queue.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake } from './support/couples.js';
import {
  aLeadEvent,
  aTriageNote,
  leadOfSubmission,
  rowsOfLead,
  testCipher,
} from './support/lead-rows.js';
import { aSignedInStaffMember, aStaffMember, signIn } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/** Makes a lead look as if it arrived, and became what it is, `days` ago. */
const age = (t: TestApp, leadId: string, days: number) =>
  t.db.query(
    `UPDATE lead SET created_at = now() - make_interval(days => $2),
                     status_changed_at = now() - make_interval(days => $2),
                     last_submission_at = now() - make_interval(days => $2)
      WHERE id = $1`,
    [leadId, days],
  );

/** A bot's reach-out (honeypot filled): stored as spam. */
const aSpamLead = async (t: TestApp, days: number) => {
  const { body } = await t.http
    .post('/v1/inquiries')
    .set('idempotency-key', `spam-${randomBytes(6).toString('hex')}`)
    .send(anInquiry({ website: 'https://cheap-pills.example' }))
    .expect(201);
  const leadId = await leadOfSubmission(t.db, body.id);
  await age(t, leadId, days);
  return { leadId, inquiryId: body.id as string };
};

const leadExists = async (t: TestApp, leadId: string) =>
  ((await t.db.query(`SELECT 1 FROM lead WHERE id = $1`, [leadId])) as unknown[]).length === 1;

describe('retention', () => {
  let t: TestApp;
  let retention: Retention;
  let authorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    retention = t.app.get(Retention);
    authorId = (await aStaffMember(t.db, 'coordinator')).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('spam older than SPAM_RETENTION_DAYS (30) is deleted with every row of it; younger spam and genuine leads stay', async () => {
    const old = await aSpamLead(t, 31);
    const oldIntake = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ website: 'https://cheap-pills.example' }))
      .expect(201);
    const oldIntakeLead = await leadOfSubmission(t.db, oldIntake.body.id);
    await age(t, oldIntakeLead, 31);
    const young = await aSpamLead(t, 29);
    const genuine = await leadOfSubmission(
      t.db,
      (await t.http.post('/v1/inquiries').send(anInquiry()).expect(201)).body.id,
    );
    await age(t, genuine, 31);
    // What staff and the service may have attached to the old spam lead.
    await aTriageNote(t.db, old.leadId, authorId, 'Looks like a bot.');
    await aLeadEvent(t.db, old.leadId, 'status_changed');
    await t.db.query(
      `INSERT INTO notification (id, kind, status, dedupe_key, lead_id, recipient_kind, recipient_address, context)
       VALUES ($1, 'staff_new_lead', 'sent', $2, $3, 'address', 'intake@practice.example', '{}')`,
      [randomUUID(), `test:${old.leadId}`, old.leadId],
    );
    const subscriptionId = randomUUID();
    await t.db.query(
      `INSERT INTO webhook_subscription (id, url, events, secret_encrypted)
       VALUES ($1, 'https://hooks.example/x', '{lead.created}', $2)`,
      [
        subscriptionId,
        testCipher.encrypt('s3cret-s3cret', SEALED_COLUMNS.webhookSecret, subscriptionId),
      ],
    );
    await t.db.query(
      `INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status)
       VALUES ($1, $2, $3, 'lead.created', $4, 'delivered')`,
      [
        randomUUID(),
        subscriptionId,
        randomUUID(),
        JSON.stringify({ id: randomUUID(), type: 'lead.created', data: { leadId: old.leadId } }),
      ],
    );
    const kept = {
      young: await rowsOfLead(t.db, young.leadId),
      genuine: await rowsOfLead(t.db, genuine),
    };

    const purged = await retention.purgeSpam();

    expect(purged).toBe(2);
    for (const leadId of [old.leadId, oldIntakeLead]) {
      expect(await leadExists(t, leadId)).toBe(false);
      const left = Object.entries(await rowsOfLead(t.db, leadId)).filter(([, n]) => n > 0);
      expect(left).toEqual([]);
    }
    const deliveries = await t.db.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1`,
      [subscriptionId],
    );
    expect(deliveries).toEqual([{ n: 0 }]);
    const replays = await t.db.query(
      `SELECT count(*)::int AS n FROM idempotency_record WHERE response_body ->> 'id' = $1`,
      [old.inquiryId],
    );
    expect(replays).toEqual([{ n: 0 }]);
    expect(await rowsOfLead(t.db, young.leadId)).toEqual(kept.young);
    expect(await rowsOfLead(t.db, genuine)).toEqual(kept.genuine);
    expect(await leadExists(t, young.leadId)).toBe(true);
    expect(await leadExists(t, genuine)).toBe(true);
  });

  it('spam is counted from when it became spam, so a lead marked spam lately stays', async () => {
    const { leadId } = await aSpamLead(t, 40);
    await t.db.query(
      `UPDATE lead SET status_changed_at = now() - interval '2 days' WHERE id = $1`,
      [leadId],
    );
    await retention.purgeSpam();
    expect(await leadExists(t, leadId)).toBe(true);
  });

  it('purges in batches of 500, each audited by the service itself with its count and ids', async () => {
    const leadIds = (
      (await t.db.query(
        `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
                           preferred_contact, last_submission_at, created_at, status_changed_at, version)
         SELECT gen_random_uuid(), 'spam', 'routine', 'other', 'Bot', 'bot@spam.example',
                'bot@spam.example', 'email', now() - interval '60 days',
                now() - interval '60 days', now() - interval '60 days', 1
           FROM generate_series(1, $1)
         RETURNING id`,
        [PURGE_BATCH_SIZE + 1],
      )) as { id: string }[]
    ).map((row) => row.id);
    const [{ last }] = await t.db.query(`SELECT coalesce(max(id), 0) AS last FROM audit_event`);

    expect(await retention.purgeSpam()).toBe(PURGE_BATCH_SIZE + 1);

    const events = (await t.db.query(
      `SELECT actor_user_id, actor_role, lead_id, details FROM audit_event
        WHERE action = 'lead.purged' AND id > $1 ORDER BY id`,
      [last],
    )) as {
      actor_user_id: string | null;
      actor_role: string | null;
      lead_id: string | null;
      details: { count: number; leadIds: string[]; reason: string };
    }[];
    expect(events.map((event) => event.details.count)).toEqual([PURGE_BATCH_SIZE, 1]);
    expect(events.every((event) => event.actor_user_id === null && event.actor_role === null)).toBe(
      true,
    );
    expect(events.flatMap((event) => event.details.leadIds).sort()).toEqual([...leadIds].sort());
    expect(events[0]!.details.reason).toBe('spam');
  });

  it('a lead merged into a purged spam lead goes with it', async () => {
    const coordinator = await aSignedInStaffMember(t, 'coordinator');
    const spam = await aSpamLead(t, 31);
    // Spam too: an open lead merged into a spam lead would bring it back to `new`.
    const merged = (await aSpamLead(t, 1)).leadId;
    await t.http
      .post(`/v1/admin/leads/${merged}/merge`)
      .set(coordinator.auth)
      .send({ intoLeadId: spam.leadId })
      .expect(200);

    await retention.purgeSpam();

    expect(await leadExists(t, spam.leadId)).toBe(false);
    expect(await leadExists(t, merged)).toBe(false);
    const left = Object.entries(await rowsOfLead(t.db, merged)).filter(([, n]) => n > 0);
    expect(left).toEqual([['audit_event', 1]]);
  });

  it('deletes idempotency records past their 24 hours and sessions ended more than 30 days ago', async () => {
    await t.db.query(
      `INSERT INTO idempotency_record (scope, key, request_hash, response_status, response_body, created_at)
       VALUES ('POST /v1/inquiries', 'stale-key', repeat('a', 64), 201, '{}', now() - interval '25 hours'),
              ('POST /v1/inquiries', 'fresh-key', repeat('a', 64), 201, '{}', now() - interval '23 hours')`,
    );
    const member = await aStaffMember(t.db, 'coordinator');
    const sessions: string[] = [];
    for (let i = 0; i < 4; i++) {
      await signIn(t, member);
      const [{ id }] = await t.db.query(
        `SELECT id FROM staff_session WHERE user_id = $1 AND id <> ALL($2::uuid[]) LIMIT 1`,
        [member.id, sessions],
      );
      sessions.push(id);
    }
    const [endedLongAgo, expiredLongAgo, endedLately, live] = sessions;
    await t.db.query(
      `UPDATE staff_session SET ended_at = now() - interval '31 days' WHERE id = $1`,
      [endedLongAgo],
    );
    await t.db.query(
      `UPDATE staff_session SET created_at = now() - interval '32 days', last_seen_at = now() - interval '32 days',
              expires_at = now() - interval '31 days' WHERE id = $1`,
      [expiredLongAgo],
    );
    await t.db.query(
      `UPDATE staff_session SET ended_at = now() - interval '29 days' WHERE id = $1`,
      [endedLately],
    );

    const report = await retention.run();

    expect(report).toMatchObject({ idempotencyRecords: 1, staffSessions: 2 });
    const keys = await t.db.query(
      `SELECT key FROM idempotency_record WHERE key IN ('stale-key', 'fresh-key')`,
    );
    expect(keys).toEqual([{ key: 'fresh-key' }]);
    const left = (await t.db.query(`SELECT id FROM staff_session WHERE user_id = $1`, [
      member.id,
    ])) as { id: string }[];
    expect(left.map((row) => row.id).sort()).toEqual([endedLately, live].sort());
  });

  it('deletes sign-in counters with no attempt for a day; younger ones stay', async () => {
    const member = await aStaffMember(t.db, 'coordinator');
    const wrong = { email: member.email, password: 'not the password at all' };
    await t.http.post('/v1/auth/login').send(wrong).expect(401);
    const counters = (await t.db.query(`SELECT key FROM login_throttle`)) as { key: string }[];
    expect(counters.length).toBeGreaterThanOrEqual(2);
    await t.db.query(
      `UPDATE login_throttle SET last_attempt_at = now() - interval '25 hours' WHERE key = $1`,
      [counters[0]!.key],
    );
    await t.db.query(
      `UPDATE login_throttle SET last_attempt_at = now() - interval '23 hours' WHERE key = $1`,
      [counters[1]!.key],
    );

    const report = await retention.run();

    expect(report.loginThrottles).toBe(1);
    const left = (await t.db.query(`SELECT key FROM login_throttle`)) as { key: string }[];
    expect(left.map((row) => row.key)).not.toContain(counters[0]!.key);
    expect(left.map((row) => row.key)).toContain(counters[1]!.key);
  });

  it('the daily purge is scheduled once in pg-boss, in the practice time zone', async () => {
    const schedules = await t.db.query(
      `SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'retention.purge'`,
    );
    expect(schedules).toEqual([
      { name: 'retention.purge', cron: '30 3 * * *', timezone: 'America/Los_Angeles' },
    ]);
  });
});

describe('the retention job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RUN_WORKERS: 'true', SPAM_RETENTION_DAYS: '7' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('purges spam older than SPAM_RETENTION_DAYS when a worker runs it', async () => {
    const old = await aSpamLead(t, 8);
    const young = await aSpamLead(t, 6);
    await t.app.get(JobQueue).boss.send('retention.purge', {});
    await eventually(async () => !(await leadExists(t, old.leadId)), 'the old spam to be purged');
    expect(await leadExists(t, young.leadId)).toBe(true);
  });
});
