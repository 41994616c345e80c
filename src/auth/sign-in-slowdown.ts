/**
 * How failed sign-ins slow further attempts down (ASVS 2.2.1), without ever locking an
 * account: a lock would let anyone who knows a clinician's address keep them out of
 * crisis triage for as long as they keep failing on purpose.
 *
 * Two counters per attempt, both in `login_throttle` (keyed hashes, never addresses):
 * - per (email address, client address): after `maxFailures` failures every further
 *   attempt from that client must wait 15 s, then 30 s, 1 min … up to `maxDelaySeconds`.
 *   An attempt inside the wait is refused (429, Retry-After) without a password check.
 * - per email address, all clients together: it never refuses by itself (so a member
 *   signing in from their own device gets in while someone hammers their address from
 *   elsewhere), but once it reaches `accountMaxFailures`, every client address is
 *   allowed one failure before its own wait starts, instead of `maxFailures`: a guess
 *   spread over many addresses slows down too.
 * Failures are forgotten after FAILURE_MEMORY_MS without any. One client trying many
 * addresses (password spraying) is held by the per-client limit of every auth route
 * (RATE_LIMIT_AUTH_PER_IP_PER_15_MIN), not here: a practice behind one office address
 * must not be slowed by one colleague's typos.
 */
export interface SlowdownPolicy {
  readonly maxFailures: number;
  /** The first wait; each further failure doubles it. */
  readonly firstDelaySeconds: number;
  readonly maxDelaySeconds: number;
  readonly accountMaxFailures: number;
}

/**
 * The first wait: long enough that a burst of guesses gains nothing, short enough that
 * a member who mistyped a few times barely notices.
 */
export const FIRST_DELAY_SECONDS = 15;

/** A counter whose last attempt is older than this starts again from zero. */
export const FAILURE_MEMORY_MS = 24 * 3_600_000;

/** Failures one client may make for an address before waiting, given the address's total. */
export function freeFailures(policy: SlowdownPolicy, accountFailures: number): number {
  return accountFailures >= policy.accountMaxFailures ? 1 : policy.maxFailures;
}

/** Seconds the next attempt must wait after `failures` counted attempts (0: at once). */
export function delaySeconds(policy: SlowdownPolicy, failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(
    policy.maxDelaySeconds,
    policy.firstDelaySeconds * 2 ** Math.min(failures - free, 30),
  );
}
