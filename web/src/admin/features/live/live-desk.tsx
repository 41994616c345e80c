import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { call, staffApi } from '../../../api/client';
import { invalidationOf, parseLiveEvent, titleWithCount, type LiveEvent } from './live-events';
import { t } from '../../i18n/t';
import './live.css';

/*
 * The live desk (docs/api.md#live-arrivals): one stream per signed-in app, opened by
 * <LiveDesk />, and what it learnt kept in a small store any screen reads with
 * useLiveDesk() (the "new leads" pill, the crisis alerts switch).
 */

type CrisisAlerts = NotificationPermission | 'unsupported';

interface LiveState {
  /** Ids of the new leads that arrived since the lists were last shown. */
  newLeads: readonly string[];
  crisisAlerts: CrisisAlerts;
}

const notificationPermission = (): CrisisAlerts =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

let state: LiveState = { newLeads: [], crisisAlerts: notificationPermission() };
const listeners = new Set<() => void>();

function update(change: Partial<LiveState>): void {
  state = { ...state, ...change };
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** What the signed-in app knows from the live stream, and what a screen can do with it. */
export interface LiveDeskView {
  /** How many new leads arrived since the list was last shown. */
  newLeads: number;
  /** Shows them: reads the lead lists again and clears the count. */
  showNewLeads(): void;
  /** Browser notifications of crisis leads: what the person decided, or unsupported. */
  crisisAlerts: CrisisAlerts;
  /** Asks the browser's permission (from a click: browsers refuse it otherwise). */
  askForCrisisAlerts(): Promise<void>;
}

export function useLiveDesk(): LiveDeskView {
  const queryClient = useQueryClient();
  const current = useSyncExternalStore(subscribe, () => state);
  const showNewLeads = useCallback(() => {
    update({ newLeads: [] });
    void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
  }, [queryClient]);
  const askForCrisisAlerts = useCallback(async () => {
    if (typeof Notification === 'undefined') return;
    update({ crisisAlerts: await Notification.requestPermission() });
  }, []);
  return useMemo(
    () => ({
      newLeads: current.newLeads.length,
      showNewLeads,
      crisisAlerts: current.crisisAlerts,
      askForCrisisAlerts,
    }),
    [current, showNewLeads, askForCrisisAlerts],
  );
}

const STREAM_URL = '/v1/admin/stream';
/** When the browser gave up reopening the stream: again after 5 s, doubling, at most 1 min. */
const REOPEN_FIRST_MS = 5_000;
const REOPEN_MOST_MS = 60_000;

/**
 * Opens the live stream while someone is signed in (place it once, in the signed-in app):
 * counts new leads (also in the tab's title), makes stale what events touch, and shows a
 * browser notification of a crisis lead when the person allowed it. Closing it (sign-out,
 * the session's end) closes the stream and forgets the count.
 */
export function LiveDesk() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  const newLeads = useSyncExternalStore(subscribe, () => state.newLeads.length);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let delay = REOPEN_FIRST_MS;
    let opened = false;
    let stopped = false;

    const onMessage = (message: MessageEvent) => {
      const event = parseLiveEvent(message.data);
      if (!event) return;
      if (event.type === 'lead.created') {
        if (!state.newLeads.includes(event.leadId)) {
          update({ newLeads: [...state.newLeads, event.leadId] });
        }
        if (event.urgency === 'crisis') alertCrisis(event.leadId, (to) => navigateRef.current(to));
      }
      applyEvent(queryClient, event);
    };

    const open = () => {
      const opening = new EventSource(STREAM_URL, { withCredentials: true });
      source = opening;
      opening.onopen = () => {
        delay = REOPEN_FIRST_MS;
        // Reopened after a drop: what came meanwhile was not heard, so read again.
        if (opened) applyEvent(queryClient, 'reconnected');
        opened = true;
      };
      opening.onmessage = onMessage;
      opening.onerror = () => {
        // The browser reconnects by itself after a dropped stream; it gives up after an
        // error answer (the session ended: 401; the database away: 503).
        if (stopped || opening.readyState !== EventSource.CLOSED) return;
        source = null;
        // A 401 here ends the session app-wide; otherwise try again a little later.
        void call(() => staffApi.GET('/v1/auth/me')).then((result) => {
          if (stopped || (result.kind === 'problem' && result.status === 401)) return;
          reopen = setTimeout(open, delay);
          delay = Math.min(delay * 2, REOPEN_MOST_MS);
        });
      };
    };
    open();
    return () => {
      stopped = true;
      if (reopen) clearTimeout(reopen);
      source?.close();
      update({ newLeads: [] });
    };
  }, [queryClient]);

  useTitleCount(newLeads);
  return null;
}

/** Marks or reads again what an event touches (see invalidationOf). */
function applyEvent(queryClient: QueryClient, event: LiveEvent | 'reconnected'): void {
  // Reopened after a drop: anything may have changed, as if every lead had.
  const asChange: LiveEvent =
    event === 'reconnected' ? { type: 'lead.changed', leadId: '', urgency: 'routine' } : event;
  for (const query of queryClient.getQueryCache().getAll()) {
    const plan = invalidationOf(query.queryKey, asChange);
    if (plan === 'keep') continue;
    void queryClient.invalidateQueries(
      { queryKey: query.queryKey, exact: true, refetchType: plan === 'stale' ? 'none' : 'active' },
      { cancelRefetch: false },
    );
  }
}

/**
 * A browser notification of a crisis lead, when the person allowed them: no name, no
 * words of the person, only that one arrived; clicking it opens the lead.
 */
function alertCrisis(leadId: string, go: (to: string) => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(t('live.crisis.title'), {
    body: t('live.crisis.body'),

    // One per lead, however many tabs are open.
    tag: `crisis-${leadId}`,
  });
  notification.onclick = () => {
    window.focus();
    go(`/admin/leads/${leadId}`);
    notification.close();
  };
}

/** "(N) " before the tab's title while N new leads wait; kept when a screen sets its title. */
function useTitleCount(count: number): void {
  useEffect(() => {
    const apply = () => {
      const wanted = titleWithCount(document.title, count);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const title = document.querySelector('title');
    if (!title) return undefined;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}
