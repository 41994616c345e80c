import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * How long the service waits on its database before giving up, so that a request answers
 * 503 within 10 s while the database is away instead of hanging (see README, "When the
 * database is down"). Connecting includes waiting for a free pooled connection.
 */
export const DATABASE_WAITS = {
  /**
   * The default of DATABASE_CONNECT_TIMEOUT_SECONDS, for the command-line tools; the app
   * and its job queue use the configured value.
   */
  connectMs: 4_000,
  /** Server side: a statement of this API that runs longer is a bug or an overload. */
  statementMs: 9_000,
  /** Client side, just after the server's own: ends a wait on a server gone silent. */
  queryMs: 9_500,
  /** TCP keepalive on idle pooled connections finds a dead peer without a query. */
  keepAliveInitialDelayMs: 10_000,
} as const;

/**
 * The one description of our database connection, used by the app, the CLI and tests.
 * `statements: 'unbounded'` lifts the statement timeouts, for migrations and maintenance
 * commands run by an operator, which may rightly take minutes. `connectMs`: see
 * DATABASE_WAITS.connectMs.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  statements: 'bounded' | 'unbounded' = 'bounded',
  connectMs: number = DATABASE_WAITS.connectMs,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Query logging would write parameters, i.e. client data, to the log.
    logging: false,
    poolSize,
    // An idle pooled connection the server dropped (a restart) is discarded by the pool,
    // which reports it here; the next query opens a new one. Nothing to do but not crash.
    poolErrorHandler: () => undefined,
    extra: {
      application_name: 'relational-intake',
      connectionTimeoutMillis: connectMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: DATABASE_WAITS.keepAliveInitialDelayMs,
      ...(statements === 'bounded'
        ? {
            statement_timeout: DATABASE_WAITS.statementMs,
            query_timeout: DATABASE_WAITS.queryMs,
          }
        : {}),
    },
  };
}
