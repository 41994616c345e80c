import type { DataCipher } from '../common/encryption/data-cipher.js';
import { hashToken } from '../common/tokens.js';

export { hashToken };

const PURPOSE = 'partner-invitation-token';

/** The link token of an invitation: 256 bits derived from its id, never stored. */
export function partnerToken(cipher: DataCipher, invitationId: string, keyId?: string) {
  const { value, keyId: usedKeyId } = cipher.derive(PURPOSE, invitationId, keyId);
  return { token: value, keyId: usedKeyId, hash: hashToken(value) };
}

/** What partner B is told of partner A: the first name only. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? '';
}
