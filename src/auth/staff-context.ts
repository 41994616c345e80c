import type { User } from '../users/user.entity.js';
import type { StaffSession } from './staff-session.entity.js';

/** The signed-in staff member of a request, set by the StaffAuthGuard. */
export interface StaffContext {
  user: User;
  session: StaffSession;
  /** How the credentials came: a cookie-authenticated write also needs the CSRF token. */
  via: 'bearer' | 'cookie';
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffContext;
  }
}

/**
 * docs/api.md#staff-sign-in-and-accounts: sessions end 12 hours after sign-in, or after 30
 * minutes without a request.
 */
export const SESSION_LIFETIME_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 30 * 60_000;
/** lastSeenAt is written at most this often, so reads do not all become writes. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
