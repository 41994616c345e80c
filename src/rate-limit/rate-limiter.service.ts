import { type KeyObject, createHmac, createSecretKey } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Metrics } from '../metrics/metrics.service.js';
import { crisisResourcesIf } from '../vocabulary/urgency.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import { RateLimitBucketRepository } from './rate-limit-bucket.repository.js';
import {
  RATE_LIMIT_GROUPS,
  type RateLimitGroup,
  type RateLimitRule,
  clientBucketAddress,
  normalizeEmailForLimit,
  rulesFor,
  showsCrisisResources,
  submittedEmail,
  waitInWords,
} from './rate-limit-policy.js';

/** Purpose of the keyed hash that names a bucket (DataCipher.derive). */
const BUCKET_PURPOSE = 'rate-limit-bucket';

export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  hits: number;
  /** Seconds until the current window ends (at least 1). */
  secondsLeft: number;
}

/** What a request is counted by: its client address and the body it sent. */
export interface CountedRequest {
  ip: string;
  body: unknown;
  /** The route template it matched, for the refusal count in /metrics (never the path). */
  route?: string;
}

/**
 * Counts requests in PostgreSQL, so that every replica shares one count (no limiter in
 * memory). Fixed windows, each starting with the first request after the previous one
 * ended: one row per key, one atomic statement per check, and an exact `Retry-After`
 * (the end of the window). At a window's edge a client may get up to twice the limit
 * in a short time, which is fine for limits meant to stop floods, not to meter use.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private bucketSubKey: KeyObject | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: DataCipher,
    private readonly metrics: Metrics,
    private readonly buckets: RateLimitBucketRepository,
  ) {}

  /**
   * Counts the request against every rule of `group`; the first rule over its limit
   * answers 429 with `Retry-After` (and, on client pages, the crisis resources). A
   * request refused by one rule is not counted by the rules after it.
   */
  async check(group: RateLimitGroup, request: CountedRequest): Promise<void> {
    const counted: { rule: RateLimitRule; key: string }[] = [];
    for (const rule of rulesFor(group, this.config.rateLimits)) {
      if (rule.limit <= 0) continue;
      const subject =
        rule.by === 'ip' ? clientBucketAddress(request.ip) : submittedEmail(request.body);
      if (subject === undefined) continue;
      counted.push({ rule, key: this.bucketKey(rule, subject) });
    }
    // One round trip for all of them; a rule is counted only if the one before let it by.
    const hits = await this.buckets.hitInOrder(
      this.dataSource.manager,
      counted.map(({ rule, key }) => ({
        key,
        windowSeconds: rule.windowSeconds,
        limit: rule.limit,
      })),
    );
    for (const [i, { rule }] of counted.entries()) {
      const hit = hits[i];
      if (hit === undefined) break;
      if (hit.hits > rule.limit) {
        this.logger.warn({ rule: rule.name, limit: rule.limit }, 'rate limit reached');
        this.metrics.rateLimitRefused(request.route, rule.name);
        throw this.refusal(group, rule, hit.secondsLeft);
      }
    }
  }

  /** Counts one request for `key` and tells how many its window holds now. */
  async hit(key: string, windowSeconds: number): Promise<RateLimitHit> {
    return this.buckets.hit(this.dataSource.manager, key, windowSeconds);
  }

  /**
   * Deletes the counters of every rule counted by email for these addresses (an erased
   * person's): their keyed hashes would still tie the addresses to when they wrote.
   */
  async forgetEmails(manager: EntityManager, emails: readonly string[]): Promise<number> {
    const rules = RATE_LIMIT_GROUPS.flatMap((group) => rulesFor(group, this.config.rateLimits))
      .filter((rule) => rule.by === 'email')
      .map(({ name, by }) => ({ name, by }));
    const keys = [
      ...new Set(
        emails
          .map(normalizeEmailForLimit)
          .filter((email) => email !== '')
          .flatMap((email) => rules.map((rule) => this.bucketKey(rule, email))),
      ),
    ];
    if (keys.length === 0) return 0;
    return this.buckets.deleteKeys(manager, keys);
  }

  /**
   * `<rule>:<keyed hash of what it counts by>`: no address or email is ever stored. The
   * hash is an HMAC under a sub-key of the data key used for nothing else, derived once
   * per process (an HKDF per request cost more than the rest of the check).
   */
  bucketKey(rule: Pick<RateLimitRule, 'name' | 'by'>, subject: string): string {
    // A KeyObject: handed a Buffer, createHmac would check and wrap it on every call.
    this.bucketSubKey ??= createSecretKey(
      Buffer.from(this.cipher.derive(BUCKET_PURPOSE, 'bucket-names').value, 'base64url'),
    );
    const hash = createHmac('sha256', this.bucketSubKey)
      .update(`${rule.by}:${subject}`)
      .digest('base64url');
    return `${rule.name}:${hash}`;
  }

  private refusal(group: RateLimitGroup, rule: RateLimitRule, secondsLeft: number) {
    const wait = waitInWords(secondsLeft);
    const what =
      rule.by === 'email'
        ? 'Too many requests were sent for this email address.'
        : 'Too many requests came from your network.';
    const crisis = showsCrisisResources(group);
    return new ProblemException(
      'rate-limited',
      `${what} Please try again in ${wait}.${
        crisis ? ' If you need help right now, the resources listed here are open at any hour.' : ''
      }`,
      {
        headers: { 'retry-after': String(secondsLeft) },
        ...(crisis ? { extensions: crisisResourcesIf(true) } : {}),
      },
    );
  }
}
