import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a link or a session: 256 random bits, URL-safe. */
export function secretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up in place of a token: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
