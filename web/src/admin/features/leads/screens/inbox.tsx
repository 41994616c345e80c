import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { ClinicianView } from '../../../../api/types';
import { downloadLeads, failureText, type ApiFailure, type LeadQuery } from '../../../lib/api';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { ListScreen } from '../../../components/list-screen';
import { hasRole, useSession } from '../../../session';
import {
  apiParams,
  DESK_VIEWS,
  filterChips,
  filtersFromSearch,
  NO_FILTERS,
  searchFromFilters,
  VIEW_NAMES,
  type InboxFilters,
  type InboxView,
} from '../inbox-filters';
import { FilterForm } from '../components/inbox-filter-form';
import { LeadRow } from '../components/lead-row';
import type { ContactChannel } from '../components/log-attempt';
import { LiveListBar } from '../../live/new-leads-pill';
import {
  changeLead,
  readLead,
  refreshLeads,
  useActiveClinicians,
  useLeadList,
  useViewCounts,
  type LeadChange,
} from '../api';
import { t, tRich } from '../../../i18n/t';

const PAGE_SIZE = 25;

/**
 * The coordinator's desk: views with counts (a rail; tabs on a phone), the search, the
 * filters as removable chips, and rows to act from. All of it in the page address.
 */
export function Inbox() {
  const session = useSession();
  const { search } = useLocation();
  const navigate = useNavigate();
  const filters = filtersFromSearch(search);
  const query = apiParams(filters);
  const isClinician = hasRole(session, 'clinician');
  const clinicians = useActiveClinicians(!isClinician);
  const canonical = searchFromFilters(filters);

  // The address says the view and sort it shows, so it can be shared as it is.
  useEffect(() => {
    if (search !== canonical) void navigate(`/admin/leads${canonical}`, { replace: true });
  }, [search, canonical, navigate]);

  const apply = (changed: InboxFilters) =>
    void navigate(`/admin/leads${searchFromFilters(changed)}`);

  return (
    <div className="desk">
      <ViewRail current={filters.view} />
      <div className="desk__main">
        <PageHeading title={t('leads.inbox.title')}>
          {isClinician ? t('leads.inbox.mine') : t('leads.inbox.title')}
        </PageHeading>
        <LiveListBar />
        {/* Keyed by the filters, not the address: the first render's address (no view,
            no sort) and its canonical form hold the same filters, so text typed before
            the address is made canonical is kept. */}
        <FilterForm
          key={canonical}
          filters={filters}
          clinicians={clinicians}
          isClinician={isClinician}
          onApply={apply}
        />
        <Chips filters={filters} onApply={apply} />
        <Results
          key={JSON.stringify(query)}
          query={query}
          clinicians={clinicians}
          mayManage={hasRole(session, 'admin', 'coordinator')}
        />
      </div>
    </div>
  );
}

/** The desk's views with their counts; "All leads" last. */
function ViewRail({ current }: { current: InboxView }) {
  const { loaded } = useViewCounts();
  const counts = loaded.state === 'ready' ? loaded.value : null;
  const link = (view: InboxView) =>
    `/admin/leads${searchFromFilters({ ...NO_FILTERS, view, sort: view === 'all' ? '-createdAt' : 'dueAt' })}`;
  return (
    <nav className="view-rail" aria-label={t('leads.inbox.views')}>
      <ul>
        {DESK_VIEWS.map((view) => {
          const count = counts?.[view];
          const urgent = (view === 'crisis' || view === 'overdue') && (count ?? 0) > 0;
          return (
            <li key={view}>
              <Link
                to={link(view)}
                aria-current={current === view ? 'page' : undefined}
                className={urgent ? 'view-rail__link view-rail__link--urgent' : 'view-rail__link'}
                data-view={view}
              >
                <span>{VIEW_NAMES[view]}</span>
                <span className="view-rail__count">{count ?? ''}</span>
              </Link>
            </li>
          );
        })}
        <li>
          <Link
            to={link('all')}
            aria-current={current === 'all' ? 'page' : undefined}
            className="view-rail__link"
            data-view="all"
          >
            <span>{t('leads.view.all')}</span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function Chips({
  filters,
  onApply,
}: {
  filters: InboxFilters;
  onApply: (filters: InboxFilters) => void;
}) {
  const chips = filterChips(filters);
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('leads.inbox.chips')}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <button type="button" className="chip" onClick={() => onApply(chip.without)}>
            {chip.label}
            <span aria-hidden="true"> ×</span>
            <span className="visually-hidden"> {t('leads.inbox.removeChip')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

type BulkAction =
  { kind: 'assign'; clinician: ClinicianView } | { kind: 'spam' } | { kind: 'close' };

/** One filtered list, first page on mount, more on request; keyboard and bulk actions. */
function Results({
  query,
  clinicians,
  mayManage,
}: {
  query: LeadQuery;
  clinicians: ClinicianView[];
  mayManage: boolean;
}) {
  const list = useLeadList(query, PAGE_SIZE);
  const [exportFailure, setExportFailure] = useState<ApiFailure | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [logging, setLogging] = useState<{ id: string; channel: ContactChannel } | null>(null);
  const [said, setSaid] = useState('');
  const [bulkFailures, setBulkFailures] = useState<string[]>([]);
  const assignSelect = useRef<HTMLSelectElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const leads = list.items;

  useDeskKeys(listRef, {
    assign: (id) => {
      setSelected((current) => new Set(current).add(id));
      // The bulk bar appears with the selection; focus its clinician list next.
      setTimeout(() => assignSelect.current?.focus(), 0);
    },
    logContact: (id) => setLogging({ id, channel: 'phone' }),
  });

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const runBulk = async (action: BulkAction) => {
    const chosen = (leads ?? []).filter((lead) => selected.has(lead.id));
    const change: LeadChange =
      action.kind === 'assign'
        ? { assignedClinicianId: action.clinician.id }
        : { status: action.kind === 'spam' ? 'spam' : 'closed_no_response' };
    setSaid('');
    setBulkFailures([]);
    const failures: string[] = [];
    for (const lead of chosen) {
      // Each lead is changed with the ETag of its current page: nothing is overwritten.
      const current = await readLead(lead.id);
      const result =
        current.kind === 'ok' ? await changeLead(lead.id, change, current.etag) : current;
      if (result.kind !== 'ok') {
        failures.push(
          t('leads.bulk.failure', {
            lead: lead.name || lead.reference || t('leads.bulk.aLead'),
            failure: failureText(result),
          }),
        );
      }
    }
    const done = chosen.length - failures.length;
    setSaid(
      t('leads.bulk.done', {
        done,
        count: chosen.length,
        action: action.kind,
        clinician: action.kind === 'assign' ? action.clinician.name : '',
      }),
    );
    setBulkFailures(failures);
    setSelected(new Set());
    refreshLeads();
  };

  const toolbar = (
    <div className="list-bar">
      <p role="status" className="muted">
        {leads === null
          ? ''
          : t('leads.inbox.shown', { count: leads.length, more: list.nextCursor ? 'yes' : 'no' })}
      </p>
      {mayManage && leads && leads.length > 0 ? (
        <label className="check">
          <input
            type="checkbox"
            checked={leads.every((lead) => selected.has(lead.id))}
            onChange={(event) =>
              setSelected(event.target.checked ? new Set(leads.map((lead) => lead.id)) : new Set())
            }
          />
          {t('leads.inbox.selectAll')}
        </label>
      ) : null}
      {mayManage ? (
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
          {t('leads.inbox.export')}
        </a>
      ) : null}
    </div>
  );

  return (
    <>
      {mayManage && selected.size > 0 ? (
        <BulkBar
          count={selected.size}
          clinicians={clinicians}
          assignSelect={assignSelect}
          onRun={(action) => void runBulk(action)}
        />
      ) : null}
      <StatusMessage>{said}</StatusMessage>
      {bulkFailures.length > 0 ? (
        <ErrorNotice>
          <p>{t('leads.bulk.notChanged')}</p>
          <ul>
            {bulkFailures.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
        </ErrorNotice>
      ) : null}
      <ListScreen
        list={{ ...list, failure: exportFailure ?? list.failure }}
        what={t('leads.inbox.what')}
        toolbar={toolbar}
        empty={<p>{t('leads.inbox.empty')}</p>}
      >
        {(items) => (
          <ul className="lead-list" aria-label={t('leads.inbox.listLabel')} ref={listRef}>
            {items.map((lead) => (
              <LeadRow
                key={lead.id}
                lead={lead}
                selected={selected.has(lead.id)}
                onSelect={(on) => select(lead.id, on)}
                logging={logging?.id === lead.id ? logging.channel : null}
                onLogging={(channel) => setLogging(channel ? { id: lead.id, channel } : null)}
                onLogged={setSaid}
              />
            ))}
          </ul>
        )}
      </ListScreen>
      <p className="hint keys-hint">
        {tRich('leads.inbox.keys', { kbd: (chunks) => <kbd>{chunks}</kbd> })}
      </p>
    </>
  );
}

function BulkBar({
  count,
  clinicians,
  assignSelect,
  onRun,
}: {
  count: number;
  clinicians: ClinicianView[];
  assignSelect: RefObject<HTMLSelectElement | null>;
  onRun: (action: BulkAction) => void;
}) {
  const [clinicianId, setClinicianId] = useState('');
  const assign = (event: FormEvent) => {
    event.preventDefault();
    const clinician = clinicians.find((c) => c.id === clinicianId);
    if (clinician) onRun({ kind: 'assign', clinician });
  };
  return (
    <form className="bulk-bar" onSubmit={assign} aria-label={t('leads.bulk.label')}>
      <p>
        <strong>{t('leads.bulk.selected', { count })}</strong>
      </p>
      <label htmlFor="bulk-assign" className="visually-hidden">
        {t('leads.bulk.assignLabel')}
      </label>
      <select
        id="bulk-assign"
        ref={assignSelect}
        value={clinicianId}
        onChange={(event) => setClinicianId(event.target.value)}
      >
        <option value="">{t('leads.bulk.assignTo')}</option>
        {clinicians.map((clinician) => (
          <option key={clinician.id} value={clinician.id}>
            {clinician.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={!clinicianId}>
        {t('leads.bulk.assign')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => onRun({ kind: 'spam' })}
      >
        {t('leads.bulk.spam')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => onRun({ kind: 'close' })}
      >
        {t('leads.bulk.close')}
      </button>
    </form>
  );
}

/** The row of the element that has focus, if it is in the list. */
function focusedRow(list: HTMLUListElement): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && list.contains(active)
    ? active.closest<HTMLElement>('.lead-row')
    : null;
}

/**
 * The desk's keys, outside text fields: j/k move between leads (focus on the lead's link,
 * so Enter opens it), / goes to the search, a assigns, c logs a contact attempt.
 */
function useDeskKeys(
  listRef: RefObject<HTMLUListElement | null>,
  actions: { assign: (id: string) => void; logContact: (id: string) => void },
) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === '/') {
        event.preventDefault();
        document.getElementById('q')?.focus();
        return;
      }
      const list = listRef.current;
      if (!list) return;
      const links = [...list.querySelectorAll<HTMLAnchorElement>('.lead-row__name')];
      const row = focusedRow(list);
      const index = row ? links.findIndex((link) => row.contains(link)) : -1;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const next =
          event.key === 'j' ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0);
        links[next]?.focus();
        links[next]?.scrollIntoView({ block: 'nearest' });
        return;
      }
      const id = row?.dataset.leadId;
      if (!id) return;
      if (event.key === 'a') {
        event.preventDefault();
        latest.current.assign(id);
      } else if (event.key === 'c') {
        event.preventDefault();
        latest.current.logContact(id);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [listRef]);
}

/** The address of a link to the same query (what a plain click would download). */
function searchOf(query: LeadQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
