import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import {
  delaySeconds,
  FAILURE_MEMORY_MS,
  FIRST_DELAY_SECONDS,
  freeFailures,
  type SlowdownPolicy,
} from './sign-in-slowdown.js';

const ACCOUNT_PURPOSE = 'login-throttle';
const CLIENT_PURPOSE = 'login-throttle.client';

/** An attempt counted before its password was checked; cleared if it succeeds. */
export interface CountedAttempt {
  readonly accountKey: string;
  readonly clientKey: string;
  /** Counted attempts of this (address, client) pair, this one included. */
  readonly failures: number;
}

/** Answered when an attempt comes inside its wait: nothing was checked. */
export class SignInSlowed extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('sign-in slowed');
  }
}

/**
 * The sign-in slowdown (sign-in-slowdown.ts) in PostgreSQL. Every attempt is counted as a
 * failure BEFORE the password is checked, in one short transaction holding the rows'
 * locks, so parallel attempts cannot check more passwords than the rule allows; a
 * success takes its own count back.
 */
@Injectable()
export class SignInThrottle {
  private readonly policy: SlowdownPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cipher: DataCipher,
    private readonly throttles: LoginThrottleRepository,
  ) {
    this.policy = {
      maxFailures: config.auth.maxFailures,
      firstDelaySeconds: FIRST_DELAY_SECONDS,
      maxDelaySeconds: config.auth.maxDelayMinutes * 60,
      accountMaxFailures: config.auth.accountMaxFailures,
    };
  }

  /** Counts an attempt for (email, client), or throws SignInSlowed inside its wait. */
  async count(email: string, client: string | null, now = new Date()): Promise<CountedAttempt> {
    const accountKey = this.key(ACCOUNT_PURPOSE, email);
    const clientKey = this.key(CLIENT_PURPOSE, `${email}\n${client ?? 'unknown'}`);
    const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
    return this.dataSource.transaction(async (manager) => {
      // The address's row first, then the pair's: one lock order for every attempt.
      const accountFailures = await this.throttles.countAttempt(
        manager,
        accountKey,
        now,
        forgetBefore,
      );
      const pair = await this.throttles.lock(manager, clientKey, now);
      const forgotten = pair.last_attempt_at < forgetBefore;
      if (!forgotten && pair.not_before && pair.not_before > now) {
        // Rolls the address's count back too: a refused attempt checked nothing.
        throw new SignInSlowed(
          Math.max(1, Math.ceil((pair.not_before.getTime() - now.getTime()) / 1000)),
        );
      }
      const failures = (forgotten ? 0 : pair.failures) + 1;
      const wait = delaySeconds(this.policy, failures, freeFailures(this.policy, accountFailures));
      await this.throttles.set(manager, clientKey, {
        failures,
        lastAttemptAt: now,
        notBefore: new Date(now.getTime() + wait * 1000),
      });
      return { accountKey, clientKey, failures };
    });
  }

  /** A success: the pair starts afresh, and the address's count loses this attempt. */
  async succeeded(attempt: CountedAttempt, manager: EntityManager): Promise<void> {
    await this.throttles.forget(manager, attempt.clientKey);
    await this.throttles.discountOne(manager, attempt.accountKey);
  }

  private key(purpose: string, subject: string): string {
    return Buffer.from(this.cipher.derive(purpose, subject).value, 'base64url').toString('hex');
  }
}

/** The 429 for an attempt inside its wait. */
export function slowedProblem(slowed: SignInSlowed): ProblemException {
  return new ProblemException(
    'login-locked',
    'Too many failed attempts from here: wait the seconds in Retry-After before the next one.',
    { headers: { 'retry-after': String(slowed.retryAfterSeconds) } },
  );
}
