import { useState, type FormEvent } from 'react';
import { TextFields } from '../../../components/forms';
import { DataTable, PageHeading } from '../../../components/ui';
import { startOfDay, startOfNextDay } from '../../leads/inbox-filters';
import { Link, useLocation, useNavigate } from 'react-router';
import { ListScreen } from '../../../components/list-screen';
import { useAuditEvents } from '../api';
import { actionWords, detailWords } from '../audit-words';
import { Time } from '../../../components/time';
import { ROLE_NAMES } from '../../../words';
import { t, tRich } from '../../../i18n/t';

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
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <ListScreen
        list={paged}
        what={t('audit.what')}
        empty={<p>{t('audit.empty')}</p>}
        filters={<AuditFilterForm key={search} filters={filters} />}
      >
        {(items) => (
          <DataTable
            columns={[
              t('audit.when'),
              t('audit.who'),
              t('audit.action'),
              t('audit.lead'),
              t('audit.details'),
              t('audit.from'),
            ]}
          >
            {items.map((event) => {
              const details = detailWords(event.details);
              return (
                <tr key={event.id}>
                  <td>
                    <Time iso={event.occurredAt} />
                    {event.count && event.count > 1 ? (
                      <span className="muted">
                        {' '}
                        {tRich('audit.repeated', {
                          count: String(event.count),
                          since: <Time iso={event.firstOccurredAt} />,
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {event.actor.userId ? (
                      <Link to={`/admin/audit?actorUserId=${event.actor.userId}`}>
                        {event.actor.name ??
                          t('audit.actor', {
                            role: ROLE_NAMES[event.actor.role ?? ''] ?? t('audit.staff'),
                            id: event.actor.userId.slice(0, 8),
                          })}
                      </Link>
                    ) : (
                      t('audit.anonymous')
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
          </DataTable>
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
    <form className="filters filters__grid" onSubmit={submit} aria-label={t('audit.filter.label')}>
      <TextFields
        fields={[
          ['audit-actor', 'actorUserId', t('audit.filter.actor')],
          [
            'audit-action',
            'action',
            t('audit.filter.action'),
            { placeholder: t('audit.filter.actionPlaceholder') },
          ],
          ['audit-lead', 'leadId', t('audit.filter.lead')],
          ['audit-from', 'from', t('audit.from'), { type: 'date' }],
          ['audit-to', 'to', t('audit.filter.until'), { type: 'date' }],
        ]}
        values={draft}
        onChange={set}
      />
      <div className="actions">
        <button type="submit" className="button button--small">
          {t('audit.filter.apply')}
        </button>
      </div>
    </form>
  );
}
