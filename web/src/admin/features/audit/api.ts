import { call, staffApi } from '../../../api/client';
import { usePagedQuery } from '../../lib/query';

/** Who did what, to which lead, when (admin only). */
export interface AuditQuery {
  actorUserId?: string;
  action?: string;
  leadId?: string;
  from?: string;
  to?: string;
}

export function useAuditEvents(query: AuditQuery) {
  return usePagedQuery(['audit-events', query], (cursor) =>
    call(() => staffApi.GET('/v1/admin/audit-events', { params: { query: { ...query, cursor } } })),
  );
}
