import { call, staffApi, type Schemas } from '../../../api/client';
import type { SessionView } from '../../../api/types';
import { queryClient, useListQuery } from '../../lib/query';

/** Signing in, two-factor sign-in, passwords and one's own sessions. */

export type MfaSetup = Schemas['MfaSetupView'];

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

/** Its 401 is an answer (wrong password), not a lost session. */
export function signIn(body: Credentials) {
  return call(() => staffApi.POST('/v1/auth/login', { body }), {
    signingIn: true,
  });
}

export function startMfaSetup() {
  return call(() => staffApi.POST('/v1/auth/mfa/setup'));
}

export function verifyMfa(code: string) {
  return call(() => staffApi.POST('/v1/auth/mfa/verify', { body: { code } }));
}

export function newRecoveryCodes(code: string) {
  return call(() => staffApi.POST('/v1/auth/mfa/recovery-codes', { body: { code } }));
}

export function reauthenticate(body: { totp: string } | { password: string }) {
  return call(() => staffApi.POST('/v1/auth/reauthenticate', { body }));
}

export function changePassword(currentPassword: string, newPassword: string) {
  return call(() => staffApi.POST('/v1/auth/password', { body: { currentPassword, newPassword } }));
}

export function acceptInvitation(token: string, password: string) {
  return call(() =>
    staffApi.POST('/v1/auth/invitations/{token}/accept', {
      params: { path: { token } },
      body: { password },
    }),
  );
}

export function resetPassword(token: string, password: string) {
  return call(() =>
    staffApi.POST('/v1/auth/password-reset/{token}', {
      params: { path: { token } },
      body: { password },
    }),
  );
}

export function requestPasswordReset(email: string) {
  return call(() => staffApi.POST('/v1/auth/password-reset', { body: { email } }));
}

const sessionsKey = ['sessions'] as const;

export function useSessions() {
  return useListQuery<SessionView>(sessionsKey, () =>
    call(() => staffApi.GET('/v1/auth/sessions')),
  );
}

/** Resolves once the sessions were read again. */
export const reloadSessions = () => queryClient.refetchQueries({ queryKey: sessionsKey });

export function endSession(id: string) {
  return call(() => staffApi.DELETE('/v1/auth/sessions/{id}', { params: { path: { id } } }));
}
