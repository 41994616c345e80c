import type { DataSource } from 'typeorm';
import type { DataCipher } from './data-cipher.js';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.js';

export interface RotationReport {
  table: string;
  column: string;
  resealed: number;
  sealedFromPlaintext: number;
}

/**
 * Re-encrypts every value not sealed with the current key (and seals leftover
 * plaintext), in batches of one transaction each, rows locked while rewritten. Safe to
 * run while the service is up and to run again: a finished run finds nothing to do.
 */
export async function rotateEncryptedValues(
  dataSource: DataSource,
  cipher: DataCipher,
  batchSize = 500,
): Promise<RotationReport[]> {
  const reports: RotationReport[] = [];
  for (const { table, column, purpose, legacyPlaintext } of ENCRYPTED_COLUMNS) {
    const report: RotationReport = { table, column, resealed: 0, sealedFromPlaintext: 0 };
    const current = `v1.${cipher.currentKeyId}.%`;
    const plain = legacyPlaintext ? `"${legacyPlaintext}"` : 'NULL';
    for (;;) {
      const done = await dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT id, "${column}" AS sealed, ${plain} AS plain FROM "${table}"
            WHERE ("${column}" IS NOT NULL AND "${column}" NOT LIKE $1) OR ${plain} IS NOT NULL
            LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [current, batchSize],
        )) as { id: string; sealed: string | null; plain: string | null }[];
        for (const row of rows) {
          const value = row.plain ?? cipher.decrypt(row.sealed!, purpose);
          await manager.query(
            `UPDATE "${table}" SET "${column}" = $2${legacyPlaintext ? `, "${legacyPlaintext}" = NULL` : ''} WHERE id = $1`,
            [row.id, cipher.encrypt(value, purpose)],
          );
          if (row.plain !== null) report.sealedFromPlaintext += 1;
          else report.resealed += 1;
        }
        return rows.length < batchSize;
      });
      if (done) break;
    }
    reports.push(report);
  }
  return reports;
}
