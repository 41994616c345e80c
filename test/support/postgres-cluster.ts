import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from '../../src/database/embedded-postgres.js';

export interface TestCluster {
  readonly dir: string;
  readonly database: EmbeddedDatabase;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A throw-away PostgreSQL cluster in a temporary folder. The folder is made
 * world-traversable because, as root, the cluster runs as the `postgres` user.
 */
export async function startTestCluster(database = 'postgres'): Promise<TestCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ri-pg-'));
  chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    database,
    log: () => undefined,
  });
  return {
    dir,
    database: cluster,
    async stop() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
