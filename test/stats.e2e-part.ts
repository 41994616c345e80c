import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

const MINUTE = 60_000;
const DAY = 86_400_000;

interface SeededLead {
  createdAt: string;
  status?: string;
  urgency?: string;
  serviceType?: string;
  source?: string | null;
  /** The lead's source as stored when it starts; by default worked out from `source` alone. */
  attributedSource?: string;
  /** Minutes after creation; null for none. */
  targetAfter?: number | null;
  contactedAfter?: number | null;
  mergedInto?: string | null;
}

describe('GET /v1/admin/stats', () => {
  let t: TestApp;
  let coordinator: SignedIn;

  /** A lead written straight to the table, at a known time: what the stats read. */
  const seed = async (lead: SeededLead): Promise<string> => {
    const id = randomUUID();
    const created = new Date(lead.createdAt);
    const after = (minutes: number | null | undefined) =>
      minutes === null || minutes === undefined
        ? null
        : new Date(created.getTime() + minutes * MINUTE);
    await t.db.query(
      `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
                         preferred_contact, source, created_at, last_submission_at, respond_by,
                         first_contacted_at, first_attempt_at, merged_into_lead_id, version,
                         attributed_source)
       VALUES ($1, $2, $3, $4, 'Seeded Lead', 'seeded@example.com', 'seeded@example.com',
               'email', $5::varchar, $6, $6, $7, $8, $8, $9, 1,
               COALESCE($10, NULLIF(btrim($5::varchar), ''), 'direct'))`,
      [
        id,
        lead.status ?? 'new',
        lead.urgency ?? 'routine',
        lead.serviceType ?? 'couples',
        lead.source === undefined ? 'blog' : lead.source,
        created,
        after(lead.targetAfter === undefined ? 60 : lead.targetAfter),
        after(lead.contactedAfter),
        lead.mergedInto ?? null,
        lead.attributedSource ?? null,
      ],
    );
    return id;
  };
  const stats = (query: string, as: SignedIn = coordinator) =>
    t.http.get(`/v1/admin/stats${query}`).set(as.auth);

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await aSignedInStaffMember(t, 'coordinator');

    // March 2025, week 1: [2025-03-03, 2025-03-10).
    const at = '2025-03-04T10:00:00.000Z';
    const first = await seed({ createdAt: at, status: 'contacted', contactedAfter: 30 });
    await seed({
      createdAt: at,
      status: 'converted',
      serviceType: 'individual',
      contactedAfter: 90,
    });
    await seed({
      createdAt: at,
      status: 'consultation_scheduled',
      urgency: 'high',
      source: null,
      targetAfter: 240,
      contactedAfter: 10,
    });
    await seed({
      createdAt: at,
      urgency: 'crisis',
      serviceType: 'family',
      source: '',
      targetAfter: 15,
    });
    await seed({
      createdAt: at,
      status: 'spam',
      serviceType: 'other',
      source: 'bot',
      targetAfter: null,
    });
    // Came from a newsletter's link (its utmSource), though it answered "search".
    await seed({
      createdAt: at,
      status: 'converted',
      source: 'search',
      attributedSource: 'newsletter',
      contactedAfter: 60,
    });
    await seed({ createdAt: at, mergedInto: first, contactedAfter: 1 });
    await seed({ createdAt: '2025-03-10T00:00:00.000Z', status: 'contacted', contactedAfter: 1 });
    await seed({
      createdAt: '2025-03-03T00:00:00.000Z',
      status: 'in_review',
      serviceType: 'individual',
      targetAfter: 24 * 60,
    });

    // April 1st 2025: one lead contacted in time, one whose target is still ahead.
    await seed({ createdAt: '2025-04-01T09:00:00.000Z', status: 'contacted', contactedAfter: 20 });
    await seed({
      createdAt: '2025-04-01T09:00:00.000Z',
      targetAfter: (Date.parse('2099-01-01') - Date.parse('2025-04-01T09:00:00Z')) / MINUTE,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts the leads created in [from, to), merged ones left out, with every figure exact', async () => {
    const response = await stats(
      '?from=2025-03-03T00:00:00.000Z&to=2025-03-10T00:00:00.000Z',
    ).expect(200);
    expect(response.body).toEqual({
      from: '2025-03-03T00:00:00.000Z',
      to: '2025-03-10T00:00:00.000Z',
      total: 7,
      byStatus: {
        new: 1,
        in_review: 1,
        contacted: 1,
        consultation_scheduled: 1,
        waitlisted: 0,
        converted: 2,
        referred_out: 0,
        declined: 0,
        closed_no_response: 0,
        spam: 1,
      },
      // The lead's source, as the list and the breakdown count it.
      bySource: [
        { source: 'blog', count: 3 },
        { source: 'direct', count: 2 },
        { source: 'bot', count: 1 },
        { source: 'newsletter', count: 1 },
      ],
      byServiceType: { individual: 2, couples: 3, family: 1, other: 1 },
      byUrgency: { routine: 5, high: 1, crisis: 1 },
      // Contacted after 10, 30, 60 and 90 minutes (each then had its first attempt).
      medianTimeToFirstContactMinutes: 45,
      medianMinutesToFirstAttempt: 45,
      medianMinutesToFirstConnection: null,
      // Within target: after 30 (of 60), 10 (of 240), 60 (of 60). Missed: 90 (of 60), and
      // two never contacted whose target passed. The spam lead has no target.
      contactedWithinTargetShare: 0.5,
      conversionRate: 0.3333,
      // The crisis lead still new and the one in review: nobody tried either (moving to
      // in_review does not stop the response clock).
      overdueNow: 2,
      consultationsBooked: 0,
      medianHoursToBookedConsultation: null,
    });
  });

  it('leaves a lead out of the within-target share until it is contacted or its target passes', async () => {
    const { body } = await stats('?from=2025-04-01T00:00:00Z&to=2025-04-02T00:00:00Z').expect(200);
    expect(body).toMatchObject({
      total: 2,
      medianTimeToFirstContactMinutes: 20,
      contactedWithinTargetShare: 1,
      conversionRate: 0,
      overdueNow: 0,
    });
  });

  it('a range without leads has zero counts and no shares or median', async () => {
    const { body } = await stats('?from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z').expect(200);
    expect(body).toMatchObject({
      total: 0,
      bySource: [],
      byUrgency: { routine: 0, high: 0, crisis: 0 },
      medianTimeToFirstContactMinutes: null,
      contactedWithinTargetShare: null,
      conversionRate: null,
      overdueNow: 0,
    });
  });

  it('covers the last 30 days when no range is given', async () => {
    const { body } = await stats('').expect(200);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(30 * DAY);
    expect(Math.abs(Date.parse(body.to) - Date.now())).toBeLessThan(10_000);
    expect(body.total).toBe(0);
  });

  it('refuses a range that ends before it starts, spans over 366 days or is not a date-time', async () => {
    const backwards = await stats('?from=2025-03-10T00:00:00Z&to=2025-03-03T00:00:00Z').expect(422);
    expect(backwards.body.errors).toEqual([
      { field: 'to', code: 'invalid_format', message: 'must be after from' },
    ]);
    const long = await stats('?from=2024-01-01T00:00:00Z&to=2025-01-02T00:00:00Z').expect(422);
    expect(long.body.errors).toEqual([
      { field: 'to', code: 'invalid_format', message: 'must be at most 366 days after from' },
    ]);
    await stats('?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z').expect(200);
    const words = await stats('?from=last%20week&limit=5').expect(422);
    expect(words.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'from', code: 'invalid_date', message: 'must be an ISO 8601 date-time' },
        { field: 'limit', code: 'unknown_field', message: 'is not allowed' },
      ]),
    );
    expect(words.body.errors).toHaveLength(2);
  });

  it('is for admins and coordinators: a clinician gets 403, nobody signed in 401', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    await stats('', admin).expect(200);
    const clinician = await aSignedInStaffMember(t, 'clinician');
    await stats('', clinician).expect(403);
    await t.http.get('/v1/admin/stats').expect(401);
  });

  it('every look is audited with its range', async () => {
    await stats('?from=2025-03-03T00:00:00Z&to=2025-03-10T00:00:00Z').expect(200);
    const [event] = (await t.db.query(
      `SELECT actor_user_id, details FROM audit_event
        WHERE action = 'stats.viewed' ORDER BY id DESC LIMIT 1`,
    )) as { actor_user_id: string; details: unknown }[];
    expect(event).toEqual({
      actor_user_id: coordinator.id,
      details: { from: '2025-03-03T00:00:00.000Z', to: '2025-03-10T00:00:00.000Z', leads: 7 },
    });
  });
});
