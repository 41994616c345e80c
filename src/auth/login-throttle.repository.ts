import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deleteInBatches } from '../database/batched-delete.js';
import { LoginThrottle } from './login-throttle.entity.js';

export interface ThrottleRow {
  failures: number;
  last_attempt_at: Date;
  not_before: Date | null;
}

/** The only writer of `login_throttle`, the sign-in counters (keyed hashes only). */
@Injectable()
export class LoginThrottleRepository {
  /** Counts one attempt on `key` (afresh when its last one is older than `forgetBefore`). */
  async countAttempt(
    manager: EntityManager,
    key: string,
    now: Date,
    forgetBefore: Date,
  ): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO login_throttle (key, failures, last_attempt_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_attempt_at < $3 THEN 1
                         ELSE login_throttle.failures + 1 END,
         last_attempt_at = $2
       RETURNING failures`,
      [key, now, forgetBefore],
    )) as { failures: number }[];
    return row!.failures;
  }

  /** The row of `key`, created empty when missing, locked for the rest of the transaction. */
  async lock(manager: EntityManager, key: string, now: Date): Promise<ThrottleRow> {
    await manager.query(
      `INSERT INTO login_throttle (key, failures, last_attempt_at, not_before)
       VALUES ($1, 0, $2, $2) ON CONFLICT (key) DO NOTHING`,
      [key, now],
    );
    const [row] = (await manager.query(
      `SELECT failures, last_attempt_at, not_before FROM login_throttle WHERE key = $1 FOR UPDATE`,
      [key],
    )) as ThrottleRow[];
    return row!;
  }

  async set(
    manager: EntityManager,
    key: string,
    row: { failures: number; lastAttemptAt: Date; notBefore: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE login_throttle SET failures = $2, last_attempt_at = $3, not_before = $4 WHERE key = $1`,
      [key, row.failures, row.lastAttemptAt, row.notBefore],
    );
  }

  async forget(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }

  async discountOne(manager: EntityManager, key: string): Promise<void> {
    await manager.query(
      `UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = $1`,
      [key],
    );
  }

  /** Counters with no attempt since `cutoff`. */
  async deleteIdleSince(manager: EntityManager, cutoff: Date): Promise<number> {
    return deleteInBatches(manager, LoginThrottle, 'key', `last_attempt_at < :cutoff`, { cutoff });
  }
}
