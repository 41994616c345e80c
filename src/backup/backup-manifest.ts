/**
 * The backup file format, version 1 (README, "Backups"). A gzip stream of UTF-8 lines:
 *
 *   RELATIONAL-INTAKE-BACKUP 1
 *   {manifest as one line of JSON}
 *   TABLE <schema>.<table>          one section per table, in the manifest's order,
 *   <rows in COPY text format>      exactly as `COPY … TO STDOUT` writes them,
 *   \.                              COPY's own end-of-data line
 *   END
 *
 * COPY's text format escapes newlines and backslashes inside values, so a line `\.`
 * can only be the end of a section.
 */

export const BACKUP_HEADER = 'RELATIONAL-INTAKE-BACKUP 1';
export const BACKUP_FORMAT_VERSION = 1;
export const SECTION_END = '\\.';
export const BACKUP_END = 'END';

export interface BackedUpTable {
  schema: string;
  name: string;
  /** Column names in the order the rows hold them (generated columns are left out). */
  columns: string[];
  rows: number;
}

export interface BackedUpSequence {
  schema: string;
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupManifest {
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  /** `server_version` of the PostgreSQL the backup was read from. */
  serverVersion: string;
  /** Names of the applied migrations (schema_migrations), oldest first. */
  migrations: string[];
  /** The job queue's schema version (pgboss.version), null without a queue schema. */
  queueSchemaVersion: number | null;
  tables: BackedUpTable[];
  sequences: BackedUpSequence[];
  /** Ids of the data keys the sealed values were sealed with (the keys are not here). */
  dataKeyIds: string[];
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(`not a usable backup: ${message}`);
    this.name = 'BackupFormatError';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIdentifier = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 63 && IDENTIFIER.test(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The manifest line, checked field by field. Names go into SQL at restore time, so only
 * plain lower-case identifiers are accepted.
 */
export function parseManifest(line: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupFormatError('the manifest is not JSON');
  }
  if (!isRecord(value)) throw new BackupFormatError('the manifest is not an object');
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(`format version ${String(value.formatVersion)} is not 1`);
  }
  const { createdAt, serverVersion, migrations, queueSchemaVersion, tables, sequences } = value;
  const { dataKeyIds } = value;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    throw new BackupFormatError('createdAt is not a time');
  }
  if (typeof serverVersion !== 'string') throw new BackupFormatError('serverVersion is missing');
  if (
    !Array.isArray(migrations) ||
    !migrations.every((name) => typeof name === 'string' && /^[A-Za-z0-9]+$/.test(name))
  ) {
    throw new BackupFormatError('migrations is not a list of migration names');
  }
  if (queueSchemaVersion !== null && !isCount(queueSchemaVersion)) {
    throw new BackupFormatError('queueSchemaVersion is not a number');
  }
  if (!Array.isArray(tables)) throw new BackupFormatError('tables is not a list');
  const seen = new Set<string>();
  for (const table of tables as unknown[]) {
    if (
      !isRecord(table) ||
      !isIdentifier(table.schema) ||
      !isIdentifier(table.name) ||
      !Array.isArray(table.columns) ||
      table.columns.length === 0 ||
      !table.columns.every(isIdentifier) ||
      !isCount(table.rows)
    ) {
      throw new BackupFormatError('a table entry is malformed');
    }
    const key = `${table.schema}.${table.name}`;
    if (seen.has(key)) throw new BackupFormatError(`${key} is listed twice`);
    seen.add(key);
  }
  if (
    !Array.isArray(sequences) ||
    !sequences.every(
      (sequence: unknown) =>
        isRecord(sequence) &&
        isIdentifier(sequence.schema) &&
        isIdentifier(sequence.name) &&
        typeof sequence.lastValue === 'string' &&
        /^-?\d+$/.test(sequence.lastValue) &&
        typeof sequence.isCalled === 'boolean',
    )
  ) {
    throw new BackupFormatError('a sequence entry is malformed');
  }
  if (
    !Array.isArray(dataKeyIds) ||
    !dataKeyIds.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(id))
  ) {
    throw new BackupFormatError('dataKeyIds is not a list of key ids');
  }
  return value as unknown as BackupManifest;
}

export type SchemaPlan =
  | { ok: true; /** How many of the code's migrations build the backup's schema. */ upTo: number }
  | { ok: false; problem: string };

/**
 * Whether this code can rebuild the schema the backup was taken from: its applied
 * migrations must be the first ones of the code's list, in the same order. A backup from
 * a newer release (a migration this code does not have) cannot be restored by this one.
 */
export function schemaPlan(backup: readonly string[], known: readonly string[]): SchemaPlan {
  const unknown = backup.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      problem:
        `the backup was made by a newer release: its migration ${unknown[0]} is unknown to ` +
        'this one; restore it with that release (or a later one)',
    };
  }
  const outOfOrder = backup.findIndex((name, index) => known[index] !== name);
  if (outOfOrder !== -1) {
    return {
      ok: false,
      problem: `the backup's migrations are not this release's first ${backup.length} in order (at ${backup[outOfOrder]})`,
    };
  }
  return { ok: true, upTo: backup.length };
}

/** `schema.table` as SQL, from names parseManifest or the catalog vouched for. */
export const qualified = (schema: string, name: string) => `"${schema}"."${name}"`;
