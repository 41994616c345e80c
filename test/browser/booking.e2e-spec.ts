import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsultationBookings } from '../../src/consultations/consultation-bookings.service.js';
import {
  browserForThisFile,
  listenOnLoopback,
  PHONE,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { aSignedInStaffMember } from '../support/staff.js';
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

  beforeAll(async () => {
    t = await startTestApp();
    site = await listenOnLoopback(t);
    await t.db.query(`UPDATE practice_setting SET booking_enabled = true`);
    const admin = await aSignedInStaffMember(t, 'admin');
    const clinician = await aSignedInStaffMember(t, 'clinician');
    clinicianId = clinician.clinicianId!;
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

  it('an unknown link says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/book?token=${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'We do not recognise this link' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
