import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  createBrowserRouter,
  Link,
  Navigate,
  NavLink,
  Outlet,
  RouterProvider,
  useParams,
} from 'react-router';
import { call, forgetCsrfToken, onSessionEnded, staffApi, startSession } from '../api/client';
import type { Me, Role } from '../api/types';
import { ReauthenticateDialog } from './components/reauthenticate-dialog';
import { Loading } from './components/ui';
import { AccountPage } from './features/account/screens/account';
import {
  AcceptInvitation,
  ForgotPassword,
  ResetPassword,
} from './features/account/screens/passwords';
import { SessionsPage } from './features/account/screens/sessions';
import { MfaEnrolment, SignIn } from './features/account/screens/sign-in';
import { AuditLog } from './features/audit/screens/audit';
import { CliniciansPage } from './features/clinicians/screens/clinicians';
import { LiveDesk } from './features/live/live-desk';
import { SessionKeeper } from './features/live/session-keeper';

import { ConsentsPage } from './features/consents/screens/consents';

import { ConsultationsPage } from './features/consultations/screens/consultations';
import { Inbox } from './features/leads/screens/inbox';
import { LeadPage } from './features/leads/screens/lead-page';
import { NotificationsPage } from './features/notifications/screens/notifications';
import { SettingsPage } from './features/settings/screens/settings';
import { StatsPage } from './features/stats/screens/stats';
import { UsersPage } from './features/users/screens/users';
import { WebhooksPage } from './features/webhooks/screens/webhooks';
import { queryClient } from './lib/query';
import { SessionContext, type Session } from './session';
import { ROLE_NAMES } from './words';
import type { MessageKey } from './i18n/t';
import { t, tRich } from './i18n/t';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'mfa-setup'; me: Me }
  | { kind: 'signed-in'; me: Me };

interface NavItem {
  to: string;
  label: MessageKey;
  roles: Role[];
}

/** What each role may use; the server decides, the navigation only leaves out the rest. */
const NAVIGATION: NavItem[] = [
  { to: '/admin/leads', label: 'shell.nav.leads', roles: ['admin', 'coordinator', 'clinician'] },
  { to: '/admin/stats', label: 'shell.nav.stats', roles: ['admin', 'coordinator'] },
  {
    to: '/admin/clinicians',
    label: 'shell.nav.clinicians',
    roles: ['admin', 'coordinator', 'clinician'],
  },
  {
    to: '/admin/consultations',
    label: 'shell.nav.consultations',
    roles: ['admin', 'coordinator', 'clinician'],
  },
  { to: '/admin/notifications', label: 'shell.nav.notifications', roles: ['admin', 'coordinator'] },
  { to: '/admin/users', label: 'shell.nav.users', roles: ['admin'] },
  { to: '/admin/webhooks', label: 'shell.nav.webhooks', roles: ['admin'] },
  { to: '/admin/consents', label: 'shell.nav.consents', roles: ['admin'] },
  { to: '/admin/audit', label: 'shell.nav.audit', roles: ['admin'] },
  { to: '/admin/settings', label: 'shell.nav.settings', roles: ['admin'] },
];

/** Who is signed in, from the session cookie (if any). */
async function readSession(notice?: string): Promise<SessionState> {
  const result = await call(() => staffApi.GET('/v1/auth/me'));
  if (result.kind !== 'ok') return { kind: 'signed-out', notice };
  await startSession();
  const me = result.body;
  return me.session.mfaSetupRequired ? { kind: 'mfa-setup', me } : { kind: 'signed-in', me };
}

/** The staff app's addresses, all under /admin; the emailed links need no session. */
const router = createBrowserRouter([
  {
    path: '/admin',
    children: [
      {
        path: 'accept-invitation',
        element: (
          <Frame>
            <AcceptInvitation />
          </Frame>
        ),
      },
      {
        path: 'reset-password',
        element: (
          <Frame>
            <ResetPassword />
          </Frame>
        ),
      },
      {
        path: 'forgot-password',
        element: (
          <Frame>
            <ForgotPassword />
          </Frame>
        ),
      },
      {
        element: <StaffApp />,
        children: [
          { index: true, element: <Navigate to="/admin/leads" replace /> },
          { path: 'leads', element: <Inbox /> },
          { path: 'leads/:leadId', element: <LeadScreen /> },
          { path: 'stats', element: <StatsPage /> },
          { path: 'clinicians', element: <CliniciansPage /> },
          { path: 'consultations', element: <ConsultationsPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'webhooks', element: <WebhooksPage /> },
          { path: 'consents', element: <ConsentsPage /> },
          { path: 'audit', element: <AuditLog /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

/** Everything behind the sign-in: who is signed in decides what is shown. */
function StaffApp() {
  const [session, setSession] = useState<SessionState>({ kind: 'loading' });

  const loadMe = useCallback(async (notice?: string) => setSession(await readSession(notice)), []);

  useEffect(() => {
    let current = true;
    void readSession().then((state) => {
      if (current) setSession(state);
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(
    () =>
      onSessionEnded(() => {
        // What this session read stays out of the next one's sight.
        queryClient.clear();
        setSession((current) =>
          current.kind === 'signed-out'
            ? current
            : { kind: 'signed-out', notice: t('shell.sessionEnded') },
        );
      }),
    [],
  );

  const signOut = useCallback(async (notice = t('shell.signedOut')) => {
    await call(() => staffApi.POST('/v1/auth/logout'));
    forgetCsrfToken();
    // Nothing the last person saw stays in the cache for the next one.
    queryClient.clear();
    setSession({ kind: 'signed-out', notice });
  }, []);

  switch (session.kind) {
    case 'loading':
      return (
        <Frame>
          <main className="narrow" id="main">
            <Loading what={t('shell.loadingApp')} />
          </main>
        </Frame>
      );
    case 'signed-out':
      return (
        <Frame>
          <SignIn notice={session.notice} onSignedIn={() => void loadMe()} />
        </Frame>
      );
    case 'mfa-setup':
      return (
        <Frame>
          <MfaEnrolment required onEnrolled={() => void loadMe()} onCancel={() => void signOut()} />
        </Frame>
      );
    case 'signed-in':
      return <SignedIn me={session.me} signOut={signOut} refresh={loadMe} />;
  }
}

function SignedIn({
  me,
  signOut,
  refresh,
}: {
  me: Me;
  signOut: (notice?: string) => Promise<void>;
  refresh: () => Promise<void>;
}) {
  const session: Session = useMemo(() => ({ me, signOut, refresh }), [me, signOut, refresh]);
  const items = NAVIGATION.filter((item) => item.roles.includes(me.user.role));

  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="app-header">
        <p className="app-name">
          <Link to="/admin/leads">{t('shell.appName')}</Link>
        </p>
        <nav aria-label={t('shell.nav.label')}>
          <ul className="app-nav">
            {items.map((item) => (
              <li key={item.to}>
                {/* aria-current="page" on the screen shown and on the screens below it. */}
                <NavLink to={item.to}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-user">
          <Link to="/admin/account">
            {me.user.name} <span className="muted">({ROLE_NAMES[me.user.role]})</span>
          </Link>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => void signOut()}
          >
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <ReauthenticateDialog />
      <LiveDesk />
      <SessionKeeper me={me} onEnded={signOut} />
    </SessionContext.Provider>
  );
}

/** One lead; a new lead id is a new page (no state carried over). */
function LeadScreen() {
  const { leadId = '' } = useParams();
  return <LeadPage key={leadId} leadId={leadId} />;
}

function NotFound() {
  return (
    <>
      <h1>{t('shell.pageNotFound.heading')}</h1>
      <p>
        {tRich('shell.pageNotFound.text', {
          link: (chunks) => <Link to="/admin/leads">{chunks}</Link>,
        })}
      </p>
    </>
  );
}

/** The frame of the pages shown before signing in. */
function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <p className="app-name">{t('shell.frameName')}</p>
      </header>
      {children}
    </>
  );
}
