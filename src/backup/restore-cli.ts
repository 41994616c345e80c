// `npm run restore -- FILE [--force]`: loads a backup made by `npm run backup` into the
// database (embedded or DATABASE_URL), which must be empty unless --force (which drops
// everything in it first), then runs the migrations newer than the backup. Sealed values
// come back sealed: DATA_ENCRYPTION_KEY must hold the key they were sealed with.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, exitWith, runCommandLine } from '../common/command-line.js';
import { parseKeyRing } from '../common/encryption/data-cipher.js';
import { ConfigurationError, loadConfig } from '../config/app-config.js';
import { connectDatabase } from '../database/database-url.js';
import { BackupFormatError } from './backup-manifest.js';
import { RestoreRefused, restoreBackup } from './database-restore.js';

const USAGE = 'usage: npm run restore -- FILE [--force]';

function parseArguments(argv: string[]): { file: string; force: boolean } | 'help' {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return 'help';
    if (positionals.length !== 1) throw new Error('name one backup file');
    return { file: path.resolve(positionals[0]!), force: values.force };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function restore(file: string, force: boolean): Promise<void> {
  const config = loadConfig();
  const database = await connectDatabase(config, (level, message) => {
    if (level !== 'debug') console.error(message);
  });
  try {
    const report = await restoreBackup(database.url, file, {
      force,
      runMigrations: config.database.runMigrations,
    });
    const { manifest } = report;
    console.log(
      `restored ${report.rows} rows of ${manifest.tables.length} tables from ${file} ` +
        `(made ${manifest.createdAt} from PostgreSQL ${manifest.serverVersion})`,
    );
    for (const name of report.upgradedBy) console.log(`applied ${name}`);
    if (!config.database.runMigrations) {
      console.log('MIGRATIONS_RUN is off: run npm run migration:run before starting the service');
    }
    const needed = manifest.dataKeyIds;
    if (needed.length > 0) {
      console.log(`sealed values need data key ${needed.join(', ')} in DATA_ENCRYPTION_KEY`);
      // Only a configured ring can be checked: the development key file is made on first start.
      const ring = config.dataEncryptionKey
        ? parseKeyRing(config.dataEncryptionKey).map((key) => key.id)
        : undefined;
      const missing = needed.filter((id) => ring && !ring.includes(id));
      if (missing.length > 0) {
        console.error(
          `warning: DATA_ENCRYPTION_KEY lacks key ${missing.join(', ')}: ` +
            'the values sealed with it cannot be read until it holds it',
        );
      }
    }
  } finally {
    await database.stop();
  }
}

exitWith(
  runCommandLine(
    {
      name: 'restore',
      usage: USAGE,
      parse: parseArguments,
      run: (args) => restore(args.file, args.force),
      refusal: (error) =>
        error instanceof RestoreRefused ||
        error instanceof BackupFormatError ||
        error instanceof ConfigurationError
          ? `${error.message}; nothing was restored`
          : undefined,
      failureHint: '; the target may hold part of a schema now: run again with --force',
    },
    process.argv.slice(2),
  ),
);
