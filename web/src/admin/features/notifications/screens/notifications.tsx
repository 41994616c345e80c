import { useState } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { retryNotification, useNotifications, type NotificationStatus } from '../api';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { Link, useLocation, useNavigate } from 'react-router';
import type { NotificationView } from '../../../../api/types';
import { formatDateTime } from '../../../words';

const STATUSES: readonly (NotificationStatus | '')[] = [
  '',
  'pending',
  'sent',
  'failed',
  'held',
  'withheld',
];
const STATUS_NAMES: Record<string, string> = {
  '': 'Any status',
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  held: 'Held for review',
  withheld: 'Not sent (daily limit)',
};
const KIND_NAMES: Record<string, string> = {
  staff_new_lead: 'New lead (staff)',
  crisis_alert: 'Crisis alert',
  client_acknowledgement: 'Acknowledgement (client)',
  partner_invitation: 'Partner invitation',
  overdue_reminder: 'Overdue reminder',
  overdue_escalation: 'Overdue escalation',
  staff_invitation: 'Staff invitation',
  password_reset: 'Password reset',
  intake_draft_resume: 'Saved answers link (client)',
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
      setMessage('The email is queued to be sent again.');
      paged.reload();
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title="Notifications">Notifications</PageHeading>
      <div className="field field--inline">
        <label htmlFor="notification-status">Show</label>
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
      <ListScreen list={paged} what="notifications" empty={<p>No notifications.</p>}>
        {(items) => (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Kind</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Lead</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr key={n.id}>
                    <td>{formatDateTime(n.createdAt)}</td>
                    <td>{KIND_NAMES[n.kind] ?? n.kind}</td>
                    <td>{n.recipient.kind === 'user' ? 'Staff member' : n.recipient.kind}</td>
                    <td>
                      <span className={`badge badge--${n.status}`}>{STATUS_NAMES[n.status]}</span>
                      {n.lastError ? <div className="muted">{n.lastError}</div> : null}
                      {n.sentAt ? (
                        <div className="muted">sent {formatDateTime(n.sentAt)}</div>
                      ) : null}
                    </td>
                    <td>{n.attempts}</td>
                    <td>
                      {n.leadId ? <Link to={`/admin/leads/${n.leadId}`}>Open lead</Link> : '—'}
                    </td>
                    <td>
                      {n.status === 'failed' ? (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => void retry(n)}
                        >
                          Retry
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListScreen>
    </>
  );
}
