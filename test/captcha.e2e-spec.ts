import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CRISIS_RESOURCES } from '../src/vocabulary/urgency.js';
import { anInquiry } from './support/builders.js';
import { type CaptchaProviderStandIn, startCaptchaProvider } from './support/captcha-provider.js';
import { aCouplesIntake } from './support/couples.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember, aStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const SECRET = 'test-secret-0x0000';
const SITE_KEY = 'test-site-key-1x0000';

describe('CAPTCHA verification (Turnstile), the provider played by a local server', () => {
  let provider: CaptchaProviderStandIn;
  let sink: SmtpSink;
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  const count = async (table: string) =>
    Number(((await t.db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]!.n);
  const leadOf = async (inquiryId: string) =>
    (
      (await t.db.query(
        `SELECT l.id, l.status, l.needs_review, l.review_reason FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.id = $1`,
        [inquiryId],
      )) as { id: string; status: string; needs_review: boolean; review_reason: string | null }[]
    )[0]!;
  /** The kinds of email planned for a lead, once the submission job has planned them. */
  const plannedFor = async (leadId: string) =>
    eventually(async () => {
      const rows = (await t.db.query(
        `SELECT kind, recipient_kind FROM notification WHERE lead_id = $1 ORDER BY kind, recipient_kind`,
        [leadId],
      )) as { kind: string; recipient_kind: string }[];
      return rows.some((row) => row.kind === 'client_acknowledgement') && rows;
    }, 'the submission to be announced');
  const withToken = (overrides: Record<string, unknown> = {}) =>
    anInquiry({ captchaToken: `token-${Math.random().toString(36).slice(2)}`, ...overrides });

  beforeAll(async () => {
    provider = await startCaptchaProvider();
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: {
        CAPTCHA_PROVIDER: 'turnstile',
        CAPTCHA_SECRET_KEY: SECRET,
        CAPTCHA_SITE_KEY: SITE_KEY,
        CAPTCHA_TIMEOUT_MS: '400',
        CAPTCHA_VERIFY_URL: provider.url,
      },
    });
    coordinator = await aSignedInStaffMember(t, 'coordinator');
    await aStaffMember(t.db, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await provider.stop();
  });
  beforeEach(() => provider.behave('accept'));

  it('tells pages which widget to show and its public site key, never the secret', async () => {
    const response = await t.http.get('/v1/captcha').expect(200);
    expect(response.body).toEqual({
      provider: 'turnstile',
      siteKey: SITE_KEY,
      scriptUrl: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
    });
    expect(JSON.stringify(response.body)).not.toContain(SECRET);
  });

  it("the public pages' policy allows Turnstile's script and frame, and the staff app's does not", async () => {
    for (const url of ['/reach-out', '/intake/couples', '/partner']) {
      const policy = (await t.http.get(url).expect(200)).headers['content-security-policy']!;
      expect(policy).toContain("script-src 'self' https://challenges.cloudflare.com;");
      expect(policy).toContain('frame-src https://challenges.cloudflare.com;');
      expect(policy).toContain("connect-src 'self';");
      expect(policy).not.toContain('unsafe-inline');
    }
    const staff = (await t.http.get('/admin').expect(200)).headers['content-security-policy']!;
    expect(staff).not.toContain('cloudflare');
  });

  it('a reach-out without captchaToken answers 422 naming it, and nothing is stored', async () => {
    const leads = await count('lead');
    const response = await t.http.post('/v1/inquiries').send(anInquiry()).expect(422);
    expect(response.body.errors).toEqual([
      { field: 'captchaToken', code: 'required', message: 'is required' },
    ]);
    expect(await count('lead')).toBe(leads);
  });

  it('an intake without captchaToken answers 422 naming it with any other bad field', async () => {
    const intake = aCouplesIntake({ formVersion: 1 });
    delete intake.partner;
    const response = await t.http.post('/v1/intakes').send(intake).expect(422);
    expect(response.body.errors).toEqual([
      { field: 'partner', code: 'required', message: 'is required for the couples form' },
      { field: 'captchaToken', code: 'required', message: 'is required' },
    ]);
  });

  it('a verified token stores a normal lead; the provider got the secret, the token and the client address', async () => {
    const body = withToken();
    const { body: receipt } = await t.http.post('/v1/inquiries').send(body).expect(201);
    expect(await leadOf(receipt.id)).toMatchObject({
      status: 'new',
      needs_review: false,
      review_reason: null,
    });
    expect(provider.received.at(-1)).toEqual({
      secret: SECRET,
      response: body.captchaToken,
      remoteip: expect.stringMatching(/127\.0\.0\.1$/),
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('a token the provider refuses answers 422 "could not be verified, please try again", and nothing is stored', async () => {
    provider.behave('reject');
    const [leads, inquiries] = [await count('lead'), await count('inquiry')];
    const response = await t.http.post('/v1/inquiries').send(withToken()).expect(422);
    expect(response.body).toMatchObject({
      type: '/problems/validation',
      errors: [
        {
          field: 'captchaToken',
          code: 'invalid_format',
          message: 'could not be verified, please try again',
        },
      ],
    });
    expect([await count('lead'), await count('inquiry')]).toEqual([leads, inquiries]);
  });

  it.each([
    ['never answers (timeout)', 'never-answer'],
    ['answers 5xx', 'server-error'],
    ['answers malformed JSON', 'malformed-json'],
    ['refuses our secret', 'refuse-secret'],
  ] as const)(
    'when the provider %s, the reach-out is stored for review and the client still gets a receipt',
    async (_case, behaviour) => {
      provider.behave(behaviour);
      const response = await t.http.post('/v1/inquiries').send(withToken());
      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['id', 'reference', 'receivedAt']);
      const lead = await leadOf(response.body.id);
      expect(lead).toMatchObject({
        status: 'new',
        needs_review: true,
        review_reason: 'captcha_unavailable',
      });
      const events = await t.db.query(
        `SELECT kind, details FROM lead_event WHERE lead_id = $1 ORDER BY id`,
        [lead.id],
      );
      expect(events).toEqual([
        { kind: 'review_flagged', details: { reason: 'captcha_unavailable' } },
      ]);
    },
  );

  it('when the provider is not even listening, the submission is stored for review', async () => {
    const unreachable = await startTestApp({
      database: t.database,
      env: {
        CAPTCHA_PROVIDER: 'hcaptcha',
        CAPTCHA_SECRET_KEY: SECRET,
        CAPTCHA_SITE_KEY: SITE_KEY,
        CAPTCHA_VERIFY_URL: 'http://127.0.0.1:9/siteverify',
      },
    });
    try {
      const { body } = await unreachable.http.post('/v1/inquiries').send(withToken()).expect(201);
      expect(await leadOf(body.id)).toMatchObject({ needs_review: true });
    } finally {
      await unreachable.close({ dropDatabase: false });
    }
  });

  it('a lead kept for review is not announced to staff as a new lead; the client still gets the acknowledgement', async () => {
    provider.behave('server-error');
    const { body } = await t.http.post('/v1/inquiries').send(withToken()).expect(201);
    const lead = await leadOf(body.id);
    expect(await plannedFor(lead.id)).toEqual([
      { kind: 'client_acknowledgement', recipient_kind: 'submitter' },
    ]);
    // Nobody is told now, but the reminder and escalation at its response target stand.
    const checks = (await t.db.query(
      `SELECT data->>'stage' AS stage FROM pgboss.job
        WHERE name = 'lead.response-check' AND data->>'leadId' = $1 ORDER BY 1`,
      [lead.id],
    )) as { stage: string }[];
    expect(checks).toEqual([{ stage: 'escalation' }, { stage: 'reminder' }]);
  });

  it('a crisis kept for review still answers with the resources and alerts staff as a crisis', async () => {
    provider.behave('never-answer');
    const response = await t.http
      .post('/v1/inquiries')
      .send(withToken({ message: 'I want to end my life.' }))
      .expect(201);
    expect(response.body.resources).toEqual(CRISIS_RESOURCES);
    const lead = await leadOf(response.body.id);
    expect(lead.needs_review).toBe(true);
    const planned = await plannedFor(lead.id);
    expect(planned.filter((row) => row.kind === 'staff_new_lead')).toEqual([]);
    // The coordinator (who would have had the ordinary notice) and the admin.
    expect(planned.filter((row) => row.kind === 'crisis_alert')).toEqual([
      { kind: 'crisis_alert', recipient_kind: 'user' },
      { kind: 'crisis_alert', recipient_kind: 'user' },
    ]);
    expect(planned).toContainEqual({ kind: 'client_acknowledgement', recipient_kind: 'submitter' });
  });

  it('an intake is stored for review too, and the partner is still invited', async () => {
    provider.behave('malformed-json');
    const response = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ captchaToken: 'intake-token' }))
      .expect(201);
    expect(response.body.partnerInvitation).toBeDefined();
    const [lead] = (await t.db.query(
      `SELECT l.needs_review, l.review_reason FROM lead l JOIN intake i ON i.lead_id = l.id WHERE i.id = $1`,
      [response.body.id],
    )) as { needs_review: boolean }[];
    expect(lead).toEqual({ needs_review: true, review_reason: 'captcha_unavailable' });
    const [invitation] = (await t.db.query(
      `SELECT count(*)::int AS n FROM partner_invitation WHERE intake_id = $1`,
      [response.body.id],
    )) as { n: number }[];
    expect(invitation).toEqual({ n: 1 });
  });

  it('a retry with the same Idempotency-Key gets its first answer, though its token was used up', async () => {
    const body = withToken();
    const first = await t.http
      .post('/v1/inquiries')
      .set('idempotency-key', 'captcha-retry-1')
      .send(body)
      .expect(201);
    provider.behave('reject'); // as a real provider does with a token seen before
    const again = await t.http
      .post('/v1/inquiries')
      .set('idempotency-key', 'captcha-retry-1')
      .send({ ...body, captchaToken: 'a-fresh-token-from-the-widget' })
      .expect(201);
    expect(again.body).toEqual(first.body);
  });

  describe('coordinators', () => {
    let flaggedLeadId: string;
    let normalLeadId: string;

    beforeAll(async () => {
      provider.behave('server-error');
      const flagged = await t.http.post('/v1/inquiries').send(withToken()).expect(201);
      flaggedLeadId = (await leadOf(flagged.body.id)).id;
      provider.behave('accept');
      const normal = await t.http.post('/v1/inquiries').send(withToken()).expect(201);
      normalLeadId = (await leadOf(normal.body.id)).id;
    });

    it('find leads waiting for review with needsReview=true, and the others with false', async () => {
      const waiting = await t.http
        .get('/v1/admin/leads?needsReview=true&limit=100')
        .set(coordinator.auth)
        .expect(200);
      const ids = waiting.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(flaggedLeadId);
      expect(ids).not.toContain(normalLeadId);
      expect(
        waiting.body.items.find((item: { id: string }) => item.id === flaggedLeadId),
      ).toMatchObject({
        needsReview: true,
        reviewReason: 'captcha_unavailable',
      });
      const others = await t.http
        .get('/v1/admin/leads?needsReview=false&limit=100')
        .set(coordinator.auth)
        .expect(200);
      const otherIds = others.body.items.map((item: { id: string }) => item.id);
      expect(otherIds).toContain(normalLeadId);
      expect(otherIds).not.toContain(flaggedLeadId);
      await t.http.get('/v1/admin/leads?needsReview=maybe').set(coordinator.auth).expect(422);
    });

    it('see the flag and why on the lead, with a review_flagged timeline entry', async () => {
      const { body } = await t.http
        .get(`/v1/admin/leads/${flaggedLeadId}`)
        .set(coordinator.auth)
        .expect(200);
      expect(body).toMatchObject({ needsReview: true, reviewReason: 'captcha_unavailable' });
      expect(body.timeline).toContainEqual(
        expect.objectContaining({
          kind: 'review_flagged',
          details: { reason: 'captcha_unavailable' },
        }),
      );
    });

    it('clear the flag with PATCH needsReview: false, in the timeline and the audit trail', async () => {
      const read = await t.http
        .get(`/v1/admin/leads/${flaggedLeadId}`)
        .set(coordinator.auth)
        .expect(200);
      const cleared = await t.http
        .patch(`/v1/admin/leads/${flaggedLeadId}`)
        .set(coordinator.auth)
        .set('if-match', read.headers.etag!)
        .send({ needsReview: false })
        .expect(200);
      expect(cleared.body).toMatchObject({ needsReview: false, reviewReason: null });
      expect(cleared.body.timeline).toContainEqual(
        expect.objectContaining({
          kind: 'review_cleared',
          actor: { id: coordinator.id, name: 'Staff coordinator' },
          details: { reason: 'captcha_unavailable' },
        }),
      );
      const [audit] = (await t.db.query(
        `SELECT actor_user_id, details FROM audit_event WHERE action = 'lead.updated' AND lead_id = $1`,
        [flaggedLeadId],
      )) as { actor_user_id: string; details: unknown }[];
      expect(audit).toEqual({
        actor_user_id: coordinator.id,
        details: { changed: ['needsReview'] },
      });
    });

    it('cannot set the flag themselves', async () => {
      const read = await t.http
        .get(`/v1/admin/leads/${normalLeadId}`)
        .set(coordinator.auth)
        .expect(200);
      const response = await t.http
        .patch(`/v1/admin/leads/${normalLeadId}`)
        .set(coordinator.auth)
        .set('if-match', read.headers.etag!)
        .send({ needsReview: true })
        .expect(422);
      expect(response.body.errors).toEqual([
        {
          field: 'needsReview',
          code: 'invalid_format',
          message: 'can only be cleared: send false',
        },
      ]);
    });
  });
});

describe('without a CAPTCHA provider (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages are told there is no widget', async () => {
    const response = await t.http.get('/v1/captcha').expect(200);
    expect(response.body).toEqual({ provider: 'none', siteKey: null, scriptUrl: null });
  });

  it("the public pages' policy allows no other origin", async () => {
    const policy = (await t.http.get('/reach-out').expect(200)).headers['content-security-policy'];
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('frame-src');
  });

  it('a submission needs no captchaToken', async () => {
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
  });
});
