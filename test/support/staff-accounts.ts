import { randomBytes } from 'node:crypto';
import type { UserRole } from '../../src/vocabulary/user-role.js';
import type { CaughtMessage } from './smtp-sink.js';

/** A body for POST /v1/admin/users; override what the test is about. */
export function aNewStaffUser(overrides: { email?: string; name?: string; role?: UserRole } = {}): {
  email: string;
  name: string;
  role: UserRole;
} {
  return {
    email: `jordan.${randomBytes(4).toString('hex')}@practice.example.com`,
    name: 'Jordan Lee',
    role: 'coordinator',
    ...overrides,
  };
}

/** Passwords the policy accepts (none uses the builders' names or addresses). */
export const GOOD_PASSWORD = 'lantern orchard seventy';
export const OTHER_GOOD_PASSWORD = 'violet kettle under the stairs';
/** On the list of common or breached passwords. */
export const COMMON_PASSWORD = 'password1234';

/** The token of the one-time link in an email (`…/admin/<page>?token=<token>`). */
export function linkToken(message: CaughtMessage, page: 'accept-invitation' | 'reset-password') {
  const match = new RegExp(`/admin/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(message.text);
  if (!match) throw new Error(`no ${page} link in the message "${message.subject}"`);
  return match[1]!;
}
