import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyWebhook } from '../src/webhooks/webhook-event.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';
import {
  startWebhookReceiver,
  subscribeWebhook,
  type WebhookReceiver,
} from './support/webhooks.js';

// The receivers listen on 127.0.0.1, which webhooks may reach only when allowed.
const LOCAL_RECEIVERS = { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' };

describe('webhooks', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let receiver: WebhookReceiver;
  let auth: { Authorization: string };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { DELIVERY_RETRY_DELAY_SECONDS: '1', DELIVERY_RETRY_LIMIT: '5', ...LOCAL_RECEIVERS },
    });
    receiver = await startWebhookReceiver();
    ({ auth } = await aSignedInStaffMember(t, 'admin'));
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await receiver.close();
  });

  const received = () => receiver.received;
  const subscribe = async (secret: string, events: string[]) =>
    (await subscribeWebhook(t, auth, { url: receiver.url, events, secret })).id;
  const deactivate = async (subscription: string) => {
    await t.http
      .patch(`/v1/admin/webhooks/${subscription}`)
      .set(auth)
      .send({ active: false })
      .expect(200);
  };

  it('lead.created arrives signed, with ids and labels only', async () => {
    received().length = 0;
    const secret = 'whsec_test_signed_with_32_chars_or_more';
    const subscription = await subscribe(secret, ['lead.created']);
    const person = anInquiry({ name: 'Ottoline Vasquez', message: 'private words' });
    const { body } = await t.http.post('/v1/inquiries').send(person).expect(201);
    const delivery = await eventually(async () => received()[0], 'a webhook delivery');
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
    await deactivate(subscription);
  });

  it('a failing endpoint is retried with backoff and every attempt is recorded', async () => {
    received().length = 0;
    receiver.failNext(2);
    const subscription = await subscribe('whsec_retry_with_32_chars_or_more_', ['lead.created']);
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
    expect(received()).toHaveLength(3);
    expect(new Set(received().map((r) => r.body)).size).toBe(1);
    await deactivate(subscription);
  });

  it('only subscribers of an event hear it', async () => {
    received().length = 0;
    const subscription = await subscribe('whsec_other_with_32_chars_or_more_', [
      'lead.status_changed',
    ]);
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await sink.waitForCount(sink.messages.length + 2);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1`,
      [subscription],
    );
    expect(n).toBe(0);
    expect(received()).toHaveLength(0);
  });
});

describe('intake.completed', () => {
  it('fires for an individual intake at once and for a couple when partner B answers', async () => {
    const receiver = await startWebhookReceiver();
    const received = receiver.received;
    const event = (index: number) => JSON.parse(received[index]!.body) as unknown;
    const sink = await startSmtpSink();
    const t = await startTestApp({ smtpUrl: sink.url, env: LOCAL_RECEIVERS });
    try {
      const { auth } = await aSignedInStaffMember(t, 'admin');
      await subscribeWebhook(t, auth, { url: receiver.url, events: ['intake.completed'] });
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
      expect(event(0)).toMatchObject({
        type: 'intake.completed',
        data: { reference: individual.body.reference, serviceType: 'individual' },
      });

      const couple = await t.http.post('/v1/intakes').send(aCouplesIntake()).expect(201);
      // Half a couple is not a completed intake: no delivery was written with it.
      expect(
        await t.db.query(`SELECT event_type FROM webhook_delivery ORDER BY created_at`),
      ).toEqual([{ event_type: 'intake.completed' }]);
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
      expect(event(1)).toMatchObject({
        type: 'intake.completed',
        data: { reference: couple.body.reference, serviceType: 'couples' },
      });
    } finally {
      await t.close();
      await sink.stop();
      await receiver.close();
    }
  });
});
