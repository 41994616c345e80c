import { useState, type FormEvent } from 'react';
import type { ClinicianView } from '../../../../api/types';
import { LEAD_STATUSES, SERVICE_TYPES, URGENCIES } from '../../../vocabulary';
import { SERVICE_NAMES, STATUS_NAMES, URGENCY_NAMES } from '../../../words';
import { INBOX_SORTS, NO_FILTERS, type InboxFilters } from '../inbox-filters';

const SORT_NAMES: Record<(typeof INBOX_SORTS)[number], string> = {
  dueAt: 'Overdue first, then soonest due',
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  urgency: 'Most urgent first',
};

/** The inbox's search, filters and sort; applied into the page address. */
export function FilterForm({
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
    // A new search looks through every lead, not only the view shown.
    const searching = draft.q.trim() !== '' && draft.q.trim() !== filters.q.trim();
    onApply(searching ? { ...draft, view: 'all' } : draft);
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
      <details className="filters__more">
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
            onClick={() => onApply({ ...NO_FILTERS, view: filters.view })}
          >
            Clear all
          </button>
        </div>
      </details>
    </form>
  );
}
