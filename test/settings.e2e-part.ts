import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { responseDeadline } from '../src/vocabulary/response-targets.js';
import { LeadAnnouncements } from '../src/notifications/lead-announcements.service.js';
import { anInquiry } from './support/builders.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember, aStaffMember, signIn } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { jobsFinished, unfinishedJobs } from './support/queue-rows.js';

const CRISIS_MESSAGE = 'I have been feeling suicidal';

interface LeadRow {
  id: string;
  status: string;
  urgency: string;
  created_at: Date;
  respond_by: Date | null;
}

const leadOf = async (t: TestApp, inquiryId: string) =>
  (
    (await t.db.query(
      `SELECT l.id, l.status, l.urgency, l.created_at, l.respond_by
         FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.id = $1`,
      [inquiryId],
    )) as LeadRow[]
  )[0]!;

/** The overdue reminders and escalations planned for a lead, as [kind, recipient user]. */
const overdueNoticesOf = async (t: TestApp, leadId: string) =>
  (
    (await t.db.query(
      `SELECT kind, recipient_user_id FROM notification
        WHERE lead_id = $1 AND kind LIKE 'overdue%' ORDER BY created_at, kind`,
      [leadId],
    )) as { kind: string; recipient_user_id: string }[]
  ).map((row) => [row.kind, row.recipient_user_id]);

/** Response checks queued for a lead, as [stage, minutes after the lead was created]. */
const checksOf = async (t: TestApp, leadId: string) =>
  (
    (await t.db.query(
      `SELECT j.data->>'stage' AS stage,
              round(extract(epoch FROM j.start_after - l.created_at) / 60)::int AS minutes
         FROM pgboss.job j JOIN lead l ON l.id = (j.data->>'leadId')::uuid
        WHERE j.name = 'lead.response-check' AND l.id = $1
        ORDER BY minutes`,
      [leadId],
    )) as { stage: string; minutes: number }[]
  ).map((check) => [check.stage, check.minutes]);

describe('practice settings', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof aSignedInStaffMember>>;
  const get = () => t.http.get('/v1/admin/settings').set(admin.auth);
  const patch = (body: unknown) =>
    t.http
      .patch('/v1/admin/settings')
      .set(admin.auth)
      .send(body as object);
  const inquiry = async (overrides: Record<string, unknown> = {}) => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(201);
    return leadOf(t, body.id);
  };

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        CORS_ORIGINS: 'https://www.practice.example,https://practice.example',
        RESPONSE_TARGET_CRISIS_MINUTES: '15',
        RESPONSE_TARGET_HIGH_MINUTES: '240',
        RESPONSE_TARGET_ROUTINE_BUSINESS_DAYS: '1',
        SPAM_MIN_SECONDS: '3',
      },
    });
    admin = await aSignedInStaffMember(t, 'admin');
  });
  afterEach(async () => {
    await t.db.query(
      `UPDATE practice_setting SET response_target_crisis_minutes = NULL,
              response_target_high_minutes = NULL, response_target_routine_business_days = NULL,
              spam_min_seconds = NULL, updated_at = NULL`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('an admin reads the values in force: the environment’s while nothing was changed', async () => {
    const response = await get().expect(200);
    const defaults = {
      responseTargets: { crisisMinutes: 15, highMinutes: 240, routineBusinessDays: 1 },
      spamMinSeconds: 3,
    };
    const practice = {
      name: 'Our practice',
      timeZone: 'America/Los_Angeles',
      privacyNoticeVersion: '1',
    };
    expect(response.body).toEqual({
      ...defaults,
      practice: {
        ...practice,
        phone: null,
        email: null,
        website: null,
        address: null,
        privacyNoticeUrl: null,
        logoUrl: null,
      },
      booking: { enabled: false },
      referralResources: [],
      corsOrigins: ['https://www.practice.example', 'https://practice.example'],
      defaults: { ...defaults, practice },
      updatedAt: null,
    });
  });

  it('coordinators and clinicians may neither read nor change them; without a session, 401', async () => {
    for (const role of ['coordinator', 'clinician'] as const) {
      const member = await aSignedInStaffMember(t, role);
      await t.http.get('/v1/admin/settings').set(member.auth).expect(403);
      await t.http
        .patch('/v1/admin/settings')
        .set(member.auth)
        .send({ spamMinSeconds: 10 })
        .expect(403);
    }
    await t.http.get('/v1/admin/settings').expect(401);
    await t.http.patch('/v1/admin/settings').send({ spamMinSeconds: 10 }).expect(401);
    expect((await get()).body.spamMinSeconds).toBe(3);
  });

  it('a change sets only what was sent, and stays when read again', async () => {
    const changed = await patch({ responseTargets: { highMinutes: 120 } }).expect(200);
    expect(changed.body).toMatchObject({
      responseTargets: { crisisMinutes: 15, highMinutes: 120, routineBusinessDays: 1 },
      spamMinSeconds: 3,
      defaults: { responseTargets: { highMinutes: 240 } },
    });
    expect(Math.abs(Date.parse(changed.body.updatedAt) - Date.now())).toBeLessThan(10_000);
    expect((await get()).body).toEqual(changed.body);
  });

  it('null returns a value to the environment’s default', async () => {
    await patch({ spamMinSeconds: 30, responseTargets: { crisisMinutes: 5 } }).expect(200);
    const reset = await patch({ spamMinSeconds: null }).expect(200);
    expect(reset.body).toMatchObject({
      responseTargets: { crisisMinutes: 5 },
      spamMinSeconds: 3,
    });
  });

  it('CORS origins are shown but read-only: sending them answers 422', async () => {
    const response = await patch({ corsOrigins: ['https://evil.example'] }).expect(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      {
        field: 'corsOrigins',
        code: 'invalid_format',
        message: 'is read-only: set CORS_ORIGINS in the environment',
      },
    ]);
    await patch({ corsOrigins: null }).expect(422);
    expect((await get()).body.corsOrigins).toEqual([
      'https://www.practice.example',
      'https://practice.example',
    ]);
  });

  it('refuses bad values with 422 naming every field, and changes nothing', async () => {
    const response = await patch({
      responseTargets: {
        crisisMinutes: 0,
        highMinutes: 'soon',
        routineBusinessDays: 31,
        weekly: 1,
      },
      spamMinSeconds: 1.5,
      theme: 'dark',
    }).expect(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'responseTargets.crisisMinutes',
          code: 'out_of_range',
          message: 'must be at least 1',
        },
        {
          field: 'responseTargets.highMinutes',
          code: 'invalid_type',
          message: 'must be an integer',
        },
        {
          field: 'responseTargets.routineBusinessDays',
          code: 'out_of_range',
          message: 'must be at most 30',
        },
        { field: 'responseTargets.weekly', code: 'unknown_field', message: 'is not allowed' },
        { field: 'spamMinSeconds', code: 'invalid_type', message: 'must be an integer' },
        { field: 'theme', code: 'unknown_field', message: 'is not allowed' },
      ]),
    );
    expect(response.body.errors).toHaveLength(6);
    await patch({ responseTargets: null }).expect(422);
    expect((await get()).body.updatedAt).toBeNull();
  });

  it('refuses a crisis target longer than the high-urgency one', async () => {
    const response = await patch({ responseTargets: { crisisMinutes: 300 } }).expect(422);
    expect(response.body.errors).toEqual([
      {
        field: 'responseTargets.crisisMinutes',
        code: 'invalid_format',
        message: 'must be at most highMinutes (240)',
      },
    ]);
  });

  it('a change is audited with the old and new values, and who made it', async () => {
    await patch({ responseTargets: { crisisMinutes: 10 }, spamMinSeconds: 3 }).expect(200);
    const [event] = (await t.db.query(
      `SELECT actor_user_id, action, details FROM audit_event
        WHERE action = 'settings.updated' ORDER BY id DESC LIMIT 1`,
    )) as { actor_user_id: string; action: string; details: Record<string, unknown> }[];
    expect(event!.actor_user_id).toBe(admin.id);
    expect(event!.details).toMatchObject({
      fields: ['responseTargets.crisisMinutes', 'spamMinSeconds'],
      changes: { 'responseTargets.crisisMinutes': { from: 15, to: 10 } },
    });
    expect(event!.details.leadsRecomputed).toEqual(expect.any(Number));
  });

  it('a new inquiry after a change gets its deadline from the new target', async () => {
    await patch({ responseTargets: { crisisMinutes: 5 } }).expect(200);
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ message: CRISIS_MESSAGE }))
      .expect(201);
    const [row] = (await t.db.query(
      `SELECT l.urgency, extract(epoch FROM l.respond_by - i.received_at)::int AS seconds
         FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.id = $1`,
      [body.id],
    )) as { urgency: string; seconds: number }[];
    expect(row).toEqual({ urgency: 'crisis', seconds: 5 * 60 });
  });

  it('leads nobody tried yet get deadlines from the new targets and checks at the earlier times; others keep theirs', async () => {
    const routine = await inquiry();
    const crisis = await inquiry({ message: CRISIS_MESSAGE });
    const contacted = await inquiry({ message: CRISIS_MESSAGE });
    await t.db.query(
      `UPDATE lead SET status = 'contacted', first_attempt_at = now() WHERE id = $1`,
      [contacted.id],
    );

    await patch({ responseTargets: { crisisMinutes: 5, routineBusinessDays: 3 } }).expect(200);

    const read = async (id: string) =>
      (
        (await t.db.query(`SELECT respond_by FROM lead WHERE id = $1`, [id])) as {
          respond_by: Date;
        }[]
      )[0]!.respond_by;
    expect(await read(routine.id)).toEqual(
      responseDeadline(routine.created_at, 'routine', {
        crisisMinutes: 5,
        highMinutes: 240,
        routineBusinessDays: 3,
        timeZone: 'America/Los_Angeles',
      }),
    );
    expect(await read(crisis.id)).toEqual(new Date(crisis.created_at.getTime() + 5 * 60_000));
    expect(await read(contacted.id)).toEqual(contacted.respond_by);
    // Without workers no check was queued at creation: these come from the change alone.
    expect(await checksOf(t, crisis.id)).toEqual([
      ['reminder', 5],
      ['escalation', 10],
    ]);
    expect(await checksOf(t, routine.id)).toEqual([]);
  });

  it('the spam minimum in force applies to the next public form', async () => {
    const startedAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
    const before = await inquiry({ formStartedAt: startedAgo(60) });
    expect(before.status).toBe('new');
    await patch({ spamMinSeconds: 120 }).expect(200);
    const quick = await inquiry({ formStartedAt: startedAgo(60) });
    expect(quick.status).toBe('spam');
    const slow = await inquiry({ formStartedAt: startedAgo(180) });
    expect(slow.status).toBe('new');
  });
});

describe('response-time reminders', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterEach(() => {
    sink.messages.length = 0;
  });
  afterAll(async () => {
    await sink.stop();
  });

  /** Runs one response check the way the queue would. */
  const check = (t: TestApp, leadId: string, stage: 'reminder' | 'escalation', urgency: string) =>
    t.app.get(LeadAnnouncements).onResponseCheck({
      id: 'job',
      data: { leadId, stage, urgency: urgency as 'routine' | 'high' | 'crisis' },
      retryCount: 0,
      retryLimit: 1,
    });

  it('an assigned lead past its target reminds its clinician, not the coordinators; admins hear at twice it', async () => {
    const t = await startTestApp({ smtpUrl: sink.url });
    try {
      const coordinator = await aStaffMember(t.db, 'coordinator');
      const admin = await aStaffMember(t.db, 'admin');
      const clinician = await aStaffMember(t.db, 'clinician');
      const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      await sink.waitForCount(3);
      sink.messages.length = 0;
      const lead = await leadOf(t, body.id);
      await t.db.query(
        `UPDATE lead SET assigned_clinician_id = $2, created_at = now() - interval '10 days'
          WHERE id = $1`,
        [lead.id, clinician.clinicianId],
      );

      await check(t, lead.id, 'reminder', 'routine');
      await check(t, lead.id, 'reminder', 'routine');
      const [reminder] = await sink.waitForCount(1);
      expect(reminder!.to).toEqual([clinician.email]);
      expect(reminder!.subject).toBe(
        `Reminder: lead ${body.reference} is past its response target`,
      );

      await check(t, lead.id, 'escalation', 'routine');
      expect(await overdueNoticesOf(t, lead.id)).toEqual([
        ['overdue_reminder', clinician.id],
        ['overdue_escalation', admin.id],
      ]);
      await jobsFinished(t.db);
      expect(sink.messages.map((message) => message.to)).toEqual([
        [clinician.email],
        [admin.email],
      ]);
      expect(sink.messages.flatMap((message) => message.to)).not.toContain(coordinator.email);
    } finally {
      await t.close();
    }
  });

  it('a check follows the targets in the settings, not the environment', async () => {
    const t = await startTestApp({
      smtpUrl: sink.url,
      env: { RESPONSE_TARGET_CRISIS_MINUTES: '15' },
    });
    try {
      const coordinator = await aStaffMember(t.db, 'coordinator');
      const admin = await aStaffMember(t.db, 'admin');
      await t.http
        .patch('/v1/admin/settings')
        .set((await signIn(t, admin)).auth)
        .send({ responseTargets: { crisisMinutes: 30 } })
        .expect(200);
      const { body } = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ message: CRISIS_MESSAGE }))
        .expect(201);
      await sink.waitForCount(3);
      const lead = await leadOf(t, body.id);
      expect(await checksOf(t, lead.id)).toEqual([
        ['reminder', 30],
        ['escalation', 60],
      ]);
      sink.messages.length = 0;

      // Past the environment's 15 minutes, within the practice's 30: nothing yet.
      await t.db.query(`UPDATE lead SET created_at = now() - interval '20 minutes' WHERE id = $1`, [
        lead.id,
      ]);
      await check(t, lead.id, 'reminder', 'crisis');
      expect(await overdueNoticesOf(t, lead.id)).toEqual([]);
      expect(await unfinishedJobs(t.db)).toBe(0);
      expect(sink.messages).toHaveLength(0);

      await t.db.query(`UPDATE lead SET created_at = now() - interval '31 minutes' WHERE id = $1`, [
        lead.id,
      ]);
      await check(t, lead.id, 'reminder', 'crisis');
      const [reminder] = await sink.waitForCount(1);
      expect(reminder!.to).toEqual([coordinator.email]);
    } finally {
      await t.close();
    }
  });
});
