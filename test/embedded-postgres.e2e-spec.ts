import { chmodSync, lstatSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
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
});
