// Jest loads global setup outside its ESM module system, so this file is plain ESM
// JavaScript and uses the tsc build of the project (`npm run test:e2e` builds first).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';

const build = (file) => import(new URL(`../../dist/src/${file}`, import.meta.url).href);

/**
 * One PostgreSQL cluster for the whole e2e run, with a template database holding every
 * migration and the job queue's schema. Each test file clones it (CREATE DATABASE …
 * TEMPLATE, milliseconds), so every file starts from a fresh database.
 * Test workers learn where it is from RI_TEST_ADMIN_URL and RI_TEST_TEMPLATE_DATABASE.
 */
export default async function globalSetup() {
  const { startEmbeddedPostgres } = await build('database/embedded-postgres.js');
  const { dataSourceOptions } = await build('database/data-source-options.js');
  const template = 'ri_template';
  const dir = mkdtempSync(path.join(tmpdir(), 'ri-pg-'));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    database: template,
    log: () => undefined,
  });
  globalThis.__riStopCluster = async () => {
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  await withoutDurability(database.urlFor('postgres'));

  const dataSource = new DataSource(dataSourceOptions(database.url, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const boss = new PgBoss({
    connectionString: database.url,
    max: 2,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false });

  // Where test apps record what they answer, checked against the OpenAPI document by
  // the global teardown (test/contract/observed-answers.mjs). Fresh for every run.
  process.env.RI_CONTRACT_OBSERVATIONS_DIR = mkdtempSync(path.join(tmpdir(), 'ri-observed-'));
  process.env.RI_TEST_ADMIN_URL = database.urlFor('postgres');
  process.env.RI_TEST_TEMPLATE_DATABASE = template;
}

/**
 * This cluster lives for one run and is deleted after it, so it need not survive a crash
 * of the machine: PostgreSQL skips flushing to disk (what PostgreSQL's manual suggests for
 * throwaway clusters). Queries, transactions, locks and what other connections see are
 * unchanged; only the waits on the disk go. On the shared two-core machine a commit took
 * about 10 ms with the flushes and under 1 ms without, and DROP DATABASE (which every
 * file's close runs) 1.5–2 s instead of under 0.1 s. Clusters the tests start themselves
 * (embedded-postgres, database-outage) keep the defaults.
 */
async function withoutDurability(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
      await client.query(`ALTER SYSTEM SET ${setting} = off`);
    }
    await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
