import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { responseDeadline } from '../src/vocabulary/response-targets.js';
import { anInquiry } from './support/builders.js';
import { leadIdOf } from './support/leads.js';
import { jobsFinished } from './support/queue-rows.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { RATE_LIMITS_OFF, startTestApp, type TestApp } from './support/test-app.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

const NO_PRODUCT_NAME = /relational[ -]intake/i;

describe('practice identity and referring out kindly', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof aSignedInStaffMember>>;
  const patchSettings = (body: object) =>
    t.http.patch('/v1/admin/settings').set(admin.auth).send(body);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { ...RATE_LIMITS_OFF, CORS_ORIGINS: 'https://www.practice.example' },
    });
    admin = await aSignedInStaffMember(t, 'admin');
  });
  afterEach(async () => {
    await jobsFinished(t.db);
    sink.messages.length = 0;
    await t.db.query(
      `UPDATE practice_setting SET practice_name = NULL, time_zone = NULL, practice_phone = NULL,
         practice_email = NULL, practice_website = NULL, practice_address = NULL,
         privacy_notice_version = NULL, privacy_notice_url = NULL, booking_enabled = false,
         referral_resources = '[]'`,
    );
    await t.db.query(`DELETE FROM practice_logo`);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('before an admin names it, the practice is the neutral default, never this product', async () => {
    const response = await t.http
      .get('/v1/practice')
      .set('Origin', 'https://www.practice.example')
      .expect(200);
    expect(response.body).toEqual({
      name: 'Our practice',
      timeZone: 'America/Los_Angeles',
      languages: ['en', 'es'],
      privacyNoticeVersion: '1',
      booking: { enabled: false },
    });
    expect(response.headers['access-control-allow-origin']).toBe('https://www.practice.example');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const etag = response.headers.etag as string;
    await t.http.get('/v1/practice').set('If-None-Match', etag).expect(304);
  });

  it('an admin sets the identity and booking; the public answer and its ETag follow', async () => {
    const before = (await t.http.get('/v1/practice').expect(200)).headers.etag as string;
    const practice = {
      name: 'Willow Couples Counseling',
      timeZone: 'America/Denver',
      phone: '(503) 555-0100',
      email: 'hello@willow.example',
      website: 'https://willow.example',
      address: '100 Main Street, Portland, OR 97201',
      privacyNoticeVersion: '2026-12',
      privacyNoticeUrl: 'https://willow.example/privacy',
    };
    const { body: view } = await patchSettings({ practice, booking: { enabled: true } }).expect(
      200,
    );
    expect(view.practice).toEqual({ ...practice, logoUrl: null });
    expect(view.booking).toEqual({ enabled: true });

    const response = await t.http.get('/v1/practice').expect(200);
    expect(response.body).toEqual({
      ...practice,
      languages: ['en', 'es'],
      booking: { enabled: true },
    });
    expect(response.headers.etag).not.toBe(before);
    await t.http.get('/v1/practice').set('If-None-Match', before).expect(200);

    // null returns the name to PRACTICE_NAME and clears a contact line.
    const { body: cleared } = await patchSettings({ practice: { name: null, phone: null } });
    expect(cleared.practice.name).toBe('Our practice');
    expect(cleared.practice.phone).toBeNull();
    expect(cleared.practice.email).toBe(practice.email);
  });

  it('refuses a bad identity or resource list, naming each field, and changes nothing', async () => {
    const { body } = await patchSettings({
      practice: {
        timeZone: 'Mars/Olympus',
        email: 'not an email',
        website: 'javascript:alert(1)',
        privacyNoticeUrl: 'ftp://willow.example/privacy',
        name: 'x'.repeat(101),
        phone: 'call us',
      },
      booking: { enabled: 'yes' },
      referralResources: [
        { phone: '555' },
        { name: 'Clinic', states: ['ZZ'], serviceTypes: ['x'] },
      ],
    }).expect(422);
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'booking.enabled',
      'practice.email',
      'practice.name',
      'practice.phone',
      'practice.privacyNoticeUrl',
      'practice.timeZone',
      'practice.website',
      'referralResources.0.name',
      'referralResources.1.serviceTypes',
      'referralResources.1.states',
    ]);
    const tooMany = Array.from({ length: 51 }, (_, index) => ({ name: `Resource ${index}` }));
    const { body: many } = await patchSettings({ referralResources: tooMany }).expect(422);
    expect(many.errors).toEqual([
      expect.objectContaining({
        field: 'referralResources',
        code: 'too_long',
        message: 'must have at most 50 resources',
      }),
    ]);
    expect((await t.http.get('/v1/practice').expect(200)).body.name).toBe('Our practice');
  });

  it('a new time zone recomputes the deadlines of leads still new, in that zone', async () => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const leadId = await leadIdOf(t, body.id);
    const readLead = async () =>
      (
        (await t.db.query(`SELECT created_at, urgency, respond_by FROM lead WHERE id = $1`, [
          leadId,
        ])) as { created_at: Date; urgency: 'routine'; respond_by: Date }[]
      )[0]!;
    const { body: view } = await patchSettings({
      practice: { timeZone: 'Pacific/Kiritimati' },
    }).expect(200);
    const lead = await readLead();
    const targets = { ...view.responseTargets, timeZone: 'Pacific/Kiritimati' };
    expect(lead.respond_by).toEqual(responseDeadline(lead.created_at, lead.urgency, targets));
    const { body: next } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const [created] = (await t.db.query(
      `SELECT l.created_at, l.respond_by FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.id = $1`,
      [next.id],
    )) as { created_at: Date; respond_by: Date }[];
    // Counted from the time the service received it, a moment before the row's created_at.
    const expected = responseDeadline(created!.created_at, 'routine', targets);
    expect(Math.abs(created!.respond_by.getTime() - expected.getTime())).toBeLessThan(1000);
  });

  it('takes a PNG or JPEG logo up to 256 KiB and serves it as what it is', async () => {
    const refused = await t.http.get('/v1/practice/logo').expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);

    const put = (body: Buffer, type: string) =>
      t.http.put('/v1/admin/settings/logo').set(admin.auth).set('Content-Type', type).send(body);
    // A GIF, and a PNG sent as a JPEG, are refused by their bytes.
    await put(Buffer.from('GIF89a-not-a-logo'), 'image/png').expect(415);
    await put(PNG, 'image/jpeg').expect(415);
    const tooBig = Buffer.concat([PNG, Buffer.alloc(256 * 1024)]);
    const large = await put(tooBig, 'image/png').expect(413);
    expect(large.body.detail).toBe('A logo is at most 256 KiB.');
    await t.http
      .patch('/v1/admin/settings')
      .set(admin.auth)
      .set('Content-Type', 'image/png')
      .send(PNG)
      .expect(415);

    const { body: view } = await put(JPEG, 'image/jpeg').expect(200);
    expect(view.practice.logoUrl).toMatch(/\/v1\/practice\/logo\?v=[\w-]+$/);
    const { body: practice } = await t.http.get('/v1/practice').expect(200);
    expect(practice.logoUrl).toBe(view.practice.logoUrl);

    await put(PNG, 'image/png').expect(200);
    const logo = await t.http.get('/v1/practice/logo').expect(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(logo.body as Buffer, PNG)).toBe(0);
    await t.http
      .get('/v1/practice/logo')
      .set('If-None-Match', logo.headers.etag as string)
      .expect(304);
  });

  it('the acknowledgement is signed by the practice and never names this product', async () => {
    await patchSettings({
      practice: { name: 'Willow Couples Counseling', phone: '(503) 555-0100' },
    }).expect(200);
    const inquiry = anInquiry();
    await t.http.post('/v1/inquiries').send(inquiry).expect(201);
    const messages = await sink.waitForCount(2);
    const acknowledgement = messages.find((message) =>
      message.to.includes(inquiry.email as string),
    );
    expect(acknowledgement!.to).toEqual([inquiry.email]);
    expect(acknowledgement!.text).toMatch(/— Willow Couples Counseling\nPhone: \(503\) 555-0100$/);
    const from = acknowledgement!.headerLines.find((line) => /^from:/i.test(line));
    expect(from).toContain('Willow Couples Counseling');
    expect(acknowledgement!.raw).not.toMatch(NO_PRODUCT_NAME);
  });

  describe('moving a lead to referred_out or declined', () => {
    const resources = [
      { name: 'Anywhere Counseling', phone: '(800) 555-0101', note: 'Sliding scale' },
      {
        name: 'Oregon Couples Clinic',
        website: 'https://oregon.example',
        serviceTypes: ['couples'],
        states: ['OR'],
      },
      { name: 'Washington Family Center', serviceTypes: ['family'], states: ['WA'] },
      { name: 'California Couples', serviceTypes: ['couples'], states: ['CA'] },
    ];

    /** A lead from a real inquiry, moved to in_review; answers its id and current ETag. */
    const aLeadInReview = async (overrides: Record<string, unknown> = {}) => {
      const inquiry = anInquiry(overrides);
      const { body } = await t.http.post('/v1/inquiries').send(inquiry).expect(201);
      const leadId = await leadIdOf(t, body.id);
      const read = await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(200);
      const moved = await t.http
        .patch(`/v1/admin/leads/${leadId}`)
        .set(admin.auth)
        .set('If-Match', read.headers.etag as string)
        .send({ status: 'in_review' })
        .expect(200);
      await jobsFinished(t.db);
      sink.messages.length = 0;
      return { leadId, email: inquiry.email as string, etag: moved.headers.etag as string };
    };

    it('with notifyClient sends the client the fitting resources, 988 and the signature', async () => {
      await patchSettings({
        practice: { name: 'Willow Couples Counseling', website: 'https://willow.example' },
        referralResources: resources,
      }).expect(200);
      const lead = await aLeadInReview({ serviceType: 'couples', state: 'OR' });
      const { body } = await t.http
        .patch(`/v1/admin/leads/${lead.leadId}`)
        .set(admin.auth)
        .set('If-Match', lead.etag)
        .send({ status: 'referred_out', notifyClient: true })
        .expect(200);
      expect(body.timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'client_referred',
            details: { status: 'referred_out', resources: 2 },
          }),
        ]),
      );
      const [referral] = await sink.waitForCount(1);
      expect(referral!.to).toEqual([lead.email]);
      expect(referral!.subject).toBe('Willow Couples Counseling: places that may help you');
      expect(referral!.text).toContain('Anywhere Counseling\nPhone: (800) 555-0101\nSliding scale');
      expect(referral!.text).toContain('Oregon Couples Clinic\nWeb: https://oregon.example');
      expect(referral!.text).not.toContain('Washington Family Center');
      expect(referral!.text).not.toContain('California Couples');
      expect(referral!.text).toContain('Call or text 988');
      expect(referral!.text).toMatch(
        /— Willow Couples Counseling\nWeb: https:\/\/willow\.example$/,
      );
      expect(referral!.raw).not.toMatch(NO_PRODUCT_NAME);
      for (const typed of ['Alex', 'Rivera', 'chores']) expect(referral!.text).not.toContain(typed);
    });

    it('declined without notifyClient sends the client nothing', async () => {
      const lead = await aLeadInReview();
      await t.http
        .patch(`/v1/admin/leads/${lead.leadId}`)
        .set(admin.auth)
        .set('If-Match', lead.etag)
        .send({ status: 'declined' })
        .expect(200);
      await jobsFinished(t.db);
      const rows = (await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE lead_id = $1 AND kind = 'client_referral'`,
        [lead.leadId],
      )) as { n: number }[];
      expect(rows[0]!.n).toBe(0);
    });

    it('notifyClient beside any other status, or alone, is a 422 naming it', async () => {
      const lead = await aLeadInReview();
      for (const body of [{ status: 'contacted', notifyClient: true }, { notifyClient: true }]) {
        const { body: problem } = await t.http
          .patch(`/v1/admin/leads/${lead.leadId}`)
          .set(admin.auth)
          .set('If-Match', lead.etag)
          .send(body)
          .expect(422);
        expect(problem.errors).toEqual([
          expect.objectContaining({
            field: 'notifyClient',
            code: 'invalid_format',
            message: 'may be true only with status referred_out or declined',
          }),
        ]);
      }
    });
  });
});
