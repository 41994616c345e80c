import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { type CaptchaProviderStandIn, startCaptchaProvider } from './support/captcha-provider.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/** The value of one series in a Prometheus text body, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=[a-z_]+=")/).filter(Boolean);
    if (wanted.every((pair) => present.includes(pair)) && present.length === wanted.length) {
      return Number(match[3]);
    }
  }
  return undefined;
}

/** Every label value of every series, to search for values that must never be there. */
function labelValues(text: string): string[] {
  return [...text.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!);
}

const SCRAPE_TOKEN = 'scrape-token-0123456789-abcdef';

describe('GET /metrics after real traffic', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let provider: CaptchaProviderStandIn;
  const planted = {
    name: 'Zebediah Quillfeather',
    email: 'zebediah.quillfeather@example.com',
    intakeName: 'Ottoline Marchbanks',
    intakeEmail: 'ottoline.marchbanks@example.com',
    token: 'PlantedPartnerToken7Xq9Zr3Vw5Ks8Jm2',
    unmatched: 'planted-unmatched-segment-4k2j',
    client: '198.51.100.77',
  };
  const references: string[] = [];
  let text = '';

  const scrape = async () => {
    const response = await t.http.get('/metrics').expect(200);
    return response.text;
  };
  const withToken = (body: Record<string, unknown>) => ({
    ...body,
    captchaToken: `captcha-${Math.random().toString(36).slice(2)}`,
  });

  beforeAll(async () => {
    sink = await startSmtpSink();
    provider = await startCaptchaProvider();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: {
        TRUST_PROXY: 'loopback',
        RATE_LIMIT_READS_PER_IP_PER_MINUTE: '1',
        CAPTCHA_PROVIDER: 'turnstile',
        CAPTCHA_SECRET_KEY: 'test-secret-0x0000',
        CAPTCHA_SITE_KEY: 'test-site-key-1x0000',
        CAPTCHA_VERIFY_URL: provider.url,
      },
    });

    provider.behave('accept');
    const inquiry = await t.http
      .post('/v1/inquiries')
      .set('x-forwarded-for', planted.client)
      .send(withToken(anInquiry({ name: planted.name, email: planted.email })))
      .expect(201);
    references.push(inquiry.body.reference as string);
    const intake = await t.http
      .post('/v1/intakes')
      .set('x-forwarded-for', planted.client)
      .send(
        withToken(
          anIndividualIntake({ client: { name: planted.intakeName, email: planted.intakeEmail } }),
        ),
      )
      .expect(201);
    references.push(intake.body.reference as string);
    provider.behave('reject');
    await t.http.post('/v1/inquiries').send(withToken(anInquiry())).expect(422);

    // A token path: 404 for an unknown token, then 429 from the same address.
    const tokenPath = `/v1/partner-invitations/${planted.token}`;
    await t.http.get(tokenPath).set('x-forwarded-for', planted.client).expect(404);
    await t.http.get(tokenPath).set('x-forwarded-for', planted.client).expect(429);
    await t.http
      .get(`/v1/${planted.unmatched}/${planted.token}?email=${planted.email}`)
      .expect(404);

    // Both submissions are acknowledged and announced to the practice: four emails. The
    // sink holds each message before the app that sent it counts it, so the scrape waits
    // until all four are counted (waiting for the acknowledgements alone lost that race
    // once: one announcement was still uncounted).
    await sink.waitForCount(4);
    text = await eventually(async () => {
      const body = await scrape();
      const counted = (kind: string) =>
        sample(body, 'relational_intake_notifications_total', { kind, outcome: 'sent' }) ?? 0;
      return counted('client_acknowledgement') >= 2 && counted('staff_new_lead') >= 2
        ? body
        : undefined;
    }, 'the four sent emails to be counted');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await provider.stop();
  });

  it('serves Prometheus text with the process metrics', async () => {
    const response = await t.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(sample(response.text, 'relational_intake_process_cpu_user_seconds_total')).toEqual(
      expect.any(Number),
    );
    expect(response.text).toMatch(/^relational_intake_nodejs_heap_size_used_bytes \d+/m);
  });

  it('times requests under their route template, a token path included', () => {
    const count = (route: string, method: string, status: string) =>
      sample(text, 'relational_intake_http_request_duration_seconds_count', {
        method,
        route,
        status_code: status,
      });
    expect(count('/v1/inquiries', 'POST', '201')).toBe(1);
    expect(count('/v1/inquiries', 'POST', '422')).toBe(1);
    expect(count('/v1/intakes', 'POST', '201')).toBe(1);
    expect(count('/v1/partner-invitations/:token', 'GET', '404')).toBe(1);
    expect(count('/v1/partner-invitations/:token', 'GET', '429')).toBe(1);
  });

  it('names a request that matched no route `unmatched`', () => {
    expect(
      sample(text, 'relational_intake_http_request_duration_seconds_count', {
        method: 'GET',
        route: 'unmatched',
        status_code: '404',
      }),
    ).toBe(1);
  });

  it('counts the leads created by service type and urgency', () => {
    const created = (service_type: string, urgency: string) =>
      sample(text, 'relational_intake_leads_created_total', { service_type, urgency });
    expect(created('couples', 'routine')).toBe(1);
    expect(created('individual', 'routine')).toBe(1);
    expect(created('family', 'routine')).toBe(0);
  });

  it('counts the emails sent by kind', () => {
    const sent = (kind: string, outcome: string) =>
      sample(text, 'relational_intake_notifications_total', { kind, outcome });
    expect(sent('client_acknowledgement', 'sent')).toBe(2);
    expect(sent('staff_new_lead', 'sent')).toBe(2);
    expect(sent('client_acknowledgement', 'failed')).toBe(0);
    expect(sent('client_acknowledgement', 'retried')).toBe(0);
    expect(
      sample(text, 'relational_intake_webhook_deliveries_total', { outcome: 'delivered' }),
    ).toBe(0);
  });

  it('counts a rate-limit refusal by route template and rule', () => {
    expect(
      sample(text, 'relational_intake_rate_limit_refusals_total', {
        route: '/v1/partner-invitations/:token',
        rule: 'read-ip',
      }),
    ).toBe(1);
  });

  it('counts CAPTCHA verdicts', () => {
    const verdicts = (verdict: string) =>
      sample(text, 'relational_intake_captcha_verdicts_total', { verdict });
    expect(verdicts('passed')).toBe(2);
    expect(verdicts('rejected')).toBe(1);
    expect(verdicts('unavailable')).toBe(0);
  });

  it('reads the queue and overdue gauges from the database', () => {
    expect(sample(text, 'relational_intake_metrics_database_readable')).toBe(1);
    expect(
      sample(text, 'relational_intake_queue_jobs', {
        queue: 'notification.deliver',
        state: 'waiting',
      }),
    ).toEqual(expect.any(Number));
    expect(
      sample(text, 'relational_intake_queue_oldest_waiting_job_age_seconds', {
        queue: 'webhook.deliver',
      }),
    ).toBe(0);
    expect(sample(text, 'relational_intake_leads_overdue', { urgency: 'crisis' })).toBe(0);
  });

  it('holds no path, token, address, email, name or reference anywhere', () => {
    expect(references).toHaveLength(2);
    const needles = [
      planted.name,
      'Zebediah',
      'Quillfeather',
      planted.email,
      planted.intakeName,
      planted.intakeEmail,
      planted.token,
      planted.unmatched,
      planted.client,
      ...references,
    ];
    const lower = text.toLowerCase();
    expect(needles.filter((needle) => lower.includes(needle.toLowerCase()))).toEqual([]);
    // Every route label is a template or `unmatched`.
    const routes = [...text.matchAll(/route="([^"]*)"/g)].map((match) => match[1]!);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => route !== 'unmatched' && !route.startsWith('/'))).toEqual([]);
    expect(labelValues(text).filter((value) => value.includes('@'))).toEqual([]);
  });
});

describe('GET /metrics database gauges', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No workers: a submission's job stays in the queue.
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a waiting job and its age per queue, shared through the database', async () => {
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(
      `UPDATE pgboss.job SET start_after = now() - interval '90 seconds'
        WHERE name = 'lead.submission-received'`,
    );
    const { text } = await t.http.get('/metrics').expect(200);
    expect(
      sample(text, 'relational_intake_queue_jobs', {
        queue: 'lead.submission-received',
        state: 'waiting',
      }),
    ).toBe(1);
    expect(
      sample(text, 'relational_intake_queue_oldest_waiting_job_age_seconds', {
        queue: 'lead.submission-received',
      }),
    ).toBeGreaterThanOrEqual(90);
    expect(
      sample(text, 'relational_intake_queue_jobs', {
        queue: 'notification.deliver',
        state: 'waiting',
      }),
    ).toBe(0);
  });

  it('counts leads still new past their response target, by urgency', async () => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(
      `UPDATE lead SET respond_by = now() - interval '1 minute'
        WHERE id = (SELECT lead_id FROM submission_reference WHERE reference = $1)`,
      [body.reference],
    );
    const { text } = await t.http.get('/metrics').expect(200);
    expect(sample(text, 'relational_intake_leads_overdue', { urgency: 'routine' })).toBe(1);
    expect(sample(text, 'relational_intake_leads_overdue', { urgency: 'high' })).toBe(0);
  });

  it('answers without the database gauges, instead of waiting, while a read is blocked', async () => {
    const blocker = t.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query('LOCK TABLE lead IN ACCESS EXCLUSIVE MODE');
      const { text } = await t.http.get('/metrics').expect(200);
      expect(sample(text, 'relational_intake_metrics_database_readable')).toBe(0);
      expect(text).not.toMatch(/^relational_intake_leads_overdue\{/m);
      expect(text).not.toMatch(/^relational_intake_queue_jobs\{/m);
      expect(text).toMatch(/^relational_intake_process_cpu_user_seconds_total /m);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    const { text } = await t.http.get('/metrics').expect(200);
    expect(sample(text, 'relational_intake_metrics_database_readable')).toBe(1);
  });
});

describe('GET /metrics counts email failures', () => {
  it('an email refused for good counts as failed, one refused for now as retried', async () => {
    const sink = await startSmtpSink();
    const t = await startTestApp({
      smtpUrl: sink.url,
      env: { DELIVERY_RETRY_DELAY_SECONDS: '1', DELIVERY_RETRY_LIMIT: '5' },
    });
    const counted = (text: string, kind: string, outcome: string) =>
      sample(text, 'relational_intake_notifications_total', { kind, outcome }) ?? 0;
    try {
      sink.refuseWith(550);
      await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      const failed = await eventually(async () => {
        const { text } = await t.http.get('/metrics').expect(200);
        // The client's and the staff member's emails are separate jobs: wait for both.
        const settled =
          counted(text, 'client_acknowledgement', 'failed') === 1 &&
          counted(text, 'staff_new_lead', 'failed') >= 1;
        return settled && text;
      }, 'the refused emails to be counted');
      expect(counted(failed, 'staff_new_lead', 'failed')).toBe(1);
      expect(counted(failed, 'client_acknowledgement', 'sent')).toBe(0);

      sink.refuseWith(451);
      await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
      const retried = await eventually(async () => {
        const { text } = await t.http.get('/metrics').expect(200);
        return counted(text, 'client_acknowledgement', 'retried') >= 1 && text;
      }, 'the deferred email to be counted');
      expect(counted(retried, 'client_acknowledgement', 'failed')).toBe(1);
    } finally {
      await t.close();
      await sink.stop();
    }
  });
});

describe('GET /metrics in production', () => {
  const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' };

  it('is not served while no METRICS_TOKEN is configured: the 404 of an unknown address', async () => {
    const t = await startTestApp({ env: PRODUCTION });
    try {
      const unknown = await t.http.get('/no-such-address').expect(404);
      const refused = await t.http.get('/metrics').expect(404);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toEqual(unknown.body);
      await t.http.get('/metrics').set('Authorization', `Bearer ${SCRAPE_TOKEN}`).expect(404);
    } finally {
      await t.close();
    }
  });

  it('answers 404 to a missing or wrong token and serves the metrics for the right one', async () => {
    const t = await startTestApp({ env: { ...PRODUCTION, METRICS_TOKEN: SCRAPE_TOKEN } });
    try {
      await t.http.get('/metrics').expect(404);
      await t.http.get('/metrics').set('Authorization', `Bearer ${SCRAPE_TOKEN}x`).expect(404);
      await t.http.get('/metrics').set('Authorization', SCRAPE_TOKEN).expect(404);
      const { text } = await t.http
        .get('/metrics')
        .set('Authorization', `Bearer ${SCRAPE_TOKEN}`)
        .expect(200);
      expect(text).toMatch(/^relational_intake_process_cpu_user_seconds_total /m);
      expect(text).not.toContain(SCRAPE_TOKEN);
    } finally {
      await t.close();
    }
  });
});
