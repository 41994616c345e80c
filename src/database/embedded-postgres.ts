import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  binariesUsableBy,
  initdbOf,
  packagedBinaries,
  type PostgresBinaries,
  postgresOf,
} from './postgres-binaries.js';
import {
  describeError,
  EmbeddedDatabaseError,
  postgresSystemUser,
  type RunningServer,
  runAs,
  startServer,
  type SystemUser,
} from './postgres-process.js';

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster, its password file and nothing else of ours. */
  dataDir: string;
  port: number;
  database: string;
  log: (level: 'debug' | 'info' | 'warn', message: string) => void;
  /** The PostgreSQL to run: the one npm installed unless given. */
  binaries?: PostgresBinaries;
  /**
   * Started by root: where the cluster and a copy of the binaries go when the unprivileged
   * `postgres` user cannot reach them where they are.
   */
  rootFallbackDir?: string;
}

export interface EmbeddedDatabase {
  readonly url: string;
  /** Connection URL of another database in the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
// Where a root-run cluster lives when the project folder is not reachable by the
// unprivileged `postgres` user (e.g. a checkout below a 0700 home directory).
const ROOT_FALLBACK_DIR = '/var/lib/relational-intake';

/** What one start created, removed again when that start fails. */
type Undo = (() => Promise<unknown>)[];

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir/postgres` that
 * survives restarts. PostgreSQL refuses to run as root, so as root the cluster runs as
 * a system user `postgres`, created when missing, which owns the cluster folder.
 * Any failure rejects with an {@link EmbeddedDatabaseError}: one line naming the cause
 * and the fix, with whatever this start created removed.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const undo: Undo = [];
  try {
    return await start(options, undo);
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL could not start with data in ${path.resolve(options.dataDir)} ` +
        `(${describeError(error)}): set DATA_DIR to a folder this user may write, ` +
        'or set DATABASE_URL to use another PostgreSQL',
    );
  }
}

async function start(options: EmbeddedDatabaseOptions, undo: Undo): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const rootDir = options.rootFallbackDir ?? ROOT_FALLBACK_DIR;
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const isRoot = userInfo().uid === 0;
  const clusterDir = isRoot
    ? await clusterDirReachableByPostgres(dataDir, rootDir, options.log, undo)
    : path.join(dataDir, 'postgres');
  const password = await readOrCreateSecret(path.join(dataDir, 'postgres-password'), undo);
  const urlFor = (database: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;

  // Another process of this service (the API, while `npm run create-admin` or
  // `npm run worker` starts beside it) already runs this very cluster: use it, and leave
  // stopping it to that process.
  if (await runningOn(clusterDir, options.port)) {
    options.log('info', `using the embedded PostgreSQL already running on port ${options.port}`);
    await createDatabaseIfMissing(urlFor('postgres'), options.database);
    return { url: urlFor(options.database), urlFor, stop: async () => undefined };
  }
  await assertPortFree(options.port);

  const user: SystemUser = isRoot ? await postgresSystemUser() : { name: userInfo().username };
  let binaries = options.binaries ?? (await packagedBinaries());
  if (isRoot) binaries = await binariesUsableBy(user, binaries, rootDir, options.log);

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    options.log('info', `initialising embedded PostgreSQL in ${clusterDir}`);
    await initialise(clusterDir, user, binaries, password, options.log, undo);
  }

  let server: RunningServer;
  try {
    server = await startServer(
      user,
      postgresOf(binaries),
      [
        '-D',
        clusterDir,
        '-p',
        String(options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        // Messages in English whatever the machine's locale: readiness is read from them.
        '-c',
        'lc_messages=C',
        // The server log must never hold client data: no statements, no DETAIL lines.
        '-c',
        'log_min_error_statement=panic',
        '-c',
        'log_error_verbosity=terse',
        '-c',
        'log_min_messages=warning',
      ],
      path.dirname(clusterDir),
      (message) => options.log('debug', `postgres: ${message.trim()}`),
    );
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL did not start on port ${options.port} with data in ` +
        `${clusterDir} (${describeError(error)}): fix what it says, or set DATA_DIR to ` +
        'a new folder to start with an empty database',
    );
  }
  undo.push(() => server.stop());
  await createDatabaseIfMissing(urlFor('postgres'), options.database);

  let stopped: Promise<void> | undefined;
  return {
    url: urlFor(options.database),
    urlFor,
    stop: () => (stopped ??= server.stop()),
  };
}

/**
 * Runs initdb as `user`. The superuser's password reaches it in a file only that user
 * may read, beside the cluster folder (not in a shared temporary folder), removed
 * whatever happens.
 */
async function initialise(
  clusterDir: string,
  user: SystemUser,
  binaries: PostgresBinaries,
  password: string,
  log: EmbeddedDatabaseOptions['log'],
  undo: Undo,
): Promise<void> {
  if (!(await lstat(clusterDir).catch(() => undefined))) {
    undo.push(() => rm(clusterDir, { recursive: true, force: true }));
  }
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const owned = async (file: string) => {
    if (user.uid !== undefined) await chown(file, user.uid, user.gid ?? -1);
  };
  await owned(clusterDir);
  const passwordFile = path.join(
    path.dirname(clusterDir),
    `.initdb-password-${randomBytes(6).toString('hex')}`,
  );
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    await owned(passwordFile);
    await runAs(
      user,
      initdbOf(binaries),
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      path.dirname(clusterDir),
      (message) => log('debug', `initdb: ${message.trim()}`),
    );
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `initdb could not create the embedded PostgreSQL cluster in ${clusterDir} ` +
        `(${describeError(error)}): empty or remove that folder, or set DATA_DIR to another one`,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function clusterDirReachableByPostgres(
  dataDir: string,
  rootDir: string,
  log: EmbeddedDatabaseOptions['log'],
  undo: Undo,
): Promise<string> {
  const wanted = path.join(dataDir, 'postgres');
  const existing = await lstat(wanted).catch(() => undefined);
  if (existing?.isSymbolicLink()) return path.resolve(dataDir, await readlink(wanted));
  if (existing || (await everyAncestorTraversable(wanted))) return wanted;

  const fallback = path.join(
    rootDir,
    createHash('sha256').update(wanted).digest('hex').slice(0, 16),
  );
  await mkdir(rootDir, { recursive: true, mode: 0o755 });
  await chmod(rootDir, 0o755);
  await symlink(fallback, wanted);
  undo.push(() => rm(wanted, { force: true }));
  log(
    'warn',
    `${dataDir} is not reachable by the unprivileged postgres user, so the cluster lives in ` +
      `${fallback} (linked from ${wanted})`,
  );
  return fallback;
}

async function everyAncestorTraversable(target: string): Promise<boolean> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const info = await stat(dir);
    if ((info.mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

async function readOrCreateSecret(file: string, undo: Undo): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  undo.push(() => rm(file, { force: true }));
  return secret;
}

/** Whether the cluster in `clusterDir` is up (its postmaster alive) and listening on `port`. */
async function runningOn(clusterDir: string, port: number): Promise<boolean> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return false;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || Number(lines[3]) !== port) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new EmbeddedDatabaseError(
          `EMBEDDED_POSTGRES_PORT ${port} is in use (another instance running?); ` +
            'stop it or set EMBEDDED_POSTGRES_PORT to a free port',
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}
