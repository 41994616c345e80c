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
    await page
      .getByRole('list', { name: 'Leads' })
      .getByRole('link', { name: 'Morgan Ellery' })
      .first()
      .waitFor();
    await expect(pill.count()).resolves.toBe(0);
    await expect(page.title()).resolves.toBe(plainTitle);
    await expect(page.evaluate('window.stillTheSamePage')).resolves.toBe(true);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it('a desk left open without activity: a warning 2 minutes before the end, then signed out, saying why', async () => {
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const page = await browser.newPage();
    // The page's clock only: the server's half hour has not passed, so only the app can
    // have ended this session.
    await page.clock.install();
    const firstKeepalive = page.waitForResponse('**/v1/auth/session/keepalive');
    await signInOnPage(page, site, coordinator);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect((await firstKeepalive).status()).toBe(200);

    await page.clock.fastForward('28:30');
    const warning = page.getByRole('dialog', { name: /^Your session ends in/ });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Stay signed in' }).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    await page.clock.fastForward('02:00');
    await page.getByText('Your session ended after 30 minutes without activity.').waitFor();
    const sessions = (await t.db.query(`SELECT ended_at FROM staff_session WHERE user_id = $1`, [
      coordinator.id,
    ])) as { ended_at: Date | null }[];
    expect(sessions.map((session) => session.ended_at !== null)).toEqual([true]);
  });
});
