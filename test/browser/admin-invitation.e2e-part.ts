import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signInOnPage } from '../support/admin-ui.js';
import { browserForThisFile, listenOnLoopback, seriousAxeViolations } from '../support/browser.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { aStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

describe('the staff app: inviting a colleague', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    site = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('an admin invites a coordinator, who sets a password on the emailed link and signs in', async () => {
    const admin = await aStaffMember(t.db, 'admin');
    const page = await browser.newPage();
    await signInOnPage(page, site, admin, { path: '/admin/users' });
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'Invite a user' }).click();
    await page.getByLabel('Name').fill('Jordan Lee');
    await page.getByLabel('Email').fill('jordan.lee@practice.example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('coordinator');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').filter({ hasText: 'Jordan Lee is invited' }).waitFor();
    await page
      .getByRole('row', { name: /Jordan Lee/ })
      .getByText('invitation not accepted')
      .waitFor();

    const email = await eventually(
      async () =>
        sink.messages.find((message) => message.to.includes('jordan.lee@practice.example.com')),
      'the invitation email',
    );
    const link = /\/admin\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(email.text)![0];

    const invited = await browser.newPage();
    await invited.goto(`${site}${link}`);
    await invited.getByRole('heading', { name: 'Welcome: choose your password' }).waitFor();
    expect(await seriousAxeViolations(invited)).toEqual([]);
    await invited
      .getByLabel('New password', { exact: true })
      .fill('violet kettle under the stairs');
    await invited.getByLabel('The same password again').fill('violet kettle under the stairs');
    await invited.getByRole('button', { name: 'Set my password' }).click();
    await invited.getByText('Your password is set.').waitFor();

    await signInOnPage(invited, site, {
      email: 'jordan.lee@practice.example.com',
      password: 'violet kettle under the stairs',
    });
    await invited.getByRole('heading', { name: 'Inbox' }).waitFor();
    const links = invited.getByRole('navigation', { name: 'Staff app' }).getByRole('link');
    await links.first().waitFor();
    await expect(links.allTextContents()).resolves.not.toContain('Users');
  });

  it('a used invitation link says so and asks for a new one', async () => {
    const admin = await aStaffMember(t.db, 'admin');
    const { body: signIn } = await t.http
      .post('/v1/auth/login')
      .send({ email: admin.email, password: admin.password })
      .expect(200);
    const auth = { Authorization: `Bearer ${signIn.token}` };
    await t.http
      .post('/v1/admin/users')
      .set(auth)
      .send({ email: 'riley@practice.example.com', name: 'Riley Park', role: 'clinician' })
      .expect(201);
    const email = await eventually(
      async () =>
        sink.messages.find((message) => message.to.includes('riley@practice.example.com')),
      'the invitation email',
    );
    const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(email.text)![1]!;
    await t.http
      .post(`/v1/auth/invitations/${token}/accept`)
      .send({ password: 'a long enough passphrase here' })
      .expect(204);

    const page = await browser.newPage();
    await page.goto(`${site}/admin/accept-invitation?token=${token}`);
    await page.getByLabel('New password', { exact: true }).fill('another long passphrase now');
    await page.getByLabel('The same password again').fill('another long passphrase now');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This link has expired, was already used' })
      .waitFor();
  });

  it('the audit log filters by action and by day, the filters in the address', async () => {
    const admin = await aStaffMember(t.db, 'admin');
    const page = await browser.newPage();
    await signInOnPage(page, site, admin, { path: '/admin/audit' });
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const rows = page.locator('.data-table tbody tr');
    await rows.first().waitFor();
    const form = page.getByRole('form', { name: 'Filter events' });

    await form.getByLabel('Action, or a prefix ending in a dot').fill('no.such.');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('No events match.').waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe('no.such.');

    // A day with no events at all, then every event since a day long ago.
    await form.getByLabel('Action, or a prefix ending in a dot').fill('');
    await form.getByLabel('Until (inclusive)').fill('2000-01-01');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('to') === '2000-01-01');
    await page.getByText('No events match.').waitFor();
    expect(new URL(page.url()).searchParams.has('action')).toBe(false);

    await form.getByLabel('Until (inclusive)').fill('');
    await form.getByLabel('From').fill('2000-01-01');
    await form.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === '2000-01-01');
    await rows.first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
