import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  type EntityManager,
  type ObjectLiteral,
  QueryFailedError,
  QueryRunnerProviderAlreadyReleasedError,
  type SelectQueryBuilder,
} from 'typeorm';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js';

/**
 * Runs a statement as a named prepared statement of its connection: PostgreSQL parses
 * and plans it once per connection instead of on every request (the submission's lead
 * statement is a dozen CTEs; the rate limiter's upsert cost more to plan than to run).
 * The name is a hash of the text, so every shape of an assembled statement gets its own,
 * and a connection prepares each shape once. In a transaction it runs on the
 * transaction's connection; outside one, on a connection of the pool for this statement
 * alone, as `manager.query` would. Logged and failing as `manager.query` does (TypeORM's
 * QueryFailedError, the driver's code and table on it), so callers and statement counts
 * see no difference. Only for statements that come in a few fixed shapes: every new
 * text stays prepared on its connection.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const given = manager.queryRunner;
  // As `manager.query`: a manager whose runner was released (a finished transaction's) fails.
  if (given?.isReleased) throw new QueryRunnerProviderAlreadyReleasedError();
  const runner = given ?? manager.connection.createQueryRunner();
  const parameters = [...values];
  try {
    const client = (await runner.connect()) as PoolClient;
    const logger = manager.connection.logger;
    logger.logQuery(text, parameters, runner);
    try {
      const result = await client.query<T & object>({
        name: statementName(text),
        text,
        values: parameters,
      });
      return result.rows;
    } catch (error) {
      logger.logQueryError(error as Error, text, parameters, runner);
      throw new QueryFailedError(text, parameters, error as Error);
    }
  } finally {
    if (runner !== given) await runner.release();
  }
}

/** Names already computed: a statement's text is assembled anew on every request. */
const names = new Map<string, string>();
/** More shapes than this means a caller prepares texts that are not fixed: start over. */
const MAX_NAMES = 256;

/** The name of a statement's shape (PostgreSQL keeps 63 bytes of a name). */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `ri_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
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

/**
 * A query builder's entities, its statement run by `queryPrepared`: for a lookup every
 * request makes (the staff session), whose planning cost more than its run. The rows
 * become entities as `getMany` makes them (TypeORM's own transformer); only for builders
 * with plain joins: no relation ids or counts, no skip/take (which `getMany` runs as two
 * statements), no entity listeners (this code base has none).
 */
export async function getManyPrepared<T extends ObjectLiteral>(
  manager: EntityManager,
  builder: SelectQueryBuilder<T>,
): Promise<T[]> {
  const { expressionMap } = builder;
  if (
    expressionMap.skip !== undefined ||
    expressionMap.take !== undefined ||
    expressionMap.relationIdAttributes.length > 0 ||
    expressionMap.mainAlias === undefined
  ) {
    throw new Error('getManyPrepared: a builder with skip, take or relation ids');
  }
  const [sql, parameters] = builder.getQueryAndParameters();
  const rows = await queryPrepared<ObjectLiteral>(manager, sql, parameters);
  if (rows.length === 0) return [];
  const transformer = new RawSqlResultsToEntityTransformer(
    expressionMap,
    manager.connection.driver,
    [],
    manager.queryRunner,
  );
  return transformer.transform(rows, expressionMap.mainAlias) as T[];
}
