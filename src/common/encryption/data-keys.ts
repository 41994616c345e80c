import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../../config/app-config.js';
import { type DataKey, newKeyRingEntry, parseKeyRing } from './data-cipher.js';

const DEV_KEY_FILE = 'data-encryption-key';

/**
 * DATA_ENCRYPTION_KEY when set; otherwise (never in production, which config refuses)
 * a development key kept in DATA_DIR, created on first start with a warning: data
 * sealed with it is only as safe as that folder.
 */
export async function loadDataKeys(
  config: AppConfig,
  warn: (message: string) => void,
): Promise<DataKey[]> {
  if (config.dataEncryptionKey) return parseKeyRing(config.dataEncryptionKey);
  const file = path.resolve(config.dataDir, DEV_KEY_FILE);
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${newKeyRingEntry('dev1')}\n`, { mode: 0o600, flag: 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      },
    );
    warn(`no DATA_ENCRYPTION_KEY: generated a development key in ${file}; set one in production`);
  }
  return parseKeyRing((await readFile(file, 'utf8')).trim());
}
