import { useState } from 'react';

import { downloadLeads, type ApiFailure, type LeadQuery } from '../../../lib/api';
import { PageHeading } from '../../../components/ui';
import {
  apiParams,
  filtersFromSearch,
  searchFromFilters,
  type InboxFilters,
} from '../../leads/inbox-filters';
import { useLocation, useNavigate } from 'react-router';
import { ListScreen } from '../../../components/list-screen';
import { FilterForm } from '../components/inbox-filter-form';
import { LeadRow } from '../components/lead-row';
import { useActiveClinicians, useLeadList } from '../api';
import { hasRole, useSession } from '../../../session';
import { LiveListBar } from '../../live/new-leads-pill';

const PAGE_SIZE = 25;

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
      <LiveListBar />
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
