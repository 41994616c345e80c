import { useState, type FormEvent } from 'react';
import { LEAD_STATUSES } from '../../../vocabulary';
import { URGENCIES } from '../../../vocabulary';
import { SERVICE_TYPES } from '../../../vocabulary';
import { downloadLeads, type ApiFailure, type LeadQuery } from '../../../lib/api';
import { OverdueBadge, PageHeading, StatusBadge, UrgencyBadge } from '../../../components/ui';
import {
  apiParams,
  filtersFromSearch,
  INBOX_SORTS,
  NO_FILTERS,
  searchFromFilters,
  type InboxFilters,
} from '../../leads/inbox-filters';
import { Link, useLocation, useNavigate } from 'react-router';
import { ListScreen } from '../../../components/list-screen';
import { useActiveClinicians, useLeadList } from '../api';
import { hasRole, useSession } from '../../../session';
import type { ClinicianView, LeadSummary } from '../../../../api/types';
import {
  formatDateTime,
  INTAKE_STATUS_NAMES,
  LABEL_NAMES,
  signalMarkText,
  SERVICE_NAMES,
  STATUS_NAMES,
  URGENCY_NAMES,
} from '../../../words';

const PAGE_SIZE = 25;
const SORT_NAMES: Record<(typeof INBOX_SORTS)[number], string> = {
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  urgency: 'Most urgent first',
};

/** The lead list: the API's filters in the page address, keyset pages by "Load more". */
export function Inbox() {
  const session = useSession();
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const navigate = useNavigate();
  const query = apiParams(filters);
  const isClinician = hasRole(session, 'clinician');
  const clinicians = useActiveClinicians(!isClinician);

  const apply = (changed: InboxFilters) =>
    void navigate(`/admin/leads${searchFromFilters(changed)}`);

  return (
    <>
      <PageHeading title="Inbox">{isClinician ? 'My leads' : 'Inbox'}</PageHeading>
      <FilterForm
        key={search}
        filters={filters}
        clinicians={clinicians}
        isClinician={isClinician}
        onApply={apply}
      />
      <Results
        key={JSON.stringify(query)}
        query={query}
        mayExport={hasRole(session, 'admin', 'coordinator')}
      />
    </>
  );
}

/** One filtered list, first page on mount, more on request. */
function Results({ query, mayExport }: { query: LeadQuery; mayExport: boolean }) {
  const list = useLeadList(query, PAGE_SIZE);
  const [exportFailure, setExportFailure] = useState<ApiFailure | null>(null);
  const leads = list.items;
  const toolbar = (
    <div className="list-bar">
      <p role="status" className="muted">
        {leads === null
          ? ''
          : `${leads.length}${list.nextCursor ? '+' : ''} lead${leads.length === 1 ? '' : 's'} shown`}
      </p>
      {mayExport ? (
        <a
          className="button button--quiet button--small"
          href={`/v1/admin/leads.csv${searchOf(query)}`}
          download
          onClick={(event) => {
            // Through the client: an export may first ask to confirm it is you.
            event.preventDefault();
            void downloadLeads(query, 'leads.csv').then((result) => {
              if (result.kind !== 'ok') setExportFailure(result);
            });
          }}
        >
          Export these leads (CSV)
        </a>
      ) : null}
    </div>
  );
  return (
    <ListScreen
      list={{ ...list, failure: exportFailure ?? list.failure }}
      what="leads"
      toolbar={toolbar}
      empty={<p>No lead matches these filters.</p>}
    >
      {(items) => (
        <ul className="lead-list" aria-label="Leads">
          {items.map((lead) => (
            <LeadRow key={lead.id} lead={lead} />
          ))}
        </ul>
      )}
    </ListScreen>
  );
}

/** The address of a link to the same query (what a plain click would download). */
function searchOf(query: LeadQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function LeadRow({ lead }: { lead: LeadSummary }) {
  return (
    <li className={`lead-row lead-row--${lead.urgency}`}>
      <div className="lead-row__main">
        <Link to={`/admin/leads/${lead.id}`} className="lead-row__name">
          {lead.name || 'Unnamed'}
        </Link>
        <span className="reference">{lead.reference}</span>
      </div>
      <div className="badges">
        <UrgencyBadge urgency={lead.urgency} />
        {lead.overdue ? <OverdueBadge /> : null}
        <StatusBadge status={lead.status} />
        {lead.labels.map((label) => (
          <span key={label} className="badge badge--warning">
            {label === 'screen_partners_individually'
              ? 'Screen partners individually'
              : (LABEL_NAMES[label] ?? label)}
          </span>
        ))}
        {lead.signals.map((signal) => (
          <span
            key={`${signal.kind}-${signal.partner ?? ''}`}
            className={`badge ${signal.kind === 'crisis' ? 'badge--crisis' : 'badge--warning'}`}
          >
            {signalMarkText(signal)}
          </span>
        ))}
        {lead.intakeStatus ? (
          <span className="badge">{INTAKE_STATUS_NAMES[lead.intakeStatus]}</span>
        ) : null}
      </div>
      <dl className="lead-row__facts">
        <div>
          <dt>Service</dt>
          <dd>{SERVICE_NAMES[lead.serviceType]}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(lead.createdAt)}</dd>
        </div>
        <div>
          <dt>Assigned</dt>
          <dd>{lead.assignedClinician?.name ?? 'Nobody'}</dd>
        </div>
        {lead.state ? (
          <div>
            <dt>State</dt>
            <dd>{lead.state}</dd>
          </div>
        ) : null}
        {lead.tags.length > 0 ? (
          <div>
            <dt>Tags</dt>
            <dd>{lead.tags.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

function FilterForm({
  filters,
  clinicians,
  isClinician,
  onApply,
}: {
  filters: InboxFilters;
  clinicians: ClinicianView[];
  isClinician: boolean;
  onApply: (filters: InboxFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (key: 'status' | 'urgency' | 'serviceType', value: string) =>
    setDraft((d) => {
      const list = d[key] as string[];
      return {
        ...d,
        [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value],
      };
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const shortSearch = draft.q.trim().length > 0 && draft.q.trim().length < 2;

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter leads">
      <div className="filters__search">
        <label htmlFor="q">Search name, email, phone or reference</label>
        <div className="inline-field">
          <input
            id="q"
            type="search"
            value={draft.q}
            onChange={(event) => set('q', event.target.value)}
          />
          <button type="submit" className="button button--small">
            Search
          </button>
        </div>
        {shortSearch ? <p className="hint">Type at least 2 characters.</p> : null}
      </div>
      <details className="filters__more" open={hasFilters(filters)}>
        <summary>Filters and sort</summary>
        <div className="filters__grid">
          <fieldset>
            <legend>Status</legend>
            <div className="checks">
              {LEAD_STATUSES.map((status) => (
                <label key={status} className="check">
                  <input
                    type="checkbox"
                    checked={draft.status.includes(status)}
                    onChange={() => toggle('status', status)}
                  />
                  {STATUS_NAMES[status]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Urgency</legend>
            <div className="checks">
              {[...URGENCIES].reverse().map((urgency) => (
                <label key={urgency} className="check">
                  <input
                    type="checkbox"
                    checked={draft.urgency.includes(urgency)}
                    onChange={() => toggle('urgency', urgency)}
                  />
                  {URGENCY_NAMES[urgency]}
                </label>
              ))}
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.overdue}
                onChange={(event) => set('overdue', event.target.checked)}
              />
              Only overdue
            </label>
          </fieldset>
          <fieldset>
            <legend>Service type</legend>
            <div className="checks">
              {SERVICE_TYPES.map((type) => (
                <label key={type} className="check">
                  <input
                    type="checkbox"
                    checked={draft.serviceType.includes(type)}
                    onChange={() => toggle('serviceType', type)}
                  />
                  {SERVICE_NAMES[type]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="filters__column">
            {isClinician ? null : (
              <div className="field">
                <label htmlFor="assigned">Assigned to</label>
                <select
                  id="assigned"
                  value={draft.assignedTo}
                  onChange={(event) => set('assignedTo', event.target.value)}
                >
                  <option value="">Anyone or nobody</option>
                  <option value="me">Me</option>
                  <option value="none">Nobody yet</option>
                  {clinicians.map((clinician) => (
                    <option key={clinician.id} value={clinician.id}>
                      {clinician.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor="tag">Tag</label>
              <input
                id="tag"
                value={draft.tag}
                onChange={(event) => set('tag', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="created-from">Received from</label>
              <input
                id="created-from"
                type="date"
                value={draft.createdFrom}
                onChange={(event) => set('createdFrom', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="created-to">Received until (inclusive)</label>
              <input
                id="created-to"
                type="date"
                value={draft.createdTo}
                onChange={(event) => set('createdTo', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="sort">Sort</label>
              <select
                id="sort"
                value={draft.sort}
                onChange={(event) => set('sort', event.target.value as InboxFilters['sort'])}
              >
                {INBOX_SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {SORT_NAMES[sort]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button button--small">
            Apply filters
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onApply(NO_FILTERS)}
          >
            Clear all
          </button>
        </div>
      </details>
    </form>
  );
}

function hasFilters(filters: InboxFilters): boolean {
  return searchFromFilters({ ...filters, q: '' }) !== '';
}
