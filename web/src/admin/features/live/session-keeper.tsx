import { useEffect, useRef, useState } from 'react';
import { call, staffApi } from '../../../api/client';
import type { Me } from '../../../api/types';
import {
  laterClock,
  sessionPhase,
  shouldKeepAlive,
  timeLeftText,
  type SessionClock,
  type SessionPhase,
} from './session-clock';
import { t } from '../../i18n/t';

/** Shared by the tabs of one browser: what the last keepalive of any of them answered. */
const STORAGE_KEY = 'ri.staff.session-clock';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** Until the first keepalive answers, the end is assumed a little sooner than the server's. */
const FIRST_GUESS_MS = 28 * 60_000;

function storedClock(sessionId: string): SessionClock | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as
      (SessionClock & { sessionId: string }) | null;
    return stored?.sessionId === sessionId ? stored : null;
  } catch {
    return null;
  }
}

function storeClock(sessionId: string, clock: SessionClock): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ sessionId, ...clock }));
  } catch {
    // Storage refused (private mode): each tab keeps its own clock.
  }
}

const IDLE_NOTICE = t('live.session.idleEnded');
const LIFETIME_NOTICE = t('live.session.lifetimeEnded');

interface Shown {
  phase: SessionPhase;
  now: number;
}

/**
 * Keeps the session alive while the person works at a visible desk (a keepalive at most
 * once a minute, only after they acted), warns 2 minutes before it ends, and ends it when
 * the time comes, so an open desk whose live updates keep reading never keeps a session.
 */
export function SessionKeeper({
  me,
  onEnded,
}: {
  me: Me;
  onEnded: (notice: string) => void | Promise<void>;
}) {
  const sessionId = me.session.id;
  const expiresAtText = me.session.expiresAt;
  const [shown, setShown] = useState<Shown>({ phase: { kind: 'active' }, now: 0 });
  const stay = useRef<() => void>(() => undefined);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const expiresAt = Date.parse(expiresAtText);
    let clock: SessionClock = {
      idleExpiresAt: Math.min(Date.now() + FIRST_GUESS_MS, expiresAt),
      expiresAt,
    };
    let lastActivityAt = Date.now();
    let lastKeepaliveAt = 0;
    let ended = false;

    const keepAlive = async () => {
      lastKeepaliveAt = Date.now();
      const result = await call(() => staffApi.POST('/v1/auth/session/keepalive'));
      if (result.kind !== 'ok') return;
      const answered = {
        idleExpiresAt: Date.parse(result.body.idleExpiresAt),
        expiresAt: Date.parse(result.body.expiresAt),
      };
      clock = laterClock(answered, storedClock(sessionId));
      storeClock(sessionId, clock);
    };

    const check = () => {
      if (ended) return;
      const now = Date.now();
      clock = laterClock(clock, storedClock(sessionId));
      const visible = document.visibilityState === 'visible';
      if (shouldKeepAlive({ now, visible, lastActivityAt, lastKeepaliveAt, clock })) {
        void keepAlive().then(check);
      }
      const phase = sessionPhase(clock, now);
      setShown({ phase, now });
      if (phase.kind === 'ended') {
        ended = true;
        void onEnded(clock.idleExpiresAt < clock.expiresAt ? IDLE_NOTICE : LIFETIME_NOTICE);
      }
    };

    const acted = () => {
      lastActivityAt = Date.now();
    };
    stay.current = () => {
      lastActivityAt = Date.now();
      void keepAlive().then(check);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, acted, { passive: true });
    document.addEventListener('visibilitychange', check);
    window.addEventListener('storage', check);
    const timer = setInterval(check, 1_000);
    check();
    return () => {
      ended = true;
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, acted);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('storage', check);
      clearInterval(timer);
    };
  }, [sessionId, expiresAtText, onEnded]);

  const { phase, now } = shown;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (phase.kind === 'warning' && !element.open) element.showModal();
    if (phase.kind !== 'warning' && element.open) element.close();
  }, [phase.kind]);

  return (
    <dialog
      ref={dialog}
      className="card session-warning"
      aria-labelledby="session-warning-heading"
      aria-describedby="session-warning-text"
      onCancel={(event) => {
        event.preventDefault();
        if (phase.kind === 'warning' && phase.extendable) stay.current();
      }}
    >
      {phase.kind === 'warning' ? (
        <>
          <h2 id="session-warning-heading">
            {t('live.session.endsIn', { left: timeLeftText(phase.endsAt - now) })}
          </h2>
          <p id="session-warning-text">
            {phase.extendable ? t('live.session.idle') : t('live.session.lifetime')}
          </p>
          <div className="session-warning__actions">
            {phase.extendable ? (
              <button type="button" className="button" onClick={() => stay.current()}>
                {t('live.session.stay')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void onEnded(t('shell.signedOut'))}
            >
              {t('live.session.signOut')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
