import { randomUUID } from 'node:crypto';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataCipher, newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { rotateEncryptedValues } from '../src/key-rotation/key-rotation.js';
import { verifyWebhook } from '../src/webhooks/webhook-event.js';
import { anInquiry } from './support/builders.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';
import {
  startWebhookReceiver,
  subscribeWebhook,
  type WebhookReceiver,
} from './support/webhooks.js';

const PUBLIC_URL = 'https://hooks.practice.example/relational-intake?token=receiver-own-token';
const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));

type Auth = { Authorization: string };

interface AuditRow {
  action: string;
  actor_user_id: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown>;
}

const auditOf = async (t: TestApp, subjectId: string) =>
  (await t.db.query(
    `SELECT action, actor_user_id, subject_type, subject_id, details
       FROM audit_event WHERE subject_id = $1 ORDER BY id`,
    [subjectId],
  )) as AuditRow[];

describe('webhook subscriptions through the admin API', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof aSignedInStaffMember>>;
  let auth: Auth;

  beforeAll(async () => {
    // The production rules for addresses (private ones refused); no workers needed.
    t = await startTestApp();
    admin = await aSignedInStaffMember(t, 'admin');
    auth = admin.auth;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: object) => t.http.post('/v1/admin/webhooks').set(auth).send(body);

  it('an admin subscribes a URL and is shown a generated secret once, in that answer', async () => {
    const response = await create({ url: PUBLIC_URL, events: ['lead.created'] });
    expect(response.status).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: PUBLIC_URL,
      events: ['lead.created'],
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
    const { id, secret } = response.body;

    const one = await t.http.get(`/v1/admin/webhooks/${id}`).set(auth).expect(200);
    const view = { ...response.body };
    delete view.secret;
    expect(one.body).toEqual(view);
    const list = await t.http.get('/v1/admin/webhooks').set(auth).expect(200);
    expect(list.body.items).toContainEqual(view);
    expect(JSON.stringify([one.body, list.body])).not.toContain(secret);
  });

  it('keeps the secret sealed in the database: the raw row holds no trace of it', async () => {
    const secret = 'a-secret-the-receiver-chose-0123456789';
    const { body } = await create({ url: PUBLIC_URL, events: ['lead.created'], secret });
    expect(body.secret).toBe(secret);
    const [row] = (await t.db.query(`SELECT * FROM webhook_subscription WHERE id = $1`, [
      body.id,
    ])) as Record<string, string>[];
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(Object.keys(row!)).not.toContain('secret');
    expect(row!.secret_encrypted).toMatch(/^v2\.test1\./);
    expect(cipher.decrypt(row!.secret_encrypted!, SEALED_COLUMNS.webhookSecret, body.id)).toBe(
      secret,
    );
  });

  it('stores the events once each, in their usual order', async () => {
    const { body } = await create({
      url: PUBLIC_URL,
      events: ['lead.status_changed', 'lead.created', 'intake.completed'],
    }).expect(201);
    expect(body.events).toEqual(['lead.created', 'intake.completed', 'lead.status_changed']);
  });

  it('refuses a missing URL, unknown or no events, a short secret and unknown fields, naming each', async () => {
    const response = await create({
      events: ['lead.created', 'lead.deleted'],
      secret: 'too-short',
      active: false,
    });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'active', code: 'unknown_field', message: 'is not allowed' },
        { field: 'url', code: 'required', message: 'is required' },
        {
          field: 'events',
          code: 'not_an_option',
          message: 'must each be one of lead.created, intake.completed, lead.status_changed',
        },
        { field: 'secret', code: 'too_short', message: 'must be 32 to 200 characters' },
      ]),
    );
    expect(response.body.errors).toHaveLength(4);
    expect(JSON.stringify(response.body)).not.toContain('too-short');

    const empty = await create({ url: PUBLIC_URL, events: [] }).expect(422);
    expect(empty.body.errors).toEqual([
      { field: 'events', code: 'too_short', message: 'must name at least one event' },
    ]);
    const notAList = await create({ url: PUBLIC_URL, events: 'lead.created' }).expect(422);
    expect(notAList.body.errors).toEqual([
      { field: 'events', code: 'invalid_type', message: 'must be an array' },
    ]);
    const spaced = await create({
      url: PUBLIC_URL,
      events: ['lead.created'],
      secret: 'a secret with spaces in it, long enough',
    }).expect(422);
    expect(spaced.body.errors).toEqual([
      {
        field: 'secret',
        code: 'invalid_format',
        message: 'must be visible ASCII characters, without spaces',
      },
    ]);
  });

  describe('refuses URLs that would reach inside the network (SSRF) with 422 naming url', () => {
    it.each([
      ['http://127.0.0.1:5432/', 'must not point at a loopback address'],
      ['http://localhost:3000/v1/admin/users', 'must not point at a local or internal host name'],
      ['http://2130706433/', 'must not point at a loopback address'],
      ['http://0x7f.1/', 'must not point at a loopback address'],
      ['http://[::1]/', 'must not point at a loopback address'],
      ['http://[::ffff:127.0.0.1]/', 'must not point at a loopback address'],
      [
        'http://169.254.169.254/latest/meta-data/',
        'must not point at a link-local address (this includes cloud metadata services)',
      ],
      [
        'http://metadata.google.internal/computeMetadata/v1/',
        'must not point at a local or internal host name',
      ],
      ['http://10.1.2.3/', 'must not point at a private network address'],
      ['http://192.168.0.10/', 'must not point at a private network address'],
      ['http://[fd00::1]/', 'must not point at a private network address'],
      [
        'http://[fe80::1]/',
        'must not point at a link-local address (this includes cloud metadata services)',
      ],
      ['http://100.64.0.1/', 'must not point at a carrier-grade NAT address (100.64.0.0/10)'],
      ['http://0.0.0.0/', 'must not point at an unspecified address (0.0.0.0/8 or ::)'],
      ['http://224.0.0.1/', 'must not point at a multicast or broadcast address'],
      ['ftp://hooks.practice.example/', 'must be an absolute http or https URL'],
      ['file:///etc/passwd', 'must be an absolute http or https URL'],
      ['https://user:password@hooks.practice.example/', 'must not contain a user name or password'],
    ])('%s', async (url, message) => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM webhook_subscription`);
      const response = await create({ url, events: ['lead.created'] });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ field: 'url', code: 'invalid_format', message }]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM webhook_subscription`)).toEqual(
        before,
      );
    });

    it('also when a subscription is changed', async () => {
      const { body } = await create({ url: PUBLIC_URL, events: ['lead.created'] }).expect(201);
      const response = await t.http
        .patch(`/v1/admin/webhooks/${body.id}`)
        .set(auth)
        .send({ url: 'http://[::ffff:169.254.169.254]/' });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        {
          field: 'url',
          code: 'invalid_format',
          message: 'must not point at a link-local address (this includes cloud metadata services)',
        },
      ]);
      const after = await t.http.get(`/v1/admin/webhooks/${body.id}`).set(auth).expect(200);
      expect(after.body.url).toBe(PUBLIC_URL);
    });
  });

  it('PATCH changes the URL, events, active flag and secret, and the audit names what changed', async () => {
    const { body: created } = await create({ url: PUBLIC_URL, events: ['lead.created'] });
    const newSecret = 'rotated-secret-0123456789-abcdefghijkl';
    const response = await t.http
      .patch(`/v1/admin/webhooks/${created.id}`)
      .set(auth)
      .send({
        url: 'https://other.practice.example/hooks',
        events: ['lead.status_changed'],
        active: false,
        secret: newSecret,
      });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: created.id,
      url: 'https://other.practice.example/hooks',
      events: ['lead.status_changed'],
      active: false,
      createdAt: created.createdAt,
      updatedAt: expect.any(String),
    });
    const [row] = await t.db.query(
      `SELECT secret_encrypted FROM webhook_subscription WHERE id = $1`,
      [created.id],
    );
    expect(cipher.decrypt(row.secret_encrypted, SEALED_COLUMNS.webhookSecret, created.id)).toBe(
      newSecret,
    );

    const events = await auditOf(t, created.id);
    expect(events.map((event) => event.action)).toEqual(['webhook.created', 'webhook.updated']);
    expect(events[0]).toMatchObject({
      actor_user_id: admin.id,
      subject_type: 'webhook',
      details: { host: 'hooks.practice.example', events: ['lead.created'], secretGenerated: true },
    });
    expect(events[1]!.details).toEqual({
      changed: ['url', 'events', 'active', 'secret'],
      host: 'other.practice.example',
      events: ['lead.status_changed'],
      active: false,
    });
    const audited = JSON.stringify(events);
    expect(audited).not.toContain(newSecret);
    expect(audited).not.toContain(created.secret);
    expect(audited).not.toContain('receiver-own-token');
  });

  it('PATCH without a change to make is refused, and null is not a value', async () => {
    const { body: created } = await create({ url: PUBLIC_URL, events: ['lead.created'] });
    const empty = await t.http.patch(`/v1/admin/webhooks/${created.id}`).set(auth).send({});
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([
      {
        field: 'body',
        code: 'invalid_format',
        message: 'must change at least one of url, events, active, secret',
      },
    ]);
    const nulls = await t.http
      .patch(`/v1/admin/webhooks/${created.id}`)
      .set(auth)
      .send({ url: null, active: null });
    expect(nulls.status).toBe(422);
    expect(nulls.body.errors).toEqual([
      { field: 'url', code: 'required', message: 'must be a string' },
      { field: 'active', code: 'required', message: 'must be true or false' },
    ]);
  });

  it('DELETE removes a subscription: 204, then 404, and the deletion is audited', async () => {
    const { body: created } = await create({ url: PUBLIC_URL, events: ['lead.created'] });
    const response = await t.http.delete(`/v1/admin/webhooks/${created.id}`).set(auth);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    await t.http.get(`/v1/admin/webhooks/${created.id}`).set(auth).expect(404);
    await t.http.delete(`/v1/admin/webhooks/${created.id}`).set(auth).expect(404);
    const events = await auditOf(t, created.id);
    expect(events.at(-1)).toMatchObject({
      action: 'webhook.deleted',
      actor_user_id: admin.id,
      details: { events: ['lead.created'], deliveries: 0 },
    });
  });

  it('unknown and malformed ids answer 404 on every route', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      await t.http.get(`/v1/admin/webhooks/${id}`).set(auth).expect(404);
      await t.http.patch(`/v1/admin/webhooks/${id}`).set(auth).send({ active: false }).expect(404);
      await t.http.delete(`/v1/admin/webhooks/${id}`).set(auth).expect(404);
      await t.http.get(`/v1/admin/webhooks/${id}/deliveries`).set(auth).expect(404);
    }
  });

  it('coordinators and clinicians are refused every webhook route with 403; strangers with 401', async () => {
    const { body: created } = await create({ url: PUBLIC_URL, events: ['lead.created'] });
    const routes = [
      ['get', '/v1/admin/webhooks'],
      ['post', '/v1/admin/webhooks'],
      ['get', `/v1/admin/webhooks/${created.id}`],
      ['patch', `/v1/admin/webhooks/${created.id}`],
      ['delete', `/v1/admin/webhooks/${created.id}`],
      ['get', `/v1/admin/webhooks/${created.id}/deliveries`],
    ] as const;
    const body = { url: PUBLIC_URL, events: ['lead.created'] };
    for (const role of ['coordinator', 'clinician'] as const) {
      const member = await aSignedInStaffMember(t, role);
      for (const [method, path] of routes) {
        const response = await t.http[method](path).set(member.auth).send(body);
        expect([role, method, path, response.status]).toEqual([role, method, path, 403]);
      }
    }
    for (const [method, path] of routes) {
      const response = await t.http[method](path).send(body);
      expect([method, path, response.status]).toEqual([method, path, 401]);
    }
    await t.http.get(`/v1/admin/webhooks/${created.id}`).set(auth).expect(200);
  });

  it('npm run rotate-key re-seals webhook secrets under the new key', async () => {
    const secret = 'kept-across-rotation-0123456789abcdef';
    const { body } = await create({ url: PUBLIC_URL, events: ['lead.created'], secret });
    const rotated = new DataCipher([
      ...parseKeyRing(newKeyRingEntry('k2')),
      ...parseKeyRing(TEST_DATA_KEY),
    ]);
    const reports = await rotateEncryptedValues(t.db, rotated);
    expect(reports).toContainEqual(
      expect.objectContaining({ table: 'webhook_subscription', column: 'secret_encrypted' }),
    );
    const [row] = await t.db.query(
      `SELECT secret_encrypted FROM webhook_subscription WHERE id = $1`,
      [body.id],
    );
    expect(row.secret_encrypted).toMatch(/^v2\.k2\./);
    expect(rotated.decrypt(row.secret_encrypted, SEALED_COLUMNS.webhookSecret, body.id)).toBe(
      secret,
    );
  });
});

describe('deliveries of a subscription', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let receiver: WebhookReceiver;
  let auth: Auth;

  beforeAll(async () => {
    sink = await startSmtpSink();
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      smtpUrl: sink.url,
      // A local receiver; a failed attempt waits long enough to be seen waiting.
      env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', DELIVERY_RETRY_DELAY_SECONDS: '600' },
    });
    ({ auth } = await aSignedInStaffMember(t, 'admin'));
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await receiver.close();
  });

  const deliveries = (subscriptionId: string, query = '') =>
    t.http.get(`/v1/admin/webhooks/${subscriptionId}/deliveries${query}`).set(auth);
  const leadIdOf = async (inquiryId: string) =>
    (
      (await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [inquiryId])) as {
        lead_id: string;
      }[]
    )[0]!.lead_id;
  const settled = (subscriptionId: string, count: number) =>
    eventually(async () => {
      const { body } = await deliveries(subscriptionId).expect(200);
      return (
        body.items.length === count &&
        body.items.every((item: { status: string }) => item.status !== 'pending') &&
        body
      );
    }, `${count} settled deliveries`);

  it('lists a lead’s delivery with its attempt, status, response code and times', async () => {
    const { id, secret } = await subscribeWebhook(t, auth, {
      url: receiver.url,
      events: ['lead.created'],
    });
    const { body: receipt } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const page = await settled(id, 1);
    const leadId = await leadIdOf(receipt.id);
    expect(page).toEqual({
      items: [
        {
          id: expect.any(String),
          eventId: expect.any(String),
          eventType: 'lead.created',
          leadId,
          status: 'delivered',
          attempts: 1,
          lastStatusCode: 204,
          lastError: null,
          createdAt: expect.any(String),
          lastAttemptAt: expect.any(String),
          deliveredAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    // The generated secret, sealed at rest, is what the delivery was signed with.
    const sent = receiver.received.find((r) => r.headers['webhook-id'] === page.items[0].eventId)!;
    const signature = sent.headers['webhook-signature'] as string;
    expect(verifyWebhook(secret, sent.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    await t.http.patch(`/v1/admin/webhooks/${id}`).set(auth).send({ active: false }).expect(200);
  });

  it('a delivery waiting to be retried shows its error and when the next attempt is due', async () => {
    const { id } = await subscribeWebhook(t, auth, { url: receiver.url, events: ['lead.created'] });
    receiver.failNext(1);
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const item = await eventually(async () => {
      const { body } = await deliveries(id).expect(200);
      // A delivery is pending with a next attempt also before its first one: wait for the try.
      const [first] = body.items as {
        attempts: number;
        nextAttemptAt: string;
        lastAttemptAt: string;
      }[];
      return first && first.attempts >= 1 && first.nextAttemptAt ? first : undefined;
    }, 'a failed attempt waiting for its retry');
    expect(item).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      deliveredAt: null,
    });
    expect(Date.parse(item.nextAttemptAt)).toBeGreaterThan(Date.parse(item.lastAttemptAt));
    await t.http.delete(`/v1/admin/webhooks/${id}`).set(auth).expect(204);
  });

  it('pages newest first with a cursor, and filters by status', async () => {
    const { id } = await subscribeWebhook(t, auth, { url: receiver.url, events: ['lead.created'] });
    for (let i = 0; i < 3; i++) {
      await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    }
    await settled(id, 3);
    const first = await deliveries(id, '?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await deliveries(
      id,
      `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    ).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item) => item.id);
    const expected = (
      (await t.db.query(
        `SELECT id FROM webhook_delivery WHERE subscription_id = $1 ORDER BY created_at DESC, id DESC`,
        [id],
      )) as { id: string }[]
    ).map((row) => row.id);
    expect(ids).toEqual(expected);

    const failed = await deliveries(id, '?status=failed').expect(200);
    expect(failed.body.items).toEqual([]);
    const bad = await deliveries(id, '?status=lost&limit=0&cursor=nonsense').expect(422);
    expect(bad.body.errors).toEqual([
      {
        field: 'status',
        code: 'not_an_option',
        message: 'must be one of pending, delivered, failed',
      },
      { field: 'limit', code: 'out_of_range', message: 'must be at least 1' },
    ]);
    const badCursor = await deliveries(id, '?cursor=nonsense').expect(422);
    expect(badCursor.body.errors).toEqual([
      {
        field: 'cursor',
        code: 'invalid_format',
        message: 'cursor is not valid; start again from the first page',
      },
    ]);
  });
});

describe('deliveries re-checked when they are sent', () => {
  it('a subscription whose URL the rules refuse now is failed at once, with nothing sent', async () => {
    const sink = await startSmtpSink();
    const receiver = await startWebhookReceiver();
    const t = await startTestApp({ smtpUrl: sink.url });
    try {
      const { auth } = await aSignedInStaffMember(t, 'admin');
      // Stored before the rules (or under WEBHOOK_ALLOW_PRIVATE_URLS, since turned off).
      const id = randomUUID();
      await t.db.query(
        `INSERT INTO webhook_subscription (id, url, events, secret_encrypted) VALUES ($1, $2, $3, $4)`,
        [
          id,
          receiver.url,
          ['lead.created'],
          cipher.encrypt('s'.repeat(40), SEALED_COLUMNS.webhookSecret, id),
        ],
      );
      await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      const item = await eventually(async () => {
        const { body } = await t.http
          .get(`/v1/admin/webhooks/${id}/deliveries`)
          .set(auth)
          .expect(200);
        return body.items[0]?.status === 'failed' && body.items[0];
      }, 'the delivery to fail');
      expect(item).toMatchObject({
        attempts: 1,
        lastStatusCode: null,
        lastError: 'refused, not sent: the URL must not point at a loopback address',
      });
      expect(item.nextAttemptAt).toBeUndefined();
      expect(receiver.received).toHaveLength(0);
    } finally {
      await t.close();
      await sink.stop();
      await receiver.close();
    }
  });
});
