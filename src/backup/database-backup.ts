import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { ENCRYPTED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { QUEUE_SCHEMA } from '../queue/job-queue.js';
import {
  BACKUP_END,
  BACKUP_FORMAT_VERSION,
  BACKUP_HEADER,
  type BackedUpSequence,
  type BackedUpTable,
  type BackupManifest,
  qualified,
  SECTION_END,
} from './backup-manifest.js';
import { CopyOut } from './copy-protocol.js';

/** Everything of ours lives in these schemas: the service's tables and the job queue's. */
export const BACKED_UP_SCHEMAS = ['public', QUEUE_SCHEMA] as const;

export interface WrittenBackup {
  path: string;
  bytes: number;
  sha256: string;
  manifest: BackupManifest;
}

interface CatalogTable {
  schema: string;
  name: string;
  kind: 'r' | 'p';
  columns: string[];
}

/**
 * Writes a backup of the whole database to `path` (format: backup-manifest.ts): every
 * table of our schemas, read in one REPEATABLE READ READ ONLY transaction so all tables
 * come from the same moment, gzip-compressed. Sealed columns are copied as stored, still
 * sealed. The file appears under its name only once complete, readable by its owner only.
 */
export async function writeBackup(databaseUrl: string, path: string): Promise<WrittenBackup> {
  if (await stat(path).catch(() => undefined)) throw new Error(`${path} exists already`);
  const partial = `${path}.partial`;
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'relational-intake-backup',
  });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInDependencyOrder(client);
    if (tables.length > 0) {
      // No migration may change a table while it is read.
      await client.query(
        `LOCK TABLE ${tables.map((t) => qualified(t.schema, t.name)).join(', ')} IN ACCESS SHARE MODE`,
      );
    }
    const manifest = await readManifest(client, tables);

    const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    const gzip = createGzip();
    gzip.pipe(file);
    const written = finished(file);
    // Awaited below on success; on failure the file is destroyed and its error is moot.
    written.catch(() => undefined);
    try {
      gzip.write(`${BACKUP_HEADER}\n${JSON.stringify(manifest)}\n`);
      for (const [index, table] of tables.entries()) {
        gzip.write(`TABLE ${table.schema}.${table.name}\n`);
        const columns = table.columns.map((column) => `"${column}"`).join(', ');
        const source =
          table.kind === 'p'
            ? `(SELECT ${columns} FROM ${qualified(table.schema, table.name)})`
            : `${qualified(table.schema, table.name)} (${columns})`;
        const copied = await client.query(new CopyOut(`COPY ${source} TO STDOUT`, gzip)).done;
        if (copied !== manifest.tables[index]!.rows) {
          throw new Error(
            `${table.schema}.${table.name}: copied ${copied} rows where ${manifest.tables[index]!.rows} were counted`,
          );
        }
        gzip.write(`${SECTION_END}\n`);
      }
      gzip.end(`${BACKUP_END}\n`);
      await written;
    } catch (error) {
      gzip.destroy();
      file.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    await client.query('COMMIT');
    await chmod(partial, 0o600);
    await rename(partial, path);
    const { bytes, sha256 } = await digestOf(path);
    return { path, bytes, sha256, manifest };
  } finally {
    await client.end();
  }
}

/** Parents before children (foreign keys), so a restore can load them in file order. */
async function tablesInDependencyOrder(client: pg.Client): Promise<CatalogTable[]> {
  const { rows } = await client.query<CatalogTable & { oid: number; parents: number[] }>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     AND a.attgenerated = '' ORDER BY a.attnum) AS columns,
            array(SELECT DISTINCT f.confrelid::int FROM pg_constraint f
                   WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS parents
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY n.nspname, c.relname`,
    [BACKED_UP_SCHEMAS],
  );
  const ordered: CatalogTable[] = [];
  const placed = new Set<number>();
  const pending = [...rows];
  while (pending.length > 0) {
    const ready = pending.filter((table) =>
      table.parents.every(
        (parent) => placed.has(parent) || !rows.some((other) => other.oid === parent),
      ),
    );
    if (ready.length === 0) {
      throw new Error(
        `foreign keys form a cycle between ${pending.map((t) => `${t.schema}.${t.name}`).join(', ')}`,
      );
    }
    for (const table of ready) {
      placed.add(table.oid);
      pending.splice(pending.indexOf(table), 1);
      ordered.push({
        schema: table.schema,
        name: table.name,
        kind: table.kind,
        columns: table.columns,
      });
    }
  }
  return ordered;
}

async function readManifest(client: pg.Client, tables: CatalogTable[]): Promise<BackupManifest> {
  const counted: BackedUpTable[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${qualified(table.schema, table.name)}`,
    );
    counted.push({
      schema: table.schema,
      name: table.name,
      columns: table.columns,
      rows: Number(rows[0]!.n),
    });
  }
  const has = (schema: string, name: string) =>
    tables.some((table) => table.schema === schema && table.name === name);
  const migrations = has('public', 'schema_migrations')
    ? (
        await client.query<{ name: string }>(
          `SELECT name FROM public.schema_migrations ORDER BY id`,
        )
      ).rows
    : [];
  const queueVersion = has(QUEUE_SCHEMA, 'version')
    ? (await client.query<{ version: number }>(`SELECT version FROM ${QUEUE_SCHEMA}.version`))
        .rows[0]
    : undefined;
  const { rows: sequenceNames } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind = 'S' ORDER BY 1, 2`,
    [BACKED_UP_SCHEMAS],
  );
  const sequences: BackedUpSequence[] = [];
  for (const { schema, name } of sequenceNames) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${qualified(schema, name)}`,
    );
    sequences.push({ schema, name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  // Sealed values read `v<format>.<key id>.…`: which keys a restore will need, never the keys.
  const keyIds = new Set<string>();
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    const found = tables.find((t) => t.schema === 'public' && t.name === table);
    if (!found?.columns.includes(column)) continue;
    const { rows } = await client.query<{ id: string }>(
      `SELECT DISTINCT split_part("${column}", '.', 2) AS id FROM public."${table}"
        WHERE "${column}" ~ '^v[0-9]+\\.'`,
    );
    for (const row of rows) keyIds.add(row.id);
  }
  const { rows: server } = await client.query<{ server_version: string }>('SHOW server_version');
  return {
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    serverVersion: server[0]!.server_version,
    migrations: migrations.map((row) => row.name),
    queueSchemaVersion: queueVersion ? Number(queueVersion.version) : null,
    tables: counted,
    sequences,
    dataKeyIds: [...keyIds].sort(),
  };
}

/** Size and SHA-256 of the file as it lies on disk. */
export async function digestOf(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
