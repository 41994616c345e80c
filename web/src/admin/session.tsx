import { createContext, useContext } from 'react';
import type { Me, Role } from '../api/types';

/** Who is signed in, for every screen below the app shell. */
export interface Session {
  me: Me;
  /** Ends the session; `notice` is what the sign-in page then says (why it ended). */
  signOut(notice?: string): Promise<void>;
  /** Reads /v1/auth/me again (after a profile or MFA change). */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}

export function hasRole(session: Session, ...roles: Role[]): boolean {
  return roles.includes(session.me.user.role);
}
