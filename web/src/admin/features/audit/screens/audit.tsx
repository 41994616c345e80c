import { useState, type FormEvent } from 'react';
import { PageHeading } from '../../../components/ui';
import { startOfDay, startOfNextDay } from '../../leads/inbox-filters';
import { Link, useLocation, useNavigate } from 'react-router';
import { ListScreen } from '../../../components/list-screen';
import { useAuditEvents } from '../api';
import { actionWords, detailWords } from '../audit-words';
import { Time } from '../../../components/time';
import { ROLE_NAMES } from '../../../words';

const FIELDS = ['actorUserId', 'action', 'leadId', 'from', 'to'] as const;
type AuditFilters = Record<(typeof FIELDS)[number], string>;

/** Who did what, to which lead, when, from where (admin only); filters in the address. */
export function AuditLog() {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(
    FIELDS.map((field) => [field, params.get(field) ?? '']),
  ) as AuditFilters;
  const paged = useAuditEvents({
    actorUserId: filters.actorUserId || undefined,
    action: filters.action || undefined,
    leadId: filters.leadId || undefined,
    from: filters.from ? startOfDay(filters.from) : undefined,
    to: filters.to ? startOfNextDay(filters.to) : undefined,
  });
  return (
    <>
      <PageHeading title="Audit log">Audit log</PageHeading>
      <ListScreen
        list={paged}
        what="events"
        empty={<p>No events match.</p>}
        filters={<AuditFilterForm key={search} filters={filters} />}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Details</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {items.map((event) => {
                  const details = detailWords(event.details);
                  return (
                    <tr key={event.id}>
                      <td>
                        <Time iso={event.occurredAt} />
                        {event.count && event.count > 1 ? (
                          <span className="muted">
                            {' '}
                            ({event.count} times since <Time iso={event.firstOccurredAt} />)
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {event.actor.userId ? (
                          <Link to={`/admin/audit?actorUserId=${event.actor.userId}`}>
                            {event.actor.name ??
                              `${ROLE_NAMES[event.actor.role ?? ''] ?? 'Staff'} #${event.actor.userId.slice(0, 8)}`}
                          </Link>
                        ) : (
                          'Someone not signed in'
                        )}
                        {event.actor.name && event.actor.role ? (
                          <span className="muted"> ({ROLE_NAMES[event.actor.role]})</span>
                        ) : null}
                      </td>
                      <td>
                        <span title={event.action}>
                          {event.actionLabel ?? actionWords(event.action)}
                        </span>
                      </td>
                      <td>
                        {event.leadId ? (
                          <Link to={`/admin/leads/${event.leadId}`}>
                            {event.leadReference ?? `#${event.leadId.slice(0, 8)}`}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="wrap-anywhere">
                        {details.length ? (
                          <ul className="plain-list audit-details">
                            {details.map((detail) => (
                              <li key={detail.field}>
                                <span className="muted">{detail.field}:</span> {detail.value}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                      <td>{event.ip ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ListScreen>
    </>
  );
}

function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const field of FIELDS) if (draft[field].trim()) params.set(field, draft[field].trim());
    const text = params.toString();
    void navigate(`/admin/audit${text ? `?${text}` : ''}`);
  };
  return (
    <form className="filters filters__grid" onSubmit={submit} aria-label="Filter events">
      <div className="field">
        <label htmlFor="audit-actor">Actor (user id)</label>
        <input
          id="audit-actor"
          value={draft.actorUserId}
          onChange={(e) => set('actorUserId', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-action">Action, or a prefix ending in a dot</label>
        <input
          id="audit-action"
          placeholder="lead.read or auth."
          value={draft.action}
          onChange={(e) => set('action', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-lead">Lead id</label>
        <input
          id="audit-lead"
          value={draft.leadId}
          onChange={(e) => set('leadId', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input
          id="audit-from"
          type="date"
          value={draft.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-to">Until (inclusive)</label>
        <input
          id="audit-to"
          type="date"
          value={draft.to}
          onChange={(e) => set('to', e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button--small">
          Apply
        </button>
      </div>
    </form>
  );
}
