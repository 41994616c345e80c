import type { DataSource, EntityManager } from 'typeorm';
import {
  currentPrefix,
  type DataCipher,
  UnreadableSealedValue,
} from '../common/encryption/data-cipher.js';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from '../vocabulary/sealed-columns.js';

export interface RotationReport {
  table: string;
  column: string;
  resealed: number;
  sealedFromPlaintext: number;
  /** Values still not sealed as v2 under the current key when the run ended. */
  remaining: number;
  /** Of those, values that do not open (altered, moved, or of a key not in the ring). */
  unreadable: number;
}

export interface RotationOptions {
  /** Rows re-sealed per transaction. */
  batchSize?: number;
  /**
   * How many times rows still locked by others (e.g. a sign-in locks its staff_user row)
   * are waited for, each wait at most `lockWaitMs`, before the run gives up on them.
   */
  rounds?: number;
  lockWaitMs?: number;
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Re-seals every value not sealed as v2 with the current key (v1 values and values of
 * older keys; leftover plaintext too), bound to its table, column and row. Batches of one
 * transaction each take the rows nobody holds (SKIP LOCKED); then the values left are
 * counted without skipping, and rows others hold are waited for (FOR UPDATE with a lock
 * timeout), a bounded number of rounds. The report says what is left per column: only
 * when every `remaining` is 0 may an old key leave the ring. Safe to run while the
 * service is up and to run again: a finished run finds nothing to do.
 */
export async function rotateEncryptedValues(
  dataSource: DataSource,
  cipher: DataCipher,
  { batchSize = 500, rounds = 5, lockWaitMs = 10_000 }: RotationOptions = {},
): Promise<RotationReport[]> {
  const reports: RotationReport[] = [];
  for (const column of ENCRYPTED_COLUMNS) {
    const rotation = new ColumnRotation(cipher, column);
    for (let round = 0; ; round += 1) {
      // Every row nobody holds, batch after batch, until none is left to take.
      while ((await dataSource.transaction((manager) => rotation.batch(manager, batchSize))) > 0);
      if ((await rotation.count(dataSource.manager)) === 0 || round >= rounds) break;
      // Some rows are held by others right now: wait for them (bounded), then go on.
      await dataSource
        .transaction(async (manager) => {
          await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${lockWaitMs}ms`]);
          await rotation.batch(manager, batchSize, { wait: true });
        })
        .catch((error: { code?: string }) => {
          if (error.code !== LOCK_NOT_AVAILABLE) throw error;
        });
    }
    reports.push({
      table: column.table,
      column: column.column,
      resealed: rotation.resealed,
      sealedFromPlaintext: rotation.sealedFromPlaintext,
      remaining: await rotation.count(dataSource.manager, { withUnreadable: true }),
      unreadable: rotation.unreadable.size,
    });
  }
  return reports;
}

/** One column's rotation: what is stale, and the counts of what was done. */
class ColumnRotation {
  resealed = 0;
  sealedFromPlaintext = 0;
  /** Ids of rows whose value does not open: left as they are, and not taken again. */
  readonly unreadable = new Set<string>();
  private readonly prefix: string;
  private readonly plain: string;

  constructor(
    private readonly cipher: DataCipher,
    private readonly column: EncryptedColumn,
  ) {
    this.prefix = currentPrefix(cipher.currentKeyId);
    this.plain = column.legacyPlaintext ? `"${column.legacyPlaintext}"` : 'NULL';
  }

  /** Stale: sealed otherwise than as v2 under the current key (compared exactly, no LIKE). */
  private stale(prefixParameter: string): string {
    const sealed = `"${this.column.column}"`;
    return `((${sealed} IS NOT NULL AND left(${sealed}, length(${prefixParameter})) <> ${prefixParameter})
             OR ${this.plain} IS NOT NULL)`;
  }

  /** Re-seals up to `limit` stale rows; answers how many were taken. */
  async batch(manager: EntityManager, limit: number, { wait = false } = {}): Promise<number> {
    const { table, column, legacyPlaintext } = this.column;
    const rows = (await manager.query(
      `SELECT id::text AS id, "${column}" AS sealed, ${this.plain} AS plain FROM "${table}"
        WHERE ${this.stale('$1')} AND NOT (id::text = ANY($3::text[]))
        ORDER BY id LIMIT $2 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`,
      [this.prefix, limit, [...this.unreadable]],
    )) as { id: string; sealed: string | null; plain: string | null }[];
    for (const row of rows) {
      let value: string;
      try {
        value = row.plain ?? this.cipher.decrypt(row.sealed!, this.column, row.id);
      } catch (error) {
        if (!(error instanceof UnreadableSealedValue)) throw error;
        this.unreadable.add(row.id);
        continue;
      }
      await manager.query(
        `UPDATE "${table}" SET "${column}" = $2${legacyPlaintext ? `, "${legacyPlaintext}" = NULL` : ''} WHERE id = $1`,
        [row.id, this.cipher.encrypt(value, this.column, row.id)],
      );
      if (row.plain !== null) this.sealedFromPlaintext += 1;
      else this.resealed += 1;
    }
    return rows.length;
  }

  /** Stale values now, locked or not (unreadable ones only when asked). */
  async count(manager: EntityManager, { withUnreadable = false } = {}): Promise<number> {
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM "${this.column.table}"
        WHERE ${this.stale('$1')} AND NOT (id::text = ANY($2::text[]))`,
      [this.prefix, withUnreadable ? [] : [...this.unreadable]],
    )) as [{ n: number }];
    return n;
  }
}

/** What `rotate-key` prints, one line per column, and whether the old keys may go. */
export function rotationSummary(
  reports: readonly RotationReport[],
  keyId: string,
): { lines: string[]; complete: boolean } {
  const lines = reports.map((report) => {
    const done = `${report.table}.${report.column}: ${report.resealed} re-encrypted, ${report.sealedFromPlaintext} encrypted from plaintext`;
    if (report.remaining === 0) return `${done}, all now under key ${keyId}`;
    const unreadable = report.unreadable > 0 ? ` (${report.unreadable} do not open)` : '';
    return `${done}, ${report.remaining} NOT under key ${keyId}${unreadable}`;
  });
  const left = reports.reduce((sum, report) => sum + report.remaining, 0);
  lines.push(
    left === 0
      ? `done: every value is under key ${keyId}; the other keys may now leave DATA_ENCRYPTION_KEY`
      : `incomplete: ${left} values are not under key ${keyId}; keep every key in DATA_ENCRYPTION_KEY and run rotate-key again`,
  );
  return { lines, complete: left === 0 };
}
