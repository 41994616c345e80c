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

/** One fixed key for every test app, so a database can be reopened by the next one. */
export const TEST_DATA_KEY = `test1:${Buffer.alloc(32, 7).toString('base64')}`;

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
