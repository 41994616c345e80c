import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { anInquiry } from './support/builders.js';
import { DataCipher, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';

const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));
const REFERENCE = /^RI-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

describe('POST /v1/inquiries', () => {
  let t: TestApp;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    t.http
      .post('/v1/inquiries')
      .set(headers)
      .send(body as object);
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await t.db.query(sql, params)) as { n: string }[])[0]!.n);
  const jobsFor = (leadId: string) =>
    count(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'lead.submission-received' AND data->>'leadId' = $1`,
      [leadId],
    );
  const leadOf = async (inquiryId: string) =>
    (
      (await t.db.query(
        `SELECT l.* FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.id = $1`,
        [inquiryId],
      )) as { id: string; status: string; urgency: string }[]
    )[0]!;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a genuine reach-out', () => {
    it('answers 201 with an id, a reference to say on the phone and the time received', async () => {
      const response = await post(anInquiry());
      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(response.body)).toEqual(['id', 'reference', 'receivedAt']);
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.reference).toMatch(REFERENCE);
      expect(Math.abs(Date.parse(response.body.receivedAt) - Date.now())).toBeLessThan(10_000);
    });

    it('stores a new lead with the inquiry and the job that tells staff', async () => {
      const body = anInquiry({ message: 'Looking for help with communication.' });
      const { body: receipt } = await post(body).expect(201);
      const lead = await leadOf(receipt.id);
      expect(lead).toMatchObject({ status: 'new', urgency: 'routine', service_type: 'couples' });
      const [inquiry] = await t.db.query(`SELECT * FROM inquiry WHERE id = $1`, [receipt.id]);
      expect(
        cipher.decrypt(inquiry.message_encrypted, SEALED_COLUMNS.inquiryMessage, receipt.id),
      ).toBe(body.message);
      expect(inquiry).toMatchObject({
        reference: receipt.reference,
        name: body.name,
        email: body.email,
        phone: body.phone,
        message: null,
        consent_contact: true,
        privacy_notice_version: '2026-01',
        spam_reason: null,
      });
      const [reference] = await t.db.query(
        `SELECT lead_id, kind, submission_id FROM submission_reference WHERE reference = $1`,
        [receipt.reference],
      );
      expect(reference).toEqual({ lead_id: lead.id, kind: 'inquiry', submission_id: receipt.id });
      const [job] = await t.db.query(
        `SELECT data FROM pgboss.job WHERE name = 'lead.submission-received' AND data->>'submissionId' = $1`,
        [receipt.id],
      );
      expect(job.data).toEqual({
        leadId: lead.id,
        submissionId: receipt.id,
        submissionKind: 'inquiry',
        leadCreated: true,
      });
    });

    it('defaults preferredContact to email and message to empty', async () => {
      const body = anInquiry();
      delete body.preferredContact;
      delete body.message;
      delete body.phone;
      const { body: receipt } = await post(body).expect(201);
      const [inquiry] = await t.db.query(
        `SELECT preferred_contact, message_encrypted, phone FROM inquiry WHERE id = $1`,
        [receipt.id],
      );
      expect(inquiry).toMatchObject({ preferred_contact: 'email', phone: null });
      expect(
        cipher.decrypt(inquiry.message_encrypted, SEALED_COLUMNS.inquiryMessage, receipt.id),
      ).toBe('');
    });

    it('trims names and emails before storing them', async () => {
      const { body: receipt } = await post(
        anInquiry({ name: '  Jo Park ', email: '  jo.park@example.com ' }),
      ).expect(201);
      const [inquiry] = await t.db.query(`SELECT name, email FROM inquiry WHERE id = $1`, [
        receipt.id,
      ]);
      expect(inquiry).toEqual({ name: 'Jo Park', email: 'jo.park@example.com' });
    });

    it('gives every submission its own reference', async () => {
      const receipts = await Promise.all(
        Array.from({ length: 8 }, () => post(anInquiry()).expect(201)),
      );
      const references = new Set(receipts.map((response) => response.body.reference));
      expect(references.size).toBe(8);
    });
  });

  describe('a returning person', () => {
    it('joins their open lead within 30 days, with a response like a first submission', async () => {
      const email = 'sam.returning@example.com';
      const first = await post(anInquiry({ email })).expect(201);
      const second = await post(
        anInquiry({ email: 'Sam.Returning@Example.com', message: 'Following up.' }),
      ).expect(201);
      expect(Object.keys(second.body)).toEqual(Object.keys(first.body));
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.body.reference).not.toBe(first.body.reference);
      const lead = await leadOf(first.body.id);
      expect((await leadOf(second.body.id)).id).toBe(lead.id);
      expect(await count(`SELECT count(*) AS n FROM inquiry WHERE lead_id = $1`, [lead.id])).toBe(
        2,
      );
      const [job] = await t.db.query(
        `SELECT data FROM pgboss.job WHERE data->>'submissionId' = $1`,
        [second.body.id],
      );
      expect(job.data).toMatchObject({ leadId: lead.id, leadCreated: false });
    });

    it('starts a new lead when the last one was heard from over 30 days ago', async () => {
      const email = 'old.contact@example.com';
      const first = await post(anInquiry({ email })).expect(201);
      const lead = await leadOf(first.body.id);
      await t.db.query(
        `UPDATE lead SET last_submission_at = now() - interval '31 days' WHERE id = $1`,
        [lead.id],
      );
      const second = await post(anInquiry({ email })).expect(201);
      expect((await leadOf(second.body.id)).id).not.toBe(lead.id);
    });

    it('starts a new lead when the earlier one is closed', async () => {
      const email = 'closed.before@example.com';
      const first = await post(anInquiry({ email })).expect(201);
      const lead = await leadOf(first.body.id);
      await t.db.query(`UPDATE lead SET status = 'declined' WHERE id = $1`, [lead.id]);
      const second = await post(anInquiry({ email })).expect(201);
      expect((await leadOf(second.body.id)).id).not.toBe(lead.id);
    });

    it('ends up on one lead when two first submissions arrive together', async () => {
      const email = 'racing.twice@example.com';
      const [a, b] = await Promise.all([
        post(anInquiry({ email })).expect(201),
        post(anInquiry({ email })).expect(201),
      ]);
      expect((await leadOf(a.body.id)).id).toBe((await leadOf(b.body.id)).id);
    });
  });

  describe('bots', () => {
    it('a filled honeypot answers 201 like anyone, is stored as spam and notifies nobody', async () => {
      const response = await post(anInquiry({ website: 'https://spam.example.com' }));
      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['id', 'reference', 'receivedAt']);
      expect(response.body.reference).toMatch(REFERENCE);
      const lead = await leadOf(response.body.id);
      expect(lead.status).toBe('spam');
      expect(await jobsFor(lead.id)).toBe(0);
      const [inquiry] = await t.db.query(`SELECT spam_reason FROM inquiry WHERE id = $1`, [
        response.body.id,
      ]);
      expect(inquiry.spam_reason).toBe('honeypot');
    });

    it('a form sent faster than the minimum time is stored as spam', async () => {
      const response = await post(
        anInquiry({ formStartedAt: new Date(Date.now() - 500).toISOString() }),
      ).expect(201);
      const lead = await leadOf(response.body.id);
      expect(lead.status).toBe('spam');
      expect(await jobsFor(lead.id)).toBe(0);
    });

    it('a spam submission never joins the real lead of the same email', async () => {
      const email = 'real.person@example.com';
      const real = await post(anInquiry({ email })).expect(201);
      const bot = await post(anInquiry({ email, website: 'x' })).expect(201);
      expect((await leadOf(bot.body.id)).id).not.toBe((await leadOf(real.body.id)).id);
      expect((await leadOf(real.body.id)).status).toBe('new');
    });

    it('a browser clock running ahead is not taken for a bot', async () => {
      const response = await post(
        anInquiry({ formStartedAt: new Date(Date.now() + 120_000).toISOString() }),
      ).expect(201);
      expect((await leadOf(response.body.id)).status).toBe('new');
    });
  });

  describe('crisis words', () => {
    const resources = [
      { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' },
      { name: 'Emergency services', contact: 'Call 911' },
    ];

    it.each([
      'Sometimes I feel SUICIDAL after our fights',
      'I want to die',
      'I have thought about self harm',
      'he talked about an overdose',
      'I might kill\nmyself',
    ])('"%s" makes the lead crisis and answers with resources', async (message) => {
      const response = await post(anInquiry({ message })).expect(201);
      expect(response.body.resources).toEqual(resources);
      expect((await leadOf(response.body.id)).urgency).toBe('crisis');
    });

    it('an ordinary message gets no resources', async () => {
      const response = await post(anInquiry({ message: 'We argue about money.' })).expect(201);
      expect(response.body).not.toHaveProperty('resources');
    });

    it('a crisis message on a returning lead raises its urgency', async () => {
      const email = 'returning.crisis@example.com';
      const first = await post(anInquiry({ email })).expect(201);
      expect((await leadOf(first.body.id)).urgency).toBe('routine');
      await post(anInquiry({ email, message: 'I want to end my life' })).expect(201);
      expect((await leadOf(first.body.id)).urgency).toBe('crisis');
    });
  });

  describe('Idempotency-Key', () => {
    it('a repeat with the same key and body returns the first response and creates nothing', async () => {
      const body = anInquiry({ message: 'I keep thinking about suicide' });
      const key = { 'Idempotency-Key': 'retry-same-body-1' };
      const first = await post(body, key).expect(201);
      const inquiries = await count(`SELECT count(*) AS n FROM inquiry`);
      const again = await post(body, key).expect(201);
      expect(again.text).toBe(first.text);
      expect(await count(`SELECT count(*) AS n FROM inquiry`)).toBe(inquiries);
    });

    it('the same key with another body answers 409', async () => {
      const key = { 'Idempotency-Key': 'retry-other-body-1' };
      await post(anInquiry(), key).expect(201);
      const response = await post(anInquiry(), key).expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: '/problems/idempotency-key-reused',
        status: 409,
      });
    });

    it('concurrent duplicates create one inquiry and all get the same answer', async () => {
      const body = anInquiry();
      const key = { 'Idempotency-Key': 'concurrent-duplicates-1' };
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(body, key)));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
      expect(new Set(responses.map((response) => response.text)).size).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM inquiry WHERE email = $1`, [body.email])).toBe(
        1,
      );
    });

    it('a key older than 24 hours starts afresh', async () => {
      const body = anInquiry();
      const key = { 'Idempotency-Key': 'expired-key-1' };
      const first = await post(body, key).expect(201);
      await t.db.query(
        `UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = $1`,
        ['expired-key-1'],
      );
      const second = await post(body, key).expect(201);
      expect(second.body.id).not.toBe(first.body.id);
    });

    it('a key that is too long answers 422 naming the header', async () => {
      const response = await post(anInquiry(), { 'Idempotency-Key': 'k'.repeat(256) }).expect(422);
      expect(response.body.errors).toEqual([
        { field: 'Idempotency-Key', code: 'invalid_format', message: expect.any(String) },
      ]);
    });
  });

  describe('bad input', () => {
    const expectProblem = (
      response: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
      status: number,
      type: string,
    ) => {
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type, status, title: expect.any(String) });
    };

    it('names every invalid field in one 422, unknown fields included', async () => {
      const response = await post({
        name: '',
        email: 'not-an-email',
        phone: '555-0142',
        preferredContact: 'pigeon',
        serviceType: 'group',
        state: 'ZZ',
        message: 'x'.repeat(5001),
        referralSource: 'r'.repeat(101),
        consent: { contact: false, privacyNoticeVersion: '2026-01', extra: 1 },
        formStartedAt: 'yesterday',
        favouriteColour: 'blue',
      });
      expectProblem(response, 422, '/problems/validation');
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields.sort()).toEqual(
        [
          'name',
          'email',
          'phone',
          'preferredContact',
          'serviceType',
          'state',
          'message',
          'referralSource',
          'consent.contact',
          'consent.extra',
          'formStartedAt',
          'favouriteColour',
        ].sort(),
      );
      expect(response.body.detail).toBe('12 fields are invalid');
    });

    it('says a required field is required and a wrong type is a wrong type', async () => {
      const body = anInquiry({ name: 42 });
      delete body.email;
      delete body.consent;
      const response = await post(body);
      expectProblem(response, 422, '/problems/validation');
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'name', code: 'invalid_type', message: 'must be a string' },
          {
            field: 'email',
            code: 'required',
            message: expect.stringMatching(/string|email|required/),
          },
          { field: 'consent', code: 'required', message: 'is required' },
        ]),
      );
    });

    it('never echoes submitted personal data in an error', async () => {
      const response = await post(
        anInquiry({ email: 'secret.person@example', phone: '12345', name: 'N'.repeat(201) }),
      );
      expectProblem(response, 422, '/problems/validation');
      expect(response.text).not.toContain('secret.person');
      expect(response.text).not.toContain('12345');
      expect(response.text).not.toContain('NNNN');
    });

    it('malformed JSON answers 400', async () => {
      const response = await t.http
        .post('/v1/inquiries')
        .set('content-type', 'application/json')
        .send('{"name": "Alex",');
      expectProblem(response, 400, '/problems/malformed-json');
    });

    it('a body over 64 KiB answers 413', async () => {
      const response = await post(anInquiry({ message: 'x'.repeat(70 * 1024) }));
      expectProblem(response, 413, '/problems/payload-too-large');
    });

    it('a content type other than JSON answers 415', async () => {
      const response = await t.http
        .post('/v1/inquiries')
        .set('content-type', 'application/x-www-form-urlencoded')
        .send('name=Alex');
      expectProblem(response, 415, '/problems/unsupported-media-type');
    });

    it('a JSON value that is not an object answers 422', async () => {
      const response = await t.http
        .post('/v1/inquiries')
        .set('content-type', 'application/json')
        .send('["Alex"]');
      expectProblem(response, 422, '/problems/validation');
    });

    it('writes nothing for a rejected request', async () => {
      const before = await count(`SELECT count(*) AS n FROM inquiry`);
      await post(
        anInquiry({ consent: { contact: false, privacyNoticeVersion: '2026-01' } }),
      ).expect(422);
      expect(await count(`SELECT count(*) AS n FROM inquiry`)).toBe(before);
    });

    it('each problem type links to a page that describes it', async () => {
      const page = await t.http.get('/problems/validation').expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('Invalid request');
      await t.http.get('/problems/no-such-problem').expect(404);
    });
  });

  describe('one transaction', () => {
    it('a failure after the lead was written leaves no lead, no reference and no job', async () => {
      await t.db.query(`
        CREATE FUNCTION refuse_inquiry() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
        CREATE TRIGGER refuse_inquiry BEFORE INSERT ON inquiry
          FOR EACH ROW EXECUTE FUNCTION refuse_inquiry();`);
      try {
        const email = 'half.written@example.com';
        const response = await post(anInquiry({ email }));
        expect(response.status).toBe(500);
        expect(response.body).toEqual({
          type: '/problems/internal',
          title: 'Internal error',
          status: 500,
        });
        expect(response.text).not.toContain('refused');
        expect(
          await count(`SELECT count(*) AS n FROM lead WHERE email_normalized = $1`, [email]),
        ).toBe(0);
        expect(
          await count(
            `SELECT count(*) AS n FROM submission_reference r LEFT JOIN lead l ON l.id = r.lead_id WHERE l.id IS NULL`,
          ),
        ).toBe(0);
      } finally {
        await t.db.query(`DROP TRIGGER refuse_inquiry ON inquiry; DROP FUNCTION refuse_inquiry();`);
      }
    });
  });

  describe('from a browser', () => {
    it('allows only configured origins', async () => {
      const other = await startTestApp({ env: { CORS_ORIGINS: 'https://practice.example.com' } });
      try {
        const allowed = await other.http
          .options('/v1/inquiries')
          .set('Origin', 'https://practice.example.com')
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'content-type,idempotency-key');
        expect(allowed.status).toBeLessThan(300);
        expect(allowed.headers['access-control-allow-origin']).toBe('https://practice.example.com');
        const refused = await other.http
          .options('/v1/inquiries')
          .set('Origin', 'https://evil.example.net')
          .set('Access-Control-Request-Method', 'POST');
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await other.close();
      }
    });
  });
});
