import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deleteInBatches } from '../database/batched-delete.js';
import { queryPrepared } from '../database/prepared-statements.js';
import { RateLimitBucket } from './rate-limit-bucket.entity.js';

/** One rule's counter to count a request in (see `RateLimitBucketRepository.hitInOrder`). */
export interface BucketCount {
  key: string;
  windowSeconds: number;
  /** Requests its window allows: over it, the counters after this one are left alone. */
  limit: number;
}

/** A counter after counting: the hits its window holds and its seconds left (at least 1). */
export interface BucketHits {
  hits: number;
  secondsLeft: number;
}

/** The upsert of one counter, as a CTE reading its values from `$key` and `$window`. */
const upsert = (key: string, window: string, when: string) =>
  `INSERT INTO rate_limit_bucket AS bucket (key, hits, window_ends_at)
     SELECT ${key}::varchar, 1, now() + make_interval(secs => ${window}::double precision)${when}
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN bucket.window_ends_at <= now() THEN 1
                   ELSE LEAST(bucket.hits + 1, 1000000000) END,
       window_ends_at = CASE WHEN bucket.window_ends_at <= now()
                             THEN now() + make_interval(secs => ${window}::double precision)
                             ELSE bucket.window_ends_at END
     RETURNING hits,
       GREATEST(1, ceil(extract(epoch FROM (window_ends_at - now()))))::int AS seconds_left`;

/**
 * The statement counting a request in `count` counters in order: counter i is counted
 * only when counter i-1 is within its limit (a refused request is not counted further).
 * Each CTE reads the hits of the one before, so they run in order, in one round trip.
 */
function hitInOrderSql(count: number): string {
  const ctes: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `$${3 * i + 1}`;
    const window = `$${3 * i + 2}`;
    const when = i === 0 ? '' : ` WHERE (SELECT hits FROM c${i - 1}) <= $${3 * i}::int`;
    ctes.push(`c${i} AS (${upsert(key, window, when)})`);
    rows.push(`SELECT ${i} AS i, hits, seconds_left FROM c${i}`);
  }
  return `WITH ${ctes.join(',\n')}\n${rows.join('\nUNION ALL ')}`;
}

/** `hitInOrderSql` by count: a request reuses the text (and its prepared statement's name). */
const hitInOrderTexts: string[] = [];

/** The only writer of `rate_limit_bucket`, the counters the rate limits share. */
@Injectable()
export class RateLimitBucketRepository {
  /** Counts one request for `key`; answers the hits its window holds and its seconds left. */
  async hit(manager: EntityManager, key: string, windowSeconds: number): Promise<BucketHits> {
    const [hit] = await this.hitInOrder(manager, [{ key, windowSeconds, limit: Infinity }]);
    return hit!;
  }

  /**
   * Counts one request in each of `counts`, in order, in ONE statement, stopping after the
   * first whose window now holds more than its limit. Answers, per counter, its hits and
   * seconds left, or undefined where it was not counted. Prepared: it runs before every
   * public write, and PostgreSQL took longer to plan it than to run it.
   */
  async hitInOrder(
    manager: EntityManager,
    counts: readonly BucketCount[],
  ): Promise<(BucketHits | undefined)[]> {
    if (counts.length === 0) return [];
    const rows = await queryPrepared<{ i: number; hits: number; seconds_left: number }>(
      manager,
      (hitInOrderTexts[counts.length] ??= hitInOrderSql(counts.length)),
      // The last limit stops nothing: it is not a parameter.
      counts.flatMap(({ key, windowSeconds, limit }) => [key, windowSeconds, limit]).slice(0, -1),
    );
    const hits: (BucketHits | undefined)[] = counts.map(() => undefined);
    for (const row of rows) hits[row.i] = { hits: row.hits, secondsLeft: row.seconds_left };
    return hits;
  }

  async deleteKeys(manager: EntityManager, keys: readonly string[]): Promise<number> {
    const [, deleted] = (await manager.query(
      `DELETE FROM rate_limit_bucket WHERE key = ANY($1::text[])`,
      [keys],
    )) as [unknown, number];
    return deleted;
  }

  /** Counters whose window has ended count nothing any more. */
  async deleteEnded(manager: EntityManager, now: Date): Promise<number> {
    return deleteInBatches(manager, RateLimitBucket, 'key', `window_ends_at < :now`, { now });
  }
}
