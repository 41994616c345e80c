import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ captureLogs: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('hold no personal data from any submission, good or bad, even at trace level', async () => {
    const person = {
      name: 'Quinlan Marchetti-Okafor',
      email: 'quinlan.marchetti@example.org',
      phone: '+15417770199',
      message: 'Our marriage is strained since the move to Bend',
    };
    await t.http.post('/v1/inquiries').send(anInquiry(person)).expect(201);
    await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ ...person, message: `${person.message} I want to die` }))
      .expect(201);
    await t.http
      .post('/v1/inquiries')
      .send({ ...anInquiry(person), unexpected: person.email })
      .expect(422);
    await t.http
      .post('/v1/inquiries')
      .set('content-type', 'application/json')
      .send(`{"name":"${person.name}","email":"${person.email}",`)
      .expect(400);

    const output = t.logs.join('');
    expect(t.logs.length).toBeGreaterThan(3);
    for (const value of Object.values(person)) {
      expect(output).not.toContain(value);
    }
    expect(output).not.toContain('Marchetti');
    expect(output).not.toContain('5417770199');
  });

  it('are JSON lines carrying the request id, which is also returned to the caller', async () => {
    const response = await t.http
      .post('/v1/inquiries')
      .set('X-Request-Id', 'trace-me-123')
      .send(anInquiry())
      .expect(201);
    expect(response.headers['x-request-id']).toBe('trace-me-123');
    const lines = t.logs.map((line) => JSON.parse(line) as { req?: { id?: string } });
    expect(lines.some((line) => line.req?.id === 'trace-me-123')).toBe(true);
  });

  it('replace a request id that is not a plain token', async () => {
    const response = await t.http
      .get('/health/live')
      .set('X-Request-Id', 'a b {"x": 1}')
      .expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
