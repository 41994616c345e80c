import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  browserForThisFile,
  listenOnLoopback,
  saveScreenshots,
  seriousAxeViolations,
  startHostSite,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A practice's website on another origin, with styles that would break the form if
 * they reached into it: inputs hidden, labels invisible, white headings.
 */
const hostPage = (api: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Riverside Couples Counseling</title>
  <style>
    body { font-family: Georgia, serif; color: #222; margin: 2rem; }
    input, select, textarea, button { display: none !important; }
    label, legend { visibility: hidden; }
    h2 { color: #fff; font-size: 60px; }
    .field-error { color: rgb(0, 128, 0); }
  </style>
  <script src="${api}/embed/reach-out.js" defer></script>
</head>
<body>
  <header><p>Riverside Couples Counseling</p></header>
  <main>
    <h1>Contact us</h1>
    <p class="field-error">The practice's own paragraph.</p>
    <relational-intake-reach-out api="${api}" heading="Write to our intake team"></relational-intake-reach-out>
  </main>
</body>
</html>`;

describe('the embeddable reach-out form on a practice website', () => {
  const browser = browserForThisFile();
  let t: TestApp;
  let host: Awaited<ReturnType<typeof startHostSite>>;

  beforeAll(async () => {
    host = await startHostSite();
    t = await startTestApp({
      env: { CORS_ORIGINS: host.origin, SPAM_MIN_SECONDS: '0' },
    });
    host.setPage(hostPage(await listenOnLoopback(t)));
  });
  afterAll(async () => {
    await t?.close();
    await host?.stop();
  });

  async function openHostPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(host.origin);
    await page.getByRole('heading', { name: 'Write to our intake team' }).waitFor();
    return page;
  }

  async function fillIn(page: Page, email: string) {
    await page.getByLabel('Your name').fill('Jordan Lee');
    await page.getByLabel('Your email').fill(email);
    await page.getByLabel('Your phone number').fill('(503) 555-0142');
    await page.getByRole('radio', { name: 'Couples therapy' }).check();
    await page.getByLabel('The state you live in').selectOption('OR');
    await page.getByLabel('What would you like us to know?').fill('We argue about money.');
    await page.getByLabel(/I agree that the practice may contact me/).check();
  }

  it('a visitor sends it from the practice’s own site and sees the reference to quote', async () => {
    const page = await openHostPage();
    await fillIn(page, 'jordan.lee@example.com');
    await saveScreenshots(page, 'embed-on-host-page');
    await page.getByRole('button', { name: 'Send' }).click();

    const reference = page.locator('relational-intake-reach-out .reference-code');
    await expect(reference.textContent()).resolves.toMatch(/^RI-[A-Z2-9]{8}$/);
    await expect(
      page.getByText('Thank you for reaching out. We have your message').isVisible(),
    ).resolves.toBe(true);
    const [stored] = await t.db.query(
      `SELECT i.email, i.phone, i.service_type, l.status
         FROM inquiry i JOIN lead l ON l.id = i.lead_id WHERE i.reference = $1`,
      [await reference.textContent()],
    );
    expect(stored).toEqual({
      email: 'jordan.lee@example.com',
      phone: '+15035550142',
      service_type: 'couples',
      status: 'new',
    });
  });

  it('shows a bad email next to the email field, tied to it for screen readers', async () => {
    const page = await openHostPage();
    await fillIn(page, 'jordan.lee@example');
    await page.getByRole('button', { name: 'Send' }).click();

    const email = page.getByLabel('Your email');
    const error = page.locator('relational-intake-reach-out #ri-email-error');
    const summary = page.locator('relational-intake-reach-out #ri-summary');
    await summary.waitFor({ state: 'visible' });
    await expect(error.textContent()).resolves.toBe('Must be an email address.');
    await expect(error.isVisible()).resolves.toBe(true);
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(email.getAttribute('aria-describedby')).resolves.toBe('ri-email-error');
    // The summary above the form takes focus and links to the field.
    await expect(
      summary.evaluate((element) => element === element.getRootNode().activeElement),
    ).resolves.toBe(true);
    await summary.getByRole('link', { name: 'Your email: Must be an email address.' }).click();
    await expect(
      email.evaluate((element) => element === element.getRootNode().activeElement),
    ).resolves.toBe(true);
    await expect(
      t.db.query(`SELECT 1 FROM inquiry WHERE email = 'jordan.lee@example'`),
    ).resolves.toEqual([]);
  });

  it('keeps its own styles in and the site’s styles out', async () => {
    const page = await openHostPage();
    const form = page.locator('relational-intake-reach-out');
    await expect(form.getByLabel('Your name').isVisible()).resolves.toBe(true);
    const heading = form.getByRole('heading', { name: 'Write to our intake team' });
    await expect(
      heading.evaluate(
        (element) => element.ownerDocument.defaultView!.getComputedStyle(element).color,
      ),
    ).resolves.toBe('rgb(27, 27, 31)');
    await expect(
      page
        .locator('main > p.field-error')
        .evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).color),
    ).resolves.toBe('rgb(0, 128, 0)');
  });

  it('has no serious accessibility violations on the host page', async () => {
    const page = await openHostPage();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('relational-intake-reach-out #ri-summary').waitFor({ state: 'visible' });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
