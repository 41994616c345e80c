import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { parseCsv } from './support/csv.js';
import { aStaffMember, signIn, STAFF_PASSWORD } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue #6, "done when": a coordinator signs in, finds, triages, assigns, notes, merges
 * and exports leads through the API alone, and every step is in the audit trail. One
 * story, step by step, over real HTTP, with the session cookie and its CSRF token as a
 * browser would send them.
 */
describe('a coordinator triages a morning of inquiries through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in, finds, triages, assigns, notes, merges and exports, every step audited', async () => {
    const coordinator = await aStaffMember(t.db, 'coordinator');
    const clinician = await aStaffMember(t.db, 'clinician');
    const admin = await signIn(t, await aStaffMember(t.db, 'admin'));

    // Two reach-outs from one couple: Jordan writes twice from two addresses.
    const first = await t.http
      .post('/v1/inquiries')
      .send(
        anInquiry({
          name: 'Jordan Avery',
          email: 'jordan.avery@example.com',
          phone: '+15035550142',
          state: 'CA',
        }),
      )
      .expect(201);
    const second = await t.http
      .post('/v1/inquiries')
      .send(
        anInquiry({
          name: 'Jordan Avery',
          email: 'j.avery@work.example',
          phone: '+15035550142',
          state: 'CA',
        }),
      )
      .expect(201);

    // Signs in with the cookie, as the staff app does, and takes the CSRF token.
    const login = await t.http
      .post('/v1/auth/login')
      .send({ email: coordinator.email, password: STAFF_PASSWORD })
      .expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie']!)[0]!.split(';')[0]!;
    const csrf = (await t.http.get('/v1/auth/csrf').set('Cookie', cookie).expect(200)).body
      .token as string;
    const browser = { Cookie: cookie };
    const writes = { Cookie: cookie, 'X-CSRF-Token': csrf };

    // Finds the lead by the reference Jordan quotes on the phone.
    const found = await t.http
      .get(`/v1/admin/leads?q=${first.body.reference}`)
      .set(browser)
      .expect(200);
    expect(found.body.items).toHaveLength(1);
    const leadId = found.body.items[0].id as string;

    // Opens it: the duplicate (same phone, same name and state) is pointed out.
    const detail = await t.http.get(`/v1/admin/leads/${leadId}`).set(browser).expect(200);
    expect(detail.body.inquiries).toHaveLength(1);
    expect(detail.body.duplicates).toEqual([
      expect.objectContaining({
        reference: second.body.reference,
        matchedOn: ['phone', 'name_state'],
      }),
    ]);
    const duplicateId = detail.body.duplicates[0].id as string;

    // Merges the duplicate into it: one lead, both inquiries.
    await t.http
      .post(`/v1/admin/leads/${duplicateId}/merge`)
      .set(writes)
      .send({ intoLeadId: leadId })
      .expect(200);

    // Looks at the ranked clinicians, then assigns the top match and moves the status.
    const matches = await t.http.get(`/v1/admin/leads/${leadId}/matches`).set(browser).expect(200);
    expect(matches.body.items[0]).toMatchObject({
      clinicianId: clinician.clinicianId,
      eligible: true,
      reasons: expect.arrayContaining([expect.any(String)]),
    });
    const current = await t.http.get(`/v1/admin/leads/${leadId}`).set(browser).expect(200);
    expect(current.body.inquiries).toHaveLength(2);
    const triaged = await t.http
      .patch(`/v1/admin/leads/${leadId}`)
      .set({ ...writes, 'If-Match': current.headers.etag! })
      .send({
        status: 'contacted',
        assignedClinicianId: clinician.clinicianId,
        tags: ['Evenings'],
      })
      .expect(200);
    expect(triaged.body).toMatchObject({
      status: 'contacted',
      assignedClinician: { id: clinician.clinicianId },
      tags: ['evenings'],
      firstContactedAt: expect.any(String),
    });

    // Writes a note for the clinician.
    await t.http
      .post(`/v1/admin/leads/${leadId}/notes`)
      .set(writes)
      .send({ body: 'Left a voicemail; prefers evenings. Consult offered Thursday.' })
      .expect(201);

    // Exports the contacted leads for the weekly review.
    const csv = await t.http.get('/v1/admin/leads.csv?status=contacted').set(browser).expect(200);
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]![header!.indexOf('reference')]).toBe(first.body.reference);

    // The clinician now sees it; the admin's audit trail holds every step.
    const theirs = await signIn(t, clinician);
    await t.http.get(`/v1/admin/leads/${leadId}`).set(theirs.auth).expect(200);
    const audit = await t.http
      .get(`/v1/admin/audit-events?actorUserId=${coordinator.id}&limit=200`)
      .set(admin.auth)
      .expect(200);
    const actions = (audit.body.items as { action: string; leadId: string | null }[])
      .map((event) => event.action)
      .reverse();
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login',
        'lead.listed',
        'lead.read',
        'lead.merged',
        'lead.matches_viewed',
        'lead.updated',
        'lead.note_added',
        'lead.exported',
      ]),
    );
    expect(actions.indexOf('auth.login')).toBe(0);
    expect(actions.indexOf('lead.merged')).toBeLessThan(actions.indexOf('lead.updated'));
    // Who, what, which lead, when, from where, and never what the client wrote.
    const text = JSON.stringify(audit.body);
    for (const personal of ['Jordan', 'jordan.avery@example.com', 'voicemail', 'chores']) {
      expect(text).not.toContain(personal);
    }
    expect(audit.body.items[0]).toMatchObject({
      actor: { userId: coordinator.id, role: 'coordinator' },
      ip: expect.any(String),
      occurredAt: expect.any(String),
    });
  });
});
