// `npm run rotate-key`: after putting a new key first in DATA_ENCRYPTION_KEY (keeping the
// old ones after it), re-seal every stored value with the new key (and every older v1
// value as v2, bound to its row). Exits 1, naming what is left per column, unless every
// value is now under the new key: only then may the old keys leave the ring.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { connectDatabase } from '../database/database-url.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { loadDataKeys } from '../common/encryption/data-keys.js';
import { rotateEncryptedValues, rotationSummary } from './key-rotation.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const cipher = new DataCipher(await loadDataKeys(config, (message) => console.error(message)));
  const database = await connectDatabase(config, (level, message) => {
    if (level !== 'debug') console.error(message);
  });
  const dataSource = new DataSource(dataSourceOptions(database.url, 2, 'unbounded'));
  await dataSource.initialize();
  try {
    const summary = rotationSummary(
      await rotateEncryptedValues(dataSource, cipher),
      cipher.currentKeyId,
    );
    for (const line of summary.lines) console.log(line);
    if (!summary.complete) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
