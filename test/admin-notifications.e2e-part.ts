import { NOTIFICATION_KINDS } from '../src/notifications/notification.entity.js';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

type Member = Awaited<ReturnType<typeof aSignedInStaffMember>>;

interface Item {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  leadId: string | null;
  recipient: { kind: string; userId?: string };
  createdAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
  nextAttemptAt?: string;
}

describe('GET /v1/admin/notifications and retry', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Member;
  let coordinator: Member;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // A temporary failure waits ten minutes for its retry: long enough to be seen waiting.
    t = await startTestApp({ smtpUrl: sink.url, env: { DELIVERY_RETRY_DELAY_SECONDS: '600' } });
    admin = await aSignedInStaffMember(t, 'admin');
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterEach(() => {
    sink.refuseWith(null);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const list = (query = '', member: Member = coordinator) =>
    t.http.get(`/v1/admin/notifications${query}`).set(member.auth);
  const leadIdOf = async (inquiryId: string) =>
    (
      (await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [inquiryId])) as {
        lead_id: string;
      }[]
    )[0]!.lead_id;
  /** A new lead; resolves once its three emails (client, admin, coordinator) have settled. */
  const aLead = async (overrides: Record<string, unknown> = {}, until = 'settled') => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(201);
    const leadId = await leadIdOf(body.id);
    const items = await eventually(async () => {
      const { body: page } = await list(`?leadId=${leadId}`).expect(200);
      const current = page.items as Item[];
      const done =
        until === 'settled'
          ? current.every((item) => item.status !== 'pending')
          : // Attempted and back in the queue: between the attempt being recorded and the
            // job being rescheduled there is a moment with no next attempt yet.
            current.every((item) => item.attempts > 0 && item.nextAttemptAt !== undefined);
      return current.length === 3 && done && current;
    }, `the three notifications of a lead (${until})`);
    return { leadId, items };
  };

  it('lists a lead’s emails with kind, status, attempts and whom they went to, never an address or content', async () => {
    const client = {
      name: 'Philippa Oduya-Lindqvist',
      email: 'philippa.ol@example.org',
      message: 'We argue about my mother every weekend',
    };
    const { leadId, items } = await aLead(client);
    expect(items.map((item) => item.kind).sort()).toEqual([
      'client_acknowledgement',
      'staff_new_lead',
      'staff_new_lead',
    ]);
    for (const item of items) {
      expect(item).toEqual({
        id: expect.any(String),
        kind: item.kind,
        status: 'sent',
        attempts: 1,
        lastError: null,
        leadId,
        recipient: item.recipient,
        createdAt: expect.any(String),
        lastAttemptAt: expect.any(String),
        sentAt: expect.any(String),
      });
    }
    const recipients = items.map((item) => item.recipient);
    expect(recipients).toEqual(
      expect.arrayContaining([
        { kind: 'submitter' },
        { kind: 'user', userId: admin.id },
        { kind: 'user', userId: coordinator.id },
      ]),
    );
    const text = JSON.stringify(items);
    for (const value of [
      client.name,
      client.email,
      client.message,
      admin.email,
      coordinator.email,
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain('@');
  });

  it('filters by status, kind and lead', async () => {
    const { leadId } = await aLead();
    const byKind = await list(`?leadId=${leadId}&kind=client_acknowledgement`).expect(200);
    expect(byKind.body.items).toHaveLength(1);
    expect(byKind.body.items[0]).toMatchObject({ kind: 'client_acknowledgement', leadId });
    const sent = await list(`?leadId=${leadId}&status=sent`).expect(200);
    expect(sent.body.items).toHaveLength(3);
    const failed = await list(`?leadId=${leadId}&status=failed`).expect(200);
    expect(failed.body.items).toEqual([]);
    const allSent = await list('?status=sent&limit=100').expect(200);
    expect(allSent.body.items.length).toBeGreaterThanOrEqual(3);
    expect(allSent.body.items.every((item: Item) => item.status === 'sent')).toBe(true);
    const otherLead = await list(`?leadId=${randomUUID()}`).expect(200);
    expect(otherLead.body).toEqual({ items: [], nextCursor: null });
  });

  it('pages newest first with a cursor, never skipping or repeating one', async () => {
    await aLead();
    await aLead();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { body } = await list(query).expect(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item: Item) => item.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    const expected = (
      (await t.db.query(`SELECT id FROM notification ORDER BY created_at DESC, id DESC`)) as {
        id: string;
      }[]
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(seen).toEqual(expected);
  });

  it('refuses bad filters with 422, naming each', async () => {
    const response = await list('?status=bounced&kind=fax&leadId=42&limit=101');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        field: 'status',
        code: 'not_an_option',
        message: 'must be one of pending, sent, failed, held, withheld',
      },
      {
        field: 'kind',
        code: 'not_an_option',
        message: `must be one of ${NOTIFICATION_KINDS.join(', ')}`,
      },
      { field: 'leadId', code: 'invalid_format', message: 'must be a UUID' },
      { field: 'limit', code: 'out_of_range', message: 'must be at most 100' },
    ]);
    const cursor = await list('?cursor=bm90IGEgY3Vyc29y').expect(422);
    expect(cursor.body.errors).toEqual([
      {
        field: 'cursor',
        code: 'invalid_format',
        message: 'cursor is not valid; start again from the first page',
      },
    ]);
  });

  it('a notification refused for now shows its error and when the next attempt is due', async () => {
    sink.refuseWith(451);
    const { items } = await aLead({}, 'attempted');
    for (const item of items) {
      expect(item).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'SMTP 451 after RCPT TO: refused for now, will retry',
        sentAt: null,
      });
      expect(Date.parse(item.nextAttemptAt!)).toBeGreaterThan(Date.parse(item.lastAttemptAt!));
    }
  });

  it('a coordinator retries a failed notification: 202, sent once the SMTP server accepts, audited', async () => {
    sink.refuseWith(550);
    const { leadId, items } = await aLead();
    expect(items.map((item) => [item.status, item.lastError])).toEqual(
      Array(3).fill(['failed', 'SMTP 550 after RCPT TO: refused permanently']),
    );
    sink.refuseWith(null);
    const before = sink.messages.length;
    const target = items.find((item) => item.kind === 'client_acknowledgement')!;
    const response = await t.http
      .post(`/v1/admin/notifications/${target.id}/retry`)
      .set(coordinator.auth);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: target.id, status: 'pending' });
    await sink.waitForCount(before + 1);
    const retried = await eventually(async () => {
      const { body } = await list(`?leadId=${leadId}&kind=client_acknowledgement`).expect(200);
      return body.items[0]?.status === 'sent' && (body.items[0] as Item);
    }, 'the retried notification to be sent');
    expect(retried).toMatchObject({ attempts: 2, lastError: null });
    const others = await list(`?leadId=${leadId}&kind=staff_new_lead`).expect(200);
    expect(others.body.items.map((item: Item) => item.status)).toEqual(['failed', 'failed']);

    const audit = await t.db.query(
      `SELECT actor_user_id, lead_id, subject_type, details FROM audit_event
        WHERE action = 'notification.retried' AND subject_id = $1`,
      [target.id],
    );
    expect(audit).toEqual([
      {
        actor_user_id: coordinator.id,
        lead_id: leadId,
        subject_type: 'notification',
        details: { kind: 'client_acknowledgement', attempts: 1 },
      },
    ]);
  });

  it('retrying one that has not failed answers 409; an unknown or malformed id 404', async () => {
    const { items } = await aLead();
    const sent = await t.http.post(`/v1/admin/notifications/${items[0]!.id}/retry`).set(admin.auth);
    expect(sent.status).toBe(409);
    expect(sent.body.type).toBe('/problems/conflict');
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const response = await t.http.post(`/v1/admin/notifications/${id}/retry`).set(admin.auth);
      expect(response.status).toBe(404);
    }
  });

  it('clinicians are refused with 403, strangers with 401', async () => {
    const clinician = await aSignedInStaffMember(t, 'clinician');
    const { body } = await list('?limit=1', admin).expect(200);
    const id = body.items[0].id as string;
    expect((await list('', clinician)).status).toBe(403);
    const retry = await t.http.post(`/v1/admin/notifications/${id}/retry`).set(clinician.auth);
    expect(retry.status).toBe(403);
    expect((await t.http.get('/v1/admin/notifications')).status).toBe(401);
    expect((await t.http.post(`/v1/admin/notifications/${id}/retry`)).status).toBe(401);
  });
});
