import { describe, expect, it } from '@jest/globals';
import {
  RATE_LIMIT_GROUPS,
  clientBucketAddress,
  rulesFor,
  showsCrisisResources,
  submittedEmail,
  waitInWords,
} from './rate-limit-policy.js';

const limits = {
  submissionsPerIpPerHour: 20,
  submissionsPerEmailPerDay: 10,
  authPerIpPer15Min: 30,
  passwordResetsPerEmailPerHour: 5,
  readsPerIpPerMinute: 300,
};

describe('rulesFor', () => {
  it('counts submissions per address each hour and per email each day', () => {
    expect(rulesFor('submission', limits)).toEqual([
      { name: 'submission-ip', by: 'ip', limit: 20, windowSeconds: 3600 },
      { name: 'submission-email', by: 'email', limit: 10, windowSeconds: 86400 },
    ]);
  });

  it('shares one per-address count between sign-in and password reset', () => {
    const [authIp] = rulesFor('auth', limits);
    expect(rulesFor('password-reset', limits)).toEqual([
      authIp,
      { name: 'password-reset-email', by: 'email', limit: 5, windowSeconds: 3600 },
    ]);
  });

  it('gives every group at least one rule, each with its own name', () => {
    const names = RATE_LIMIT_GROUPS.flatMap((group) => rulesFor(group, limits)).map((r) => r.name);
    expect(new Set(names)).toEqual(
      new Set(['submission-ip', 'submission-email', 'read-ip', 'auth-ip', 'password-reset-email']),
    );
  });

  it('shows crisis resources where clients are turned away, not on staff sign-in', () => {
    expect(showsCrisisResources('submission')).toBe(true);
    expect(showsCrisisResources('read')).toBe(true);
    expect(showsCrisisResources('auth')).toBe(false);
    expect(showsCrisisResources('password-reset')).toBe(false);
  });
});

describe('clientBucketAddress', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(clientBucketAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(clientBucketAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientBucketAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 client by its /64 network, however the address is written', () => {
    const network = '2001:0db8:0000:0001::/64';
    expect(clientBucketAddress('2001:db8:0:1::1')).toBe(network);
    expect(clientBucketAddress('2001:db8:0:1:ffff:ffff:ffff:ffff')).toBe(network);
    expect(clientBucketAddress('2001:DB8:0000:0001:0:0:0:2')).toBe(network);
    expect(clientBucketAddress('2001:db8:0:2::1')).not.toBe(network);
    expect(clientBucketAddress('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientBucketAddress('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
    expect(clientBucketAddress('64:ff9b::192.0.2.1')).toBe('0064:ff9b:0000:0000::/64');
  });
});

describe('submittedEmail', () => {
  it('reads email, or client.email, normalised', () => {
    expect(submittedEmail({ email: '  Alex@Example.COM ' })).toBe('alex@example.com');
    expect(submittedEmail({ client: { email: 'Sam@example.com' } })).toBe('sam@example.com');
    expect(submittedEmail({ email: 'e\u0301@example.com' })).toBe('\u00e9@example.com');
  });

  it('finds none in anything else', () => {
    for (const body of [
      undefined,
      null,
      'alex@example.com',
      [],
      {},
      { email: 42 },
      { email: '   ' },
      { client: 'x' },
      { client: { email: ['a@example.com'] } },
      { email: `${'a'.repeat(400)}@example.com` },
    ]) {
      expect(submittedEmail(body)).toBeUndefined();
    }
  });
});

describe('waitInWords', () => {
  it('says seconds, minutes or hours', () => {
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(45)).toBe('45 seconds');
    expect(waitInWords(600)).toBe('10 minutes');
    expect(waitInWords(3600)).toBe('60 minutes');
    expect(waitInWords(5400)).toBe('90 minutes');
    expect(waitInWords(5401)).toBe('2 hours');
    expect(waitInWords(86400)).toBe('24 hours');
  });
});
