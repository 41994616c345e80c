/**
 * Which limits guard which public routes, and what a request is counted by. No framework
 * code here: the guard (rate-limit.guard.ts) applies these rules, RateLimiter counts.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { AppConfig } from '../config/app-config.js';

/** What a route is, for its limits: see rulesFor. */
export const RATE_LIMIT_GROUPS = ['submission', 'read', 'auth', 'password-reset'] as const;
export type RateLimitGroup = (typeof RATE_LIMIT_GROUPS)[number];

export interface RateLimitRule {
  /** Names the rule's counters (part of every bucket key). */
  readonly name: string;
  /** Counted per client address, or per email address given in the body. */
  readonly by: 'ip' | 'email';
  /** Requests allowed in one window; 0: the rule is off. */
  readonly limit: number;
  readonly windowSeconds: number;
}

const HOUR = 3600;

/** The rules a group's routes pass, in the order they are checked. */
export function rulesFor(group: RateLimitGroup, limits: AppConfig['rateLimits']): RateLimitRule[] {
  const authIp: RateLimitRule = {
    name: 'auth-ip',
    by: 'ip',
    limit: limits.authPerIpPer15Min,
    windowSeconds: 15 * 60,
  };
  switch (group) {
    case 'submission':
      return [
        {
          name: 'submission-ip',
          by: 'ip',
          limit: limits.submissionsPerIpPerHour,
          windowSeconds: HOUR,
        },
        {
          name: 'submission-email',
          by: 'email',
          limit: limits.submissionsPerEmailPerDay,
          windowSeconds: 24 * HOUR,
        },
      ];
    case 'read':
      return [{ name: 'read-ip', by: 'ip', limit: limits.readsPerIpPerMinute, windowSeconds: 60 }];
    case 'auth':
      return [authIp];
    case 'password-reset':
      return [
        authIp,
        {
          name: 'password-reset-email',
          by: 'email',
          limit: limits.passwordResetsPerEmailPerHour,
          windowSeconds: HOUR,
        },
      ];
  }
}

/**
 * A 429 on a page a client fills in or reads lists the crisis resources: whoever is
 * turned away there may be someone who needs help now. Staff sign-in pages need not.
 */
export function showsCrisisResources(group: RateLimitGroup): boolean {
  return group === 'submission' || group === 'read';
}

/**
 * The address a client is counted by. IPv4 as it is (also when written IPv4-mapped,
 * `::ffff:203.0.113.9`); IPv6 by its /64 network, which one home or phone usually has
 * whole, so rotating through it buys nothing.
 */
export function clientBucketAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  const address = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groups(head);
  const after = groups(tail);
  // An embedded IPv4 tail (::ffff:… handled above, or 64:ff9b::1.2.3.4) is two groups.
  const lastAfter = after.at(-1) ?? before.at(-1) ?? '';
  const v4Groups = lastAfter.includes('.') ? 1 : 0;
  const missing = address.includes('::') ? 8 - before.length - after.length - v4Groups : 0;
  const full = [...before, ...Array<string>(Math.max(missing, 0)).fill('0'), ...after];
  return `${full
    .slice(0, 4)
    .map((group) => group.padStart(4, '0'))
    .join(':')}::/64`;
}

/** The same person's address however it was typed: NFC, trimmed, lower-case. */
export function normalizeEmailForLimit(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/**
 * The email address a request body submits: `email` (inquiries, sign-in, password
 * reset) or `client.email` (intakes, partner answers). Read from the raw body before
 * validation; anything that is not a non-empty string counts as none.
 */
export function submittedEmail(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const client = record.client;
  const candidate =
    typeof record.email === 'string'
      ? record.email
      : typeof client === 'object' && client !== null && !Array.isArray(client)
        ? (client as Record<string, unknown>).email
        : undefined;
  if (typeof candidate !== 'string') return undefined;
  const email = normalizeEmailForLimit(candidate);
  return email === '' || email.length > 320 ? undefined : email;
}

/** "3 minutes", "1 hour": how long to wait, in words a person reads in an error. */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
