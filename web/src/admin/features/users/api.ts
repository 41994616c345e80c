import { call, staffApi } from '../../../api/client';
import type { Role, UserView } from '../../../api/types';
import { queryClient, useListQuery } from '../../lib/query';

/** Staff accounts (admin only). */
const usersKey = ['users'] as const;

export function useUsers() {
  return useListQuery<UserView>(usersKey, () => call(() => staffApi.GET('/v1/admin/users')));
}

/** After a change: the list is read again. */
export const refreshUsers = () => queryClient.invalidateQueries({ queryKey: usersKey });

export function inviteUser(body: { name: string; email: string; role: Role }) {
  return call(() => staffApi.POST('/v1/admin/users', { body }));
}

export function updateUser(id: string, body: { role?: Role; active?: boolean }) {
  return call(() => staffApi.PATCH('/v1/admin/users/{id}', { params: { path: { id } }, body }));
}

export function resendInvitation(id: string) {
  return call(() => staffApi.POST('/v1/admin/users/{id}/invitation', { params: { path: { id } } }));
}

export function resetMfa(id: string) {
  return call(() => staffApi.POST('/v1/admin/users/{id}/mfa/reset', { params: { path: { id } } }));
}
