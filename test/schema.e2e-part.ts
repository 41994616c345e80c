import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * `migration:check` as a real process: TypeORM's schema reader sends queries on one
 * connection concurrently, which pg 8 reports as deprecated on stderr; there, and only
 * there, the warning is TypeORM's business and `--no-deprecation` keeps the suite quiet.
 */
function migrationCheck(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--no-deprecation', 'dist/src/database/cli.js', 'check'],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: databaseUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the database schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    dataSource = new DataSource(dataSourceOptions(database.url, 2));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('is exactly what the entities describe once every migration has run', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await migrationCheck(database.url)).toEqual({
      code: 0,
      output: 'the entities and the migrations agree\n',
    });
  });

  it('holds every CHECK of the entities with the same listed values (TypeORM compares only their names)', async () => {
    const literals = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();
    const rows = (await dataSource.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'c'`,
    )) as { conname: string; definition: string }[];
    const inDatabase = new Map(rows.map((row) => [row.conname, literals(row.definition)]));
    const checks = dataSource.entityMetadatas.flatMap((entity) => entity.checks);
    expect(checks.map((check) => check.name)).toContain('CHK_notification_kind');
    const differing = checks
      .filter((check) => check.name && check.expression)
      .map((check) => ({
        name: check.name,
        entity: literals(check.expression!),
        database: inDatabase.get(check.name) ?? null,
      }))
      .filter((check) => JSON.stringify(check.entity) !== JSON.stringify(check.database));
    expect(differing).toEqual([]);
  });

  it('can be rolled all the way back and forward again', async () => {
    const applied = dataSource.migrations.length;
    for (let i = 0; i < applied; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    expect(n).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
