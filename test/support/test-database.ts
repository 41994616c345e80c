import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by global-setup.mjs for the test workers it starts before. */
function fromSetup(variable: 'RI_TEST_ADMIN_URL' | 'RI_TEST_TEMPLATE_DATABASE'): string {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run e2e tests with npm run test:e2e`);
  return value;
}

const adminUrl = () => fromSetup('RI_TEST_ADMIN_URL');

export function urlOf(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database: a clone of the migrated template, or an empty one. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(
    options.empty
      ? `CREATE DATABASE ${name}`
      : `CREATE DATABASE ${name} TEMPLATE ${fromSetup('RI_TEST_TEMPLATE_DATABASE')}`,
  );
  return {
    name,
    url: urlOf(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Runs `sql` on a connection of its own. For bulk test data: the app's pool ends any
 * statement after a few seconds, as an API should, and a big seed on a busy machine
 * can take longer.
 */
export async function seedQuery(
  database: TestDatabase,
  sql: string,
  values: unknown[] = [],
): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}
