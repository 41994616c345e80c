import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { EXAMPLE_CONSENT } from '../../src/consents/example-consent.js';
import type { FormDefinition } from '../../src/intake/form-definition.js';
import {
  browserForThisFile,
  listenOnLoopback,
  PHONE,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { answerForm, consentToContact, fillClient } from '../support/form-filling.js';
import { leadIdOf } from '../support/leads.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { aSignedInStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

describe('signing consent documents on the hosted pages', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;
  let individual: FormDefinition;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { SPAM_MIN_SECONDS: '0', CONSENT_EXAMPLE_SEED: 'true' },
    });
    site = await listenOnLoopback(t);
    individual = (await t.http.get('/v1/intake-forms/individual').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const open = async (path: string) => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site}${path}`);
    await page.locator('main#main').waitFor();
    await page
      .getByText(/^(Loading the questions|Opening your documents)…$/)
      .waitFor({ state: 'detached' });
    return page;
  };
  const signOn = async (page: Page, name: string) => {
    await page.getByLabel(/^I agree to “EXAMPLE/).check();
    await page.getByLabel('Your full name, as your signature').fill(name);
  };

  it('the intake shows the document, refuses it unsigned, and sends the typed signature', async () => {
    const page = await open('/intake/individual');
    await expect(
      page.getByRole('region', { name: EXAMPLE_CONSENT.title }).textContent(),
    ).resolves.toContain('This is an example document.');
    await fillClient(page, { name: 'Robin Park', email: 'robin.consent@example.com' });
    await answerForm(page, individual, {
      ind_concerns: ['anxiety'],
      ind_prior_therapy: false,
      ind_availability: ['weekday_evening'],
      ind_session_format: 'telehealth',
      ind_payment: 'self_pay',
      crisis_now: false,
    });
    await consentToContact(page);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toMatch(
      /must be signed/i,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'intake-consent');

    await signOn(page, 'robin park');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you, your answers are in' }).waitFor();
    const [signature] = await t.db.query(
      `SELECT s.signed_name, s.document_slug FROM consent_signature s
         JOIN intake i ON i.id = s.submission_id WHERE i.email = 'robin.consent@example.com'`,
    );
    expect(signature).toEqual({ signed_name: 'robin park', document_slug: EXAMPLE_CONSENT.slug });
  });

  it('a client of the short form signs on the /paperwork page from the emailed link', async () => {
    const inquiry = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name: 'Kai Short', email: 'kai.short@example.com' }))
      .expect(201);
    const admin = await aSignedInStaffMember(t, 'admin');
    await t.http
      .post(`/v1/admin/leads/${await leadIdOf(t, inquiry.body.id)}/paperwork-requests`)
      .set(admin.auth)
      .send({})
      .expect(201);
    const mail = await eventually(
      async () =>
        sink.messages.find(
          (message) =>
            message.to.includes('kai.short@example.com') && message.text.includes('/paperwork?'),
        ),
      'the paperwork email',
    );
    const link = /\/paperwork\?token=[A-Za-z0-9_-]+/.exec(mail.text)![0];

    const page = await open(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Documents to sign',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'paperwork');
    await signOn(page, 'Kai Short');
    await page.getByRole('button', { name: 'Sign' }).click();
    await page.getByRole('heading', { name: 'Thank you, your documents are signed' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const again = await open(link);
    await again.getByRole('heading', { name: 'This link has expired or was used' }).waitFor();
  });
});
