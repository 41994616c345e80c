import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StaffContext } from '../src/auth/staff-context.js';
import { LeadListService } from '../src/lead-desk/lead-list.service.js';
import { parseCsv } from './support/csv.js';
import { type LeadFields, aLead, auditEvents } from './support/leads.js';
import { aSignedInStaffMember, aStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedQuery } from './support/test-database.js';
import { eventually } from './support/wait.js';

type Auth = { Authorization: string };

const HEADER = [
  'reference',
  'created_at',
  'status',
  'urgency',
  'service_type',
  'name',
  'email',
  'phone',
  'state',
  'source',
  'language',
  'assigned_clinician',
  'tags',
  'first_contacted_at',
  'overdue',
];

describe('the lead export (GET /v1/admin/leads.csv)', () => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  const aTag = () => `t-${randomBytes(4).toString('hex')}`;
  const seed = (tag: string, overrides: Partial<LeadFields> = {}) =>
    aLead(t.db, { tags: [tag], ...overrides });
  const exportCsv = async (query: Record<string, string>, auth: Auth = coordinator.auth) => {
    const response = await t.http
      .get('/v1/admin/leads.csv')
      .query(query)
      .set(auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    return response;
  };
  const recordsOf = (text: string) => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(HEADER);
    return rows.map((row) => Object.fromEntries(HEADER.map((name, i) => [name, row[i]])));
  };

  it('is a UTF-8 CSV attachment named for the day, never cached', async () => {
    const tag = aTag();
    await seed(tag);
    const response = await exportCsv({ tag });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="leads-${day}.csv"`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(recordsOf(response.body as string)).toHaveLength(1);
  });

  it('has one row per lead with the listed columns, and nothing from messages or answers', async () => {
    const tag = aTag();
    const clinician = await aStaffMember(t.db, 'clinician');
    const lead = await seed(tag, {
      name: 'Row Person',
      email: 'row.person@example.com',
      phone: '+15035550142',
      state: 'WA',
      source: 'a friend, "Sam"',
      status: 'contacted',
      urgency: 'high',
      serviceType: 'family',
      createdAt: '2026-02-03T04:05:06.789Z',
      firstContactedAt: '2026-02-04T08:00:00Z',
      assignedClinicianId: clinician.clinicianId!,
      tags: [tag, 'evening only'],
    });
    const rows = recordsOf((await exportCsv({ tag })).body as string);
    expect(rows).toEqual([
      {
        reference: lead.reference,
        created_at: '2026-02-03T04:05:06.789Z',
        status: 'contacted',
        urgency: 'high',
        service_type: 'family',
        name: 'Row Person',
        email: 'row.person@example.com',
        // Text that starts like a formula is written as text: a leading quote.
        phone: "'+15035550142",
        state: 'WA',
        source: 'a friend, "Sam"',
        language: 'en',
        assigned_clinician: 'Staff clinician',
        tags: `${tag}; evening only`,
        first_contacted_at: '2026-02-04T08:00:00.000Z',
        overdue: 'false',
      },
    ]);
  });

  it('neutralises formulas: a name like =HYPERLINK(…) arrives as text, and the file parses row by row', async () => {
    const tag = aTag();
    const names = [
      '=HYPERLINK("http://x")',
      '+cmd|calc',
      '@SUM(A1)',
      ' -2+3',
      'Plain, "quoted"\nname',
    ];
    for (const [i, name] of names.entries()) {
      await seed(tag, { name, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
    }
    const rows = recordsOf((await exportCsv({ tag, sort: 'createdAt' })).body as string);
    expect(rows.map((row) => row.name)).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+cmd|calc",
      "'@SUM(A1)",
      "' -2+3",
      'Plain, "quoted"\nname',
    ]);
    for (const row of rows) expect(Object.keys(row)).toHaveLength(HEADER.length);
  });

  it('takes the same filters and sort as the list', async () => {
    const tag = aTag();
    const old = await seed(tag, { urgency: 'routine', createdAt: '2026-01-01T00:00:00Z' });
    const crisis = await seed(tag, { urgency: 'crisis', createdAt: '2026-01-02T00:00:00Z' });
    const recent = await seed(tag, { urgency: 'high', createdAt: '2026-01-03T00:00:00Z' });
    await seed(tag, { status: 'spam', createdAt: '2026-01-04T00:00:00Z' });
    const references = async (query: Record<string, string>) =>
      recordsOf((await exportCsv({ tag, ...query })).body as string).map((row) => row.reference);
    expect(await references({ status: 'new' })).toEqual(
      [recent, crisis, old].map((l) => l.reference),
    );
    expect(await references({ status: 'new', sort: 'createdAt' })).toEqual(
      [old, crisis, recent].map((l) => l.reference),
    );
    expect(await references({ status: 'new', sort: 'urgency' })).toEqual(
      [crisis, recent, old].map((l) => l.reference),
    );
    expect(await references({ urgency: 'crisis,high', createdTo: '2026-01-03T00:00:00Z' })).toEqual(
      [crisis.reference],
    );
  });

  it('refuses page parameters and bad filters with 422', async () => {
    for (const [query, field] of [
      ['limit=10', 'limit'],
      ['cursor=abc', 'cursor'],
      ['status=open', 'status'],
    ]) {
      const response = await t.http.get(`/v1/admin/leads.csv?${query}`).set(coordinator.auth);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    }
  });

  it('is for admins and coordinators: a clinician gets 403', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const clinician = await aSignedInStaffMember(t, 'clinician');
    expect((await exportCsv({ tag: aTag() }, admin.auth)).status).toBe(200);
    const refused = await t.http.get('/v1/admin/leads.csv').set(clinician.auth);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('streams thousands of rows, complete and in order', async () => {
    const tag = aTag();
    const count = 3000;
    await t.db.query(
      `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
         preferred_contact, created_at, updated_at, last_submission_at, status_changed_at, tags, version)
       SELECT gen_random_uuid(), 'new', 'routine', 'individual', 'Bulk ' || i,
              'bulk' || i || '@example.com', 'bulk' || i || '@example.com', 'email',
              timestamptz '2024-01-01' + i * interval '1 second', now(), now(), now(), $1, 1
         FROM generate_series(1, $2::int) AS i`,
      [[tag], count],
    );
    await t.db.query(
      `INSERT INTO submission_reference (reference, lead_id, kind, submission_id, created_at)
       SELECT 'RI-' || upper(substr(md5(id::text), 1, 8)), id, 'inquiry', gen_random_uuid(), created_at
         FROM lead WHERE $1 = ANY(tags)`,
      [tag],
    );
    const response = await exportCsv({ tag, sort: 'createdAt' });
    expect(response.status).toBe(200);
    const rows = recordsOf(response.body as string);
    expect(rows).toHaveLength(count);
    expect(rows.map((row) => row.name)).toEqual(
      Array.from({ length: count }, (_, i) => `Bulk ${i + 1}`),
    );
    expect(rows.every((row) => /^RI-[0-9A-F]{8}$/.test(row.reference!))).toBe(true);
    const event = (await auditEvents(t, 'lead.exported')).at(-1)!;
    expect(event.details).toEqual({ filters: ['tag'], sort: 'createdAt', count });
  });

  it('reads while the client reads: a client that holds back keeps the export waiting, one that leaves frees its connection', async () => {
    const tag = aTag();
    await seedQuery(
      t.database,
      `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
         preferred_contact, created_at, updated_at, last_submission_at, status_changed_at, tags, version)
       SELECT gen_random_uuid(), 'new', 'routine', 'individual', repeat('Long Name ', 19) || i,
              'long' || i || '@example.com', 'long' || i || '@example.com', 'email',
              timestamptz '2023-01-01' + i * interval '1 second', now(), now(), now(), $1, 1
         FROM generate_series(1, 40000) AS i`,
      [[tag]],
    );
    await t.db.query('ANALYZE lead');
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const exportTransactions = async () =>
      (await t.db.query(
        `SELECT state FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'idle in transaction'`,
      )) as { state: string }[];

    const request = http.get({
      port,
      path: `/v1/admin/leads.csv?tag=${tag}`,
      headers: coordinator.auth,
    });
    request.on('error', () => undefined);
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      request.on('response', resolve),
    );
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    // The file is not finished: its snapshot stays open, waiting for the client to read on.
    await eventually(async () => (await exportTransactions()).length === 1, 'a waiting export');
    request.destroy();
    await eventually(async () => (await exportTransactions()).length === 0, 'the export to end');
  });

  const openExportTransactions = async () =>
    (
      (await t.db.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'idle in transaction'`,
      )) as unknown[]
    ).length;

  it('a file dropped before its first row is read still frees its connection', async () => {
    const tag = aTag();
    await seed(tag);
    const staff = {
      user: { id: coordinator.id, role: 'coordinator', name: 'Staff coordinator' },
    } as StaffContext;
    const actor = { userId: coordinator.id, role: 'coordinator', ip: null, requestId: 'test' };
    const stream = await t.app.get(LeadListService).export(staff, actor, { tag: [tag] });
    expect(await openExportTransactions()).toBe(1);
    stream.destroy();
    await eventually(async () => (await openExportTransactions()) === 0, 'the export to end');
  });

  it('HEAD answers the headers only: nothing is read, nothing exported', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const response = await t.http.head('/v1/admin/leads.csv').set(admin.auth);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(await openExportTransactions()).toBe(0);
    const events = (await auditEvents(t, 'lead.exported')).filter(
      (event) => event.actor_user_id === admin.id,
    );
    expect(events).toEqual([]);
  });

  it('is audited as lead.exported with the filter names and the row count, no personal data', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const tag = aTag();
    await seed(tag, { name: 'Exported Person', email: 'exported.person@example.com' });
    await seed(tag, { name: 'Exported Other' });
    await exportCsv({ tag, q: 'Exported', sort: 'urgency' }, admin.auth);
    const events = (await auditEvents(t, 'lead.exported')).filter(
      (event) => event.actor_user_id === admin.id,
    );
    expect(events).toEqual([
      {
        actor_user_id: admin.id,
        lead_id: null,
        details: { filters: ['tag', 'q'], sort: 'urgency', count: 2 },
      },
    ]);
    const stored = JSON.stringify(await t.db.query(`SELECT * FROM audit_event`));
    expect(stored).not.toContain('Exported');
    expect(stored).not.toContain('exported.person');
  });
});
