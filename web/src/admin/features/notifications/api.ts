import { call, staffApi } from '../../../api/client';
import type { NotificationView } from '../../../api/types';
import { usePagedQuery } from '../../lib/query';

/** Outgoing email and its delivery. */
export type NotificationStatus = NotificationView['status'];

export function useNotifications(status: NotificationStatus | undefined) {
  return usePagedQuery(['notifications', status ?? 'any'], (cursor) =>
    call(() => staffApi.GET('/v1/admin/notifications', { params: { query: { status, cursor } } })),
  );
}

export function retryNotification(id: string) {
  return call(() =>
    staffApi.POST('/v1/admin/notifications/{id}/retry', { params: { path: { id } } }),
  );
}
