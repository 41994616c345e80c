import type { Page } from 'playwright-core';
import { totpAt } from '../../src/auth/totp.js';
import { aPhoneNumber } from './builders.js';
import { ANXIOUS_PURSUER, AVOIDANT_WITHDRAWER, aCouplesIntake, coupleAnswers } from './couples.js';
import type { SmtpSink } from './smtp-sink.js';
import type { StaffMember } from './staff.js';
import type { TestApp } from './test-app.js';
import { eventually } from './wait.js';

/** Helpers of the staff app's browser tests (test/browser/admin-*.e2e-spec.ts). */

/** Opens the staff app and signs in on its form; `totp` answers the code step when asked. */
export async function signInOnPage(
  page: Page,
  site: string,
  member: Pick<StaffMember, 'email' | 'password'>,
  { path = '/admin/leads', totp }: { path?: string; totp?: () => string } = {},
): Promise<void> {
  await page.goto(`${site}${path}`);
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (totp) {
    await page.getByLabel('Code from your authenticator app').fill(totp());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
}

/**
 * Enrols the member in two-factor sign-in through the API. Returns the secret and the
 * new session's credentials: enrolment replaces the session, the old token is dead.
 */
export async function enrolMfa(
  t: TestApp,
  auth: { Authorization: string },
): Promise<{ secret: string; auth: { Authorization: string }; recoveryCodes: string[] }> {
  const { body } = await t.http.post('/v1/auth/mfa/setup').set(auth).expect(200);
  const secret = body.secret as string;
  const { body: verified } = await t.http
    .post('/v1/auth/mfa/verify')
    .set(auth)
    .send({ code: totpAt(secret, Date.now()) })
    .expect(200);
  return {
    secret,
    auth: { Authorization: `Bearer ${verified.token as string}` },
    recoveryCodes: verified.recoveryCodes as string[],
  };
}

/** The code of the next time step: the enrolment used this one, and a code counts once. */
export const nextCode = (secret: string) => totpAt(secret, Date.now() + 30_000);

/** One partner's contact as they typed it. */
export interface CoupleContact {
  name: string;
  email: string;
  phone: string | null;
}

/**
 * A couple's lead through the public API: partner A (anxious, pursuing) submits the
 * couples intake and partner B (avoidant, withdrawing) answers from the emailed link.
 * `answersA`/`answersB` override what the test is about (a crisis or safety answer).
 */
export async function aCompletedCouple(
  t: TestApp,
  sink: SmtpSink,
  {
    answersA = {},
    answersB = {},
  }: { answersA?: Record<string, unknown>; answersB?: Record<string, unknown> } = {},
): Promise<{ reference: string; leadId: string; a: CoupleContact; b: CoupleContact }> {
  const body = aCouplesIntake({ answers: coupleAnswers({ ...ANXIOUS_PURSUER, ...answersA }) });
  const client = { ...(body.client as { name: string; email: string }), phone: aPhoneNumber() };
  body.client = client;
  const { body: receipt } = await t.http.post('/v1/intakes').send(body).expect(201);
  const partnerEmail = (body.partner as { email: string }).email;
  const invitation = await eventually(
    async () => sink.messages.find((message) => message.to.includes(partnerEmail)),
    'the partner invitation',
  );
  const token = /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
  const b = { name: 'Sam Rivera', email: partnerEmail, phone: '+15415550199' };
  await t.http
    .post(`/v1/partner-invitations/${token}/responses`)
    .send({
      client: b,
      answers: coupleAnswers({ ...AVOIDANT_WITHDRAWER, ...answersB }),
      consent: { contact: true, privacyNoticeVersion: '2026-01' },
    })
    .expect(201);
  const [{ lead_id: leadId }] = await t.db.query(`SELECT lead_id FROM intake WHERE id = $1`, [
    receipt.id,
  ]);
  return {
    reference: receipt.reference as string,
    leadId,
    a: { name: client.name, email: client.email, phone: client.phone },
    b,
  };
}

/** A clinician profile through the admin API. */
export async function aClinicianProfile(
  t: TestApp,
  auth: { Authorization: string },
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const tag = Math.random().toString(36).slice(2, 8);
  const { body } = await t.http
    .post('/v1/admin/clinicians')
    .set(auth)
    .send({
      name: 'Dana Whitfield',
      email: `dana.${tag}@practice.example.com`,
      modalities: ['eft', 'gottman'],
      serviceTypes: ['couples', 'individual'],
      licensedStates: ['OR', 'WA'],
      acceptingNewClients: true,
      weeklyCapacity: 5,
      active: true,
      ...overrides,
    })
    .expect(201);
  return body;
}
