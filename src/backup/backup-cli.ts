// `npm run backup [-- --out FILE]`: writes a backup of the whole database (embedded or
// DATABASE_URL) and prints where, how big and its SHA-256. Without --out the file goes to
// BACKUP_DIR, or DATA_DIR/backups, named by the time. Sealed values stay sealed: the data
// key is not in the file and must be kept apart from it (README, "Operations").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, exitWith, runCommandLine } from '../common/command-line.js';
import { ConfigurationError, loadConfig } from '../config/app-config.js';
import { connectDatabase } from '../database/database-url.js';
import { backupFileName } from './backup-files.js';
import { backupFolder } from './backup-folder.js';
import { writeBackup } from './database-backup.js';

const USAGE = 'usage: npm run backup [-- --out FILE]';

function parseArguments(argv: string[]): { out?: string } | 'help' {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) return 'help';
    if (values.out !== undefined && values.out.trim() === '') throw new Error('--out is empty');
    return { out: values.out };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function backup(out: string | undefined): Promise<void> {
  const config = loadConfig();
  const file = out
    ? path.resolve(out)
    : path.join(
        path.resolve(config.backups.dir ?? path.join(config.dataDir, 'backups')),
        backupFileName(new Date()),
      );
  await backupFolder(path.dirname(file));
  const database = await connectDatabase(config, (level, message) => {
    if (level !== 'debug') console.error(message);
  });
  try {
    const written = await writeBackup(database.url, file);
    const rows = written.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `wrote ${written.path}: ${written.bytes} bytes, ${rows} rows of ` +
        `${written.manifest.tables.length} tables, PostgreSQL ${written.manifest.serverVersion}`,
    );
    // The form sha256sum prints and checks (`sha256sum -c`).
    console.log(`${written.sha256}  ${written.path}`);
    const keys = written.manifest.dataKeyIds;
    if (keys.length > 0) {
      console.log(
        `sealed values in it need data key ${keys.join(', ')}, which is not in the file: keep it apart`,
      );
    }
  } finally {
    await database.stop();
  }
}

exitWith(
  runCommandLine(
    {
      name: 'backup',
      usage: USAGE,
      parse: parseArguments,
      run: (args) => backup(args.out),
      refusal: (error) => (error instanceof ConfigurationError ? error.message : undefined),
    },
    process.argv.slice(2),
  ),
);
