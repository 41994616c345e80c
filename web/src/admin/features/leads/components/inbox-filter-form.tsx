import { useState, type FormEvent } from 'react';
import type { ClinicianView } from '../../../../api/types';
import { LANGUAGES, LEAD_STATUSES, SERVICE_TYPES, URGENCIES } from '../../../vocabulary';
import { LANGUAGE_NAMES, SERVICE_NAMES, STATUS_NAMES, URGENCY_NAMES } from '../../../words';
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
  const toggle = (key: 'status' | 'urgency' | 'serviceType' | 'language', value: string) =>
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
          <fieldset>
            <legend>{t('leads.filters.status')}</legend>
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
            <legend>{t('leads.filters.urgency')}</legend>
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
              {t('leads.chip.overdue')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('leads.filters.serviceType')}</legend>
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
          <fieldset>
            <legend>{t('leads.filters.language')}</legend>
            <div className="checks">
              {LANGUAGES.map((language) => (
                <label key={language} className="check">
                  <input
                    type="checkbox"
                    checked={draft.language.includes(language)}
                    onChange={() => toggle('language', language)}
                  />
                  {LANGUAGE_NAMES[language]}
                </label>
              ))}
            </div>
          </fieldset>
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
            <div className="field">
              <label htmlFor="tag">{t('leads.filters.tag')}</label>
              <input
                id="tag"
                value={draft.tag}
                onChange={(event) => set('tag', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="source">{t('leads.filters.source')}</label>
              <input
                id="source"
                value={draft.source}
                onChange={(event) => set('source', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="created-from">{t('leads.filters.createdFrom')}</label>
              <input
                id="created-from"
                type="date"
                value={draft.createdFrom}
                onChange={(event) => set('createdFrom', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="created-to">{t('leads.filters.createdTo')}</label>
              <input
                id="created-to"
                type="date"
                value={draft.createdTo}
                onChange={(event) => set('createdTo', event.target.value)}
              />
            </div>
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
