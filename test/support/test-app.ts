import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { parseKeyRing } from '../../src/common/encryption/data-cipher.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: ReturnType<typeof request>;
  /** The app's own connection: read what it wrote with plain SQL. */
  readonly db: DataSource;
  readonly database: TestDatabase;
  /** Every log line the app wrote, when `captureLogs` was set. */
  readonly logs: string[];
  /** Stops the app; keeps the database unless `dropDatabase` (the default). */
  close(options?: { dropDatabase?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  /** Environment for loadConfig; DATABASE_URL is filled in. */
  env?: Record<string, string>;
  /** Reuse a database (e.g. to restart on the same data). */
  database?: TestDatabase;
  captureLogs?: boolean;
  /** Run the job workers, sending mail to this SMTP URL (e.g. a sink's). Off by default. */
  smtpUrl?: string;
}

export const RATE_LIMITS_OFF: Record<string, string> = {
  RATE_LIMIT_SUBMISSIONS_PER_IP_PER_HOUR: '0',
  RATE_LIMIT_SUBMISSIONS_PER_EMAIL_PER_DAY: '0',
  RATE_LIMIT_AUTH_PER_IP_PER_15_MIN: '0',
  RATE_LIMIT_PASSWORD_RESETS_PER_EMAIL_PER_HOUR: '0',
  RATE_LIMIT_READS_PER_IP_PER_MINUTE: '0',
};

/** One fixed key for every test app, so a database can be reopened by the next one. */
export const TEST_DATA_KEY = `test1:${Buffer.alloc(32, 7).toString('base64')}`;

/**
 * Every (route template, method, status, content type) the e2e suite sees, one JSON line
 * each in a file per worker process under the directory the global setup names; the
 * global teardown fails the run on any not documented for its route (test/contract).
 */
const observed = new Set<string>();
function recordAnswers(app: NestFastifyApplication): void {
  const dir = process.env.RI_CONTRACT_OBSERVATIONS_DIR;
  if (!dir) return;
  const file = path.join(dir, `observed-${process.pid}.jsonl`);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url;
      if (route === undefined) return;
      const type = reply.getHeader('content-type');
      const line = JSON.stringify({
        route,
        method: request.method,
        status: reply.statusCode,
        contentType: typeof type === 'string' ? type.split(';')[0].trim().toLowerCase() : null,
      });
      if (observed.has(line)) return;
      observed.add(line);
      appendFileSync(file, `${line}\n`);
    });
}

/** The real application on a fresh database, served through Fastify for supertest. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: options.captureLogs ? 'trace' : 'silent',
    SPAM_MIN_SECONDS: '3',
    SHUTDOWN_GRACE_SECONDS: '1',
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    RUN_WORKERS: options.smtpUrl ? 'true' : 'false',
    // Tests submit far more than a person would, from one address: limits are off unless
    // a test turns one on (test/rate-limits.e2e-spec.ts).
    ...RATE_LIMITS_OFF,
    // A loaded CI machine may take seconds to hand out a connection; a boot must not fail
    // on that (test/database-outage.e2e-spec.ts sets the production value).
    DATABASE_CONNECT_TIMEOUT_SECONDS: '20',
    ...options.env,
    DATABASE_URL: database.url,
  });
  const logs: string[] = [];
  const app = await createApp({
    config,
    databaseUrl: database.url,
    // Without workers nothing is sent; the URL only has to be well formed.
    smtpUrl: options.smtpUrl ?? 'smtp://127.0.0.1:9',
    dataKeys: parseKeyRing(config.dataEncryptionKey!),
    logDestination: options.captureLogs
      ? { write: (line: string) => void logs.push(line) }
      : undefined,
  });
  recordAnswers(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
    db: app.get<DataSource>(getDataSourceToken()),
    database,
    logs,
    async close({ dropDatabase = true } = {}) {
      await app.close();
      if (dropDatabase) await database.drop();
    },
  };
}
