import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { AuditTrailRoleCheck } from '../src/audit/audit-trail-role-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { adminQuery, createTestDatabase } from './support/test-database.js';

const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' };

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: PRODUCTION });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the OpenAPI UI and document are not served unless DOCS_PUBLIC is set', async () => {
    await t.http.get('/docs').expect(404);
    await t.http.get('/docs-json').expect(404);
    const open = await startTestApp({ env: { ...PRODUCTION, DOCS_PUBLIC: 'true' } });
    try {
      await open.http.get('/docs-json').expect(200);
    } finally {
      await open.close();
    }
  });
});

describe('a client that sends its request headers too slowly', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { HTTP_HEADERS_TIMEOUT_SECONDS: '1' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    await t.close();
  });

  it('gets 408 problem+json and the connection is closed', async () => {
    const socket = connect(port, '127.0.0.1');
    // Half a request, then nothing: a slowloris holding a connection open.
    socket.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('application/problem+json');
  }, 15000);
});

describe("the start-up check of the database role's power over the audit trail", () => {
  // Read through Nest's Logger: out of a request, nestjs-pino writes to the first app's
  // logger of the process, so a later test app's captured lines would not show it.
  const warnings = () => {
    const spy = jest.spyOn(Logger.prototype, 'warn');
    return () => spy.mock.calls.map((call) => String(call[0]));
  };
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('names a superuser (as the test cluster connects) as able to drop the triggers', async () => {
    const t = await startTestApp();
    try {
      await expect(t.app.get(AuditTrailRoleCheck).runtimeRoleProblem()).resolves.toBe(
        'is a superuser',
      );
    } finally {
      await t.close();
    }
  });

  it('warns at start when the runtime role owns the audit table', async () => {
    const role = `ri_owner_${Date.now().toString(36)}`;
    const database = await createTestDatabase();
    await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'owner-pass'`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`GRANT ALL ON SCHEMA public, pgboss TO ${role}`);
    await client.query(`GRANT ALL ON ALL TABLES IN SCHEMA public, pgboss TO ${role}`);
    await client.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public, pgboss TO ${role}`);
    await client.query(`ALTER TABLE audit_event OWNER TO ${role}`);
    await client.end();
    const url = new URL(database.url);
    url.username = role;
    url.password = 'owner-pass';
    const warned = warnings();
    const t = await startTestApp({ database: { ...database, url: url.toString() } });
    try {
      expect(warned().filter((line) => line.includes('owns the audit_event table'))).toHaveLength(
        1,
      );
    } finally {
      await t.close({ dropDatabase: false });
      await database.drop();
      await adminQuery(`DROP ROLE ${role}`);
    }
  });

  it('stays quiet for a role that may only read and write the rows', async () => {
    const role = `ri_runtime_${Date.now().toString(36)}`;
    const database = await createTestDatabase();
    await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'runtime-pass'`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`GRANT USAGE ON SCHEMA public, pgboss TO ${role}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, pgboss TO ${role}`,
    );
    await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public, pgboss TO ${role}`);
    await client.end();
    const url = new URL(database.url);
    url.username = role;
    url.password = 'runtime-pass';
    const warned = warnings();
    const t = await startTestApp({ database: { ...database, url: url.toString() } });
    try {
      await expect(t.app.get(AuditTrailRoleCheck).runtimeRoleProblem()).resolves.toBeUndefined();
      expect(warned().filter((line) => line.includes('audit trail'))).toEqual([]);
    } finally {
      await t.close({ dropDatabase: false });
      await database.drop();
      await adminQuery(`DROP ROLE ${role}`);
    }
  });
});
