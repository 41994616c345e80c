import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signInOnPage } from '../support/admin-ui.js';
import { browserForThisFile, listenOnLoopback, seriousAxeViolations } from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { aStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

/** Live arrivals in the staff app: a new lead shows up on an open list without a reload. */
describe('the staff app: live arrivals', () => {
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

  it('an inquiry sent while the inbox is open: "1 new lead — show" and a count in the tab title, then the lead in the list', async () => {
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByText('No lead matches these filters.').waitFor();
    // The page's stream is open once its opening is on the audit trail.
    await eventually(
      async () =>
        (
          (await t.db.query(
            `SELECT 1 FROM audit_event WHERE action = 'lead.stream_opened' AND actor_user_id = $1`,
            [coordinator.id],
          )) as unknown[]
        ).length > 0,
      'the live stream to open',
    );
    const plainTitle = await page.title();
    expect(plainTitle).not.toMatch(/^\(\d+\)/);
    // Marks this very document: a reload would lose it.
    await page.evaluate('window.stillTheSamePage = true');

    await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name: 'Morgan Ellery' }))
      .expect(201);

    const pill = page.getByRole('button', { name: '1 new lead — show' });
    await pill.waitFor();
    await expect(page.title()).resolves.toBe(`(1) ${plainTitle}`);
    // New arrivals wait for "show": the list does not move under the reader.
    await expect(page.getByText('Morgan Ellery').count()).resolves.toBe(0);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    await pill.click();
    await page.getByRole('list', { name: 'Leads' }).getByText('Morgan Ellery').waitFor();
    await expect(pill.count()).resolves.toBe(0);
    await expect(page.title()).resolves.toBe(plainTitle);
    await expect(page.evaluate('window.stillTheSamePage')).resolves.toBe(true);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });
});
