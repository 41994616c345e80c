import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { STAFF_ROLES } from '../src/auth/staff.decorator.js';
import { RATE_LIMIT_GROUP } from '../src/rate-limit/rate-limited.decorator.js';
import { RateLimiter } from '../src/rate-limit/rate-limiter.service.js';
import { CRISIS_RESOURCES } from '../src/vocabulary/urgency.js';
import { Retention } from '../src/privacy/retention.service.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake } from './support/couples.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A client address of its own for each test (TEST-NET-2), named in X-Forwarded-For. */
let lastOctet = 0;
const aClientAddress = () => `198.51.100.${++lastOctet}`;

const LIMITS = {
  RATE_LIMIT_SUBMISSIONS_PER_IP_PER_HOUR: '3',
  RATE_LIMIT_SUBMISSIONS_PER_EMAIL_PER_DAY: '4',
  RATE_LIMIT_AUTH_PER_IP_PER_15_MIN: '3',
  RATE_LIMIT_PASSWORD_RESETS_PER_EMAIL_PER_HOUR: '2',
  RATE_LIMIT_READS_PER_IP_PER_MINUTE: '3',
};

describe('rate limits behind a trusted proxy', () => {
  let t: TestApp;
  const count = async (table: string) =>
    Number(((await t.db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]!.n);
  const submit = (from: string, body: Record<string, unknown> = anInquiry()) =>
    t.http.post('/v1/inquiries').set('x-forwarded-for', from).send(body);

  beforeAll(async () => {
    // The test client connects over loopback, like a reverse proxy on the same host.
    t = await startTestApp({ env: { ...LIMITS, TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a client over the submission limit gets 429 with Retry-After and the crisis resources, and nothing is stored', async () => {
    const client = aClientAddress();
    for (let i = 0; i < 3; i++) await submit(client).expect(201);
    const leads = await count('lead');

    const refused = await submit(client);

    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body).toEqual({
      type: '/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: expect.stringMatching(
        /^Too many requests came from your network\. Please try again in 60 minutes\./,
      ),
      resources: CRISIS_RESOURCES,
    });
    expect(await count('lead')).toBe(leads);
  });

  it('a 429 never echoes what was sent', async () => {
    const client = aClientAddress();
    const body = anInquiry({ name: 'Quinn Distinctive', email: 'quinn.distinctive@example.com' });
    for (let i = 0; i < 3; i++) await submit(client, anInquiry()).expect(201);
    const refused = await submit(client, body).expect(429);
    expect(JSON.stringify(refused.body)).not.toMatch(/Quinn|quinn|198\.51\.100/);
  });

  it.each([
    ['POST /v1/inquiries', 'post', '/v1/inquiries', true],
    ['POST /v1/intakes', 'post', '/v1/intakes', true],
    [
      'POST /v1/partner-invitations/:token/responses',
      'post',
      '/v1/partner-invitations/some-token/responses',
      true,
    ],
    ['GET /v1/intake-forms/:slug', 'get', '/v1/intake-forms/couples', true],
    [
      'GET /v1/intake-forms/:slug/versions/:version',
      'get',
      '/v1/intake-forms/couples/versions/1',
      true,
    ],
    ['GET /v1/partner-invitations/:token', 'get', '/v1/partner-invitations/some-token', true],
    ['GET /v1/captcha', 'get', '/v1/captcha', true],
    ['POST /v1/auth/login', 'post', '/v1/auth/login', false],
    ['POST /v1/auth/password-reset', 'post', '/v1/auth/password-reset', false],
    ['POST /v1/auth/password-reset/:token', 'post', '/v1/auth/password-reset/some-token', false],
    [
      'POST /v1/auth/invitations/:token/accept',
      'post',
      '/v1/auth/invitations/some-token/accept',
      false,
    ],
  ] as const)('%s is limited per client address', async (_name, method, path, resources) => {
    const client = aClientAddress();
    const send = () =>
      method === 'get'
        ? t.http.get(path).set('x-forwarded-for', client)
        : t.http.post(path).set('x-forwarded-for', client).send({});
    for (let i = 0; i < 3; i++) expect((await send()).status).not.toBe(429);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.type).toBe('/problems/rate-limited');
    if (resources) expect(refused.body.resources).toEqual(CRISIS_RESOURCES);
    else expect(refused.body.resources).toBeUndefined();
  });

  it('each client address behind the proxy has its own count', async () => {
    const [first, second] = [aClientAddress(), aClientAddress()];
    for (let i = 0; i < 3; i++) await submit(first).expect(201);
    await submit(first).expect(429);
    await submit(second).expect(201);
    // The real client is the first address in the chain the trusted proxy passed on.
    await t.http
      .post('/v1/inquiries')
      .set('x-forwarded-for', `${second}, 127.0.0.1`)
      .send(anInquiry())
      .expect(201);
  });

  it('one email address is limited whichever addresses it is sent from, however it is written', async () => {
    const email = 'river.limit@example.com';
    const spellings = [email, 'River.Limit@Example.com', ` ${email}`, 'RIVER.LIMIT@EXAMPLE.COM'];
    for (const spelling of spellings) {
      await submit(aClientAddress(), anInquiry({ email: spelling })).expect(201);
    }
    const intake = aCouplesIntake();
    (intake.client as Record<string, unknown>).email = email;
    const refused = await t.http
      .post('/v1/intakes')
      .set('x-forwarded-for', aClientAddress())
      .send(intake);
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/^Too many requests were sent for this email address\./);
    expect(refused.body.resources).toEqual(CRISIS_RESOURCES);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(86_000);
    await submit(aClientAddress(), anInquiry({ email: 'someone.else@example.com' })).expect(201);
  });

  it('password-reset requests for one address are limited whoever sends them', async () => {
    const body = { email: 'reset.target@practice.example' };
    for (let i = 0; i < 2; i++) {
      await t.http
        .post('/v1/auth/password-reset')
        .set('x-forwarded-for', aClientAddress())
        .send(body)
        .expect(202);
    }
    const refused = await t.http
      .post('/v1/auth/password-reset')
      .set('x-forwarded-for', aClientAddress())
      .send(body);
    expect(refused.status).toBe(429);
    expect(refused.body.resources).toBeUndefined();
  });

  it('the window resets: once it has ended the client is welcome again', async () => {
    const client = aClientAddress();
    for (let i = 0; i < 3; i++) await submit(client).expect(201);
    await submit(client).expect(429);
    const key = t.app.get(RateLimiter).bucketKey({ name: 'submission-ip', by: 'ip' }, client);
    const moved = (await t.db.query(
      `UPDATE rate_limit_bucket SET window_ends_at = now() - interval '1 second' WHERE key = $1 RETURNING hits`,
      [key],
    )) as [{ hits: number }[], number];
    expect(moved[0]).toEqual([{ hits: 4 }]);

    await submit(client).expect(201);

    const [bucket] = (await t.db.query(
      `SELECT hits, window_ends_at > now() + interval '59 minutes' AS fresh FROM rate_limit_bucket WHERE key = $1`,
      [key],
    )) as { hits: number; fresh: boolean }[];
    expect(bucket).toEqual({ hits: 1, fresh: true });
  });

  it('stores neither the client address nor the email, only keyed hashes', async () => {
    const client = aClientAddress();
    await submit(client, anInquiry({ email: 'hash.only@example.com' })).expect(201);
    const keys = JSON.stringify(await t.db.query(`SELECT key FROM rate_limit_bucket`));
    expect(keys).not.toContain(client);
    expect(keys).not.toContain('hash.only');
    expect(keys).not.toContain('198.51.100');
  });

  it('the daily retention job deletes counters whose window has ended', async () => {
    const client = aClientAddress();
    await submit(client).expect(201);
    const key = t.app.get(RateLimiter).bucketKey({ name: 'submission-ip', by: 'ip' }, client);
    await t.db.query(
      `UPDATE rate_limit_bucket SET window_ends_at = now() - interval '1 minute' WHERE key = $1`,
      [key],
    );
    const report = await t.app.get(Retention).run();
    expect(report.rateLimitBuckets).toBeGreaterThanOrEqual(1);
    expect(await t.db.query(`SELECT key FROM rate_limit_bucket WHERE key = $1`, [key])).toEqual([]);
    expect(
      Number(
        (
          (await t.db.query(
            `SELECT count(*) AS n FROM rate_limit_bucket WHERE window_ends_at <= now()`,
          )) as { n: string }[]
        )[0]!.n,
      ),
    ).toBe(0);
  });

  it('the audit trail records the client address the trusted proxy named', async () => {
    const client = aClientAddress();
    await t.http
      .post('/v1/auth/login')
      .set('x-forwarded-for', client)
      .send({ email: 'nobody.here@practice.example', password: 'wrong password here' })
      .expect(401);
    const rows = (await t.db.query(
      `SELECT ip FROM audit_event WHERE action = 'auth.login.failed' ORDER BY id DESC LIMIT 1`,
    )) as { ip: string }[];
    expect(rows).toEqual([{ ip: client }]);
  });
});

describe('which routes are limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('every route anyone may call declares its rate limit, operations pages aside', () => {
    const unlimited: string[] = [];
    const limited: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        const prototype = (metatype as { prototype: object }).prototype;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = (prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const staffOnly =
            Reflect.getMetadata(STAFF_ROLES, handler) ?? Reflect.getMetadata(STAFF_ROLES, metatype);
          if (staffOnly) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const route = `${method} /${[base, path].filter(Boolean).join('/')}`.replace(/\/+$/, '');
          const group =
            Reflect.getMetadata(RATE_LIMIT_GROUP, handler) ??
            Reflect.getMetadata(RATE_LIMIT_GROUP, metatype);
          (group ? limited : unlimited).push(route);
        }
      }
    }
    expect(unlimited.sort()).toEqual([
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'GET /problems/:code',
    ]);
    expect(limited.sort()).toEqual([
      'DELETE /v1/bookings/:token',
      'GET /v1/bookings/:token',
      'GET /v1/captcha',
      'GET /v1/intake-drafts/:token',
      'GET /v1/intake-forms/:slug',
      'GET /v1/intake-forms/:slug/versions/:version',
      'GET /v1/paperwork/:token',
      'GET /v1/partner-invitations/:token',
      'GET /v1/practice',
      'GET /v1/practice/logo',
      'POST /v1/auth/invitations/:token/accept',
      'POST /v1/auth/login',
      'POST /v1/auth/password-reset',
      'POST /v1/auth/password-reset/:token',
      'POST /v1/bookings/:token',
      'POST /v1/inquiries',
      'POST /v1/intake-drafts',
      'POST /v1/intakes',
      'POST /v1/paperwork/:token',
      'POST /v1/partner-invitations/:token/responses',
    ]);
  });
});

describe('rate limits without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ...LIMITS } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ignores X-Forwarded-For: every request counts as the address that connected', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/v1/inquiries')
        .set('x-forwarded-for', aClientAddress())
        .send(anInquiry())
        .expect(201);
    }
    const refused = await t.http
      .post('/v1/inquiries')
      .set('x-forwarded-for', aClientAddress())
      .send(anInquiry());
    expect(refused.status).toBe(429);
    expect(refused.body.resources).toEqual(CRISIS_RESOURCES);
  });

  it('a limit of 0 is off', async () => {
    const off = await startTestApp({
      env: { ...LIMITS, RATE_LIMIT_READS_PER_IP_PER_MINUTE: '0' },
      database: t.database,
    });
    try {
      for (let i = 0; i < 6; i++) await off.http.get('/v1/captcha').expect(200);
      expect(
        await off.db.query(`SELECT key FROM rate_limit_bucket WHERE key LIKE 'read-ip:%'`),
      ).toEqual([]);
    } finally {
      await off.close({ dropDatabase: false });
    }
  });
});
