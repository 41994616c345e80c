import { createRequire } from 'node:module';
import { PgBoss } from 'pg-boss';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { QUEUE_SCHEMA } from '../queue/job-queue.js';
import {
  BackupFormatError,
  type BackupManifest,
  qualified,
  schemaPlan,
} from './backup-manifest.js';
import { readBackup } from './backup-reader.js';
import { CopyIn } from './copy-protocol.js';
import { BACKED_UP_SCHEMAS } from './database-backup.js';

/** A restore that would lose data or cannot be done; nothing was changed. */
export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** Empty a database that holds tables first, instead of refusing. */
  force: boolean;
  /** Run the migrations newer than the backup afterwards (MIGRATIONS_RUN). */
  runMigrations: boolean;
}

export interface RestoreReport {
  manifest: BackupManifest;
  rows: number;
  /** Migrations run after loading the data, to bring it to this release. */
  upgradedBy: string[];
}

const migrationName = (migration: (typeof MIGRATIONS)[number]) =>
  (new migration() as MigrationInterface).name ?? migration.name;

/**
 * Loads a backup into the database at `databaseUrl`, which must hold no tables of ours
 * (or `force`, which drops them). The schema is rebuilt as it was when the backup was made
 * (this release's migrations up to the backup's last, and the job queue's schema by
 * pg-boss), the rows are copied in one transaction, parents before children, sequences
 * set, and finally the migrations the backup predates are run.
 */
export async function restoreBackup(
  databaseUrl: string,
  path: string,
  options: RestoreOptions,
): Promise<RestoreReport> {
  // The whole file is read once before anything is touched: a damaged or foreign file
  // must never cost the target its contents.
  const manifest = await readBackup(path).catch((error: unknown) => {
    if (error instanceof BackupFormatError) throw error;
    // A missing file, a cut-off or corrupt gzip stream.
    throw new BackupFormatError(error instanceof Error ? error.message : String(error));
  });
  const known = MIGRATIONS.map(migrationName);
  const plan = schemaPlan(manifest.migrations, known);
  if (!plan.ok) throw new RestoreRefused(plan.problem);
  const queueVersion = queueSchemaVersion();
  if (manifest.queueSchemaVersion !== null && manifest.queueSchemaVersion !== queueVersion) {
    throw new RestoreRefused(
      `the backup's job queue schema is version ${manifest.queueSchemaVersion}, this ` +
        `release's is ${queueVersion}: restore it with the release that made it, then upgrade`,
    );
  }

  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'relational-intake-restore',
  });
  await client.connect();
  try {
    const existing = await tablesOf(client);
    if (existing.length > 0 && !options.force) {
      throw new RestoreRefused(
        `the target database is not empty (${existing.length} tables, e.g. ${existing.slice(0, 3).join(', ')}): ` +
          'restore into a new empty database, or pass --force to drop everything in it first',
      );
    }
    if (existing.length > 0) await emptyDatabase(client);

    if (manifest.queueSchemaVersion !== null) {
      await createQueueSchema(databaseUrl);
      const made = await client.query<{ version: number }>(
        `SELECT version FROM ${QUEUE_SCHEMA}.version`,
      );
      if (Number(made.rows[0]?.version) !== manifest.queueSchemaVersion) {
        throw new Error(
          `pg-boss made schema version ${made.rows[0]?.version}, not ${queueVersion}`,
        );
      }
    }
    await migrate(databaseUrl, MIGRATIONS.slice(0, plan.upTo));

    let rows = 0;
    await client.query('BEGIN');
    try {
      // What migrations and pg-boss wrote while making the schema (seed rows, the queue's
      // version row) is replaced by the backup's own rows. Children go first.
      for (const table of [...manifest.tables].reverse()) {
        const name = qualified(table.schema, table.name);
        const { rows: any } = await client.query(`SELECT 1 FROM ${name} LIMIT 1`);
        if (any.length > 0) await client.query(`DELETE FROM ${name}`);
      }
      await readBackup(path, async (table, data) => {
        const columns = table.columns.map((column) => `"${column}"`).join(', ');
        const copy = new CopyIn(
          `COPY ${qualified(table.schema, table.name)} (${columns}) FROM STDIN`,
          data,
        );
        const copied = await client.query(copy).done.catch((error: unknown) => {
          // PostgreSQL's message can quote the row (client data): keep only its kind.
          const { code, constraint } = error as { code?: string; constraint?: string };
          throw new Error(
            `${table.schema}.${table.name}: the rows could not be loaded (SQLSTATE ${code ?? '?'}` +
              `${constraint ? `, constraint ${constraint}` : ''})`,
          );
        });
        rows += copied;
        return copied;
      });
      for (const sequence of manifest.sequences) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
          qualified(sequence.schema, sequence.name),
          sequence.lastValue,
          sequence.isCalled,
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }

    const upgradedBy = options.runMigrations ? await migrate(databaseUrl, MIGRATIONS) : [];
    return { manifest, rows, upgradedBy };
  } finally {
    await client.end();
  }
}

/** The tables of our schemas in the target, as `schema.table`. */
async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [BACKED_UP_SCHEMAS],
  );
  return rows.map((row) => row.name);
}

/**
 * Drops our schemas with everything in them (tables, the append-only triggers, the
 * extension) and makes `public` again as PostgreSQL makes it for a new database.
 */
async function emptyDatabase(client: pg.Client): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${QUEUE_SCHEMA} CASCADE`);
  await client.query(`DROP SCHEMA public CASCADE`);
  await client.query(`CREATE SCHEMA public AUTHORIZATION pg_database_owner`);
  await client.query(`GRANT USAGE ON SCHEMA public TO PUBLIC`);
}

/** The schema version this release's pg-boss makes (its package.json says). */
function queueSchemaVersion(): number {
  const manifest = createRequire(import.meta.url)('pg-boss/package.json') as {
    pgboss: { schema: number };
  };
  return manifest.pgboss.schema;
}

/** pg-boss's schema, made as the service's first start makes it, without starting work. */
async function createQueueSchema(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false });
}

async function migrate(
  databaseUrl: string,
  migrations: (typeof MIGRATIONS)[number][],
): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(databaseUrl, 1, 'unbounded'),
    migrations,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
