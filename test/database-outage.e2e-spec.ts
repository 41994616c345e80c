import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgBoss } from 'pg-boss';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { anInquiry } from './support/builders.js';
import { freePort } from './support/free-port.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/** A cluster of this file's own: the shared e2e cluster serves other files meanwhile. */
async function migrated(cluster: EmbeddedDatabase): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(cluster.url, 2, 'unbounded'));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  const boss = new PgBoss({
    connectionString: cluster.url,
    max: 2,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false });
}

interface NotificationRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
}

const notificationsOfInquiry = async (t: TestApp, inquiryId: string) =>
  (await t.db.query(
    `SELECT n.id, n.kind, n.status, n.attempts FROM notification n
       JOIN inquiry i ON i.lead_id = n.lead_id
      WHERE i.id = $1 ORDER BY n.kind`,
    [inquiryId],
  )) as NotificationRow[];

/** The states of every delivery job of these notifications. */
const deliveryJobStates = async (t: TestApp, notificationIds: string[]) =>
  (
    (await t.db.query(
      `SELECT state FROM pgboss.job
        WHERE name = 'notification.deliver' AND data->>'notificationId' = ANY($1::text[])`,
      [notificationIds],
    )) as { state: string }[]
  ).map((row) => row.state);

function expectUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.body).toEqual({
    type: '/problems/unavailable',
    title: 'Service unavailable',
    status: 503,
    ...(response.body.detail === undefined ? {} : { detail: expect.any(String) }),
  });
}

describe('a database outage', () => {
  let dataDir: string;
  let port: number;
  let cluster: EmbeddedDatabase;
  let sink: SmtpSink;
  let t: TestApp;
  let staffAuth: { Authorization: string };
  let before: { id: string; reference: string };
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  const startCluster = async () => {
    cluster = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'outage',
      log: () => undefined,
    });
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dataDir = mkdtempSync(path.join(tmpdir(), 'ri-outage-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    await startCluster();
    await migrated(cluster);
    sink = await startSmtpSink();
    t = await startTestApp({
      database: { name: 'outage', url: cluster.url, drop: async () => undefined },
      smtpUrl: sink.url,
      // Requests answer 503 within the bounded connect of production, not the tests' longer one.
      env: { DELIVERY_RETRY_DELAY_SECONDS: '1', DATABASE_CONNECT_TIMEOUT_SECONDS: '4' },
    });
    staffAuth = (await aSignedInStaffMember(t, 'coordinator')).auth;

    // A submission just before the outage: its emails are queued, and the SMTP server is
    // mid-conversation with the app (the notification row locked) when the database stops.
    sink.hold();
    before = (await t.http.post('/v1/inquiries').send(anInquiry()).expect(201)).body;
    await eventually(async () => sink.held > 0, 'an email to reach the SMTP server');
    await cluster.stop();
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    sink?.release();
    await t?.close({ dropDatabase: false });
    await cluster?.stop();
    await sink?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('a public submission answers 503 unavailable with Retry-After', async () => {
    expectUnavailable(await t.http.post('/v1/inquiries').send(anInquiry()));
  }, 30_000);

  it('a staff read answers 503 unavailable with Retry-After', async () => {
    expectUnavailable(await t.http.get('/v1/admin/leads').set(staffAuth));
  }, 30_000);

  it('readiness answers 503 unavailable while liveness stays 200', async () => {
    expectUnavailable(await t.http.get('/health/ready'));
    await t.http.get('/health/live').expect(200, { status: 'ok' });
  }, 30_000);

  it('when the database is back the service is ready again, without a restart', async () => {
    // The email held mid-conversation is accepted now, with nothing to record it in.
    sink.release();
    await startCluster();
    await eventually(
      async () => (await t.http.get('/health/ready')).status === 200,
      'readiness to answer 200',
      30_000,
    );
    await t.http.get('/v1/admin/leads').set(staffAuth).expect(200);
  }, 60_000);

  it('each email of the submission queued before the outage is delivered exactly once', async () => {
    const rows = await eventually(
      async () => {
        const current = await notificationsOfInquiry(t, before.id);
        return current.length > 0 && current.every((row) => row.status === 'sent') && current;
      },
      'every notification of the submission to be recorded as sent',
      45_000,
    );
    const ids = rows.map((row) => row.id);
    // Every delivery job has ended: nothing can send these emails again.
    const states = await eventually(
      async () => {
        const current = await deliveryJobStates(t, ids);
        return current.every((state) => state === 'completed') && current;
      },
      'the delivery jobs to complete',
      45_000,
    );
    expect(states.length).toBe(ids.length);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'client_acknowledgement', attempts: 1 }),
      expect.objectContaining({ kind: 'staff_new_lead', attempts: 1 }),
    ]);
    const copies = ids.map(
      (id) =>
        sink.messages.filter((message) => message.messageId === `<${id}@practice.example>`).length,
    );
    expect(copies).toEqual(ids.map(() => 1));
    expect(
      sink.messages.filter((message) => message.subject.includes(before.reference)),
    ).toHaveLength(ids.length);
  }, 120_000);

  it('the job workers pick up new work by themselves', async () => {
    const after = (await t.http.post('/v1/inquiries').send(anInquiry()).expect(201)).body;
    await eventually(
      async () => {
        const current = await notificationsOfInquiry(t, after.id);
        return current.length === 2 && current.every((row) => row.status === 'sent');
      },
      'the new submission’s emails to be sent',
      45_000,
    );
  }, 60_000);

  it('the problem type has a page that says when to try again', async () => {
    const page = await t.http.get('/problems/unavailable').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Service unavailable');
    expect(page.text).toContain('Retry-After: 5');
  });

  it('nothing went unhandled in the process', () => {
    expect(unhandled).toEqual([]);
  });
});
