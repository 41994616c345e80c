import { useQuery } from '@tanstack/react-query';
import { call, staffApi } from '../../../api/client';
import type { ContactAttemptChange, LeadStatus, Urgency } from '../../../api/types';
import type { LeadQuery } from '../../lib/api';
import { queryClient, useApiQuery, usePagedQuery } from '../../lib/query';

/** The lead list and one lead: reads cached by query key, changes through the typed client. */
export const leadKeys = {
  all: ['leads'] as const,
  list: (query: LeadQuery) => ['leads', 'list', query] as const,
  counts: ['leads', 'counts'] as const,
  one: (id: string) => ['leads', 'one', id] as const,
  matches: (id: string, assignedTo: string) => ['leads', 'matches', id, assignedTo] as const,
};

export function useLeadList(query: LeadQuery, limit: number) {
  return usePagedQuery(leadKeys.list(query), (cursor) =>
    call(() => staffApi.GET('/v1/admin/leads', { params: { query: { ...query, limit, cursor } } })),
  );
}

/** How many leads each desk view holds, for the caller. */
export function useViewCounts() {
  return useApiQuery(leadKeys.counts, () => call(() => staffApi.GET('/v1/admin/leads/counts')));
}

/** One attempt to reach the lead; the first stops its response clock. */
export function logContactAttempt(id: string, body: ContactAttemptChange) {
  return call(() =>
    staffApi.POST('/v1/admin/leads/{id}/contact-attempts', { params: { path: { id } }, body }),
  );
}

/** After a change: every cached lead list, count and page is read again. */
export function refreshLeads(): void {
  void queryClient.invalidateQueries({ queryKey: leadKeys.all });
}

/** One lead's page with its ETag: read before a change made from the list (If-Match). */
export function readLead(id: string) {
  return call(() => staffApi.GET('/v1/admin/leads/{id}', { params: { path: { id } } }));
}

export function useLead(id: string) {
  return useApiQuery(leadKeys.one(id), () =>
    call(() => staffApi.GET('/v1/admin/leads/{id}', { params: { path: { id } } })),
  );
}

export function useMatches(id: string, assignedTo: string) {
  return useApiQuery(leadKeys.matches(id, assignedTo), () =>
    call(() => staffApi.GET('/v1/admin/leads/{id}/matches', { params: { path: { id } } })),
  );
}

/** The questions of the form version an intake answered. */
export function useFormVersion(slug: string, version: number) {
  return useApiQuery(['forms', slug, version], () =>
    call(() =>
      staffApi.GET('/v1/intake-forms/{slug}/versions/{version}', {
        params: { path: { slug, version } },
      }),
    ),
  );
}

export interface LeadChange {
  status?: LeadStatus;
  urgency?: Urgency;
  assignedClinicianId?: string | null;
  tags?: string[];
  /** With a move to referred_out or declined: email the client kind referrals. */
  notifyClient?: boolean;
}

/** PATCH with the ETag of the lead as read: a stale one answers 409/428, never overwrites. */
export function changeLead(id: string, change: LeadChange, etag: string | null) {
  return call(() =>
    staffApi.PATCH('/v1/admin/leads/{id}', {
      // Without an ETag the header stays out and the server asks for one (428).
      params: {
        path: { id },
        header: (etag ? { 'If-Match': etag } : {}) as { 'If-Match': string },
      },
      body: change,
    }),
  );
}

export function addNote(id: string, body: string) {
  return call(() =>
    staffApi.POST('/v1/admin/leads/{id}/notes', { params: { path: { id } }, body: { body } }),
  );
}

/** Folds a duplicate into the survivor; with `dryRun` only says what the survivor would be. */
export function mergeLead(duplicateId: string, intoLeadId: string, dryRun = false) {
  return call(() =>
    staffApi.POST('/v1/admin/leads/{id}/merge', {
      params: { path: { id: duplicateId } },
      body: { intoLeadId, dryRun },
    }),
  );
}

export function eraseLead(id: string, reason: string) {
  return call(() =>
    staffApi.DELETE('/v1/admin/leads/{id}', { params: { path: { id } }, body: { reason } }),
  );
}

/** For the "assigned to" filter; a clinician's own inbox has none. */
export function useActiveClinicians(wanted: boolean) {
  const query = useQuery({
    queryKey: ['clinicians', 'active'],
    queryFn: () =>
      call(() => staffApi.GET('/v1/admin/clinicians', { params: { query: { active: true } } })),
    enabled: wanted,
  });
  return query.data?.kind === 'ok' ? query.data.body.items : [];
}
