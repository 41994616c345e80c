import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { FormDefinition } from '../../src/intake/form-definition.js';
import {
  browserForThisFile,
  listenOnLoopback,
  seriousAxeViolations,
  startHostSite,
} from '../support/browser.js';
import {
  type CaptchaProviderStandIn,
  STAND_IN_TOKEN_PREFIX,
  startCaptchaProvider,
} from '../support/captcha-provider.js';
import { answerForm, consentToContact, fillClient } from '../support/form-filling.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SITE_KEY = 'stand-in-site-key';

/**
 * The public forms with a CAPTCHA provider configured, the provider played by a local
 * stand-in on another origin (its widget script and its siteverify endpoint): the
 * widget shows on every form, its token is sent and verified, and a provider that is
 * down still lets the visitor send (kept for review) and see the normal receipt.
 */
describe('the public forms with a CAPTCHA provider (a local stand-in)', () => {
  const browser = browserForThisFile();
  let provider: CaptchaProviderStandIn;
  let host: Awaited<ReturnType<typeof startHostSite>>;
  let t: TestApp;
  let site: string;
  let individual: FormDefinition;

  beforeAll(async () => {
    provider = await startCaptchaProvider();
    host = await startHostSite();
    t = await startTestApp({
      env: {
        SPAM_MIN_SECONDS: '0',
        CORS_ORIGINS: host.origin,
        CAPTCHA_PROVIDER: 'turnstile',
        CAPTCHA_SECRET_KEY: 'stand-in-secret',
        CAPTCHA_SITE_KEY: SITE_KEY,
        CAPTCHA_TIMEOUT_MS: '1000',
        CAPTCHA_VERIFY_URL: provider.url,
        CAPTCHA_SCRIPT_URL: provider.scriptUrl,
      },
    });
    site = await listenOnLoopback(t);
    host.setPage(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Riverside Couples Counseling</title>
<script src="${site}/embed/reach-out.js" defer></script></head>
<body><main><h1>Contact us</h1>
<relational-intake-reach-out api="${site}" heading="Write to our intake team"></relational-intake-reach-out>
</main></body></html>`);
    individual = (await t.http.get('/v1/intake-forms/individual').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    await host?.stop();
    await provider?.stop();
  });
  beforeEach(() => {
    provider.behave('accept');
    provider.serveWidget(true);
  });

  const leadOfInquiry = async (email: string) =>
    (
      (await t.db.query(
        `SELECT l.needs_review, l.review_reason FROM lead l JOIN inquiry i ON i.lead_id = l.id
          WHERE i.email = $1`,
        [email],
      )) as { needs_review: boolean; review_reason: string | null }[]
    )[0];
  const tokensVerified = () => provider.received.map((request) => request.response);

  const fillReachOut = async (page: Page, email: string) => {
    await page.getByLabel('Your name').fill('Alex Rivera');
    await page.getByLabel('Your email').fill(email);
    await page.getByRole('radio', { name: 'Couples therapy' }).check();
    await page.getByLabel(/I agree that the practice may contact me/).check();
  };
  const securityCheck = (page: Page) => page.getByRole('group', { name: 'Security check' });

  it("the reach-out page shows the provider's widget and sends its token, which the server verifies", async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/reach-out`);
    await fillReachOut(page, 'widget.reach-out@example.com');
    const check = securityCheck(page);
    await check.locator(`[data-stand-in-widget="${SITE_KEY}"]`).waitFor();
    await check.getByText('Security check complete.').waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    // Keyboard order: the check sits after the consent and before Send.
    const order = await page.evaluate(`[...document.querySelectorAll(
      'input[type=checkbox], .captcha-widget, button[type=submit]',
    )].map((element) => (element.matches('.captcha-widget') ? 'captcha' : element.tagName)).join(',')`);
    expect(order).toMatch(/INPUT,captcha,BUTTON$/);
    const before = provider.received.length;
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you for reaching out' }).waitFor();
    expect(tokensVerified().slice(before)).toEqual([
      expect.stringMatching(new RegExp(`^${STAND_IN_TOKEN_PREFIX}`)),
    ]);
    await expect(leadOfInquiry('widget.reach-out@example.com')).resolves.toEqual({
      needs_review: false,
      review_reason: null,
    });
  });

  it('the intake page shows the widget and sends its token', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/intake/individual`);
    await fillClient(page, { name: 'Robin Park', email: 'widget.intake@example.com' });
    await answerForm(page, individual, {
      ind_concerns: ['anxiety'],
      ind_prior_therapy: false,
      ind_availability: ['weekday_evening'],
      ind_session_format: 'telehealth',
      ind_payment: 'self_pay',
      crisis_now: false,
    });
    await consentToContact(page);
    await securityCheck(page).getByText('Security check complete.').waitFor();
    const before = provider.received.length;
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you, your answers are in' }).waitFor();
    expect(tokensVerified().slice(before)).toEqual([
      expect.stringMatching(new RegExp(`^${STAND_IN_TOKEN_PREFIX}`)),
    ]);
  });

  it("the embed renders the widget in the host page's light DOM, shown in the form through a slot, and sends its token", async () => {
    const page = await browser.newPage();
    await page.goto(host.origin);
    await page.getByRole('heading', { name: 'Write to our intake team' }).waitFor();
    await fillReachOut(page, 'widget.embed@example.com');
    const check = securityCheck(page);
    await check.getByText('Security check complete.').waitFor();
    // The widget lives in the light DOM (where provider scripts expect it), slotted in.
    await expect(
      page.evaluate(
        `document.querySelector('relational-intake-reach-out > [slot="captcha"] [data-stand-in-widget]') !== null`,
      ),
    ).resolves.toBe(true);
    await expect(page.locator('[data-stand-in-widget]').isVisible()).resolves.toBe(true);
    const before = provider.received.length;
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('relational-intake-reach-out .reference-code').waitFor();
    expect(tokensVerified().slice(before)).toEqual([
      expect.stringMatching(new RegExp(`^${STAND_IN_TOKEN_PREFIX}`)),
    ]);
    await expect(page.locator('[slot="captcha"]').count()).resolves.toBe(0);
  });

  it('with the provider down, the page says the check could not load, still sends, shows the receipt, and the lead is kept for review', async () => {
    provider.serveWidget(false);
    provider.behave('server-error');
    const page = await browser.newPage();
    await page.goto(`${site}/reach-out`);
    await fillReachOut(page, 'widget.down@example.com');
    const failed = securityCheck(page).getByRole('alert');
    await failed
      .getByText(/The security check could not load\. You can still send the form/)
      .waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you for reaching out' }).waitFor();
    await expect(leadOfInquiry('widget.down@example.com')).resolves.toEqual({
      needs_review: true,
      review_reason: 'captcha_unavailable',
    });
  });

  it('with the provider down, the embed still sends and shows the reference', async () => {
    provider.serveWidget(false);
    provider.behave('server-error');
    const page = await browser.newPage();
    await page.goto(host.origin);
    await page.getByRole('heading', { name: 'Write to our intake team' }).waitFor();
    await fillReachOut(page, 'widget.embed-down@example.com');
    await securityCheck(page)
      .getByText(/The security check could not load/)
      .waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('relational-intake-reach-out .reference-code').waitFor();
    await expect(leadOfInquiry('widget.embed-down@example.com')).resolves.toEqual({
      needs_review: true,
      review_reason: 'captcha_unavailable',
    });
  });
});
