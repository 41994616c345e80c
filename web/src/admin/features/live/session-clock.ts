import { t } from '../../i18n/t';
/*
 * When a staff session ends, as the staff app sees it, without React. The server ends a
 * session 30 minutes after its last request or 12 hours after sign-in. While the desk is
 * open and visible and the person works in it, the app sends a light keepalive, at most
 * once a minute; each answer says when the session would end if nothing more came.
 * Requests the app makes by itself (reading again after a live event) also reach the
 * server, so the app ends the session itself at the time it last heard, unless the
 * person acted since: an open desk alone never keeps a session.
 */

/** Warn this long before the end. */
export const WARN_BEFORE_MS = 2 * 60_000;
/** At most one keepalive per minute (the server records activity once a minute anyway). */
export const KEEPALIVE_EVERY_MS = 60_000;

export interface SessionClock {
  /** From the last keepalive answer (any tab): the end if nothing more comes. */
  idleExpiresAt: number;
  /** The end however active the person is. */
  expiresAt: number;
}

export type SessionPhase =
  | { kind: 'active' }
  /** The end is near; `extendable` false when it is the session's whole lifetime. */
  | { kind: 'warning'; endsAt: number; extendable: boolean }
  | { kind: 'ended' };

export function sessionEndsAt(clock: SessionClock): number {
  return Math.min(clock.idleExpiresAt, clock.expiresAt);
}

export function sessionPhase(clock: SessionClock, now: number): SessionPhase {
  const endsAt = sessionEndsAt(clock);
  if (now >= endsAt) return { kind: 'ended' };
  if (now >= endsAt - WARN_BEFORE_MS) {
    return { kind: 'warning', endsAt, extendable: clock.idleExpiresAt < clock.expiresAt };
  }
  return { kind: 'active' };
}

/**
 * Whether to send a keepalive now: only while the page is visible, only when the person
 * acted since the last one, at most once a minute, and never for a session already over.
 */
export function shouldKeepAlive(input: {
  now: number;
  visible: boolean;
  lastActivityAt: number;
  lastKeepaliveAt: number;
  clock: SessionClock;
}): boolean {
  const { now, visible, lastActivityAt, lastKeepaliveAt, clock } = input;
  if (!visible || now >= sessionEndsAt(clock)) return false;
  if (lastActivityAt <= lastKeepaliveAt) return false;
  return now - lastKeepaliveAt >= KEEPALIVE_EVERY_MS;
}

/** Two tabs' knowledge of one session: the later answer wins. */
export function laterClock(a: SessionClock, b: SessionClock | null): SessionClock {
  if (!b || b.expiresAt !== a.expiresAt) return a;
  return b.idleExpiresAt > a.idleExpiresAt ? b : a;
}

/** "2 minutes", "1 minute", "45 seconds". */
export function timeLeftText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds > 90) return t('shell.duration.minutes', { minutes: Math.ceil(seconds / 60) });
  if (seconds >= 60) return t('shell.duration.minutes', { minutes: 1 });
  return t('shell.duration.seconds', { seconds });
}
