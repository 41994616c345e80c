import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyWebhook } from '../src/webhooks/webhook-event.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually, sleep } from './support/wait.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('webhooks', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let failuresToAnswer = 0;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { DELIVERY_RETRY_DELAY_SECONDS: '1', DELIVERY_RETRY_LIMIT: '5' },
    });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (failuresToAnswer > 0) {
          failuresToAnswer -= 1;
          response.writeHead(503).end();
        } else {
          response.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const subscribe = async (secret: string, events: string[]) => {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO webhook_subscription (id, url, events, secret) VALUES ($1, $2, $3, $4)`,
      [id, receiverUrl, events, secret],
    );
    return id;
  };

  it('lead.created arrives signed, with ids and labels only', async () => {
    received.length = 0;
    const secret = 'whsec_test_signed';
    const subscription = await subscribe(secret, ['lead.created']);
    const person = anInquiry({ name: 'Ottoline Vasquez', message: 'private words' });
    const { body } = await t.http.post('/v1/inquiries').send(person).expect(201);
    const delivery = await eventually(async () => received[0], 'a webhook delivery');
    const signature = delivery.headers['webhook-signature'] as string;
    expect(verifyWebhook(secret, delivery.body, signature, Math.floor(Date.now() / 1000))).toBe(
      true,
    );
    expect(
      verifyWebhook('another secret', delivery.body, signature, Math.floor(Date.now() / 1000)),
    ).toBe(false);
    const event = JSON.parse(delivery.body);
    expect(event).toEqual({
      id: delivery.headers['webhook-id'],
      type: 'lead.created',
      createdAt: expect.any(String),
      data: {
        leadId: expect.any(String),
        reference: body.reference,
        status: 'new',
        urgency: 'routine',
        serviceType: 'couples',
      },
    });
    for (const value of [person.name, person.email, person.phone, person.message]) {
      expect(delivery.body).not.toContain(value as string);
    }
    await t.db.query(`UPDATE webhook_subscription SET active = false WHERE id = $1`, [
      subscription,
    ]);
  });

  it('a failing endpoint is retried with backoff and every attempt is recorded', async () => {
    received.length = 0;
    failuresToAnswer = 2;
    const subscription = await subscribe('whsec_retry', ['lead.created']);
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const row = await eventually(
      async () => {
        const [delivery] = await t.db.query(
          `SELECT status, attempts, last_status_code, last_error FROM webhook_delivery WHERE subscription_id = $1`,
          [subscription],
        );
        return delivery?.status === 'delivered' && delivery;
      },
      'the webhook to be delivered after failures',
      20_000,
    );
    expect(row).toEqual({
      status: 'delivered',
      attempts: 3,
      last_status_code: 204,
      last_error: null,
    });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    await t.db.query(`UPDATE webhook_subscription SET active = false WHERE id = $1`, [
      subscription,
    ]);
  });

  it('only subscribers of an event hear it', async () => {
    received.length = 0;
    const subscription = await subscribe('whsec_other', ['lead.status_changed']);
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await sink.waitForCount(sink.messages.length + 2);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1`,
      [subscription],
    );
    expect(n).toBe(0);
    expect(received).toHaveLength(0);
  });
});

describe('intake.completed', () => {
  it('fires for an individual intake at once and for a couple when partner B answers', async () => {
    const received: { type: string; data: { reference: string; serviceType: string } }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    const sink = await startSmtpSink();
    const t = await startTestApp({ smtpUrl: sink.url });
    try {
      await t.db.query(
        `INSERT INTO webhook_subscription (id, url, events, secret) VALUES ($1, $2, $3, 'whsec_intake')`,
        [
          randomUUID(),
          `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`,
          ['intake.completed'],
        ],
      );
      const individual = await t.http
        .post('/v1/intakes')
        .send({
          formSlug: 'individual',
          formVersion: 1,
          client: { name: 'Jo Park', email: 'jo.webhook@example.com' },
          answers: {
            ind_concerns: ['stress'],
            ind_prior_therapy: false,
            ind_availability: ['weekend'],
            ind_session_format: 'either',
            ind_payment: 'self_pay',
            crisis_now: false,
          },
          consent: { contact: true, privacyNoticeVersion: '2026-01' },
        })
        .expect(201);
      await eventually(
        async () => received.length === 1,
        'intake.completed for the individual intake',
      );
      expect(received[0]).toMatchObject({
        type: 'intake.completed',
        data: { reference: individual.body.reference, serviceType: 'individual' },
      });

      const couple = await t.http.post('/v1/intakes').send(aCouplesIntake()).expect(201);
      await sleep(500);
      expect(received).toHaveLength(1);
      const invitation = await eventually(
        async () => sink.messages.find((message) => message.text.includes('partner?token=')),
        'the partner invitation',
      );
      const token = /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
      await t.http
        .post(`/v1/partner-invitations/${token}/responses`)
        .send({
          client: { name: 'Sam Rivera', email: 'sam.webhook@example.com' },
          answers: coupleAnswers(),
          consent: { contact: true, privacyNoticeVersion: '2026-01' },
        })
        .expect(201);
      await eventually(async () => received.length === 2, 'intake.completed for the couple');
      expect(received[1]).toMatchObject({
        type: 'intake.completed',
        data: { reference: couple.body.reference, serviceType: 'couples' },
      });
    } finally {
      await t.close();
      await sink.stop();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
