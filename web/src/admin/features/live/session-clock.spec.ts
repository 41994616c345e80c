import { describe, expect, it } from '@jest/globals';
import {
  laterClock,
  sessionPhase,
  shouldKeepAlive,
  timeLeftText,
  type SessionClock,
} from './session-clock';

const MINUTE = 60_000;
const now = Date.parse('2026-12-05T10:00:00Z');
const clock = (idleInMinutes: number, lifetimeInMinutes = 600): SessionClock => ({
  idleExpiresAt: now + idleInMinutes * MINUTE,
  expiresAt: now + lifetimeInMinutes * MINUTE,
});

describe('the end of a session, as the app sees it', () => {
  it('is active until 2 minutes before its end', () => {
    expect(sessionPhase(clock(2.5), now)).toEqual({ kind: 'active' });
  });

  it('warns in the last 2 minutes, and the idle end can be put off', () => {
    expect(sessionPhase(clock(2), now)).toEqual({
      kind: 'warning',
      endsAt: now + 2 * MINUTE,
      extendable: true,
    });
  });

  it('the end of its lifetime cannot be put off', () => {
    expect(sessionPhase(clock(30, 1), now)).toEqual({
      kind: 'warning',
      endsAt: now + MINUTE,
      extendable: false,
    });
  });

  it('has ended at its end', () => {
    expect(sessionPhase(clock(0), now)).toEqual({ kind: 'ended' });
    expect(sessionPhase(clock(30, 0), now)).toEqual({ kind: 'ended' });
  });
});

describe('the keepalive', () => {
  const base = {
    now,
    visible: true,
    lastActivityAt: now - 5_000,
    lastKeepaliveAt: now - MINUTE,
    clock: clock(20),
  };

  it('goes when the page is visible and the person acted since the last one, a minute ago', () => {
    expect(shouldKeepAlive(base)).toBe(true);
  });

  it('not while the page is hidden', () => {
    expect(shouldKeepAlive({ ...base, visible: false })).toBe(false);
  });

  it('not without activity since the last one: an open desk alone keeps nothing alive', () => {
    expect(shouldKeepAlive({ ...base, lastActivityAt: now - 2 * MINUTE })).toBe(false);
  });

  it('at most once a minute', () => {
    expect(shouldKeepAlive({ ...base, lastKeepaliveAt: now - 59_000, lastActivityAt: now })).toBe(
      false,
    );
  });

  it('not for a session that has ended', () => {
    expect(shouldKeepAlive({ ...base, clock: clock(0) })).toBe(false);
  });
});

describe('tabs of one browser', () => {
  it('take the later answer of the same session', () => {
    expect(laterClock(clock(10), clock(20))).toEqual(clock(20));
    expect(laterClock(clock(20), clock(10))).toEqual(clock(20));
    expect(laterClock(clock(10), null)).toEqual(clock(10));
  });

  it('never take the answer of another session', () => {
    expect(laterClock(clock(10), clock(20, 300))).toEqual(clock(10));
  });
});

describe('the time left, in words', () => {
  it('minutes, then seconds', () => {
    expect(timeLeftText(2 * MINUTE)).toBe('2 minutes');
    expect(timeLeftText(61_000)).toBe('1 minute');
    expect(timeLeftText(45_000)).toBe('45 seconds');
    expect(timeLeftText(1_000)).toBe('1 second');
    expect(timeLeftText(-5)).toBe('0 seconds');
  });
});
