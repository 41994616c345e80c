import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aCompletedCouple, type CoupleContact, signInOnPage } from '../support/admin-ui.js';
import { browserForThisFile, listenOnLoopback, seriousAxeViolations } from '../support/browser.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { aStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who said what, on the staff's screens: a coordinator who calls about a crisis calls the
 * partner who disclosed it, with that partner's own contact, and the other partner's
 * contact is nowhere near the warning.
 */
describe('the staff app: a crisis names the partner it came from', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { SPAM_MIN_SECONDS: '0' } });
    site = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const expectBannerNames = async (
    page: import('playwright-core').Page,
    partner: 'A' | 'B',
    own: CoupleContact,
    other: CoupleContact,
  ) => {
    const banner = page
      .getByRole('alert')
      .filter({ hasText: `Crisis indicated from partner ${partner} (${own.name})` });
    await banner.waitFor();
    const text = (await banner.textContent())!;
    expect(text).toContain(`Contact ${own.name} now`);
    expect(text).toContain(own.email);
    expect(text).toContain(own.phone!);
    expect(text).toContain('Do not discuss this with the other partner');
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(other.phone!);
    await expect(banner.getByRole('link', { name: own.email }).getAttribute('href')).resolves.toBe(
      `mailto:${own.email}`,
    );
    // One crisis banner, and none that names the other partner.
    await expect(
      page.getByRole('alert').filter({ hasText: 'Crisis indicated' }).count(),
    ).resolves.toBe(1);
    const results = page.locator('.couple-labels');
    await results.getByText(`Crisis indicated by partner ${partner}`).waitFor();
    await expect(results.textContent()).resolves.not.toContain('No safety concern reported');
  };

  it("partner B's private crisis answer: the banner names B with B's contact, not A's, and the inbox shows crisis: B", async () => {
    const couple = await aCompletedCouple(t, sink, { answersB: { crisis_now: true } });
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator, { path: `/admin/leads?q=${couple.reference}` });
    const row = page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
    await row.getByText('crisis: B', { exact: true }).waitFor();
    await expect(row.getByText('crisis: A', { exact: true }).count()).resolves.toBe(0);

    await page.getByRole('link', { name: couple.a.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: couple.a.name }).waitFor();
    await expectBannerNames(page, 'B', couple.b, couple.a);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it("partner A's crisis answer and B's safety answer: each banner names its own partner", async () => {
    const couple = await aCompletedCouple(t, sink, {
      answersA: { crisis_now: true },
      answersB: { saf_harmed: true },
    });
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator, { path: `/admin/leads/${couple.leadId}` });
    await page.getByRole('heading', { level: 1, name: couple.a.name }).waitFor();
    await expectBannerNames(page, 'A', couple.a, couple.b);

    const safety = page
      .getByRole('note')
      .filter({ hasText: `Safety concern from partner B (${couple.b.name})` });
    const text = (await safety.textContent())!;
    expect(text).toContain(couple.b.email);
    expect(text).not.toContain(couple.a.email);
    expect(text).toContain('Do not discuss this with the other partner');
    await page
      .locator('.couple-labels')
      .getByText('Safety concern reported by partner B')
      .waitFor();
  });
});
