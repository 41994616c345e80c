import type { DataCipher } from '../common/encryption/data-cipher.js';
import { hashToken } from '../common/tokens.js';

const PURPOSE = 'paperwork-request-token';

/** How long a paperwork link works. */
export const PAPERWORK_VALID_DAYS = 14;

/** The link token of a paperwork request: 256 bits derived from its id, never stored. */
export function paperworkToken(cipher: DataCipher, requestId: string, keyId?: string) {
  const { value, keyId: usedKeyId } = cipher.derive(PURPOSE, requestId, keyId);
  return { token: value, keyId: usedKeyId, hash: hashToken(value) };
}
