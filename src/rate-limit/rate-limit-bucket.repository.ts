import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deleteInBatches } from '../database/batched-delete.js';
import { RateLimitBucket } from './rate-limit-bucket.entity.js';

/** The only writer of `rate_limit_bucket`, the counters the rate limits share. */
@Injectable()
export class RateLimitBucketRepository {
  /** Counts one request for `key`; answers the hits its window holds and its seconds left. */
  async hit(
    manager: EntityManager,
    key: string,
    windowSeconds: number,
  ): Promise<{ hits: number; secondsLeft: number }> {
    const [row] = (await manager.query(
      `INSERT INTO rate_limit_bucket AS bucket (key, hits, window_ends_at)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN bucket.window_ends_at <= now() THEN 1
                     ELSE LEAST(bucket.hits + 1, 1000000000) END,
         window_ends_at = CASE WHEN bucket.window_ends_at <= now()
                               THEN now() + make_interval(secs => $2)
                               ELSE bucket.window_ends_at END
       RETURNING hits,
         GREATEST(1, ceil(extract(epoch FROM (window_ends_at - now()))))::int AS seconds_left`,
      [key, windowSeconds],
    )) as { hits: number; seconds_left: number }[];
    return { hits: row!.hits, secondsLeft: row!.seconds_left };
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
