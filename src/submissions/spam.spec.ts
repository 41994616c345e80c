import { describe, expect, it } from '@jest/globals';
import { spamReason } from './spam.js';

const now = new Date('2026-11-25T10:00:10Z');
const startedSecondsAgo = (seconds: number) =>
  new Date(now.getTime() - seconds * 1000).toISOString();

describe('spamReason', () => {
  it('flags a filled honeypot whatever the timing', () => {
    expect(spamReason({ website: 'http://x', formStartedAt: startedSecondsAgo(60) }, now, 3)).toBe(
      'honeypot',
    );
  });

  it('flags a form returned faster than the minimum', () => {
    expect(spamReason({ formStartedAt: startedSecondsAgo(2.9) }, now, 3)).toBe('too_fast');
  });

  it('accepts a form that took the minimum time or longer', () => {
    expect(spamReason({ formStartedAt: startedSecondsAgo(3) }, now, 3)).toBeNull();
    expect(spamReason({ website: '', formStartedAt: startedSecondsAgo(300) }, now, 3)).toBeNull();
  });

  it('does not judge by time when the start time is missing or in the future', () => {
    expect(spamReason({}, now, 3)).toBeNull();
    expect(spamReason({ formStartedAt: startedSecondsAgo(-120) }, now, 3)).toBeNull();
  });

  it('turns the time check off at a minimum of 0', () => {
    expect(spamReason({ formStartedAt: startedSecondsAgo(0) }, now, 0)).toBeNull();
  });
});
