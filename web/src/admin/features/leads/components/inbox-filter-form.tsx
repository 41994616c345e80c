import { useState, type FormEvent } from 'react';
import { CheckList, TextFields } from '../../../components/forms';
import type { ClinicianView } from '../../../../api/types';
import { LANGUAGES, LEAD_STATUSES, URGENCIES } from '../../../vocabulary';
import { LANGUAGE_NAMES, SERVICE_OPTIONS, STATUS_NAMES, URGENCY_NAMES } from '../../../words';
import { INBOX_SORTS, NO_FILTERS, type InboxFilters } from '../inbox-filters';
import { t } from '../../../i18n/t';

const SORT_NAMES: Record<(typeof INBOX_SORTS)[number], string> = {
  dueAt: t('leads.filters.sort.dueAt'),
  '-createdAt': t('leads.filters.sort.newest'),
  createdAt: t('leads.filters.sort.oldest'),
  urgency: t('leads.filters.sort.urgency'),
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new search looks through every lead, not only the view shown.
    const searching = draft.q.trim() !== '' && draft.q.trim() !== filters.q.trim();
    onApply(searching ? { ...draft, view: 'all' } : draft);
  };
  const shortSearch = draft.q.trim().length > 0 && draft.q.trim().length < 2;

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('leads.filters.label')}>
      <div className="filters__search">
        <label htmlFor="q">{t('leads.filters.search')}</label>
        <div className="inline-field">
          <input
            id="q"
            type="search"
            value={draft.q}
            onChange={(event) => set('q', event.target.value)}
          />
          <button type="submit" className="button button--small">
            {t('leads.filters.searchButton')}
          </button>
        </div>
        {shortSearch ? <p className="hint">{t('leads.filters.shortSearch')}</p> : null}
      </div>
      <details className="filters__more">
        <summary>{t('leads.filters.more')}</summary>
        <div className="filters__grid">
          <CheckList
            legend={t('leads.filters.status')}
            options={LEAD_STATUSES.map((status) => [status, STATUS_NAMES[status]] as const)}
            selected={draft.status}
            onChange={(selected) => set('status', selected)}
          />
          <CheckList
            legend={t('leads.filters.urgency')}
            options={[...URGENCIES]
              .reverse()
              .map((urgency) => [urgency, URGENCY_NAMES[urgency]] as const)}
            selected={draft.urgency}
            onChange={(selected) => set('urgency', selected)}
          >
            <label className="check">
              <input
                type="checkbox"
                checked={draft.overdue}
                onChange={(event) => set('overdue', event.target.checked)}
              />
              {t('leads.chip.overdue')}
            </label>
          </CheckList>
          <CheckList
            legend={t('leads.filters.serviceType')}
            options={SERVICE_OPTIONS}
            selected={draft.serviceType}
            onChange={(selected) => set('serviceType', selected)}
          />
          <CheckList
            legend={t('leads.filters.language')}
            options={LANGUAGES.map((language) => [language, LANGUAGE_NAMES[language]] as const)}
            selected={draft.language}
            onChange={(selected) => set('language', selected)}
          />
          <div className="filters__column">
            {isClinician ? null : (
              <div className="field">
                <label htmlFor="assigned">{t('leads.filters.assigned')}</label>
                <select
                  id="assigned"
                  value={draft.assignedTo}
                  onChange={(event) => set('assignedTo', event.target.value)}
                >
                  <option value="">{t('leads.filters.assigned.anyone')}</option>
                  <option value="me">{t('leads.filters.assigned.me')}</option>
                  <option value="none">{t('leads.filters.assigned.none')}</option>
                  {clinicians.map((clinician) => (
                    <option key={clinician.id} value={clinician.id}>
                      {clinician.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <TextFields
              fields={[
                ['tag', 'tag', t('leads.filters.tag')],
                ['source', 'source', t('leads.filters.source')],
                ['created-from', 'createdFrom', t('leads.filters.createdFrom'), { type: 'date' }],
                ['created-to', 'createdTo', t('leads.filters.createdTo'), { type: 'date' }],
              ]}
              values={draft}
              onChange={set}
            />
            <div className="field">
              <label htmlFor="sort">{t('leads.filters.sort')}</label>
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
            {t('leads.filters.apply')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onApply({ ...NO_FILTERS, view: filters.view })}
          >
            {t('leads.filters.clear')}
          </button>
        </div>
      </details>
    </form>
  );
}
