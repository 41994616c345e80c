// `npm run rotate-key`: after putting a new key first in DATA_ENCRYPTION_KEY (keeping the
// old ones after it), re-encrypt every stored value with the new key; then the old keys
// can be removed from the ring.
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { connectDatabase } from '../../database/database-url.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { DataCipher } from './data-cipher.js';
import { loadDataKeys } from './data-keys.js';
import { rotateEncryptedValues } from './key-rotation.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const cipher = new DataCipher(await loadDataKeys(config, (message) => console.error(message)));
  const database = await connectDatabase(config, (level, message) => {
    if (level !== 'debug') console.error(message);
  });
  const dataSource = new DataSource(dataSourceOptions(database.url, 2, 'unbounded'));
  await dataSource.initialize();
  try {
    for (const report of await rotateEncryptedValues(dataSource, cipher)) {
      console.log(
        `${report.table}.${report.column}: ${report.resealed} re-encrypted, ` +
          `${report.sealedFromPlaintext} encrypted from plaintext, all now under key ${cipher.currentKeyId}`,
      );
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
