import { useState } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { endSession, reloadSessions, useSessions } from '../api';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { Link } from 'react-router';
import { useSession } from '../../../session';
import type { SessionView } from '../../../../api/types';
import { formatDateTime } from '../../../words';

/** Where one is signed in: every live session of one's own, and a way to end any of them. */
export function SessionsPage() {
  const session = useSession();
  const list = useSessions();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const end = async (item: SessionView) => {
    setFailure(null);
    if (item.current) {
      // Ending this device's session is signing out.
      await session.signOut();
      return;
    }
    const result = await endSession(item.id);
    if (result.kind === 'ok') {
      // The list first, so what is announced is what the list shows.
      await reloadSessions();
      setMessage('That session has ended: the device it was on must sign in again.');
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title="Your sessions">Your sessions</PageHeading>
      <p>
        Everywhere you are signed in now. End any session you do not recognise, then{' '}
        <Link to="/admin/account">change your password</Link>.
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      <ListScreen
        list={list}
        what="your sessions"
        failureWhat="Your sessions"
        empty={<p>No live session.</p>}
      >
        {(items) => (
          <ul className="sessions-list" aria-label="Sessions">
            {items.map((item) => (
              <li key={item.id}>
                <div>
                  <strong>{item.userAgent ?? 'Unknown browser'}</strong>
                  {item.current ? <span className="badge"> This device</span> : null}
                  <div className="muted">
                    Signed in {formatDateTime(item.createdAt)}
                    {item.ip ? ` from ${item.ip}` : ''} · last active{' '}
                    {formatDateTime(item.lastSeenAt)}
                  </div>
                </div>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => void end(item)}
                >
                  {item.current ? 'Sign out here' : 'End this session'}
                </button>
              </li>
            ))}
          </ul>
        )}
      </ListScreen>
    </>
  );
}
