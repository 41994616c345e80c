import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { parseCsv } from './support/csv.js';
import { aLead, leadIdOf } from './support/leads.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

const MINUTE = 60_000;
const tag = () => randomBytes(4).toString('hex');

describe('where a lead came from', () => {
  let t: TestApp;
  let coordinator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  const inquire = (body: Record<string, unknown>) =>
    t.http.post('/v1/inquiries').send(body).expect(201);
  const detail = async (leadId: string) =>
    (await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth).expect(200)).body;
  const list = async (query: Record<string, string>) =>
    (await t.http.get('/v1/admin/leads').query(query).set(coordinator.auth).expect(200)).body
      .items as { id: string; source: string | null }[];

  describe('on submissions', () => {
    it('the lead keeps the first submission’s attribution; a later one joining it changes nothing', async () => {
      const email = `first.touch.${tag()}@example.com`;
      const source = `news-${tag()}`;
      const first = {
        utmSource: source,
        utmMedium: 'email',
        utmCampaign: 'spring',
        utmTerm: 'couples therapy',
        utmContent: 'banner',
        referrer: 'https://mail.example.org/',
        landingPage: 'https://practice.example/reach-out?utm_source=x',
      };
      const one = await inquire(anInquiry({ email, attribution: first }));
      const two = await inquire(
        anInquiry({ email, attribution: { utmSource: 'later', referrer: 'https://b.test/' } }),
      );
      const leadId = await leadIdOf(t, one.body.id);
      expect(await leadIdOf(t, two.body.id)).toBe(leadId);

      const lead = await detail(leadId);
      expect(lead.attribution).toEqual(first);
      expect(lead.source).toBe(source);
      expect((await list({ source })).map((item) => item.id)).toEqual([leadId]);
      expect(await list({ source: 'later' })).toEqual([]);
    });

    it('source: utmSource, else referralSource, else the referrer’s host, else direct', async () => {
      const host = `dir-${tag()}.example`;
      const byReferral = await inquire(
        anInquiry({
          referralSource: `podcast-${tag()}`,
          attribution: { referrer: `https://${host}/` },
        }),
      );
      const byHost = await inquire(
        anInquiry({
          referralSource: undefined,
          attribution: { referrer: `https://www.${host}/a?b=c` },
        }),
      );
      const direct = await inquire(anInquiry({ referralSource: undefined }));
      const intake = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ attribution: { utmSource: `intake-${tag()}` } }))
        .expect(201);

      const referralLead = await detail(await leadIdOf(t, byReferral.body.id));
      expect(referralLead.source).toMatch(/^podcast-/);
      const hostLead = await leadIdOf(t, byHost.body.id);
      expect((await detail(hostLead)).source).toBe(host);
      expect((await list({ source: host })).map((item) => [item.id, item.source])).toEqual([
        [hostLead, host],
      ]);
      const directLead = await detail(await leadIdOf(t, direct.body.id));
      expect(directLead).toMatchObject({ source: 'direct', attribution: null });
      const intakeLead = await detail(await leadIdOf(t, intake.body.id));
      expect(intakeLead.source).toMatch(/^intake-/);
      expect(intakeLead.attribution).toEqual({ utmSource: intakeLead.source });
    });

    it('refuses a field longer than 500 characters or not text, naming it; and a non-object', async () => {
      const long = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ attribution: { utmSource: 'x'.repeat(501), referrer: 7 } }))
        .expect(422);
      const fields = (long.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields.sort()).toEqual(['attribution.referrer', 'attribution.utmSource']);
      const notObject = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ attribution: 'google' }))
        .expect(422);
      expect((notObject.body.errors as { field: string }[]).map((error) => error.field)).toEqual([
        'attribution',
      ]);
      const fine = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ attribution: { utmCampaign: 'y'.repeat(500) } }))
        .expect(201);
      expect(fine.body.reference).toBeDefined();
    });
  });

  describe('GET /v1/admin/stats/breakdown', () => {
    // A week of its own: [2025-05-05, 2025-05-12).
    const from = '2025-05-05T00:00:00.000Z';
    const to = '2025-05-12T00:00:00.000Z';
    const at = new Date('2025-05-06T10:00:00.000Z');
    const after = (minutes: number) => new Date(at.getTime() + minutes * MINUTE);
    const breakdown = (query: Record<string, string>, as: SignedIn = coordinator) =>
      t.http.get('/v1/admin/stats/breakdown').query(query).set(as.auth);

    beforeAll(async () => {
      const lead = (fields: Parameters<typeof aLead>[1]) =>
        aLead(t.db, { createdAt: at, respondBy: after(60), ...fields });
      // blog: two couples leads, one answered in 30 minutes (within target), one in 90.
      await lead({ source: 'blog', serviceType: 'couples', firstAttemptAt: after(30) });
      await lead({
        source: 'blog',
        serviceType: 'couples',
        firstAttemptAt: after(90),
        status: 'converted',
      });
      // directory: one individual lead, never tried.
      await lead({ source: 'directory', serviceType: 'individual' });
      // none: direct, individual, answered in 10 minutes.
      await lead({ source: null, serviceType: 'individual', firstAttemptAt: after(10) });
      // Not counted: spam, erased, merged away, and a lead outside the range.
      await lead({ source: 'blog', status: 'spam' });
      await lead({ source: 'blog', erasedAt: after(5) });
      const survivor = await lead({ source: 'family-site', serviceType: 'family' });
      await lead({ source: 'blog', mergedIntoLeadId: survivor.id });
      await aLead(t.db, { source: 'blog', createdAt: new Date(to) });
    });

    const group = (key: string, counts: Record<string, unknown>) => ({
      key,
      contacted: 0,
      contactedWithinTarget: 0,
      medianMinutesToFirstContact: null,
      consultationsBooked: 0,
      converted: 0,
      ...counts,
    });

    it('by source: one group per source of the leads of the range, spam, erased and merged left out', async () => {
      const response = await breakdown({ by: 'source', from, to }).expect(200);
      expect(response.body).toEqual({
        by: 'source',
        from,
        to,
        groups: [
          group('blog', {
            leads: 2,
            contacted: 2,
            contactedWithinTarget: 1,
            medianMinutesToFirstContact: 60,
            converted: 1,
          }),
          group('direct', {
            leads: 1,
            contacted: 1,
            contactedWithinTarget: 1,
            medianMinutesToFirstContact: 10,
          }),
          group('directory', { leads: 1 }),
          group('family-site', { leads: 1 }),
        ],
      });
    });

    it('by serviceType, and language (every lead en until leads carry one)', async () => {
      const byService = await breakdown({ by: 'serviceType', from, to }).expect(200);
      expect(byService.body.groups).toEqual([
        group('couples', {
          leads: 2,
          contacted: 2,
          contactedWithinTarget: 1,
          medianMinutesToFirstContact: 60,
          converted: 1,
        }),
        group('individual', {
          leads: 2,
          contacted: 1,
          contactedWithinTarget: 1,
          medianMinutesToFirstContact: 10,
        }),
        group('family', { leads: 1 }),
      ]);
      const byLanguage = await breakdown({ by: 'language', from, to }).expect(200);
      expect(
        byLanguage.body.groups.map((g: { key: string; leads: number }) => [g.key, g.leads]),
      ).toEqual([['en', 5]]);
      const byState = await breakdown({ by: 'state', from, to }).expect(200);
      expect(
        byState.body.groups.map((g: { key: string; leads: number }) => [g.key, g.leads]),
      ).toEqual([['OR', 5]]);
    });

    it('is audited like the other statistics', async () => {
      await breakdown({ by: 'preferredContact', from, to }).expect(200);
      const [event] = (await t.db.query(
        `SELECT actor_user_id, details FROM audit_event
          WHERE action = 'stats.viewed' ORDER BY id DESC LIMIT 1`,
      )) as { actor_user_id: string; details: unknown }[];
      expect(event).toEqual({
        actor_user_id: coordinator.id,
        details: { by: 'preferredContact', from, to, leads: 5 },
      });
    });

    it('needs by, one of the list (422 naming it), and is for admins and coordinators', async () => {
      const missing = await breakdown({ from, to }).expect(422);
      expect((missing.body.errors as { field: string }[]).map((error) => error.field)).toEqual([
        'by',
      ]);
      const unknown = await breakdown({ by: 'urgency' }).expect(422);
      expect((unknown.body.errors as { field: string }[]).map((error) => error.field)).toEqual([
        'by',
      ]);
      await breakdown({ by: 'source' }, await aSignedInStaffMember(t, 'admin')).expect(200);
      await breakdown({ by: 'source' }, await aSignedInStaffMember(t, 'clinician')).expect(403);
      await t.http.get('/v1/admin/stats/breakdown?by=source').expect(401);
    });
  });

  it('the CSV export carries the source column', async () => {
    const source = `csv-${tag()}`;
    const { body } = await inquire(anInquiry({ attribution: { utmSource: source } }));
    const response = await t.http
      .get('/v1/admin/leads.csv')
      .query({ source })
      .set(coordinator.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    const [header, ...rows] = parseCsv(response.body as string);
    expect(rows).toHaveLength(1);
    expect(rows[0]![header!.indexOf('source')]).toBe(source);
    expect(rows[0]).toContain(body.reference);
  });
});
