import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * Runs a submission's statement as a named prepared statement of the transaction's
 * connection: PostgreSQL parses and plans it once per connection instead of on every
 * submission (the lead statement is a dozen CTEs). The name is a hash of the text, so
 * every shape of an assembled statement gets its own, and a connection prepares each
 * shape once. Logged and failing as `manager.query` does (TypeORM's QueryFailedError,
 * the driver's code and table on it), so callers and statement counts see no difference.
 * Outside a transaction it is `manager.query`.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (runner === undefined || !runner.isTransactionActive) {
    return (await manager.query(text, [...values])) as T[];
  }
  const client = (await runner.connect()) as PoolClient;
  const logger = manager.connection.logger;
  logger.logQuery(text, [...values], runner);
  try {
    const result = await client.query<T & object>({
      name: statementName(text),
      text,
      values: [...values],
    });
    return result.rows;
  } catch (error) {
    logger.logQueryError(error as Error, text, [...values], runner);
    throw new QueryFailedError(text, [...values], error as Error);
  }
}

/** The name of a statement's shape (PostgreSQL keeps 63 bytes of a name). */
function statementName(text: string): string {
  return `ri_${createHash('sha1').update(text).digest('base64url')}`;
}

/**
 * The transaction's manager for a repository method whose one statement comes in a few
 * fixed shapes (the lead statement): its `query` runs them as prepared statements. Only
 * for such methods: every new text would stay prepared on its connection.
 */
export function preparingQueries(manager: EntityManager): EntityManager {
  return Object.create(manager, {
    query: {
      value: (text: string, values?: unknown[]) => queryPrepared(manager, text, values ?? []),
    },
  }) as EntityManager;
}
