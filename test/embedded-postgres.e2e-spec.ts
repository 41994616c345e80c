import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { packagedBinaries } from '../src/database/postgres-binaries.js';
import { freePort } from './support/free-port.js';

const query = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

describe('the embedded PostgreSQL', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps its data across a stop and a start in the same folder', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ri-embedded-'));
    chmodSync(dataDir, 0o755);
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const options = { dataDir, port: await freePort(), database: 'kept', log: () => undefined };

    const first = await startEmbeddedPostgres(options);
    await query(first.url, `CREATE TABLE note (body text); INSERT INTO note VALUES ('still here')`);
    await first.stop();

    const second = await startEmbeddedPostgres(options);
    cleanup.push(() => second.stop());
    expect(await query(second.url, 'SELECT body FROM note')).toEqual([{ body: 'still here' }]);
  });

  it('a second process of the service uses the cluster the first one runs, and leaves it running', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ri-embedded-'));
    chmodSync(dataDir, 0o755);
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const options = { dataDir, port: await freePort(), database: 'shared', log: () => undefined };
    const first = await startEmbeddedPostgres(options);
    cleanup.push(() => first.stop());
    await query(
      first.url,
      `CREATE TABLE note (body text); INSERT INTO note VALUES ('from the first')`,
    );

    const second = await startEmbeddedPostgres(options);
    expect(await query(second.url, 'SELECT body FROM note')).toEqual([{ body: 'from the first' }]);
    await second.stop();
    expect(await query(first.url, 'SELECT count(*)::int AS n FROM note')).toEqual([{ n: 1 }]);
  });

  it('runs as an unprivileged user even when started by root', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ri-embedded-'));
    chmodSync(dataDir, 0o755);
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const database = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'who',
      log: () => undefined,
    });
    cleanup.push(() => database.stop());
    const [{ superuser, owner }] = await query(
      database.url,
      `SELECT current_setting('is_superuser') AS superuser,
              pg_catalog.pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'who'`,
    );
    expect({ superuser, owner }).toEqual({ superuser: 'on', owner: 'postgres' });
    const clusterOwner = lstatSync(path.join(dataDir, 'postgres')).uid;
    if (userInfo().uid === 0) expect(clusterOwner).not.toBe(0);
    else expect(clusterOwner).toBe(userInfo().uid);
  });

  it('as root, moves the cluster out of a folder the postgres user cannot reach', async () => {
    const privateParent = mkdtempSync(path.join(tmpdir(), 'ri-private-'));
    chmodSync(privateParent, 0o700);
    cleanup.push(() => rmSync(privateParent, { recursive: true, force: true }));
    const dataDir = path.join(privateParent, '.data');
    const database = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'hidden',
      log: () => undefined,
    });
    cleanup.push(() => database.stop());
    expect(await query(database.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const link = path.join(dataDir, 'postgres');
    if (userInfo().uid === 0) {
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const target = realpathSync(link);
      expect(target.startsWith('/var/lib/relational-intake/')).toBe(true);
      cleanup.push(() => rmSync(target, { recursive: true, force: true }));
    } else {
      expect(lstatSync(link).isDirectory()).toBe(true);
    }
  });

  it('refuses a port that is taken, naming the setting', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ri-embedded-'));
    chmodSync(dataDir, 0o755);
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const first = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'a',
      log: () => undefined,
    });
    cleanup.push(() => first.stop());
    await expect(
      startEmbeddedPostgres({
        dataDir: `${dataDir}-other`,
        port,
        database: 'b',
        log: () => undefined,
      }),
    ).rejects.toThrow(/EMBEDDED_POSTGRES_PORT/);
    cleanup.push(() => rmSync(`${dataDir}-other`, { recursive: true, force: true }));
  });

  it('started by root from a checkout in a private folder, runs a copy of the binaries and keeps its data', async () => {
    // A checkout below a 0700 folder (root's home, `mktemp -d`), with its own node_modules.
    const privateParent = mkdtempSync(path.join(tmpdir(), 'ri-private-'));
    chmodSync(privateParent, 0o700);
    cleanup.push(() => rmSync(privateParent, { recursive: true, force: true }));
    const checkout = path.join(privateParent, 'checkout');
    mkdirSync(checkout);
    const packaged = await packagedBinaries();
    const binaries = { home: path.join(checkout, 'native'), version: packaged.version };
    execFileSync('cp', ['-a', '--reflink=auto', packaged.home, binaries.home]);
    // Stands in for /var/lib/relational-intake: root-owned and open to every user.
    const rootFallbackDir = mkdtempSync(path.join(tmpdir(), 'ri-root-'));
    chmodSync(rootFallbackDir, 0o755);
    cleanup.push(() => rmSync(rootFallbackDir, { recursive: true, force: true }));
    const options = {
      dataDir: path.join(checkout, '.data'),
      port: await freePort(),
      database: 'private',
      log: () => undefined,
      binaries,
      rootFallbackDir,
    };

    const first = await startEmbeddedPostgres(options);
    cleanup.push(() => first.stop());
    await query(first.url, `CREATE TABLE note (body text); INSERT INTO note VALUES ('kept')`);
    const [pid] = readFileSync(
      path.join(options.dataDir, 'postgres', 'postmaster.pid'),
      'utf8',
    ).split('\n');
    const runFrom = path.dirname(path.dirname(readlinkSync(`/proc/${pid}/exe`)));
    await first.stop();
    const second = await startEmbeddedPostgres(options);
    cleanup.push(() => second.stop());

    expect(await query(second.url, 'SELECT body FROM note')).toEqual([{ body: 'kept' }]);
    const copies = readdirSync(rootFallbackDir).filter((name) => name.startsWith('postgresql-'));
    if (userInfo().uid === 0) {
      expect(copies).toHaveLength(1);
      const copy = path.join(rootFallbackDir, copies[0]);
      expect(runFrom).toBe(copy);
      expect({ owner: statSync(copy).uid, mode: statSync(copy).mode & 0o777 }).toEqual({
        owner: 0,
        mode: 0o755,
      });
    } else {
      expect({ copies, runFrom }).toEqual({ copies: [], runFrom: binaries.home });
    }
  });

  it('a start that fails says why and what to do in one line, and leaves no password file behind', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ri-embedded-'));
    chmodSync(dataDir, 0o755);
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // A cluster folder holding something else: initdb refuses it.
    mkdirSync(path.join(dataDir, 'postgres'));
    writeFileSync(path.join(dataDir, 'postgres', 'stray'), '');
    const passwordFiles = () => readdirSync(tmpdir()).filter((name) => name.includes('password'));
    const before = passwordFiles();

    const failure = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'never',
      log: () => undefined,
    }).then(
      () => new Error('started'),
      (error: Error) => error,
    );

    expect(failure.message).toMatch(
      new RegExp(
        `^initdb could not create the embedded PostgreSQL cluster in ${dataDir}/postgres ` +
          `\\(.*is not empty.*\\): empty or remove that folder, or set DATA_DIR to another one$`,
      ),
    );
    expect(failure.message).not.toContain('\n');
    expect(passwordFiles()).toEqual(before);
    expect(readdirSync(dataDir)).toEqual(['postgres']);
    expect(readdirSync(path.join(dataDir, 'postgres'))).toEqual(['stray']);
  });
});
