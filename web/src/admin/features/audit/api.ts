import { call, staffApi, type ApiResult } from '../../../api/client';
import type { AuditEventView } from '../../../api/types';
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
  return usePagedQuery(
    ['audit-events', query],
    (cursor) =>
      // LOCAL type: the document has no response schema for the audit events yet.
      call(() =>
        staffApi.GET('/v1/admin/audit-events', { params: { query: { ...query, cursor } } }),
      ) as Promise<ApiResult<{ items: AuditEventView[]; nextCursor: string | null }>>,
  );
}
