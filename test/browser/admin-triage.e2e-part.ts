import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALLOWED_TRANSITIONS } from '../../src/vocabulary/lead-status.js';
import { totpAt } from '../../src/auth/totp.js';
import {
  aClinicianProfile,
  aCompletedCouple,
  enrolMfa,
  nextCode,
  signInOnPage,
} from '../support/admin-ui.js';
import {
  browserForThisFile,
  listenOnLoopback,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { aSignedInStaffMember, aStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

describe('the staff app: a coordinator triages a couple', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;
  let admin: { Authorization: string };
  let couple: { reference: string; leadId: string };
  let match: { id: string; name: string };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { SPAM_MIN_SECONDS: '0', MFA_REQUIRED: 'all' },
    });
    site = await listenOnLoopback(t);
    // Every account needs a second factor here: enrolment gives the admin a new session.
    admin = (await enrolMfa(t, (await aSignedInStaffMember(t, 'admin')).auth)).auth;
    match = await aClinicianProfile(t, admin);
    await aClinicianProfile(t, admin, { name: 'Rowan Price', licensedStates: ['TX'] });
    couple = await aCompletedCouple(t, sink);
    // Another lead, so that finding the couple by reference narrows the inbox.
    await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name: 'Jordan Blake' }))
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('enrols in two-factor sign-in, finds the lead by reference, sees the chart, assigns the top match, moves the status and writes a note', async () => {
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator);

    await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
    const secret = (await page.locator('#mfa-secret').textContent())!;
    await page.getByLabel('Six-digit code').fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    // The recovery codes are shown once, before anything else.
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    await expect(codes.count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    await page.getByLabel('Search name, email, phone or reference').fill(couple.reference);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=RI-/);
    await page
      .getByRole('status')
      .filter({ hasText: /^1 lead shown$/ })
      .waitFor();
    const rows = page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Intake complete');
    await page.getByRole('link', { name: 'Alex Rivera', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Alex Rivera' }).waitFor();
    const chart = page.getByRole('img', { name: /Attachment anxiety and avoidance/ });
    await chart.waitFor();
    await expect(chart.locator('.partner-label').allTextContents()).resolves.toEqual(['A', 'B']);
    const figures = page.locator('.couple-chart table tbody tr');
    await expect(figures.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^A6\.67 \(elevated\)1\.67 ?Anxious/),
      expect.stringMatching(/^B1\.5 ?(\(elevated\))?.*Avoidant|^B.*Avoidant/),
    ]);
    await page.getByText('Pursue–withdraw cycle: partner A pursues, the other withdraws').waitFor();
    await saveScreenshots(page, 'admin-lead', { from: page.getByRole('heading', { level: 1 }) });

    const moves = await page
      .locator('#status-move option:not([value=""])')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value')));
    expect(moves).toEqual([...ALLOWED_TRANSITIONS.new]);

    await page.getByRole('button', { name: `Assign ${match.name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Assigned to ${match.name}.` })
      .waitFor();
    await page.getByLabel('Move to').selectOption('contacted');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Status changed to Contacted.' }).waitFor();
    await page.getByLabel('Add a note').fill('Called Alex; consultation offered for Tuesday.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.note-body').filter({ hasText: 'consultation offered' }).waitFor();

    const { body: lead } = await t.http
      .get(`/v1/admin/leads/${couple.leadId}`)
      .set(admin)
      .expect(200);
    expect(lead.assignedClinician).toEqual({ id: match.id, name: match.name });
    expect(lead.status).toBe('contacted');
    expect(lead.notes.map((note: { body: string }) => note.body)).toEqual([
      'Called Alex; consultation offered for Tuesday.',
    ]);
  });

  it('a stale lead page says the lead changed and offers a reload instead of overwriting', async () => {
    const coordinator = await aSignedInStaffMember(t, 'coordinator');
    const { secret } = await enrolMfa(t, coordinator.auth);
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator, {
      path: `/admin/leads/${couple.leadId}`,
      totp: () => nextCode(secret),
    });
    await page.getByRole('heading', { level: 1, name: 'Alex Rivera' }).waitFor();
    const current = await t.http.get(`/v1/admin/leads/${couple.leadId}`).set(admin).expect(200);
    await t.http
      .patch(`/v1/admin/leads/${couple.leadId}`)
      .set(admin)
      .set('If-Match', current.headers.etag!)
      .send({ tags: ['sliding-scale'] })
      .expect(200);

    await page.getByLabel('Urgency').selectOption('high');
    await page.getByRole('button', { name: 'Set urgency' }).click();
    await page.getByText('This lead changed since you opened it').waitFor();
    await page.getByRole('button', { name: 'Reload the lead' }).click();
    const tags = page.getByLabel('Tags (comma-separated)');
    await eventually(
      async () => (await tags.inputValue()) === 'sliding-scale',
      'the reloaded lead with its new tag',
    );
    await expect(page.getByLabel('Urgency').inputValue()).resolves.toBe('routine');
  });

  it('axe finds nothing serious on the sign-in, inbox, lead and stats pages', async () => {
    const coordinator = await aSignedInStaffMember(t, 'coordinator');
    const { secret } = await enrolMfa(t, coordinator.auth);
    const page = await browser.newPage();
    await page.goto(`${site}/admin/leads`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'admin-sign-in');

    await signInOnPage(page, site, coordinator, { totp: () => nextCode(secret) });
    await page.getByRole('list', { name: 'Leads' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'admin-inbox');

    // Contacted in the first test: no longer among the leads needing a first contact.
    await page.getByRole('link', { name: 'All leads' }).click();
    await page.getByRole('link', { name: 'Alex Rivera', exact: true }).click();
    await page.getByRole('img', { name: /Attachment anxiety and avoidance/ }).waitFor();
    // Assigned in the first test: the matches are folded to who has the lead.
    await page.getByRole('heading', { name: 'Assignment' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Stats' }).click();
    await page.getByRole('heading', { name: 'Leads per week, by source' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'admin-stats');
  });

  it("signs in with a recovery code, lists its sessions and ends another device's", async () => {
    const coordinator = await aSignedInStaffMember(t, 'coordinator');
    const { recoveryCodes, auth: elsewhere } = await enrolMfa(t, coordinator.auth);
    const page = await browser.newPage();
    await page.goto(`${site}/admin/leads`);
    await page.getByLabel('Email').fill(coordinator.email);
    await page.getByLabel('Password').fill(coordinator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('list', { name: 'Leads' }).waitFor();

    await page.goto(`${site}/admin/sessions`);
    const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    await sessions.first().waitFor();
    await expect(sessions.count()).resolves.toBe(2);
    await page.getByText('This device').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'End this session' }).click();
    await page.getByRole('status').filter({ hasText: 'That session has ended' }).waitFor();
    await t.http.get('/v1/auth/me').set(elsewhere).expect(401);
    // The list refetches after the answer: wait for it rather than read it once.
    await eventually(async () => (await sessions.count()) === 1, 'one session left in the list');
  });

  it("an admin resets a member's two-factor sign-in from the users screen", async () => {
    const member = await aSignedInStaffMember(t, 'coordinator');
    const { auth: memberAuth } = await enrolMfa(t, member.auth);
    const owner = await aSignedInStaffMember(t, 'admin');
    const { secret } = await enrolMfa(t, owner.auth);
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInOnPage(page, site, owner, { path: '/admin/users', totp: () => nextCode(secret) });
    const button = page
      .getByRole('row')
      .filter({ hasText: member.email })
      .getByRole('button', {
        name: /Reset two-factor/,
      });
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Two-factor sign-in of' }).waitFor();
    await t.http.get('/v1/auth/me').set(memberAuth).expect(401);
    const [row] = (await t.db.query(`SELECT mfa_enabled_at FROM staff_user WHERE id = $1`, [
      member.id,
    ])) as { mfa_enabled_at: Date | null }[];
    expect(row!.mfa_enabled_at).toBeNull();
  });
});
