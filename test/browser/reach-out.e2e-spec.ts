import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  browserForThisFile,
  listenOnLoopback,
  PHONE,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const REFERENCE = /^RI-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

describe('the hosted reach-out page', () => {
  const browser = browserForThisFile();
  let t: TestApp;
  let site: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { SPAM_MIN_SECONDS: '0' } });
    site = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const open = async (viewport?: { width: number; height: number }) => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${site}/reach-out`);
    await page.getByLabel('Your name').waitFor();
    return page;
  };

  const fillIn = async (page: Page, overrides: { email?: string; message?: string } = {}) => {
    await page.getByLabel('Your name').fill('Alex Rivera');
    await page.getByLabel('Your email').fill(overrides.email ?? 'alex.rivera@example.com');
    await page.getByLabel('Your phone number').fill('503-555-0142');
    await page.getByRole('radio', { name: 'Text message' }).check();
    await page.getByRole('radio', { name: 'Couples therapy' }).check();
    await page.getByLabel('The state you live in').selectOption('OR');
    await page
      .getByLabel('What would you like us to know?')
      .fill(overrides.message ?? 'We keep having the same fight about chores.');
    await page.getByLabel('How did you hear about us?').fill('A friend');
    await page.getByLabel(/I agree that the practice may contact me/).check();
  };

  const receiptOf = async (page: Page) => {
    await page.getByRole('heading', { name: 'Thank you for reaching out' }).waitFor();
    return page.locator('.reference-code').textContent();
  };

  const inquiriesFrom = async (email: string) =>
    (await t.db.query(
      `SELECT i.*, l.status AS lead_status, l.urgency FROM inquiry i JOIN lead l ON l.id = i.lead_id
        WHERE i.email = $1`,
      [email],
    )) as Record<string, unknown>[];

  it('a visitor reaches out, sees the reference to quote and an offer to continue with the intake', async () => {
    const page = await open(PHONE);
    await saveScreenshots(page, 'reach-out');
    await fillIn(page);
    await page.getByRole('button', { name: 'Send' }).click();
    const reference = await receiptOf(page);

    expect(reference).toMatch(REFERENCE);
    const [inquiry] = await inquiriesFrom('alex.rivera@example.com');
    expect(inquiry).toMatchObject({
      reference,
      name: 'Alex Rivera',
      phone: '+15035550142',
      preferred_contact: 'text',
      service_type: 'couples',
      state: 'OR',
      referral_source: 'A friend',
      consent_contact: true,
      spam_reason: null,
      lead_status: 'new',
    });
    await expect(
      page
        .getByRole('link', { name: 'Answer the couples intake questions now' })
        .getAttribute('href'),
    ).resolves.toBe(`/intake/couples?ref=${reference}`);
    await expect(page.locator('.crisis-resources').count()).resolves.toBe(0);
    await saveScreenshots(page, 'reach-out-receipt');
  });

  it('sends where the visitor came from: the UTM parameters of the page they landed on', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/reach-out?utm_source=newsletter&utm_campaign=spring&ref=private`);
    await page.getByLabel('Your name').waitFor();
    await fillIn(page, { email: 'utm.visitor@example.com' });
    await page.getByRole('button', { name: 'Send' }).click();
    await receiptOf(page);

    const [lead] = (await t.db.query(
      `SELECT l.attribution, l.attributed_source FROM lead l
         JOIN inquiry i ON i.lead_id = l.id WHERE i.email = $1`,
      ['utm.visitor@example.com'],
    )) as { attribution: Record<string, string>; attributed_source: string }[];
    expect(lead).toEqual({
      attribution: {
        utmSource: 'newsletter',
        utmCampaign: 'spring',
        landingPage: `${site}/reach-out?utm_source=newsletter&utm_campaign=spring`,
      },
      attributed_source: 'newsletter',
    });
    // The session's first touch is all the page keeps of the visitor.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['intake.first-touch']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.close();
  });

  it('shows the practice’s name and contact, never this product’s name', async () => {
    await t.db.query(
      `UPDATE practice_setting SET practice_name = 'Willow Couples Counseling',
         practice_phone = '(503) 555-0100'`,
    );
    try {
      const page = await open();
      await page.locator('.site-name', { hasText: 'Willow Couples Counseling' }).waitFor();
      await page.getByRole('link', { name: '(503) 555-0100' }).waitFor();
      expect(await page.title()).toBe('Reach out · Willow Couples Counseling');
      expect(await page.locator('body').innerText()).not.toMatch(/relational intake/i);
      await page.close();
    } finally {
      await t.db.query(`UPDATE practice_setting SET practice_name = NULL, practice_phone = NULL`);
    }
  });

  it('a message about ending one’s life shows the crisis numbers first, before the reference', async () => {
    const page = await open(PHONE);
    await fillIn(page, {
      email: 'in.crisis@example.com',
      message: 'Honestly some days I want to die.',
    });
    await page.getByRole('button', { name: 'Send' }).click();
    await receiptOf(page);

    const resources = page.getByRole('region', { name: /please reach out now/ });
    await expect(resources.isVisible()).resolves.toBe(true);
    await expect(resources.textContent()).resolves.toMatch(
      /988 Suicide & Crisis Lifeline: Call or text 988.*Emergency services: Call 911/,
    );
    await expect(resources.getByRole('link', { name: '911' }).getAttribute('href')).resolves.toBe(
      'tel:911',
    );
    const order =
      await page.evaluate(`[...document.querySelectorAll('main h1, main .crisis-resources, main .reference')]
      .map((element) => element.tagName === 'H1' ? 'heading' : element.className)`);
    expect(order).toEqual(['heading', 'crisis-resources', 'reference']);
    const [inquiry] = await inquiriesFrom('in.crisis@example.com');
    expect(inquiry!.urgency).toBe('crisis');
  });

  it('an empty form lists every missing answer in a focused summary, each tied to its field', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Please check these answers' }).waitFor();

    await expect(page.evaluate('document.activeElement.className')).resolves.toBe('error-summary');
    await expect(page.locator('.error-summary li').allTextContents()).resolves.toEqual([
      'Your name: Please fill this in.',
      'Your email: Please fill this in.',
      'What are you looking for?: Please choose an answer.',
      'Consent to be contacted: Please tick this box so the practice may contact you.',
    ]);
    const name = page.getByLabel('Your name');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = await name.getAttribute('aria-describedby');
    await expect(page.locator(`#${errorId}`).textContent()).resolves.toBe(
      'Error: Please fill this in.',
    );
    await page.getByRole('link', { name: 'Your email: Please fill this in.' }).click();
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('field-email');
  });

  it('can be filled in and sent with the keyboard alone, focus always visible', async () => {
    const page = await open();
    const focused = () =>
      page.evaluate(`(() => {
        const element = document.activeElement;
        return { id: element.id, outline: getComputedStyle(element).outlineStyle };
      })()`) as Promise<{ id: string; outline: string }>;
    // The crisis line's two links come first, the leave button and the language switch's two
    // links, then the form in reading order.
    for (let presses = 0; presses < 6 && (await focused()).id !== 'field-name'; presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toEqual({ id: 'field-name', outline: 'solid' });
    await page.keyboard.type('Kim Nguyen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim.nguyen@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+15035550199');
    await page.keyboard.press('Tab'); // preferred contact: Email is chosen already
    await page.keyboard.press('Tab'); // service type
    await page.keyboard.press('ArrowDown'); // Individual → Couples therapy
    expect((await focused()).id).toBe('field-serviceType-couples');
    await page.keyboard.press('Tab'); // state
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('field-message');
    await page.keyboard.type('We would like help communicating.');
    await page.keyboard.press('Tab'); // how did you hear
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('field-consent-contact');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // the honeypot is skipped
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Send');
    await page.keyboard.press('Enter');
    await receiptOf(page);

    const [inquiry] = await inquiriesFrom('kim.nguyen@example.com');
    expect(inquiry).toMatchObject({ service_type: 'couples', preferred_contact: 'email' });
  });

  it('a double click sends one inquiry', async () => {
    const page = await open();
    await fillIn(page, { email: 'double.click@example.com' });
    await page.getByRole('button', { name: 'Send' }).dblclick();
    await receiptOf(page);
    await expect(inquiriesFrom('double.click@example.com')).resolves.toHaveLength(1);
  });

  it('keeps the honeypot away from people and screen readers', async () => {
    const page = await open();
    const honeypot = page.locator('#field-website');
    await expect(honeypot.getAttribute('tabindex')).resolves.toBe('-1');
    await expect(
      honeypot.evaluate((element) => element.closest('[aria-hidden="true"]') !== null),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('textbox', { name: 'Leave this field empty' }).count(),
    ).resolves.toBe(0);
  });

  it('has no serious accessibility violations, also while showing errors', async () => {
    const page = await open();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Please check these answers' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
