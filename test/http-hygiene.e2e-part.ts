import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import {
  JSON_CONTENT_SECURITY_POLICY,
  jsonContentSecurityPolicy,
} from '../src/common/http-hygiene.js';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { aCouplesIntake } from './support/couples.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SITE = 'https://www.practice.example';

describe('HTTP hygiene of the public surface', () => {
  let t: TestApp;
  const count = async (table: string) =>
    Number(((await t.db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]!.n);
  const inquiry = (body: unknown) => t.http.post('/v1/inquiries').send(body as object);
  const errorsOf = async (body: unknown, path = '/v1/inquiries') => {
    const response = await t.http.post(path).send(body as object);
    expect(response.status).toBe(422);
    return response.body.errors as { field: string; message: string }[];
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: `${SITE},https://intake.practice.example` } });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('CORS', () => {
    it('lets the practice website call a public route, without credentials', async () => {
      const preflight = await t.http
        .options('/v1/inquiries')
        .set('origin', SITE)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type, idempotency-key');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST');
      expect(preflight.headers['access-control-allow-headers']).toBe(
        'content-type, idempotency-key, x-request-id',
      );
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

      const response = await t.http.post('/v1/inquiries').set('origin', SITE).send(anInquiry());
      expect(response.status).toBe(201);
      expect(response.headers['access-control-allow-origin']).toBe(SITE);
      expect(response.headers['access-control-expose-headers']).toBe('x-request-id, retry-after');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('answers an origin not on the list, or "null", with no CORS header, never "*"', async () => {
      for (const origin of ['https://evil.example', 'null', `${SITE}.evil.example`]) {
        const response = await t.http.get('/v1/intake-forms/couples').set('origin', origin);
        expect(response.status).toBe(200);
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      }
      const preflight = await t.http
        .options('/v1/intakes')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('the admin and auth API stays same-origin: no CORS header even for a listed origin', async () => {
      const coordinator = await aSignedInStaffMember(t, 'coordinator');
      const answers = [
        await t.http.get('/v1/admin/leads').set(coordinator.auth).set('origin', SITE),
        await t.http.get('/v1/auth/me').set(coordinator.auth).set('origin', SITE),
        await t.http.post('/v1/auth/login').set('origin', SITE).send({ email: 'a', password: 'b' }),
        await t.http
          .options('/v1/admin/leads')
          .set('origin', SITE)
          .set('access-control-request-method', 'GET'),
        await t.http
          .options('/v1/auth/login')
          .set('origin', SITE)
          .set('access-control-request-method', 'POST'),
      ];
      expect(answers[0]!.status).toBe(200);
      for (const answer of answers) {
        const cors = Object.keys(answer.headers).filter((name) =>
          name.startsWith('access-control-'),
        );
        expect(cors).toEqual([]);
      }
      expect(answers[3]!.status).toBe(404);
    });
  });

  describe('security headers', () => {
    const expectHelmetHeaders = (headers: Record<string, string>) => {
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['x-powered-by']).toBeUndefined();
    };

    it('a JSON answer carries them all, a strict CSP among them, and no HSTS outside production', async () => {
      const response = await t.http.get('/v1/intake-forms/couples').expect(200);
      expectHelmetHeaders(response.headers);
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });

    it('so does every problem: 404, 422, 413, 415 and 400', async () => {
      const answers = [
        await t.http.get('/v1/no-such-route'),
        await inquiry({}),
        await t.http
          .post('/v1/inquiries')
          .set('content-type', 'application/json')
          .send(JSON.stringify({ message: 'x'.repeat(70_000) })),
        await t.http.post('/v1/inquiries').set('content-type', 'text/plain').send('hello'),
        await t.http.post('/v1/inquiries').set('content-type', 'application/json').send('{"a":'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([404, 422, 413, 415, 400]);
      for (const answer of answers) {
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.headers['content-security-policy']).toBe(JSON_CONTENT_SECURITY_POLICY);
        expectHelmetHeaders(answer.headers);
      }
    });

    it('an HTML page gets the headers but not the JSON policy (Swagger UI, problem pages)', async () => {
      for (const path of ['/problems/validation', '/docs']) {
        const response = await t.http.get(path).redirects(1);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expectHelmetHeaders(response.headers);
        expect(response.headers['content-security-policy']).toBeUndefined();
      }
    });

    it('a policy a route set itself is never replaced', async () => {
      const fastify = Fastify();
      jsonContentSecurityPolicy(fastify);
      fastify.get('/own', async (_request, reply) => {
        reply.header('content-security-policy', "default-src 'self'");
        return { own: true };
      });
      fastify.get('/plain', async () => ({ plain: true }));
      try {
        const own = await fastify.inject({ method: 'GET', url: '/own' });
        const plain = await fastify.inject({ method: 'GET', url: '/plain' });
        expect(own.headers['content-security-policy']).toBe("default-src 'self'");
        expect(plain.headers['content-security-policy']).toBe(JSON_CONTENT_SECURITY_POLICY);
      } finally {
        await fastify.close();
      }
    });

    it('HSTS is sent in production', async () => {
      const production = await startTestApp({
        database: t.database,
        // No example consent document: this database serves the other tests after.
        env: {
          NODE_ENV: 'production',
          SMTP_URL: 'smtp://127.0.0.1:9',
          CONSENT_EXAMPLE_SEED: 'false',
        },
      });
      try {
        const response = await production.http.get('/health/live').expect(200);
        expect(response.headers['strict-transport-security']).toBe(
          'max-age=31536000; includeSubDomains',
        );
      } finally {
        await production.close({ dropDatabase: false });
      }
    });
  });

  describe('bodies', () => {
    it('a body over 64 KiB answers 413 and stores nothing', async () => {
      const leads = await count('lead');
      const response = await t.http
        .post('/v1/inquiries')
        .set('content-type', 'application/json')
        .send(JSON.stringify(anInquiry({ message: 'x'.repeat(64 * 1024) })));
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
      expect(await count('lead')).toBe(leads);
    });

    it.each([
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'name=Alex'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['application/xml', '<a/>'],
    ])('content type %s answers 415', async (type, body) => {
      const response = await t.http.post('/v1/inquiries').set('content-type', type).send(body);
      expect(response.status).toBe(415);
      expect(response.body.type).toBe('/problems/unsupported-media-type');
    });

    it('prototype-poisoning keys answer 400 before anything reads them', async () => {
      for (const raw of [
        '{"name":"A","__proto__":{"admin":true}}',
        '{"consent":{"constructor":{"prototype":{"admin":true}}}}',
      ]) {
        const response = await t.http
          .post('/v1/inquiries')
          .set('content-type', 'application/json')
          .send(raw);
        expect(response.status).toBe(400);
        expect(response.body.type).toBe('/problems/malformed-json');
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    it('a body nested more than 16 levels deep answers 422 before validation', async () => {
      let deep: unknown = 'x';
      for (let level = 0; level < 16; level++) deep = { deeper: deep };
      expect(await errorsOf(anInquiry({ extra: deep }))).toEqual([
        {
          field: 'body',
          code: 'invalid_format',
          message: 'must not nest objects and arrays more than 16 levels deep',
        },
      ]);
      // A 64 KiB body of brackets is refused the same way, not by a stack overflow.
      const response = await t.http
        .post('/v1/inquiries')
        .set('content-type', 'application/json')
        .send(`${'['.repeat(30_000)}${']'.repeat(30_000)}`);
      expect(response.status).toBe(422);
    });

    it('a list of more than 500 items or an object of more than 200 fields answers 422', async () => {
      expect(await errorsOf(anInquiry({ tags: Array(501).fill('a') }))).toEqual([
        {
          field: 'body',
          code: 'invalid_format',
          message: 'must not hold a list of more than 500 items',
        },
      ]);
      const answers = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, i]));
      expect(await errorsOf(aCouplesIntake({ answers }), '/v1/intakes')).toEqual([
        {
          field: 'body',
          code: 'invalid_format',
          message: 'must not hold an object of more than 200 fields',
        },
      ]);
    });

    it('a NUL character anywhere answers 422', async () => {
      expect(await errorsOf(anInquiry({ message: 'a\u0000b' }))).toEqual([
        { field: 'body', code: 'invalid_format', message: 'must not contain NUL characters' },
      ]);
      expect(await errorsOf(aCouplesIntake({ formSlug: 'couples\u0000' }), '/v1/intakes')).toEqual([
        { field: 'body', code: 'invalid_format', message: 'must not contain NUL characters' },
      ]);
    });

    it('a path parameter that could never be a form answers 404, not an error', async () => {
      for (const path of [
        '/v1/intake-forms/%00',
        '/v1/intake-forms/couples%00x',
        '/v1/intake-forms/couples/versions/99999999999',
        '/v1/intake-forms/%E2%80%AE/versions/1',
      ]) {
        const response = await t.http.get(path);
        expect(response.status).toBe(404);
      }
    });

    it('addresses and headers the router or the HTTP parser refuse still get a problem, never echoed', async () => {
      const token = 'T'.repeat(150);
      const answers = [
        await t.http.get(`/v1/partner-invitations/${token}`),
        await t.http.get('/v1/intake-forms/%zz'),
        await t.http.get('/v1/intake-forms/couples').set('x-filler', 'a'.repeat(20_000)),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([414, 400, 431]);
      expect(answers.map((answer) => answer.body.type)).toEqual([
        '/problems/uri-too-long',
        '/problems/bad-request',
        '/problems/headers-too-large',
      ]);
      for (const answer of answers) {
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.headers['content-security-policy']).toBe(JSON_CONTENT_SECURITY_POLICY);
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(JSON.stringify(answer.body)).not.toMatch(/TTTT|zz/);
      }
    });

    it('an intake naming a form version no integer column holds answers 422', async () => {
      expect(await errorsOf(aCouplesIntake({ formVersion: 2 ** 40 }), '/v1/intakes')).toEqual([
        { field: 'formVersion', code: 'out_of_range', message: 'must be at most 1000000' },
      ]);
    });
  });

  describe('strings', () => {
    it('are trimmed and NFC-normalised before they are stored', async () => {
      const decomposed = 'Rene\u0301e Lefe\u0300vre';
      const { body } = await inquiry(
        anInquiry({
          name: `  ${decomposed}\t`,
          email: '  rene.e@example.com ',
          referralSource: ' cafe\u0301 flyer ',
          message: '  Bonjour\u0301 \n',
        }),
      ).expect(201);
      const [row] = await t.db.query(
        `SELECT name, email, referral_source FROM inquiry WHERE id = $1`,
        [body.id],
      );
      expect(row).toEqual({
        name: 'Renée Lefèvre',
        email: 'rene.e@example.com',
        referral_source: 'café flyer',
      });
      expect(row.name).toBe(row.name.normalize('NFC'));
    });

    it.each([
      ['a name with a line break', { name: 'Alex\nRivera' }, 'name'],
      ['a name with a line separator', { name: 'Alex\u2028Rivera' }, 'name'],
      ['a name with a bell', { name: 'Alex\u0007' }, 'name'],
      ['an email with CR LF', { email: 'alex@example.com\r\nBcc: x@evil.example' }, 'email'],
      ['an email with a tab', { email: 'alex\t@example.com' }, 'email'],
      ['a phone with a line break', { phone: '+15035550142\n' + '1' }, 'phone'],
      ['a referral source with a tab inside', { referralSource: 'blog\tpost' }, 'referralSource'],
      ['a message with an escape character', { message: 'hello \u001b[31m' }, 'message'],
      ['a message with a DEL', { message: 'hello\u007f' }, 'message'],
      [
        'a notice version with a line break',
        { consent: { contact: true, privacyNoticeVersion: '2026\n01' } },
        'consent.privacyNoticeVersion',
      ],
      ['a CAPTCHA token with a space', { captchaToken: 'abc def' }, 'captchaToken'],
    ])('%s answers 422 naming the field', async (_case, overrides, field) => {
      const errors = await errorsOf(anInquiry(overrides));
      expect(errors.map((error) => error.field)).toEqual([field]);
      expect(JSON.stringify(errors)).not.toMatch(/Rivera|evil|blog|hello|2026/);
    });

    it('a message keeps its line breaks and tabs', async () => {
      const message = 'First line.\r\nSecond line.\n\tIndented.';
      const { body } = await inquiry(anInquiry({ message })).expect(201);
      const { body: detail } = await t.http
        .get(`/v1/admin/leads/${await leadIdOf(body.id)}`)
        .set((await aSignedInStaffMember(t, 'coordinator')).auth)
        .expect(200);
      expect(detail.inquiries[0].message).toBe(message);
    });

    it('intake fields follow the same rules: one-line fields and free-text answers', async () => {
      const client = (overrides: Record<string, unknown>) => ({
        name: 'Jo Park',
        email: 'jo.rules@example.com',
        ...overrides,
      });
      const cases: [Record<string, unknown>, string][] = [
        [{ client: client({ pronouns: 'they\nthem' }) }, 'client.pronouns'],
        [{ client: client({ name: 'Jo\u0000' }) }, 'body'],
        [{ inquiryReference: 'RI-7KQ\n2M9XD' }, 'inquiryReference'],
        [{ partner: { name: 'Sam\r\nRivera', email: 'sam.r@example.com' } }, 'partner.name'],
      ];
      for (const [overrides, field] of cases) {
        const errors = await errorsOf(aCouplesIntake(overrides), '/v1/intakes');
        expect(errors.map((error) => error.field)).toEqual([field]);
      }
      const answers = (extra: Record<string, unknown>) =>
        anIndividualIntake({ answers: { ...(anIndividualIntake().answers as object), ...extra } });
      expect(await errorsOf(answers({ ind_insurer: 'Acme\nHealth' }), '/v1/intakes')).toEqual([
        {
          field: 'answers.ind_insurer',
          code: 'invalid_format',
          message: 'must be one line without control characters',
        },
      ]);
      expect(await errorsOf(answers({ ind_goals: 'Sleep \u0008better' }), '/v1/intakes')).toEqual([
        {
          field: 'answers.ind_goals',
          code: 'invalid_format',
          message: 'must not contain control characters other than line breaks',
        },
      ]);
      await t.http
        .post('/v1/intakes')
        .send(answers({ ind_goals: 'Sleep better.\nWorry less.' }))
        .expect(201);
    });

    it('a sign-in or reset address with a line break answers 422', async () => {
      const login = await t.http
        .post('/v1/auth/login')
        .send({ email: 'a@practice.example\r\nx', password: 'whatever it is' });
      expect(login.status).toBe(422);
      expect(login.body.errors.map((error: { field: string }) => error.field)).toEqual(['email']);
      const reset = await t.http
        .post('/v1/auth/password-reset')
        .send({ email: 'a@practice.example\nb' });
      expect(reset.status).toBe(422);
    });
  });

  describe('anti-automation (docs/api.md) for intakes as for inquiries', () => {
    it.each([
      ['a filled honeypot', () => ({ website: 'https://spam.example' }), 'honeypot'],
      // Rendered now, when the bot sends it back: not when this file was loaded.
      [
        'a form sent back within the minimum time',
        () => ({ formStartedAt: new Date().toISOString() }),
        'too_fast',
      ],
    ])(
      '%s answers 201 like anyone, is stored as spam and invites and notifies nobody',
      async (_case, overrides, reason) => {
        const genuine = await t.http.post('/v1/intakes').send(aCouplesIntake()).expect(201);
        const bot = await t.http.post('/v1/intakes').send(aCouplesIntake(overrides())).expect(201);
        expect(Object.keys(bot.body)).toEqual(Object.keys(genuine.body));
        expect(bot.body.partnerInvitation).toEqual({
          sentTo: expect.stringMatching(/^s\*\*\*@example\.com$/),
          expiresAt: expect.any(String),
        });
        const [row] = await t.db.query(
          `SELECT i.spam_reason, l.status,
                (SELECT count(*)::int FROM partner_invitation p WHERE p.intake_id = i.id) AS invitations,
                (SELECT count(*)::int FROM pgboss.job j WHERE j.data->>'submissionId' = i.id::text) AS jobs
           FROM intake i JOIN lead l ON l.id = i.lead_id WHERE i.id = $1`,
          [bot.body.id],
        );
        expect(row).toEqual({ spam_reason: reason, status: 'spam', invitations: 0, jobs: 0 });
      },
    );
  });

  describe('the OpenAPI document', () => {
    it('documents every 429 with Retry-After, and the crisis resources on public routes', async () => {
      const { body: doc } = await t.http.get('/docs-json').expect(200);
      const tooMany = (path: string, method: string) => doc.paths[path][method].responses['429'];
      for (const [path, method] of [
        ['/v1/inquiries', 'post'],
        ['/v1/intakes', 'post'],
        ['/v1/partner-invitations/{token}/responses', 'post'],
        ['/v1/intake-forms/{slug}', 'get'],
        ['/v1/captcha', 'get'],
      ]) {
        const response = tooMany(path!, method!);
        expect(response.headers['Retry-After']).toBeDefined();
        expect(response.content['application/problem+json'].schema.$ref).toBe(
          '#/components/schemas/RateLimitProblem',
        );
      }
      expect(doc.components.schemas.RateLimitProblem.allOf[1].required).toEqual(['resources']);
      const login = tooMany('/v1/auth/login', 'post');
      expect(login.content['application/problem+json'].schema.$ref).toBe(
        '#/components/schemas/Problem',
      );
      expect(doc.components.schemas.LeadSummaryView.properties.needsReview).toBeDefined();
      expect(doc.components.schemas.UpdateLeadDto.properties.needsReview).toBeDefined();
      expect(doc.components.schemas.CaptchaSettingsView.required).toEqual([
        'provider',
        'siteKey',
        'scriptUrl',
      ]);
    });
  });

  const leadIdOf = async (inquiryId: string) =>
    (
      (await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [inquiryId])) as {
        lead_id: string;
      }[]
    )[0]!.lead_id;
});
