import { SCORING_VERSION } from '../src/survey/scoring.js';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DataCipher, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import {
  ANXIOUS_PURSUER,
  AVOIDANT_WITHDRAWER,
  aCouplesIntake,
  coupleAnswers,
} from './support/couples.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));

describe('the couples intake', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
  });
  afterEach(() => {
    sink.messages.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  /** Submits partner A and returns the token from the invitation email partner B got. */
  const startCouple = async (overrides: Record<string, unknown> = {}) => {
    const body = aCouplesIntake(overrides);
    const response = await t.http.post('/v1/intakes').send(body).expect(201);
    const partnerEmail = (body.partner as { email: string }).email;
    const invitation = await eventually(
      async () => sink.messages.find((message) => message.to.includes(partnerEmail)),
      'the partner invitation',
    );
    const token = /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
    return { body, response, invitation, token };
  };
  const partnerB = (answers: Record<string, unknown> = coupleAnswers()) => ({
    client: { name: 'Sam Rivera', email: 'sam.b@example.com' },
    answers,
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
  });
  const leadOf = async (intakeId: string) =>
    (
      await t.db.query(`SELECT l.* FROM lead l JOIN intake i ON i.lead_id = l.id WHERE i.id = $1`, [
        intakeId,
      ])
    )[0];

  it('partner A gets a receipt naming where the invitation went, masked', async () => {
    const { body, response } = await startCouple();
    const partnerEmail = (body.partner as { email: string }).email;
    expect(response.body).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^RI-/),
      receivedAt: expect.any(String),
      partnerInvitation: {
        sentTo: `s***@${partnerEmail.split('@')[1]}`,
        expiresAt: expect.any(String),
      },
    });
    const days = (Date.parse(response.body.partnerInvitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const [intake] = await t.db.query(`SELECT status FROM intake WHERE id = $1`, [
      response.body.id,
    ]);
    expect(intake.status).toBe('awaiting_partner');
  });

  it('the invitation email names only the first name and holds a one-time link, stored as a hash only', async () => {
    const { invitation, token } = await startCouple();
    expect(invitation.text).toContain('Alex has asked');
    expect(invitation.raw).not.toContain('Rivera');
    expect(invitation.raw).not.toContain('circling');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await t.db.query(`SELECT row_to_json(p)::text AS row FROM partner_invitation p`);
    for (const { row } of rows) expect(row).not.toContain(token);
  });

  it("partner B sees the form and A's first name, none of A's answers", async () => {
    const { token } = await startCouple();
    const { body } = await t.http.get(`/v1/partner-invitations/${token}`).expect(200);
    expect(body.invitedBy).toBe('Alex');
    expect(body.form).toMatchObject({ slug: 'couples', version: 1 });
    const text = JSON.stringify(body);
    expect(text).not.toContain('Rivera');
    expect(text).not.toContain('circling');
  });

  it('completes the couple: scores per partner and the pursue–withdraw pattern, all sealed', async () => {
    const { response, token } = await startCouple({ answers: coupleAnswers(ANXIOUS_PURSUER) });
    const answer = await t.http
      .post(`/v1/partner-invitations/${token}/responses`)
      .send(partnerB(coupleAnswers(AVOIDANT_WITHDRAWER)))
      .expect(201);
    expect(answer.body).toEqual({ reference: expect.stringMatching(/^RI-/) });

    const [intake] = await t.db.query(`SELECT * FROM intake WHERE id = $1`, [response.body.id]);
    expect(intake.status).toBe('complete');
    const resultA = cipher.decryptJson(
      intake.result_encrypted,
      SEALED_COLUMNS.intakeResult,
      intake.id,
    );
    expect(resultA).toEqual({
      anxiety: 6.67,
      anxietySum: 40,
      anxietyElevated: true,
      avoidance: 1.67,
      avoidanceSum: 10,
      avoidanceElevated: false,
      style: 'anxious',
      pursues: true,
      withdraws: false,
      safetyConcern: false,
      crisis: false,
    });
    expect(
      cipher.decryptJson(
        intake.couple_result_encrypted,
        SEALED_COLUMNS.intakeCoupleResult,
        intake.id,
      ),
    ).toEqual({
      anxiousAvoidantPairing: true,
      pursueWithdraw: true,
      pursuer: 'A',
      safetyConcern: false,
      crisis: false,
    });
    const [b] = await t.db.query(
      `SELECT id, result_encrypted, scoring_version FROM partner_response WHERE intake_id = $1`,
      [response.body.id],
    );
    // Stored with the rules that made them, so a later rule change can tell them apart.
    expect([intake.scoring_version, b.scoring_version]).toEqual([SCORING_VERSION, SCORING_VERSION]);
    expect(
      cipher.decryptJson(b.result_encrypted, SEALED_COLUMNS.partnerResult, b.id),
    ).toMatchObject({
      anxietySum: 9,
      avoidanceSum: 40,
      style: 'avoidant',
      withdraws: true,
    });
    const raw = JSON.stringify(
      await t.db.query(`SELECT * FROM intake i JOIN partner_response p ON p.intake_id = i.id`),
    );
    expect(raw).not.toContain('circling');
    expect(raw).not.toContain('anxious');
    expect(raw).not.toContain('1988-05-01');
  });

  it('a link works once: the second use answers 410, also when two race', async () => {
    const { token } = await startCouple();
    const [a, b] = await Promise.all([
      t.http.post(`/v1/partner-invitations/${token}/responses`).send(partnerB()),
      t.http.post(`/v1/partner-invitations/${token}/responses`).send(partnerB()),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 410]);
    await t.http.post(`/v1/partner-invitations/${token}/responses`).send(partnerB()).expect(410);
    await t.http.get(`/v1/partner-invitations/${token}`).expect(410);
  });

  it('a partner whose receipt was lost retries with the same Idempotency-Key and gets it, stored once', async () => {
    const { token, response } = await startCouple();
    const send = (key?: string, body = partnerB()) => {
      const request = t.http.post(`/v1/partner-invitations/${token}/responses`);
      if (key) request.set('Idempotency-Key', key);
      return request.send(body);
    };
    const body = partnerB();
    const first = await send('retry-key-1', body).expect(201);
    const again = await send('retry-key-1', body).expect(201);
    expect(again.body).toEqual(first.body);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM partner_response WHERE intake_id = $1`,
      [response.body.id],
    );
    expect(n).toBe(1);
    // Without the key, or with another one, the link is spent.
    await send(undefined, body).expect(410);
    await send('retry-key-2', body).expect(410);
  });

  it('an expired link answers 410, an unknown one 404', async () => {
    const { response, token } = await startCouple();
    await t.db.query(
      `UPDATE partner_invitation SET expires_at = now() - interval '1 minute' WHERE intake_id = $1`,
      [response.body.id],
    );
    const expired = await t.http.get(`/v1/partner-invitations/${token}`).expect(410);
    expect(expired.body.type).toBe('/problems/gone');
    await t.http.post(`/v1/partner-invitations/${token}/responses`).send(partnerB()).expect(410);
    await t.http.get('/v1/partner-invitations/not-a-real-token-at-all').expect(404);
  });

  it("B's invalid answers are refused by question id and do not spend the link", async () => {
    const { token } = await startCouple();
    const bad = await t.http
      .post(`/v1/partner-invitations/${token}/responses`)
      .send(partnerB(coupleAnswers({ anx1: 9, avd2: undefined })))
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'answers.anx1',
      'answers.avd2',
    ]);
    await t.http.post(`/v1/partner-invitations/${token}/responses`).send(partnerB()).expect(201);
  });

  it('a safety concern makes the lead high; crisis from either partner makes it crisis, with resources', async () => {
    const safety = await startCouple({ answers: coupleAnswers({ saf_afraid: true }) });
    expect((await leadOf(safety.response.body.id)).urgency).toBe('high');

    const crisis = await startCouple();
    expect((await leadOf(crisis.response.body.id)).urgency).toBe('routine');
    const answer = await t.http
      .post(`/v1/partner-invitations/${crisis.token}/responses`)
      .send(partnerB(coupleAnswers({ crisis_now: true })))
      .expect(201);
    expect(answer.body.resources).toHaveLength(2);
    expect((await leadOf(crisis.response.body.id)).urgency).toBe('crisis');
  });

  it('a crisis phrase in the story makes the intake crisis at once', async () => {
    const { response } = await startCouple({
      answers: coupleAnswers({ rel_story: 'Some nights I want to die' }),
    });
    expect(response.body.resources).toHaveLength(2);
    expect((await leadOf(response.body.id)).urgency).toBe('crisis');
  });

  it('validates answers against the named form version, naming each question', async () => {
    const response = await t.http
      .post('/v1/intakes')
      .send(
        aCouplesIntake({
          answers: coupleAnswers({ anx3: 0, rel_status: 'complicated', bogus: 1 }),
        }),
      )
      .expect(422);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'answers.anx3',
      'answers.bogus',
      'answers.rel_status',
    ]);
    const unknownVersion = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ formVersion: 7 }))
      .expect(422);
    expect(unknownVersion.body.errors).toEqual([
      { field: 'formVersion', code: 'not_an_option', message: expect.any(String) },
    ]);
    const noPartner = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ partner: undefined }))
      .expect(422);
    expect(noPartner.body.errors).toEqual([
      { field: 'partner', code: 'required', message: 'is required for the couples form' },
    ]);
  });

  it('joins the lead of a quoted inquiry reference', async () => {
    const inquiry = await t.http
      .post('/v1/inquiries')
      .send({
        name: 'Alex Rivera',
        email: 'alex.quoted@example.com',
        serviceType: 'couples',
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
      })
      .expect(201);
    const { response } = await startCouple({
      inquiryReference: inquiry.body.reference.toLowerCase(),
    });
    const [{ lead_id: inquiryLead }] = await t.db.query(
      `SELECT lead_id FROM inquiry WHERE id = $1`,
      [inquiry.body.id],
    );
    expect((await leadOf(response.body.id)).id).toBe(inquiryLead);
  });
});

describe('form versions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a newer version changes nothing for submissions that name the old one', async () => {
    const [{ definition }] = await t.db.query(
      `SELECT definition FROM intake_form WHERE slug = 'couples' AND version = 1`,
    );
    const v2 = {
      ...definition,
      version: 2,
      sections: [
        ...definition.sections,
        {
          id: 'extra',
          title: 'New in version 2',
          questions: [{ id: 'v2_only', type: 'yesno', label: 'New?', required: true }],
        },
      ],
    };
    await t.db.query(
      `INSERT INTO intake_form (slug, version, definition) VALUES ('couples', 2, $1)`,
      [JSON.stringify(v2)],
    );
    const latest = await t.http.get('/v1/intake-forms/couples').expect(200);
    expect(latest.body.version).toBe(2);

    const v1 = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ answers: coupleAnswers(ANXIOUS_PURSUER) }))
      .expect(201);
    const [intake] = await t.db.query(
      `SELECT id, form_version, result_encrypted FROM intake WHERE id = $1`,
      [v1.body.id],
    );
    expect(intake.form_version).toBe(1);
    expect(
      cipher.decryptJson(intake.result_encrypted, SEALED_COLUMNS.intakeResult, intake.id),
    ).toMatchObject({
      anxietySum: 40,
    });

    const v2Missing = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ formVersion: 2 }))
      .expect(422);
    expect(v2Missing.body.errors).toEqual([
      { field: 'answers.v2_only', code: 'required', message: 'is required' },
    ]);
  });
});

describe('the individual intake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const individual = (answers: Record<string, unknown> = {}) => ({
    formSlug: 'individual',
    formVersion: 1,
    client: { name: 'Jo Park', email: `jo.${Math.random().toString(36).slice(2, 8)}@example.com` },
    answers: {
      ind_concerns: ['anxiety'],
      ind_prior_therapy: false,
      ind_availability: ['weekday_evening'],
      ind_session_format: 'telehealth',
      ind_payment: 'self_pay',
      crisis_now: false,
      ...answers,
    },
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
  });

  it('is complete at once, invites nobody and is not scored', async () => {
    const { body } = await t.http.post('/v1/intakes').send(individual()).expect(201);
    expect(body).not.toHaveProperty('partnerInvitation');
    const [intake] = await t.db.query(`SELECT status, result_encrypted FROM intake WHERE id = $1`, [
      body.id,
    ]);
    expect(intake).toEqual({ status: 'complete', result_encrypted: null });
    const [lead] = await t.db.query(
      `SELECT l.service_type, l.urgency FROM lead l JOIN intake i ON i.lead_id = l.id WHERE i.id = $1`,
      [body.id],
    );
    expect(lead).toEqual({ service_type: 'individual', urgency: 'routine' });
  });

  it('crisis_now = yes makes the lead crisis and answers with resources', async () => {
    const { body } = await t.http
      .post('/v1/intakes')
      .send(individual({ crisis_now: true }))
      .expect(201);
    expect(body.resources).toHaveLength(2);
  });

  it('refuses a partner on the individual form', async () => {
    const response = await t.http
      .post('/v1/intakes')
      .send({ ...individual(), partner: { name: 'X Y', email: 'x.y@example.com' } })
      .expect(422);
    expect(response.body.errors).toEqual([
      { field: 'partner', code: 'unknown_field', message: 'is only for the couples form' },
    ]);
  });
});
