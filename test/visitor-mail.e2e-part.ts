import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Retention } from '../src/privacy/retention.service.js';
import { leadCreatedEventId } from '../src/webhooks/webhook-event.js';
import { type CaptchaProviderStandIn, startCaptchaProvider } from './support/captcha-provider.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { announceSubmissions, partnerAnswers } from './support/lead-rows.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';
import {
  type WebhookReceiver,
  startWebhookReceiver,
  subscribeWebhook,
} from './support/webhooks.js';

/**
 * Email to addresses a visitor typed into a public form: at most 3 an address a day,
 * no visitor text beyond a plain first name, and nothing while a lead waits for review.
 */
describe('mail to visitor-typed addresses', () => {
  let provider: CaptchaProviderStandIn;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  beforeAll(async () => {
    provider = await startCaptchaProvider();
    sink = await startSmtpSink();
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: {
        CAPTCHA_PROVIDER: 'turnstile',
        CAPTCHA_SECRET_KEY: 'test-secret-0x0000',
        CAPTCHA_SITE_KEY: 'test-site-key-1x0000',
        CAPTCHA_TIMEOUT_MS: '400',
        CAPTCHA_VERIFY_URL: provider.url,
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      },
    });
    coordinator = await aSignedInStaffMember(t, 'coordinator');
    const admin = await aSignedInStaffMember(t, 'admin');
    await subscribeWebhook(t, admin.auth, { url: receiver.url, events: ['lead.created'] });
  });
  beforeEach(() => provider.behave('accept'));
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await receiver.close();
    await provider.stop();
  });

  const tag = () => randomBytes(4).toString('hex');
  const aCouple = (overrides: Record<string, unknown> = {}) =>
    aCouplesIntake({ captchaToken: `token-${tag()}`, ...overrides });
  const invitationsTo = async (intakeIds: string[]) =>
    (await t.db.query(
      `SELECT n.id, n.status,
              (SELECT count(*)::int FROM pgboss.job j
                WHERE j.name = 'notification.deliver' AND j.data->>'notificationId' = n.id::text) AS jobs
         FROM notification n JOIN partner_invitation p ON p.id::text = n.context->>'invitationId'
        WHERE n.kind = 'partner_invitation' AND p.intake_id = ANY($1::uuid[])
        ORDER BY array_position($1::uuid[], p.intake_id)`,
      [intakeIds],
    )) as { id: string; status: string; jobs: number }[];
  /** The receipt without what differs between any two submissions. */
  const shapeOf = (body: Record<string, unknown>) => ({
    ...body,
    id: 'id',
    reference: 'reference',
    receivedAt: 'receivedAt',
    partnerInvitation: {
      // The mask shows the address as typed; the count does not care about case.
      sentTo: (body.partnerInvitation as { sentTo: string }).sentTo.toLowerCase(),
      expiresAt: 'expiresAt',
    },
  });
  /** Submits a couple's intake and returns the invitation email the partner got. */
  const invitationFor = async (clientName: string) => {
    const body = aCouple();
    body.client = { ...(body.client as object), name: clientName };
    await t.http.post('/v1/intakes').send(body).expect(201);
    const partnerEmail = (body.partner as { email: string }).email;
    return eventually(
      async () => sink.messages.find((message) => message.to.includes(partnerEmail)),
      'the partner invitation',
    );
  };

  describe('at most 3 emails to one address a day', () => {
    it('a 4th partner invitation to one address is not sent, and answers 201 like the first three', async () => {
      const partnerEmail = `pat.${tag()}@example.com`;
      const responses = [];
      for (const email of [partnerEmail, partnerEmail, partnerEmail, partnerEmail.toUpperCase()]) {
        responses.push(
          await t.http
            .post('/v1/intakes')
            .send(aCouple({ partner: { name: 'Pat Doe', email } }))
            .expect(201),
        );
      }
      const shapes = responses.map((response) => shapeOf(response.body));
      expect(shapes[3]).toEqual(shapes[0]);
      expect(Object.keys(responses[3]!.headers).sort()).toEqual(
        Object.keys(responses[0]!.headers).sort(),
      );

      const rows = await invitationsTo(responses.map((response) => response.body.id as string));
      expect(rows.map((row) => row.jobs)).toEqual([1, 1, 1, 0]);
      expect(rows[3]!.status).toBe('withheld');
      expect(rows.slice(0, 3).every((row) => row.status !== 'withheld')).toBe(true);
      const delivered = await eventually(async () => {
        const caught = sink.messages.filter((message) => message.to.includes(partnerEmail));
        return caught.length >= 3 && caught;
      }, 'three invitations');
      expect(delivered).toHaveLength(3);
    });

    it('two requests at once cannot both be the 3rd', async () => {
      const partnerEmail = `kim.${tag()}@example.com`;
      const send = () =>
        t.http
          .post('/v1/intakes')
          .send(aCouple({ partner: { name: 'Kim Doe', email: partnerEmail } }))
          .expect(201);
      const first = [await send(), await send()];
      const together = await Promise.all([send(), send()]);
      const rows = await invitationsTo(
        [...first, ...together].map((response) => response.body.id as string),
      );
      expect(rows.filter((row) => row.status === 'withheld')).toHaveLength(1);
      expect(rows.reduce((sum, row) => sum + row.jobs, 0)).toBe(3);
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM visitor_mail WHERE notification_id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      )) as { n: number }[];
      expect(n).toBe(3);
    });

    it('counts acknowledgements too: a 4th submission from one address gets no acknowledgement', async () => {
      const email = `lee.${tag()}@example.com`;
      const statuses: string[] = [];
      for (let i = 0; i < 4; i++) {
        const body = aCouple();
        body.client = { ...(body.client as object), email };
        const response = await t.http.post('/v1/intakes').send(body).expect(201);
        const [{ lead_id: leadId }] = (await t.db.query(
          `SELECT lead_id FROM intake WHERE id = $1`,
          [response.body.id],
        )) as { lead_id: string }[];
        await announceSubmissions(t, leadId);
        const [row] = (await t.db.query(
          `SELECT status FROM notification WHERE kind = 'client_acknowledgement' AND recipient_submission_id = $1`,
          [response.body.id],
        )) as { status: string }[];
        statuses.push(row!.status);
      }
      expect(statuses.slice(0, 3)).not.toContain('withheld');
      expect(statuses[3]).toBe('withheld');
    });

    it('no count holds the address itself', async () => {
      const rows = await t.db.query(`SELECT row_to_json(v)::text AS row FROM visitor_mail v`);
      expect(rows.length).toBeGreaterThan(0);
      for (const { row } of rows) expect(row).not.toMatch(/@example\.com/i);
    });

    it('the retention job deletes counts older than a day', async () => {
      await t.db.query(
        `UPDATE visitor_mail SET sent_at = now() - interval '25 hours' WHERE notification_id IN
           (SELECT notification_id FROM visitor_mail LIMIT 1)`,
      );
      const report = await t.app.get(Retention, { strict: false }).run();
      expect(report.visitorMails).toBe(1);
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM visitor_mail WHERE sent_at < now() - interval '24 hours'`,
      )) as { n: number }[];
      expect(n).toBe(0);
    });
  });

  describe('a name in the mail', () => {
    it('a name holding a link says "someone"', async () => {
      const mail = await invitationFor('Visit http://evil.example now');
      expect(mail.text).toContain('someone has asked');
      expect(mail.raw).not.toContain('evil.example');
      expect(mail.raw).not.toContain('Visit');
    });

    it('a name holding markup says "someone"', async () => {
      const mail = await invitationFor('Bob<script>');
      expect(mail.text).toContain('someone has asked');
      expect(mail.raw).not.toContain('Bob');
    });

    it('a first name of 40 letters is kept, one of 41 is not', async () => {
      const forty = 'Abcdefghij'.repeat(4);
      expect((await invitationFor(`${forty} Smith`)).text).toContain(`${forty} has asked`);
      const fortyOne = `${forty}k`;
      const mail = await invitationFor(fortyOne);
      expect(mail.text).toContain('someone has asked');
      expect(mail.raw).not.toContain(forty);
    });

    it('a first name with hyphens and apostrophes stays', async () => {
      expect((await invitationFor("Mary-Jane O'Neil")).text).toContain('Mary-Jane has asked');
      expect((await invitationFor("D'Arcy Lee")).text).toContain("D'Arcy has asked");
    });
  });

  describe('a lead kept for review', () => {
    const heldCouple = async () => {
      provider.behave('server-error');
      const body = aCouple();
      const response = await t.http.post('/v1/intakes').send(body).expect(201);
      const [{ lead_id: leadId, needs_review: needsReview }] = (await t.db.query(
        `SELECT i.lead_id, l.needs_review FROM intake i JOIN lead l ON l.id = i.lead_id WHERE i.id = $1`,
        [response.body.id],
      )) as { lead_id: string; needs_review: boolean }[];
      expect(needsReview).toBe(true);
      return { leadId, intakeId: response.body.id as string, body };
    };
    const visitorMailOf = async (leadId: string) =>
      (await t.db.query(
        `SELECT n.kind, n.status,
                (SELECT count(*)::int FROM pgboss.job j
                  WHERE j.name = 'notification.deliver' AND j.data->>'notificationId' = n.id::text) AS jobs
           FROM notification n
          WHERE n.lead_id = $1 AND n.recipient_kind IN ('submitter', 'partner')
          ORDER BY n.kind`,
        [leadId],
      )) as { kind: string; status: string; jobs: number }[];
    const leadCreatedDeliveries = async (leadId: string) =>
      (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM webhook_delivery WHERE event_type = 'lead.created' AND event_id = $1`,
          [leadCreatedEventId(leadId)],
        )) as { n: number }[]
      )[0]!.n;
    const release = async (leadId: string) => {
      const read = await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth).expect(200);
      await t.http
        .patch(`/v1/admin/leads/${leadId}`)
        .set(coordinator.auth)
        .set('if-match', read.headers.etag!)
        .send({ needsReview: false })
        .expect(200);
    };

    it('sends no acknowledgement, no partner invitation and no lead.created', async () => {
      const { leadId } = await heldCouple();
      await announceSubmissions(t, leadId);
      expect(await visitorMailOf(leadId)).toEqual([
        { kind: 'client_acknowledgement', status: 'held', jobs: 0 },
        { kind: 'partner_invitation', status: 'held', jobs: 0 },
      ]);
      expect(await leadCreatedDeliveries(leadId)).toBe(0);
    });

    it('a partner answering a held lead gets no acknowledgement either', async () => {
      const { leadId, intakeId } = await heldCouple();
      provider.behave('accept');
      await partnerAnswers(t, intakeId, { name: 'Sam Rivera', email: `sam.${tag()}@example.com` });
      await announceSubmissions(t, leadId);
      const rows = await visitorMailOf(leadId);
      expect(rows.filter((row) => row.kind === 'client_acknowledgement')).toEqual([
        { kind: 'client_acknowledgement', status: 'held', jobs: 0 },
        { kind: 'client_acknowledgement', status: 'held', jobs: 0 },
      ]);
    });

    it('on release what was held goes out, once', async () => {
      const { leadId, body } = await heldCouple();
      await announceSubmissions(t, leadId);
      await release(leadId);
      expect(await visitorMailOf(leadId)).toEqual([
        {
          kind: 'client_acknowledgement',
          status: expect.stringMatching(/^(pending|sent)$/),
          jobs: 1,
        },
        { kind: 'partner_invitation', status: expect.stringMatching(/^(pending|sent)$/), jobs: 1 },
      ]);
      expect(await leadCreatedDeliveries(leadId)).toBe(1);

      // A redelivered submission job, and a second release, add nothing.
      await announceSubmissions(t, leadId);
      const read = await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth).expect(200);
      await t.http
        .patch(`/v1/admin/leads/${leadId}`)
        .set(coordinator.auth)
        .set('if-match', read.headers.etag!)
        .send({ needsReview: false })
        .expect(200);
      expect((await visitorMailOf(leadId)).map((row) => row.jobs)).toEqual([1, 1]);
      expect(await leadCreatedDeliveries(leadId)).toBe(1);

      const clientEmail = (body.client as { email: string }).email;
      const partnerEmail = (body.partner as { email: string }).email;
      await eventually(
        async () =>
          sink.messages.some((message) => message.to.includes(clientEmail)) &&
          sink.messages.some((message) => message.to.includes(partnerEmail)),
        'the released emails',
      );
    });

    it('on release the daily limit still applies', async () => {
      const { leadId, body } = await heldCouple();
      const partnerEmail = (body.partner as { email: string }).email;
      provider.behave('accept');
      for (let i = 0; i < 3; i++) {
        await t.http
          .post('/v1/intakes')
          .send(aCouple({ partner: { name: 'Sam Doe', email: partnerEmail } }))
          .expect(201);
      }
      await release(leadId);
      const rows = await visitorMailOf(leadId);
      expect(rows.find((row) => row.kind === 'partner_invitation')).toEqual({
        kind: 'partner_invitation',
        status: 'withheld',
        jobs: 0,
      });
    });

    it('a crisis still alerts staff at once', async () => {
      provider.behave('server-error');
      const response = await t.http
        .post('/v1/intakes')
        .send(aCouple({ answers: coupleAnswers({ crisis_now: true }) }))
        .expect(201);
      const [{ lead_id: leadId }] = (await t.db.query(`SELECT lead_id FROM intake WHERE id = $1`, [
        response.body.id,
      ])) as { lead_id: string }[];
      await announceSubmissions(t, leadId);
      const [alerts] = (await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE lead_id = $1 AND kind = 'crisis_alert' AND status <> 'held'`,
        [leadId],
      )) as { n: number }[];
      expect(alerts!.n).toBeGreaterThan(0);
    });
  });
});
