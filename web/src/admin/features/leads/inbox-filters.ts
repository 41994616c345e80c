import type { Language, LeadCounts, LeadStatus, Urgency } from '../../../api/types';
import type { LeadQuery } from '../../lib/api';
import { LANGUAGES, LEAD_STATUSES, SERVICE_TYPES, URGENCIES } from '../../vocabulary';
import { LANGUAGE_NAMES, SERVICE_NAMES, STATUS_NAMES, URGENCY_NAMES } from '../../words';
import { t } from '../../i18n/t';

/** A view of the coordinator's desk, as the list's `view=` and the counts name it. */
export type DeskView = keyof LeadCounts;

/**
 * The inbox's view and filters, kept in the page address
 * (/admin/leads?view=needsFirstContact&sort=dueAt&status=new&q=…) so a view can be shared
 * and reloaded. No React here: tested on its own.
 */
export const INBOX_SORTS = ['dueAt', '-createdAt', 'createdAt', 'urgency'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** A desk view, or `all` for every lead (a search looks through all of them). */
export type InboxView = DeskView | 'all';

/** The views in the rail, in the order a coordinator works through them. */
export const DESK_VIEWS: readonly DeskView[] = [
  'needsFirstContact',
  'crisis',
  'overdue',
  'unassigned',
  'mine',
  'awaitingPartner',
  'heldForReview',
];

export const VIEW_NAMES: Record<DeskView, string> = {
  needsFirstContact: t('leads.view.needsFirstContact'),
  crisis: t('leads.view.crisis'),
  overdue: t('leads.view.overdue'),
  unassigned: t('leads.view.unassigned'),
  mine: t('leads.view.mine'),
  awaitingPartner: t('leads.view.awaitingPartner'),
  heldForReview: t('leads.view.heldForReview'),
};

export interface InboxFilters {
  view: InboxView;
  status: LeadStatus[];
  urgency: Urgency[];
  serviceType: string[];
  /** The client's language. */
  language: Language[];
  /** Where the lead came from, exactly as the list shows it (`direct`, a utm source, …). */
  source: string;
  /** `me`, `none`, a clinician id, or '' for anyone. */
  assignedTo: string;
  tag: string;
  q: string;
  /** Calendar days (YYYY-MM-DD) in the browser's zone; `createdTo` is inclusive. */
  createdFrom: string;
  createdTo: string;
  overdue: boolean;
  sort: InboxSort;
}

/** What the inbox opens on: the leads waiting for a first contact, soonest due first. */
export const NO_FILTERS: InboxFilters = {
  view: 'needsFirstContact',
  status: [],
  urgency: [],
  serviceType: [],
  language: [],
  source: '',
  assignedTo: '',
  tag: '',
  q: '',
  createdFrom: '',
  createdTo: '',
  overdue: false,
  sort: 'dueAt',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const items = value.split(',').map((item) => item.trim());
  return allowed.filter((item) => items.includes(item));
}

/** Reads the filters from a page query; anything unknown or malformed is left out. */
export function filtersFromSearch(search: string): InboxFilters {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const view = params.get('view') ?? '';
  return {
    view:
      view === 'all' || (DESK_VIEWS as readonly string[]).includes(view)
        ? (view as InboxView)
        : NO_FILTERS.view,
    status: listOf(params.get('status'), LEAD_STATUSES),
    urgency: listOf(params.get('urgency'), URGENCIES),
    serviceType: listOf(params.get('serviceType'), SERVICE_TYPES),
    language: listOf(params.get('language'), LANGUAGES),
    source: params.get('source') ?? '',
    assignedTo: params.get('assignedTo') ?? '',
    tag: params.get('tag') ?? '',
    q: params.get('q') ?? '',
    createdFrom: day('createdFrom'),
    createdTo: day('createdTo'),
    overdue: params.get('overdue') === 'true',
    sort: (INBOX_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as InboxSort)
      : NO_FILTERS.sort,
  };
}

/** The page query for the filters, view and sort always first, in a stable order. */
export function searchFromFilters(filters: InboxFilters): string {
  const params = new URLSearchParams();
  params.set('view', filters.view);
  params.set('sort', filters.sort);
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.urgency.length) params.set('urgency', filters.urgency.join(','));
  if (filters.serviceType.length) params.set('serviceType', filters.serviceType.join(','));
  if (filters.language.length) params.set('language', filters.language.join(','));
  if (filters.source.trim()) params.set('source', filters.source.trim());
  if (filters.assignedTo) params.set('assignedTo', filters.assignedTo);
  if (filters.tag.trim()) params.set('tag', filters.tag.trim());
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.createdFrom) params.set('createdFrom', filters.createdFrom);
  if (filters.createdTo) params.set('createdTo', filters.createdTo);
  if (filters.overdue) params.set('overdue', 'true');
  return `?${params.toString()}`;
}

/** Local midnight of a calendar day, as an instant with its zone (the API insists on one). */
export function startOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

/** The day after, at local midnight: `createdTo` of the API is exclusive. */
export function startOfNextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).toISOString();
}

/**
 * The query of GET /v1/admin/leads (and leads.csv) for the filters: lists comma-separated,
 * days turned into instants. The typed client writes it into the address.
 */
export function apiParams(filters: InboxFilters): LeadQuery {
  const query: LeadQuery = {};
  if (filters.view !== 'all') query.view = filters.view;
  if (filters.status.length) query.status = filters.status.join(',');
  if (filters.urgency.length) query.urgency = filters.urgency.join(',');
  if (filters.serviceType.length) query.serviceType = filters.serviceType.join(',');
  if (filters.language.length) query.language = filters.language.join(',');
  if (filters.source.trim()) query.source = filters.source.trim();
  if (filters.assignedTo) query.assignedTo = filters.assignedTo;
  if (filters.tag.trim()) query.tag = filters.tag.trim();
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.createdFrom) query.createdFrom = startOfDay(filters.createdFrom);
  if (filters.createdTo) query.createdTo = startOfNextDay(filters.createdTo);
  if (filters.overdue) query.overdue = true;
  query.sort = filters.sort;
  return query;
}

/** One removable filter, shown as a chip: its words and the filters without it. */
export interface FilterChip {
  key: string;
  label: string;
  without: InboxFilters;
}

/** The filters in force besides the view and sort, each as a chip that removes it. */
export function filterChips(filters: InboxFilters): FilterChip[] {
  const chips: FilterChip[] = [];
  const each = <T extends string>(
    field: 'status' | 'urgency' | 'serviceType' | 'language',
    names: Record<T, string>,
  ) => {
    for (const value of filters[field] as T[]) {
      chips.push({
        key: `${field}:${value}`,
        label: names[value] ?? value,
        without: { ...filters, [field]: (filters[field] as T[]).filter((v) => v !== value) },
      });
    }
  };
  if (filters.q.trim())
    chips.push({
      key: 'q',
      label: t('leads.chip.search', { q: filters.q.trim() }),
      without: { ...filters, q: '' },
    });
  each<LeadStatus>('status', STATUS_NAMES);
  each<Urgency>('urgency', URGENCY_NAMES);
  each<string>('serviceType', SERVICE_NAMES);
  each<Language>('language', LANGUAGE_NAMES);
  if (filters.source.trim())
    chips.push({
      key: 'source',
      label: t('leads.chip.source', { source: filters.source.trim() }),
      without: { ...filters, source: '' },
    });
  if (filters.assignedTo) {
    chips.push({
      key: 'assignedTo',
      label: t('leads.chip.assignedTo', { who: filters.assignedTo }),
      without: { ...filters, assignedTo: '' },
    });
  }
  if (filters.tag.trim())
    chips.push({
      key: 'tag',
      label: t('leads.chip.tag', { tag: filters.tag.trim() }),
      without: { ...filters, tag: '' },
    });
  if (filters.createdFrom)
    chips.push({
      key: 'createdFrom',
      label: t('leads.chip.createdFrom', { date: filters.createdFrom }),
      without: { ...filters, createdFrom: '' },
    });
  if (filters.createdTo)
    chips.push({
      key: 'createdTo',
      label: t('leads.chip.createdTo', { date: filters.createdTo }),
      without: { ...filters, createdTo: '' },
    });
  if (filters.overdue)
    chips.push({
      key: 'overdue',
      label: t('leads.chip.overdue'),
      without: { ...filters, overdue: false },
    });
  return chips;
}
