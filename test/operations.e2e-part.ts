import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

describe('operations routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('/health/live answers while the process is up', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok' });
  });

  it('/health/ready answers when the database is migrated', async () => {
    await t.http
      .get('/health/ready')
      .expect(200, { status: 'ok', database: 'ok', migrations: 'ok' });
  });

  it('/health/ready answers 503 while migrations are pending', async () => {
    const empty = await createTestDatabase({ empty: true });
    const unmigrated = await startTestApp({ database: empty, env: { MIGRATIONS_RUN: 'false' } });
    try {
      const response = await unmigrated.http.get('/health/ready').expect(503);
      expect(response.body).toMatchObject({ type: '/problems/unavailable', status: 503 });
    } finally {
      await unmigrated.close();
    }
  });

  it('/docs-json is the OpenAPI contract generated from the code', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    const inquiries = body.paths['/v1/inquiries'].post;
    expect(inquiries.responses['201']).toBeDefined();
    const schema = body.components.schemas.CreateInquiryDto;
    expect(schema.required).toEqual(
      expect.arrayContaining(['name', 'email', 'serviceType', 'consent']),
    );
  });

  it('/docs serves the OpenAPI UI', async () => {
    const response = await t.http.get('/docs').redirects(1).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('a restart', () => {
  it('keeps every lead and answers a retried Idempotency-Key as before', async () => {
    const first = await startTestApp();
    const body = anInquiry();
    const key = { 'Idempotency-Key': 'before-restart' };
    const before = await first.http.post('/v1/inquiries').set(key).send(body).expect(201);
    await first.close({ dropDatabase: false });

    const second = await startTestApp({ database: first.database });
    try {
      const after = await second.http.post('/v1/inquiries').set(key).send(body).expect(201);
      expect(after.text).toBe(before.text);
      const [{ n }] = await second.db.query(
        `SELECT count(*)::int AS n FROM inquiry WHERE email = $1`,
        [body.email],
      );
      expect(n).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('a shutdown with submissions in flight', () => {
  it('answers or refuses each one, and leaves every stored inquiry whole', async () => {
    const t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as { port: number };
    const submissions = Array.from({ length: 40 }, () =>
      fetch(`http://127.0.0.1:${port}/v1/inquiries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(anInquiry()),
      }).then(
        async (response) => ({ status: response.status, body: await response.text() }),
        () => ({ status: 0, body: '' }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    await t.close({ dropDatabase: false });
    const outcomes = await Promise.all(submissions);

    const after = await startTestApp({ database: t.database });
    try {
      for (const outcome of outcomes) expect([0, 201, 503]).toContain(outcome.status);
      const accepted = outcomes.filter((outcome) => outcome.status === 201);
      const [{ inquiries, whole }] = await after.db.query(
        `SELECT count(*)::int AS inquiries,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM submission_reference r WHERE r.submission_id = i.id)
                  AND EXISTS (SELECT 1 FROM pgboss.job j WHERE j.data->>'submissionId' = i.id::text))::int AS whole
           FROM inquiry i`,
      );
      expect(whole).toBe(inquiries);
      expect(inquiries).toBeGreaterThanOrEqual(accepted.length);
      for (const outcome of accepted) {
        const { id } = JSON.parse(outcome.body) as { id: string };
        const [{ n }] = await after.db.query(
          `SELECT count(*)::int AS n FROM inquiry WHERE id = $1`,
          [id],
        );
        expect(n).toBe(1);
      }
    } finally {
      await after.close();
    }
  });
});
