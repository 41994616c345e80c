import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';

export interface DatabaseConnection {
  readonly url: string;
  readonly embedded: boolean;
  /** Stops the embedded cluster; nothing to do for an external database. */
  stop(): Promise<void>;
}

export type BootLog = (level: 'debug' | 'info' | 'warn', message: string) => void;

/** `DATABASE_URL` when set, otherwise an embedded PostgreSQL in `DATA_DIR`. */
export async function connectDatabase(
  config: AppConfig,
  log: BootLog,
): Promise<DatabaseConnection> {
  if (config.database.url) {
    return { url: config.database.url, embedded: false, stop: async () => undefined };
  }
  // Imported only when used: a real database needs none of the cluster management.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const cluster = await startEmbeddedPostgres({
    dataDir: path.resolve(config.dataDir),
    port: config.embeddedPostgresPort,
    database: 'relational_intake',
    log,
  });
  log('info', `embedded PostgreSQL ready on 127.0.0.1:${config.embeddedPostgresPort}`);
  return { url: cluster.url, embedded: true, stop: () => cluster.stop() };
}
