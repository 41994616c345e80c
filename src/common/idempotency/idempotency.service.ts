import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../problem-details.js';

/** How long a key answers with its first response (docs/api.md#idempotency: 24 h). */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

export type IdempotencyClaim<T> = { kind: 'claimed' } | { kind: 'replay'; status: number; body: T };

/** Stable JSON: object keys sorted, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * `Idempotency-Key` handling inside the caller's transaction. Claiming inserts the key;
 * a concurrent request with the same key blocks on that row until the first commits,
 * then sees it and replays its answer, so duplicates racing each other create one thing.
 */
@Injectable()
export class IdempotencyService {
  /**
   * Runs `produce` once per key: with no key, just runs it; with a key seen before,
   * returns the first answer (or 409 for another body); otherwise runs it and keeps
   * its answer. All inside the caller's transaction, with what `produce` writes.
   */
  async once<T>(
    manager: EntityManager,
    scope: string,
    key: string | undefined,
    body: unknown,
    produce: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined) return produce();
    const claim = await this.claim<T>(manager, scope, key, requestHash(body));
    if (claim.kind === 'replay') return claim.body;
    const answer = await produce();
    await this.complete(manager, scope, key, 201, answer);
    return answer;
  }

  async claim<T>(
    manager: EntityManager,
    scope: string,
    key: string,
    hash: string,
  ): Promise<IdempotencyClaim<T>> {
    // An expired record is taken over as if it were new.
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_record (scope, key, request_hash, created_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
             response_status = NULL, response_body = NULL
         WHERE idempotency_record.created_at < now() - make_interval(hours => $4)
       RETURNING scope`,
      [scope, key, hash, IDEMPOTENCY_WINDOW_HOURS],
    );
    if (claimed.length > 0) return { kind: 'claimed' };

    const [existing] = (await manager.query(
      `SELECT request_hash, response_status, response_body
         FROM idempotency_record WHERE scope = $1 AND key = $2`,
      [scope, key],
    )) as { request_hash: string; response_status: number | null; response_body: T }[];
    if (!existing || existing.request_hash !== hash || existing.response_status === null) {
      throw new ProblemException(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request body.',
      );
    }
    return { kind: 'replay', status: existing.response_status, body: existing.response_body };
  }

  async complete(
    manager: EntityManager,
    scope: string,
    key: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_record SET response_status = $3, response_body = $4::json
        WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body)],
    );
  }
}
