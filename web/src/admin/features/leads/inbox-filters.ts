import type { LeadStatus, Urgency } from '../../../api/types';
import type { LeadQuery } from '../../lib/api';
import { LEAD_STATUSES, SERVICE_TYPES, URGENCIES } from '../../vocabulary';

/**
 * The inbox's filters, kept in the page address (/admin/leads?status=new,in_review&q=…) so
 * a view can be shared and reloaded. No React here: tested on its own.
 */
export const INBOX_SORTS = ['-createdAt', 'createdAt', 'urgency'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxFilters {
  status: LeadStatus[];
  urgency: Urgency[];
  serviceType: string[];
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

export const NO_FILTERS: InboxFilters = {
  status: [],
  urgency: [],
  serviceType: [],
  assignedTo: '',
  tag: '',
  q: '',
  createdFrom: '',
  createdTo: '',
  overdue: false,
  sort: '-createdAt',
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
  return {
    status: listOf(params.get('status'), LEAD_STATUSES),
    urgency: listOf(params.get('urgency'), URGENCIES),
    serviceType: listOf(params.get('serviceType'), SERVICE_TYPES),
    assignedTo: params.get('assignedTo') ?? '',
    tag: params.get('tag') ?? '',
    q: params.get('q') ?? '',
    createdFrom: day('createdFrom'),
    createdTo: day('createdTo'),
    overdue: params.get('overdue') === 'true',
    sort: (INBOX_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as InboxSort)
      : '-createdAt',
  };
}

/** The page query for the filters: only what differs from no filter, in a stable order. */
export function searchFromFilters(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.urgency.length) params.set('urgency', filters.urgency.join(','));
  if (filters.serviceType.length) params.set('serviceType', filters.serviceType.join(','));
  if (filters.assignedTo) params.set('assignedTo', filters.assignedTo);
  if (filters.tag.trim()) params.set('tag', filters.tag.trim());
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.createdFrom) params.set('createdFrom', filters.createdFrom);
  if (filters.createdTo) params.set('createdTo', filters.createdTo);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.sort !== '-createdAt') params.set('sort', filters.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
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
  if (filters.status.length) query.status = filters.status.join(',');
  if (filters.urgency.length) query.urgency = filters.urgency.join(',');
  if (filters.serviceType.length) query.serviceType = filters.serviceType.join(',');
  if (filters.assignedTo) query.assignedTo = filters.assignedTo;
  if (filters.tag.trim()) query.tag = filters.tag.trim();
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.createdFrom) query.createdFrom = startOfDay(filters.createdFrom);
  if (filters.createdTo) query.createdTo = startOfNextDay(filters.createdTo);
  if (filters.overdue) query.overdue = true;
  if (filters.sort !== '-createdAt') query.sort = filters.sort;
  return query;
}
