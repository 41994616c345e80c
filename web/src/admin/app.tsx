import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { forgetCsrfToken, onSessionEnded, request, startSession } from './api';
import { Loading } from './components/ui';
import { Link, navigate, useLocation } from './router';
import { AccountPage } from './screens/account';
import { AuditLog } from './screens/audit';
import { CliniciansPage } from './screens/clinicians';
import { Inbox } from './screens/inbox';
import { LeadPage } from './screens/lead-page';
import { NotificationsPage } from './screens/notifications';
import { AcceptInvitation, ForgotPassword, ResetPassword } from './screens/passwords';
import { SessionsPage } from './screens/sessions';
import { SettingsPage } from './screens/settings';
import { MfaEnrolment, SignIn } from './screens/sign-in';
import { StatsPage } from './screens/stats';
import { UsersPage } from './screens/users';
import { WebhooksPage } from './screens/webhooks';
import { SessionContext, type Session } from './session';
import type { Me, Role } from './types';
import { ROLE_NAMES } from './words';
import { ReauthenticateDialog } from './components/reauthenticate-dialog';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'mfa-setup'; me: Me }
  | { kind: 'signed-in'; me: Me };

/** The pages an emailed link opens: no session needed. */
const PUBLIC_PAGES: Record<string, () => ReactNode> = {
  '/admin/accept-invitation': () => <AcceptInvitation />,
  '/admin/reset-password': () => <ResetPassword />,
  '/admin/forgot-password': () => <ForgotPassword />,
};

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

/** What each role may use; the server decides, the navigation only leaves out the rest. */
const NAVIGATION: NavItem[] = [
  { to: '/admin/leads', label: 'Inbox', roles: ['admin', 'coordinator', 'clinician'] },
  { to: '/admin/stats', label: 'Stats', roles: ['admin', 'coordinator'] },
  { to: '/admin/clinicians', label: 'Clinicians', roles: ['admin', 'coordinator', 'clinician'] },
  { to: '/admin/notifications', label: 'Notifications', roles: ['admin', 'coordinator'] },
  { to: '/admin/users', label: 'Users', roles: ['admin'] },
  { to: '/admin/webhooks', label: 'Webhooks', roles: ['admin'] },
  { to: '/admin/audit', label: 'Audit log', roles: ['admin'] },
  { to: '/admin/settings', label: 'Settings', roles: ['admin'] },
];

/** Who is signed in, from the session cookie (if any). */
async function readSession(notice?: string): Promise<SessionState> {
  const result = await request<Me>('/v1/auth/me');
  if (result.kind !== 'ok') return { kind: 'signed-out', notice };
  await startSession();
  const me = result.body;
  return me.session.mfaSetupRequired ? { kind: 'mfa-setup', me } : { kind: 'signed-in', me };
}

export function App() {
  const { pathname } = useLocation();
  const [session, setSession] = useState<SessionState>({ kind: 'loading' });

  const loadMe = useCallback(async (notice?: string) => setSession(await readSession(notice)), []);

  useEffect(() => {
    if (PUBLIC_PAGES[window.location.pathname]) return;
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
      onSessionEnded(() =>
        setSession((current) =>
          current.kind === 'signed-out'
            ? current
            : { kind: 'signed-out', notice: 'Your session has ended. Sign in again to go on.' },
        ),
      ),
    [],
  );

  const signOut = useCallback(async () => {
    await request('/v1/auth/logout', { method: 'POST' });
    forgetCsrfToken();
    setSession({ kind: 'signed-out', notice: 'You are signed out.' });
  }, []);

  const publicPage = PUBLIC_PAGES[pathname];
  if (publicPage) return <Frame>{publicPage()}</Frame>;

  switch (session.kind) {
    case 'loading':
      return (
        <Frame>
          <main className="narrow" id="main">
            <Loading what="the staff app" />
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
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}) {
  const { pathname } = useLocation();
  const session: Session = useMemo(() => ({ me, signOut, refresh }), [me, signOut, refresh]);
  const items = NAVIGATION.filter((item) => item.roles.includes(me.user.role));

  useEffect(() => {
    if (pathname === '/admin' || pathname === '/admin/')
      navigate('/admin/leads', { replace: true });
  }, [pathname]);

  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-name">
          <Link to="/admin/leads">Relational Intake</Link>
        </p>
        <nav aria-label="Staff app">
          <ul className="app-nav">
            {items.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  aria-current={
                    pathname === item.to || pathname.startsWith(`${item.to}/`) ? 'page' : undefined
                  }
                >
                  {item.label}
                </Link>
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
            Sign out
          </button>
        </div>
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <Screen pathname={pathname} />
      </main>
      <ReauthenticateDialog />
    </SessionContext.Provider>
  );
}

function Screen({ pathname }: { pathname: string }) {
  const lead = /^\/admin\/leads\/([^/]+)$/.exec(pathname);
  if (lead) return <LeadPage key={lead[1]} leadId={decodeURIComponent(lead[1]!)} />;
  switch (pathname.replace(/\/$/, '')) {
    case '/admin':
    case '/admin/leads':
      return <Inbox />;
    case '/admin/stats':
      return <StatsPage />;
    case '/admin/clinicians':
      return <CliniciansPage />;
    case '/admin/notifications':
      return <NotificationsPage />;
    case '/admin/users':
      return <UsersPage />;
    case '/admin/webhooks':
      return <WebhooksPage />;
    case '/admin/audit':
      return <AuditLog />;
    case '/admin/settings':
      return <SettingsPage />;
    case '/admin/account':
      return <AccountPage />;
    case '/admin/sessions':
      return <SessionsPage />;
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is no page at this address. <Link to="/admin/leads">Go to the inbox</Link>.
          </p>
        </>
      );
  }
}

/** The frame of the pages shown before signing in. */
function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <p className="app-name">Relational Intake · staff</p>
      </header>
      {children}
    </>
  );
}
