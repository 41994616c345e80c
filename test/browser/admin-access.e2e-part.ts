import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signInOnPage } from '../support/admin-ui.js';
import { browserForThisFile, listenOnLoopback } from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { aSignedInStaffMember, aStaffMember, type StaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the staff app: what a clinician may see', () => {
  const browser = browserForThisFile();
  let t: TestApp;
  let site: string;
  let clinician: StaffMember;
  let own: { id: string; reference: string };
  let foreign: { id: string; reference: string };

  /** A lead from the public form, assigned by an admin to `clinicianId`. */
  const aLeadAssignedTo = async (
    admin: { Authorization: string },
    clinicianId: string,
    name: string,
  ) => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name, state: 'CA', serviceType: 'couples' }))
      .expect(201);
    const [{ lead_id: id }] = await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [
      body.id,
    ]);
    const read = await t.http.get(`/v1/admin/leads/${id}`).set(admin).expect(200);
    await t.http
      .patch(`/v1/admin/leads/${id}`)
      .set(admin)
      .set('If-Match', read.headers.etag!)
      .send({ assignedClinicianId: clinicianId })
      .expect(200);
    return { id: id as string, reference: body.reference as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { SPAM_MIN_SECONDS: '0' } });
    site = await listenOnLoopback(t);
    const admin = (await aSignedInStaffMember(t, 'admin')).auth;
    clinician = await aStaffMember(t.db, 'clinician');
    const colleague = await aStaffMember(t.db, 'clinician');
    own = await aLeadAssignedTo(admin, clinician.clinicianId!, 'Morgan Ellis');
    foreign = await aLeadAssignedTo(admin, colleague.clinicianId!, 'Casey Moreau');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the inbox lists the clinician's own lead and not a colleague's, even searched by its reference", async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, clinician);
    await page.getByRole('heading', { name: 'My leads' }).waitFor();
    const names = page.getByRole('list', { name: 'Leads' }).locator('.lead-row__name');
    // The heading shows before the list has loaded: wait for a row, then read them all.
    await names.first().waitFor();
    await expect(names.allTextContents()).resolves.toEqual(['Morgan Ellis']);

    await page.getByLabel('Search name, email, phone or reference').fill(foreign.reference);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No lead matches these filters.').waitFor();
  });

  it("a colleague's lead opened by its address says not found, and shows none of it", async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, clinician, { path: `/admin/leads/${foreign.id}` });
    await page.getByRole('alert').filter({ hasText: 'Lead not found.' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toContain('Casey');

    await page.goto(`${site}/admin/leads/${own.id}`);
    await page.getByRole('heading', { level: 1, name: 'Morgan Ellis' }).waitFor();
  });

  it('the navigation offers a clinician no staff-only page, and the server refuses one typed in', async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, clinician);
    await page.getByRole('heading', { name: 'My leads' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Staff app' });
    await navigation.getByRole('link').first().waitFor();
    await expect(navigation.getByRole('link').allTextContents()).resolves.toEqual([
      'Inbox',
      'Clinicians',
      'Consultations',
    ]);
    await page.goto(`${site}/admin/users`);
    await page.getByRole('alert').filter({ hasText: 'Your role does not allow this.' }).waitFor();
  });
});
