import type { DataCipher } from '../common/encryption/data-cipher.js';
import { hashToken } from '../common/tokens.js';
import type { StaffTokenPurpose } from './staff-token.entity.js';

const PURPOSE = 'staff-token';

/**
 * How long a one-time link works (docs/api.md#staff-sign-in-and-accounts: invitations 72 h;
 * a reset link one hour).
 */
export const STAFF_TOKEN_LIFETIME_MS: Record<StaffTokenPurpose, number> = {
  invitation: 72 * 3_600_000,
  password_reset: 3_600_000,
};

/** Where each link leads: the admin front end's page that posts the token back. */
const LINK_PATHS: Record<StaffTokenPurpose, string> = {
  invitation: '/admin/accept-invitation',
  password_reset: '/admin/reset-password',
};

/** A token as it travels: 256 bits, base64url. Anything else is not looked up. */
export const STAFF_LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token of a staff link: derived from the staff_token id with a data key, so it is
 * never stored (only its SHA-256 is) and the email can still be rendered when it is sent.
 */
export function staffLinkToken(cipher: DataCipher, tokenId: string, keyId?: string) {
  const { value, keyId: usedKeyId } = cipher.derive(PURPOSE, tokenId, keyId);
  return { token: value, keyId: usedKeyId, hash: hashToken(value) };
}

export function staffLink(baseUrl: string, purpose: StaffTokenPurpose, token: string): string {
  return `${baseUrl}${LINK_PATHS[purpose]}?token=${encodeURIComponent(token)}`;
}
