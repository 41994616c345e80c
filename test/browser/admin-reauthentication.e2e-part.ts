import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signInOnPage } from '../support/admin-ui.js';
import { browserForThisFile, listenOnLoopback } from '../support/browser.js';
import { aStaffMember, type StaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the staff app: confirming it is you before a sensitive action', () => {
  const browser = browserForThisFile();
  let t: TestApp;
  let site: string;
  let admin: StaffMember;

  beforeAll(async () => {
    t = await startTestApp();
    site = await listenOnLoopback(t);
    admin = await aStaffMember(t.db, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an export from a session whose password proof is stale asks for the password, then downloads', async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, admin);
    const exportLink = page.getByRole('link', { name: 'Export these leads (CSV)' });
    await exportLink.waitFor();
    await t.db.query(
      `UPDATE staff_session SET credentials_proved_at = now() - interval '11 minutes' WHERE user_id = $1`,
      [admin.id],
    );

    await exportLink.click();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    await dialog.getByLabel('Password').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByRole('alert').waitFor();

    await dialog.getByLabel('Password').fill(admin.password);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    expect((await download).suggestedFilename()).toBe('leads.csv');
    await dialog.waitFor({ state: 'hidden' });
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'lead.exported' AND actor_user_id = $1`,
      [admin.id],
    )) as { n: number }[];
    expect(n).toBe(1);
  });
});
