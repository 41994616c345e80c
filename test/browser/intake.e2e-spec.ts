import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { SEALED_COLUMNS } from '../../src/vocabulary/sealed-columns.js';
import type { Page } from 'playwright-core';
import { DataCipher, parseKeyRing } from '../../src/common/encryption/data-cipher.js';
import type { FormDefinition } from '../../src/intake/form-definition.js';
import {
  browserForThisFile,
  listenOnLoopback,
  PHONE,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import {
  ANXIOUS_PURSUER,
  AVOIDANT_WITHDRAWER,
  aCouplesIntake,
  coupleAnswers,
} from '../support/couples.js';
import { answerForm, consentToContact, fillClient } from '../support/form-filling.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));
const REFERENCE = /^RI-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

describe('the hosted intake and partner pages', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;
  let couples: FormDefinition;
  let individual: FormDefinition;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { SPAM_MIN_SECONDS: '0' } });
    site = await listenOnLoopback(t);
    couples = (await t.http.get('/v1/intake-forms/couples').expect(200)).body;
    individual = (await t.http.get('/v1/intake-forms/individual').expect(200)).body;
  });
  afterEach(() => {
    sink.messages.length = 0;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const tokenSentTo = async (email: string) => {
    const invitation = await eventually(
      async () => sink.messages.find((message) => message.to.includes(email)),
      `the partner invitation to ${email}`,
    );
    return /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
  };

  const open = async (path: string, page?: Page) => {
    const tab = page ?? (await browser.newPage());
    await tab.goto(`${site}${path}`);
    await tab.locator('main#main').waitFor();
    await tab
      .getByText(/^(Loading the questions|Opening your invitation)…$/)
      .waitFor({ state: 'detached' });
    return tab;
  };

  const send = async (page: Page) => {
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you, your answers are in' }).waitFor();
    return page.locator('.reference-code').textContent();
  };

  it('a couple completes it: partner A on /intake/couples, partner B from the emailed link, and the lead holds both', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const partnerEmail = `sam.${tag}@example.com`;
    const a = await open('/intake/couples');
    await expect(a.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Couples intake',
    );
    await fillClient(a, {
      name: 'Alex Rivera',
      email: `alex.${tag}@example.com`,
      state: 'OR',
      dateOfBirth: '1988-05-01',
    });
    await a.getByLabel("Your partner's name").fill('Sam Rivera');
    await a.getByLabel("Your partner's email").fill(partnerEmail);
    const answersA = coupleAnswers(ANXIOUS_PURSUER);
    await answerForm(a, couples, answersA);
    await consentToContact(a);
    await saveScreenshots(a, 'intake-couples');
    await saveScreenshots(a, 'intake-couples-scale', {
      from: a.getByRole('heading', { name: 'How you feel in your relationship' }),
    });
    const referenceA = await send(a);
    expect(referenceA).toMatch(REFERENCE);
    await expect(
      a.getByText('We emailed your partner a private link at').textContent(),
    ).resolves.toContain(`s***@example.com`);

    const b = await open(`/partner?token=${await tokenSentTo(partnerEmail)}`);
    const welcome = await b.locator('.lead').textContent();
    expect(welcome).toContain('Alex asked you to answer these questions');
    expect(welcome).not.toContain('Rivera');
    await saveScreenshots(b, 'partner');
    await fillClient(b, { name: 'Sam Rivera', email: partnerEmail });
    const answersB = coupleAnswers(AVOIDANT_WITHDRAWER);
    await answerForm(b, couples, answersB);
    await consentToContact(b);
    expect(await send(b)).toMatch(REFERENCE);

    const [intake] = await t.db.query(`SELECT * FROM intake WHERE reference = $1`, [referenceA]);
    expect(intake).toMatchObject({ status: 'complete', name: 'Alex Rivera', state: 'OR' });
    expect(
      cipher.decryptJson(intake.answers_encrypted, SEALED_COLUMNS.intakeAnswers, intake.id),
    ).toEqual(answersA);
    const [response] = await t.db.query(`SELECT * FROM partner_response WHERE intake_id = $1`, [
      intake.id,
    ]);
    expect(response).toMatchObject({
      name: 'Sam Rivera',
      email: partnerEmail,
      lead_id: intake.lead_id,
    });
    expect(
      cipher.decryptJson(response.answers_encrypted, SEALED_COLUMNS.partnerAnswers, response.id),
    ).toEqual(answersB);
    expect(
      cipher.decryptJson(
        intake.couple_result_encrypted,
        SEALED_COLUMNS.intakeCoupleResult,
        intake.id,
      ),
    ).toMatchObject({
      anxiousAvoidantPairing: true,
      pursueWithdraw: true,
      pursuer: 'A',
    });
  });

  it('a partner link that was used says it has expired or was used', async () => {
    const body = aCouplesIntake();
    await t.http.post('/v1/intakes').send(body).expect(201);
    const token = await tokenSentTo((body.partner as { email: string }).email);
    await t.http
      .post(`/v1/partner-invitations/${token}/responses`)
      .send({
        client: { name: 'Sam Rivera', email: 'sam.used@example.com' },
        answers: coupleAnswers(),
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
      })
      .expect(201);

    const page = await open(`/partner?token=${token}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'This link has expired or was used',
    );
    await expect(page.getByRole('button', { name: 'Send my answers' }).count()).resolves.toBe(0);
  });

  it('an unknown partner link says it is not recognised', async () => {
    const page = await open('/partner?token=Zk3q9xV0c8P2mQ7rT1yW4uB6nL5sD0aE');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'We do not recognise this link',
    );
  });

  it('a crisis answer shows the crisis numbers first, before the reference', async () => {
    const page = await open('/intake/individual', await browser.newPage({ viewport: PHONE }));
    await fillClient(page, { name: 'Robin Park', email: 'robin.park@example.com' });
    await answerForm(page, individual, {
      ind_concerns: ['depression'],
      ind_prior_therapy: false,
      ind_availability: ['weekday_evening'],
      ind_session_format: 'telehealth',
      ind_payment: 'self_pay',
      crisis_now: true,
    });
    await consentToContact(page);
    await send(page);

    const resources = page.getByRole('region', { name: /please reach out now/ });
    await expect(resources.isVisible()).resolves.toBe(true);
    await expect(resources.textContent()).resolves.toMatch(
      /988 Suicide & Crisis Lifeline: Call or text 988.*Emergency services: Call 911/,
    );
    await expect(resources.getByRole('link', { name: '988' }).getAttribute('href')).resolves.toBe(
      'tel:988',
    );
    const resourcesFirst = await page.evaluate(`(() => {
      const resources = document.querySelector('.crisis-resources');
      const reference = document.querySelector('.reference');
      return Boolean(resources.compareDocumentPosition(reference) & Node.DOCUMENT_POSITION_FOLLOWING);
    })()`);
    expect(resourcesFirst).toBe(true);
    await saveScreenshots(page, 'intake-crisis-receipt');
  });

  it('an intake opened from a reach-out’s receipt joins that lead', async () => {
    const inquiry = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ serviceType: 'individual' }))
      .expect(201);
    const page = await open(`/intake/individual?ref=${inquiry.body.reference}`);
    await expect(
      page.getByText(`This continues your message ${inquiry.body.reference}.`).isVisible(),
    ).resolves.toBe(true);
    await fillClient(page, { name: 'Alex Rivera', email: 'alex.joined@example.com' });
    await answerForm(page, individual, {
      ind_concerns: ['anxiety'],
      ind_prior_therapy: true,
      ind_availability: ['weekend'],
      ind_session_format: 'either',
      ind_payment: 'insurance',
      ind_insurer: 'Blue Cross',
      crisis_now: false,
    });
    await consentToContact(page);
    const reference = await send(page);

    const [joined] = await t.db.query(
      `SELECT (SELECT lead_id FROM intake WHERE reference = $1) = (SELECT lead_id FROM inquiry WHERE id = $2) AS same`,
      [reference, inquiry.body.id],
    );
    expect(joined.same).toBe(true);
  });

  it('missing answers are listed in a focused summary, each on its question', async () => {
    const page = await open('/intake/couples');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const summary = page.getByRole('heading', { name: 'Please check these answers' });
    await summary.waitFor();
    await expect(page.evaluate('document.activeElement.className')).resolves.toBe('error-summary');
    await expect(
      page
        .getByRole('link', {
          name: /^I rarely worry that my partner will leave me\.: Please choose an answer\.$/,
        })
        .count(),
    ).resolves.toBe(1);
    const question = page.getByRole('group', {
      name: 'I rarely worry that my partner will leave me.',
    });
    await expect(question.getAttribute('aria-describedby')).resolves.toContain('-error');
    await expect(question.getByText('Please choose an answer.').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: /^Your partner's email: Please fill this in\.$/ }).click();
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('field-partner-email');
    await expect(
      page.getByLabel("Your partner's email").getAttribute('aria-invalid'),
    ).resolves.toBe('true');
  });

  it('an unknown form says so', async () => {
    const page = await open('/intake/no-such-form');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'We could not find this form',
    );
  });

  it('the couples intake has no serious accessibility violations, with or without errors', async () => {
    const page = await open('/intake/couples');
    await page.getByLabel('Your name', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Please check these answers' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the partner page has no serious accessibility violations', async () => {
    const body = aCouplesIntake();
    await t.http.post('/v1/intakes').send(body).expect(201);
    const page = await open(
      `/partner?token=${await tokenSentTo((body.partner as { email: string }).email)}`,
    );
    await page.getByLabel('Your name', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
