import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../problem-details.js';

/** How long a key answers with its first response (docs/api.md#idempotency: 24 h). */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

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
 * `Idempotency-Key` replays. A submission claims its key, with the answer it will give,
 * inside its own transaction (`takeSubmissionLocks`); a concurrent request with the same
 * key blocks on that row until the first commits, then reads the answer here, so
 * duplicates racing each other create one thing.
 */
@Injectable()
export class IdempotencyService {
  /**
   * The answer stored for a key someone else claimed first (read in a statement that
   * starts after the claim waited for them), or 409 when it was for another body.
   */
  async claimedAnswer<T>(
    manager: EntityManager,
    scope: string,
    key: string,
    hash: string,
  ): Promise<T> {
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
    return existing.response_body;
  }
}
