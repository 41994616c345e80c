import { useState } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { endSession, reloadSessions, useSessions } from '../api';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { Link } from 'react-router';
import { useSession } from '../../../session';
import type { SessionView } from '../../../../api/types';
import { formatDateTime } from '../../../words';
import { t, tRich } from '../../../i18n/t';

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
      setMessage(t('account.sessions.ended'));
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title={t('account.sessions.title')}>{t('account.sessions.title')}</PageHeading>
      <p>
        {tRich('account.sessions.lead', {
          link: (chunks) => <Link to="/admin/account">{chunks}</Link>,
        })}
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      <ListScreen
        list={list}
        what={t('account.sessions.what')}
        failureWhat={t('account.sessions.title')}
        empty={<p>{t('account.sessions.empty')}</p>}
      >
        {(items) => (
          <ul className="sessions-list" aria-label={t('account.sessions.label')}>
            {items.map((item) => (
              <li key={item.id}>
                <div>
                  <strong>{item.userAgent ?? t('account.sessions.unknownBrowser')}</strong>
                  {item.current ? (
                    <span className="badge"> {t('account.sessions.thisDevice')}</span>
                  ) : null}
                  <div className="muted">
                    {item.ip
                      ? t('account.sessions.signedInFrom', {
                          created: formatDateTime(item.createdAt),
                          ip: item.ip,
                          last: formatDateTime(item.lastSeenAt),
                        })
                      : t('account.sessions.signedIn', {
                          created: formatDateTime(item.createdAt),
                          last: formatDateTime(item.lastSeenAt),
                        })}
                  </div>
                </div>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => void end(item)}
                >
                  {item.current ? t('account.sessions.signOutHere') : t('account.sessions.end')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </ListScreen>
    </>
  );
}
