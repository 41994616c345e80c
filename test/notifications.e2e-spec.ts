import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { LeadAnnouncements } from '../src/notifications/lead-announcements.service.js';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { anInquiry } from './support/builders.js';
import { freePort } from './support/free-port.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { jobsFinished, jobsOfLead, unfinishedJobs } from './support/queue-rows.js';
import { eventually } from './support/wait.js';

const FAST_RETRIES = { DELIVERY_RETRY_DELAY_SECONDS: '1', DELIVERY_RETRY_LIMIT: '5' };

interface NotificationRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

const notificationsOf = async (t: TestApp, leadId: string) =>
  (await t.db.query(
    `SELECT id, kind, status, attempts, last_error FROM notification WHERE lead_id = $1 ORDER BY kind`,
    [leadId],
  )) as NotificationRow[];

const leadIdOf = async (t: TestApp, inquiryId: string) =>
  (
    (await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [inquiryId])) as {
      lead_id: string;
    }[]
  )[0]!.lead_id;

describe('email about a new lead', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { PRACTICE_NAME: 'Willow <Couples> Counseling' },
    });
  });
  afterEach(() => {
    sink.messages.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const client = {
    name: 'Marisol Quintanilla-Brandt',
    email: 'marisol.qb@example.org',
    phone: '+15035550177',
    message: 'We have been arguing about the in-laws for months',
  };

  it('without staff accounts: the client is thanked and the practice inbox is told, nothing more', async () => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(client)).expect(201);
    await jobsFinished(t.db);
    const messages = sink.messages;
    expect(messages).toHaveLength(2);
    const acknowledgement = messages.find((message) => message.to.includes(client.email))!;
    const notice = messages.find((message) => message.to.includes('intake@practice.example'))!;
    expect(acknowledgement.subject).toBe(`We received your message (${body.reference})`);
    expect(acknowledgement.text).toContain(body.reference);
    expect(notice.subject).toBe(`New lead ${body.reference}`);
    const leadId = await leadIdOf(t, body.id);
    expect(notice.text).toContain(`/admin/leads/${leadId}`);
    expect(notice.text).toContain('Service: couples');
    expect(notice.text).toContain('Urgency: routine');
    expect(await notificationsOf(t, leadId)).toEqual([
      expect.objectContaining({ kind: 'client_acknowledgement', status: 'sent', attempts: 1 }),
      expect.objectContaining({ kind: 'staff_new_lead', status: 'sent', attempts: 1 }),
    ]);
  });

  it('no email carries the client’s name, phone or message, and staff mail not their address', async () => {
    await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ ...client, email: 'marisol.second@example.org' }))
      .expect(201);
    await sink.waitForCount(2);
    for (const message of sink.messages) {
      for (const value of [client.name, 'Quintanilla', client.phone, client.message, 'in-laws']) {
        expect(message.raw).not.toContain(value);
      }
      if (!message.to.includes('marisol.second@example.org')) {
        expect(message.raw).not.toContain('marisol.second@example.org');
      }
    }
  });

  it('every message has a plain-text part, escapes HTML and keeps headers to one line', async () => {
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const messages = await sink.waitForCount(2);
    for (const message of messages) {
      expect(message.text.length).toBeGreaterThan(20);
      expect(message.html).toContain('Willow &lt;Couples&gt; Counseling');
      expect(message.html).not.toContain('<Couples>');
      expect(message.messageId).toMatch(/^<[0-9a-f-]{36}@practice\.example>$/);
    }
  });

  it('with staff accounts: every active coordinator and admin hears, clinicians and inactive ones do not', async () => {
    const other = await startTestApp({ smtpUrl: sink.url });
    try {
      const admin = await aStaffMember(other.db, 'admin');
      const coordinator = await aStaffMember(other.db, 'coordinator');
      const clinician = await aStaffMember(other.db, 'clinician');
      const departed = await aStaffMember(other.db, 'coordinator', { active: false });
      await other.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      await jobsFinished(other.db);
      const recipients = sink.messages.flatMap((message) => message.to);
      expect(recipients).toEqual(expect.arrayContaining([admin.email, coordinator.email]));
      expect(recipients).not.toContain(clinician.email);
      expect(recipients).not.toContain(departed.email);
      expect(recipients).not.toContain('intake@practice.example');
      expect(sink.messages).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it('a crisis sends every admin the crisis alert at once, with no detail of why', async () => {
    const other = await startTestApp({ smtpUrl: sink.url });
    try {
      const admin = await aStaffMember(other.db, 'admin');
      const coordinator = await aStaffMember(other.db, 'coordinator');
      const { body } = await other.http
        .post('/v1/inquiries')
        .send(anInquiry({ message: 'I have been feeling suicidal' }))
        .expect(201);
      await sink.waitForCount(3);
      const alert = sink.messages.find((message) => message.to.includes(admin.email))!;
      expect(alert.subject).toBe(`CRISIS: lead ${body.reference} needs attention now`);
      expect(alert.raw).not.toMatch(/suicid/i);
      const notice = sink.messages.find((message) => message.to.includes(coordinator.email))!;
      expect(notice.subject).toBe(`New lead ${body.reference} [CRISIS]`);
    } finally {
      await other.close();
    }
  });

  it('spam is stored but nobody is told', async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ website: 'http://bot.example' }))
      .expect(201);
    // The 201 came after the commit: no job was queued with the lead, so nothing can follow.
    const leadId = await leadIdOf(t, body.id);
    expect(await jobsOfLead(t.db, leadId)).toEqual([]);
    expect(await notificationsOf(t, leadId)).toEqual([]);
    expect(sink.messages).toHaveLength(0);
  });

  it('a returning person is thanked again; staff get a follow-up notice, not a second new lead', async () => {
    const email = 'twice.over@example.org';
    const first = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);
    await jobsFinished(t.db);
    sink.messages.length = 0;
    const second = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);
    await jobsFinished(t.db);
    // No staff account here: the practice's intake inbox hears of it.
    expect(sink.messages.map((message) => message.to.join()).sort()).toEqual([
      'intake@practice.example',
      email,
    ]);
    const notice = sink.messages.find((message) => message.to.includes('intake@practice.example'))!;
    expect(notice.subject).toBe(`Follow-up on lead ${second.body.reference}`);
    expect(notice.text).not.toContain(email);
    const rows = await notificationsOf(t, await leadIdOf(t, first.body.id));
    expect(rows.map((row) => [row.kind, row.status])).toEqual([
      ['client_acknowledgement', 'sent'],
      ['client_acknowledgement', 'sent'],
      ['staff_follow_up', 'sent'],
      ['staff_new_lead', 'sent'],
    ]);
  });
});

describe('delivery through failures', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('an SMTP server down for a while gets every message once when it comes back', async () => {
    const port = await freePort();
    const t = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, env: FAST_RETRIES });
    cleanup.push(() => t.close());
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const leadId = await leadIdOf(t, body.id);
    const failing = await eventually(async () => {
      const rows = await notificationsOf(t, leadId);
      return rows.length === 2 && rows.every((row) => row.attempts >= 1) && rows;
    }, 'a first failed attempt');
    for (const row of failing) {
      expect(row.status).toBe('pending');
      expect(row.last_error).toMatch(/^E[A-Z]+: mail server unreachable, will retry$/);
    }

    const sink = await startSmtpSink(port);
    cleanup.push(() => sink.stop());
    await jobsFinished(t.db);
    expect(sink.messages).toHaveLength(2);
    const rows = await notificationsOf(t, leadId);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('a permanent refusal (5xx) fails the notification visibly, and staff can retry it', async () => {
    const sink = await startSmtpSink();
    cleanup.push(() => sink.stop());
    const t = await startTestApp({ smtpUrl: sink.url, env: FAST_RETRIES });
    cleanup.push(() => t.close());
    sink.refuseWith(550);
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const leadId = await leadIdOf(t, body.id);
    const failed = await eventually(async () => {
      const rows = await notificationsOf(t, leadId);
      return rows.length === 2 && rows.every((row) => row.status === 'failed') && rows;
    }, 'both notifications to fail');
    for (const row of failed) {
      expect(row.attempts).toBe(1);
      expect(row.last_error).toBe('SMTP 550 after RCPT TO: refused permanently');
    }

    sink.refuseWith(null);
    const service = t.app.get(NotificationsService);
    for (const row of failed) expect(await service.retry(row.id)).toBe('queued');
    expect(await service.retry(failed[0]!.id)).toBe('not_failed');
    await sink.waitForCount(2);
    await eventually(async () => {
      const rows = await notificationsOf(t, leadId);
      return rows.every((row) => row.status === 'sent');
    }, 'the retried notifications to be sent');
  });

  it('a temporary refusal (4xx) is retried until accepted', async () => {
    const sink = await startSmtpSink();
    cleanup.push(() => sink.stop());
    const t = await startTestApp({ smtpUrl: sink.url, env: FAST_RETRIES });
    cleanup.push(() => t.close());
    sink.refuseWith(451);
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const leadId = await leadIdOf(t, body.id);
    await eventually(async () => {
      const rows = await notificationsOf(t, leadId);
      return rows.length === 2 && rows.every((row) => row.last_error?.startsWith('SMTP 451'));
    }, 'a 451 to be recorded');
    sink.refuseWith(null);
    await sink.waitForCount(2, 20_000);
    // The row is marked sent just after the server accepted: wait for that commit.
    const rows = await eventually(async () => {
      const current = await notificationsOf(t, leadId);
      return current.every((row) => row.status === 'sent') && current;
    }, 'both notifications to be marked sent');
    expect(rows.every((row) => row.attempts >= 2)).toBe(true);
  });

  it('a job enqueued by a process that stopped is delivered by the next one', async () => {
    const first = await startTestApp();
    const { body } = await first.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await first.close({ dropDatabase: false });

    const sink = await startSmtpSink();
    cleanup.push(() => sink.stop());
    const second = await startTestApp({ database: first.database, smtpUrl: sink.url });
    cleanup.push(() => second.close());
    const messages = await sink.waitForCount(2);
    expect(messages.some((message) => message.subject.includes(body.reference))).toBe(true);
  });

  it('two processes on one database send each email exactly once', async () => {
    const sink = await startSmtpSink();
    cleanup.push(() => sink.stop());
    const a = await startTestApp({ smtpUrl: sink.url });
    cleanup.push(() => a.close({ dropDatabase: false }));
    const b = await startTestApp({ database: a.database, smtpUrl: sink.url });
    cleanup.push(() => b.close());
    await aStaffMember(a.db, 'coordinator');
    await aStaffMember(a.db, 'admin');

    const leads = 12;
    await Promise.all(
      Array.from({ length: leads }, (_, i) =>
        (i % 2 ? a : b).http.post('/v1/inquiries').send(anInquiry()).expect(201),
      ),
    );
    const expected = leads * 3;
    await jobsFinished(a.db, undefined, 30_000);
    expect(sink.messages).toHaveLength(expected);
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(expected);
    const [{ n }] = await a.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE status = 'sent' AND attempts = 1`,
    );
    expect(n).toBe(expected);
  });
});

describe('response-time targets', () => {
  it('schedule a reminder at the target and an escalation at twice it', async () => {
    const t = await startTestApp({ env: { RESPONSE_TARGET_CRISIS_MINUTES: '15' } });
    try {
      const { body } = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ message: 'thinking about self-harm' }))
        .expect(201);
      const leadId = await leadIdOf(t, body.id);
      const announcements = t.app.get(LeadAnnouncements);
      await announcements.onSubmissionReceived({
        id: 'job',
        data: { leadId, submissionId: body.id, submissionKind: 'inquiry', leadCreated: true },
        retryCount: 0,
        retryLimit: 1,
      });
      const checks = (await t.db.query(
        `SELECT data->>'stage' AS stage,
                round(extract(epoch FROM start_after - l.created_at) / 60) AS minutes
           FROM pgboss.job j JOIN lead l ON l.id = (j.data->>'leadId')::uuid
          WHERE j.name = 'lead.response-check' AND l.id = $1 ORDER BY minutes`,
        [leadId],
      )) as { stage: string; minutes: string }[];
      expect(checks.map((check) => [check.stage, Number(check.minutes)])).toEqual([
        ['reminder', 15],
        ['escalation', 30],
      ]);
    } finally {
      await t.close();
    }
  });

  it('a lead still new at its target reminds coordinators, then escalates to admins', async () => {
    const sink = await startSmtpSink();
    const t = await startTestApp({ smtpUrl: sink.url });
    try {
      const coordinator = await aStaffMember(t.db, 'coordinator');
      const admin = await aStaffMember(t.db, 'admin');
      const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      await sink.waitForCount(3);
      sink.messages.length = 0;
      const leadId = await leadIdOf(t, body.id);
      await t.db.query(`UPDATE lead SET created_at = now() - interval '10 days' WHERE id = $1`, [
        leadId,
      ]);
      const announcements = t.app.get(LeadAnnouncements);
      const check = (stage: 'reminder' | 'escalation') =>
        announcements.onResponseCheck({
          id: 'job',
          data: { leadId, stage, urgency: 'routine' },
          retryCount: 0,
          retryLimit: 1,
        });
      const overdueNotices = async () =>
        (
          (await t.db.query(
            `SELECT kind, recipient_user_id FROM notification
              WHERE lead_id = $1 AND kind LIKE 'overdue%' ORDER BY created_at, kind`,
            [leadId],
          )) as { kind: string; recipient_user_id: string }[]
        ).map((row) => [row.kind, row.recipient_user_id]);
      await check('reminder');
      await check('reminder');
      expect(await overdueNotices()).toEqual([['overdue_reminder', coordinator.id]]);
      const [reminder] = await sink.waitForCount(1);
      expect(reminder!.to).toEqual([coordinator.email]);
      expect(reminder!.subject).toBe(
        `Reminder: lead ${body.reference} is past its response target`,
      );
      await check('escalation');
      expect(await overdueNotices()).toEqual([
        ['overdue_reminder', coordinator.id],
        ['overdue_escalation', admin.id],
      ]);
      await jobsFinished(t.db);
      expect(sink.messages.map((message) => message.to)).toEqual([
        [coordinator.email],
        [admin.email],
      ]);

      await t.db.query(
        `UPDATE lead SET status = 'contacted', first_attempt_at = now() WHERE id = $1`,
        [leadId],
      );
      await t.db.query(`DELETE FROM notification WHERE lead_id = $1 AND kind LIKE 'overdue%'`, [
        leadId,
      ]);
      await check('reminder');
      // A lead someone tried is not overdue: the check planned nothing and queued nothing.
      expect(await overdueNotices()).toEqual([]);
      expect(await unfinishedJobs(t.db)).toBe(0);
      expect(sink.messages).toHaveLength(2);
    } finally {
      await t.close();
      await sink.stop();
    }
  });
});

describe('a submission that raises the urgency of an open lead', () => {
  it('schedules the checks at the new, shorter target', async () => {
    const t = await startTestApp({ env: { RESPONSE_TARGET_HIGH_MINUTES: '240' } });
    try {
      const email = 'raised.later@example.org';
      const first = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);
      const leadId = await leadIdOf(t, first.body.id);
      const announcements = t.app.get(LeadAnnouncements);
      const announce = (submissionId: string, leadCreated: boolean) =>
        announcements.onSubmissionReceived({
          id: 'job',
          data: { leadId, submissionId, submissionKind: 'inquiry', leadCreated },
          retryCount: 0,
          retryLimit: 1,
        });
      await announce(first.body.id, true);
      const second = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);
      await t.db.query(`UPDATE lead SET urgency = 'high' WHERE id = $1`, [leadId]);
      await announce(second.body.id, false);
      await announce(second.body.id, false);
      const checks = (await t.db.query(
        `SELECT data->>'urgency' AS urgency, data->>'stage' AS stage,
                round(extract(epoch FROM start_after - l.created_at) / 60) AS minutes
           FROM pgboss.job j JOIN lead l ON l.id = (j.data->>'leadId')::uuid
          WHERE j.name = 'lead.response-check' AND l.id = $1 AND data->>'urgency' = 'high'
          ORDER BY minutes`,
        [leadId],
      )) as { urgency: string; stage: string; minutes: string }[];
      expect(checks.map((check) => [check.stage, Number(check.minutes)])).toEqual([
        ['reminder', 240],
        ['escalation', 480],
      ]);
    } finally {
      await t.close();
    }
  });
});
