import { useState } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { retryNotification, useNotifications, type NotificationStatus } from '../api';
import { DataTable, ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { Link, useLocation, useNavigate } from 'react-router';
import type { NotificationView } from '../../../../api/types';
import { formatDateTime } from '../../../words';
import { t } from '../../../i18n/t';

const STATUSES: readonly (NotificationStatus | '')[] = [
  '',
  'pending',
  'sent',
  'failed',
  'held',
  'withheld',
];
const STATUS_NAMES: Record<string, string> = {
  '': t('notifications.status.any'),
  pending: t('notifications.status.pending'),
  sent: t('notifications.status.sent'),
  failed: t('notifications.status.failed'),
  held: t('notifications.status.held'),
  withheld: t('notifications.status.withheld'),
};
const KIND_NAMES: Record<string, string> = {
  staff_new_lead: t('notifications.kind.staffNewLead'),
  crisis_alert: t('notifications.kind.crisisAlert'),
  client_acknowledgement: t('notifications.kind.clientAcknowledgement'),
  partner_invitation: t('notifications.kind.partnerInvitation'),
  overdue_reminder: t('notifications.kind.overdueReminder'),
  overdue_escalation: t('notifications.kind.overdueEscalation'),
  staff_invitation: t('notifications.kind.staffInvitation'),
  password_reset: t('notifications.kind.passwordReset'),
  intake_draft_resume: t('notifications.kind.intakeDraftResume'),
};

/** Outgoing email and its delivery; a failed one can be sent again. */
export function NotificationsPage() {
  const { search } = useLocation();
  const navigate = useNavigate();
  const status = new URLSearchParams(search).get('status') ?? '';
  const paged = useNotifications(
    STATUSES.includes(status as NotificationStatus) ? (status as NotificationStatus) : undefined,
  );
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const retry = async (notification: NotificationView) => {
    setFailure(null);
    const result = await retryNotification(notification.id);
    if (result.kind === 'ok') {
      setMessage(t('notifications.retried'));
      paged.reload();
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      <div className="field field--inline">
        <label htmlFor="notification-status">{t('notifications.show')}</label>
        <select
          id="notification-status"
          value={status}
          onChange={(event) =>
            void navigate(
              `/admin/notifications${event.target.value ? `?status=${event.target.value}` : ''}`,
            )
          }
        >
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_NAMES[value]}
            </option>
          ))}
        </select>
      </div>
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      <ListScreen
        list={paged}
        what={t('notifications.what')}
        empty={<p>{t('notifications.empty')}</p>}
      >
        {(items) => (
          <DataTable
            columns={[
              t('notifications.created'),
              t('notifications.kind'),
              t('notifications.to'),
              t('notifications.status'),
              t('notifications.attempts'),
              t('notifications.lead'),
            ]}
            actions={t('notifications.actions')}
          >
            {items.map((n) => (
              <tr key={n.id}>
                <td>{formatDateTime(n.createdAt)}</td>
                <td>{KIND_NAMES[n.kind] ?? n.kind}</td>
                <td>
                  {n.recipient.kind === 'user' ? t('notifications.staffMember') : n.recipient.kind}
                </td>
                <td>
                  <span className={`badge badge--${n.status}`}>{STATUS_NAMES[n.status]}</span>
                  {n.lastError ? <div className="muted">{n.lastError}</div> : null}
                  {n.sentAt ? (
                    <div className="muted">
                      {t('notifications.sentAt', { time: formatDateTime(n.sentAt) })}
                    </div>
                  ) : null}
                </td>
                <td>{n.attempts}</td>
                <td>
                  {n.leadId ? (
                    <Link to={`/admin/leads/${n.leadId}`}>{t('notifications.openLead')}</Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {n.status === 'failed' ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void retry(n)}
                    >
                      {t('notifications.retry')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListScreen>
    </>
  );
}
