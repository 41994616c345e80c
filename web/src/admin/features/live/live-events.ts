import type { Urgency } from '../../../api/types';
import { URGENCIES } from '../../vocabulary';
import { t } from '../../i18n/t';

/*
 * What the staff app does with the live stream's events, without React: read an event,
 * decide which cached reads it makes stale, and the tab title with the count of new leads.
 */

/** One event of GET /v1/admin/stream (ids and labels only). */
export interface LiveEvent {
  type: 'lead.created' | 'lead.changed';
  leadId: string;
  urgency: Urgency;
}

/** The `data` of a stream message, or null when it is not one of ours. */
export function parseLiveEvent(data: unknown): LiveEvent | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, leadId, urgency } = value as Record<string, unknown>;
  if (type !== 'lead.created' && type !== 'lead.changed') return null;
  if (typeof leadId !== 'string' || leadId === '') return null;
  if (typeof urgency !== 'string' || !(URGENCIES as readonly string[]).includes(urgency)) {
    return null;
  }
  return { type, leadId, urgency: urgency as Urgency };
}

/**
 * How a cached read (by its query key) takes an event:
 * - `refetch`: read again now, if shown (the counts; the lists on a change);
 * - `stale`: read again the next time it is shown. New leads wait for "show" so the list
 *   does not move under the reader; an open lead page is not read again under a change
 *   being made to it (its ETag would silently move past what the person saw);
 * - `keep`: not about leads.
 */
export type Invalidation = 'refetch' | 'stale' | 'keep';

export function invalidationOf(queryKey: readonly unknown[], event: LiveEvent): Invalidation {
  if (queryKey[0] !== 'leads') return 'keep';
  const part = queryKey[1];
  if (part === 'list') return event.type === 'lead.changed' ? 'refetch' : 'stale';
  if (part === 'one') return queryKey[2] === event.leadId ? 'stale' : 'keep';
  if (part === 'matches') return queryKey[2] === event.leadId ? 'stale' : 'keep';
  // The counts of the views, and whatever else sums up leads.
  return 'refetch';
}

const COUNT_PREFIX = /^\(\d+\) /;

/** "(2) Inbox · …" while 2 new leads wait to be shown; the plain title at 0. */
export function titleWithCount(title: string, count: number): string {
  const plain = title.replace(COUNT_PREFIX, '');
  return count > 0 ? `(${count}) ${plain}` : plain;
}

/** "1 new lead — show", "3 new leads — show". */
export function newLeadsText(count: number): string {
  return t('live.newLeads', { count });
}
