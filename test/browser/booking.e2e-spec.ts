import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsultationBookings } from '../../src/consultations/consultation-bookings.service.js';
import {
  browserForThisFile,
  listenOnLoopback,
  PHONE,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { signInOnPage } from '../support/admin-ui.js';
import { anInquiry } from '../support/builders.js';
import { aSignedInStaffMember, aStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

describe('the hosted booking page', () => {
  const browser = browserForThisFile();
  let t: TestApp;
  let site: string;
  let clinicianId: string;
  let clinicianName: string;

  beforeAll(async () => {
    t = await startTestApp();
    site = await listenOnLoopback(t);
    await t.db.query(`UPDATE practice_setting SET booking_enabled = true`);
    const admin = await aSignedInStaffMember(t, 'admin');
    const clinician = await aSignedInStaffMember(t, 'clinician');
    clinicianId = clinician.clinicianId!;
    clinicianName = `Staff clinician`;
    await t.http
      .put(`/v1/admin/clinicians/${clinicianId}/availability`)
      .set(admin.auth)
      .send({
        timeZone: 'America/New_York',
        slotMinutes: 30,
        bufferMinutes: 0,
        minNoticeHours: 2,
        maxDaysAhead: 3,
        weekly: EVERY_DAY,
        exceptions: [],
      })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const aLink = async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ state: 'NY', serviceType: 'individual' }))
      .expect(201);
    const [{ lead_id: leadId }] = await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [
      body.id,
    ]);
    const href = await t.app.get(ConsultationBookings).linkOf(t.db.manager, leadId);
    return { leadId: leadId as string, path: new URL(href).pathname + new URL(href).search };
  };

  it('a client picks a time with the keyboard, books it, and can cancel it', async () => {
    const { leadId, path } = await aLink();
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site}${path}`);
    await page.getByRole('group', { name: 'Open times' }).waitFor();
    // The zone the times are in is named (the browser's own).
    expect(await page.getByText('Times are shown in your time zone').count()).toBe(1);
    await saveScreenshots(page, 'booking');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const radios = page.getByRole('radio');
    expect(await radios.count()).toBeGreaterThan(1);
    await radios.first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    const chosen = await radios.nth(1).getAttribute('value');
    expect(await radios.nth(1).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your consultation is booked' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const [booked] = await t.db.query(
      `SELECT clinician_id, starts_at FROM consultation WHERE lead_id = $1 AND cancelled_at IS NULL`,
      [leadId],
    );
    expect(`${booked.clinician_id}|${booked.starts_at.toISOString()}`).toBe(chosen);

    await page.getByRole('button', { name: 'Cancel this consultation' }).click();
    await page.getByRole('group', { name: 'Open times' }).waitFor();
    const [live] = await t.db.query(
      `SELECT count(*)::int AS n FROM consultation WHERE lead_id = $1 AND cancelled_at IS NULL`,
      [leadId],
    );
    expect(live.n).toBe(0);
    await page.close();
  });

  it('staff see the week, set hours, and book from the lead page', async () => {
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const { leadId } = await aLink();
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator, { path: `/admin/leads/${leadId}` });
    const section = page.getByRole('region', { name: 'Consultation' });
    await section.waitFor();
    await section.getByText(/The client may book online/).waitFor();
    await section.getByLabel('Clinician').selectOption({ label: clinicianName });
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setSeconds(0, 0);
    const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await section.getByLabel('Starts at (your local time)').fill(local);
    await section.getByRole('button', { name: 'Book consultation' }).click();
    await section.getByRole('button', { name: 'Cancel' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const [booked] = await t.db.query(
      `SELECT starts_at, booked_via FROM consultation WHERE lead_id = $1 AND cancelled_at IS NULL`,
      [leadId],
    );
    expect(booked).toEqual({ starts_at: start, booked_via: 'staff' });

    await page.getByRole('link', { name: 'Consultations' }).click();
    await page.getByRole('heading', { name: 'Consultation hours' }).waitFor();
    const nextMonday = new Date();
    nextMonday.setHours(0, 0, 0, 0);
    nextMonday.setDate(nextMonday.getDate() - ((nextMonday.getDay() + 6) % 7) + 7);
    if (start >= nextMonday) await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('link', { name: 'Open the lead' }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Consultation length (minutes)').fill('45');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await page.getByText('Hours saved.').waitFor();
    const [hours] = await t.db.query(
      `SELECT slot_minutes FROM clinician_availability WHERE clinician_id = $1`,
      [clinicianId],
    );
    expect(hours.slot_minutes).toBe(45);
    await page.close();
  });

  it('an unknown link says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/book?token=${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'We do not recognise this link' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
