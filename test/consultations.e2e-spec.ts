import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
  day,
  start: '08:00',
  end: '20:00',
}));

/** Hours that always offer slots soon: every day 08:00–20:00 in New York. */
function someHours(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timeZone: 'America/New_York',
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeHours: 2,
    maxDaysAhead: 14,
    weekly: EVERY_DAY,
    exceptions: [],
    ...overrides,
  };
}

describe('consultations', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let clinician: SignedIn;
  let otherClinician: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, coordinator, clinician, otherClinician] = await Promise.all([
      aSignedInStaffMember(t, 'admin'),
      aSignedInStaffMember(t, 'coordinator'),
      aSignedInStaffMember(t, 'clinician'),
      aSignedInStaffMember(t, 'clinician'),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const hoursOf = (clinicianId: string, as: SignedIn) =>
    t.http.get(`/v1/admin/clinicians/${clinicianId}/availability`).set(as.auth);
  const setHours = (clinicianId: string, body: Record<string, unknown>, as: SignedIn) =>
    t.http.put(`/v1/admin/clinicians/${clinicianId}/availability`).set(as.auth).send(body);

  describe('availability', () => {
    it('has no hours until someone sets them', async () => {
      const { body } = await hoursOf(otherClinician.clinicianId!, admin).expect(200);
      expect(body).toMatchObject({ weekly: [], exceptions: [], updatedAt: null });
    });

    it('admins and coordinators set anyone’s hours; a clinician only their own', async () => {
      await setHours(clinician.clinicianId!, someHours(), admin).expect(200);
      await setHours(clinician.clinicianId!, someHours({ slotMinutes: 20 }), coordinator).expect(
        200,
      );
      const own = await setHours(clinician.clinicianId!, someHours(), clinician).expect(200);
      expect(own.body).toMatchObject({
        clinicianId: clinician.clinicianId,
        timeZone: 'America/New_York',
        slotMinutes: 30,
        weekly: EVERY_DAY,
      });
      expect((await hoursOf(clinician.clinicianId!, clinician).expect(200)).body).toEqual(own.body);

      const refused = await setHours(otherClinician.clinicianId!, someHours(), clinician);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await hoursOf(otherClinician.clinicianId!, clinician).expect(403);
      await hoursOf(randomUUID(), admin).expect(404);

      const [audited] = (await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE action = 'clinician.availability_changed' AND subject_id = $1`,
        [clinician.clinicianId],
      )) as { n: number }[];
      expect(audited!.n).toBe(3);
    });

    it('names every wrong field with 422', async () => {
      const { body } = await setHours(
        clinician.clinicianId!,
        someHours({
          timeZone: 'Mars/Olympus',
          slotMinutes: 5,
          weekly: [{ day: 'mon', start: '12:00', end: '09:00' }],
          exceptions: [{ date: 'soon', available: false }],
        }),
        admin,
      ).expect(422);
      expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['exceptions.0.date', 'slotMinutes'].sort(),
      );
      const semantic = await setHours(
        clinician.clinicianId!,
        someHours({
          timeZone: 'Mars/Olympus',
          weekly: [{ day: 'mon', start: '12:00', end: '09:00' }],
        }),
        admin,
      ).expect(422);
      expect(semantic.body.errors).toEqual([
        { field: 'timeZone', message: 'must be an IANA time zone, e.g. America/Chicago' },
        { field: 'weekly.0.end', message: 'must be after start' },
      ]);
    });
  });
});
