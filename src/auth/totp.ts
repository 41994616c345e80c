import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them by
 * default: HMAC-SHA-1, 6 digits, 30-second steps. No framework code here.
 */

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** 160 bits, the HMAC-SHA-1 block RFC 4226 recommends for a shared secret. */
export const TOTP_SECRET_BYTES = 20;

const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
const MODULUS = 10 ** TOTP_DIGITS;
const CODE = new RegExp(`^[0-9]{${TOTP_DIGITS}}$`);
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Leftover characters in a final quantum that no canonical encoding produces (RFC 4648 §6). */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

export class TotpError extends Error {
  override name = 'TotpError';
}

/** RFC 4648 base32, upper case, without `=` padding (authenticator apps take it as is). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
    // Keep only the bits not yet written, so the buffer never outgrows 32 bits.
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Accepts upper or lower case, with or without trailing `=` padding. */
export function base32Decode(text: string): Buffer {
  const digits = text.replace(/=+$/, '').toUpperCase();
  if (IMPOSSIBLE_REMAINDERS.has(digits.length % 8)) {
    throw new TotpError(`not base32: ${digits.length} characters cannot encode whole bytes`);
  }
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const digit of digits) {
    const value = BASE32_ALPHABET.indexOf(digit);
    if (value < 0) throw new TotpError(`not base32: unexpected character "${digit}"`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >>> bits) & 0xff);
      buffer &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/** The time-step counter T of RFC 6238 §4.2 for a Unix time in milliseconds. */
export function totpCounter(timeMs: number): number {
  if (!Number.isFinite(timeMs) || timeMs < 0) {
    throw new TotpError(`time must be a non-negative number of milliseconds, got ${timeMs}`);
  }
  return Math.floor(timeMs / PERIOD_MS);
}

/** HOTP (RFC 4226 §5.3) for one counter: HMAC, dynamic truncation, last 6 decimal digits. */
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % MODULUS).padStart(TOTP_DIGITS, '0');
}

export function totpAt(secretBase32: string, timeMs: number): string {
  return hotp(base32Decode(secretBase32), totpCounter(timeMs));
}

export interface TotpVerifyOptions {
  /** Steps accepted on either side of now, for clock drift and typing time. */
  readonly window?: number;
}

/**
 * The time-step counter that `code` matches within the window, or null. The caller stores
 * it and refuses a later code whose counter is not greater, so a code cannot be replayed.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  nowMs: number,
  { window = 1 }: TotpVerifyOptions = {},
): number | null {
  if (!Number.isInteger(window) || window < 0) {
    throw new TotpError(`window must be a non-negative integer, got ${window}`);
  }
  const key = base32Decode(secretBase32);
  const now = totpCounter(nowMs);
  if (!CODE.test(code)) return null;
  const given = Buffer.from(code, 'ascii');
  let matched: number | null = null;
  // Every step in the window is computed and compared, with no early exit, so the time
  // taken does not tell which step (if any) matched.
  for (let counter = now - window; counter <= now + window; counter++) {
    if (counter < 0) continue;
    const equal = timingSafeEqual(Buffer.from(hotp(key, counter), 'ascii'), given);
    // The earliest match wins: a replayed code then looks as old as it can.
    if (equal && matched === null) matched = counter;
  }
  return matched;
}

export interface OtpauthUriInput {
  readonly secret: string;
  /** Shown in the app under the issuer, typically the staff member's email address. */
  readonly accountName: string;
  readonly issuer: string;
}

/**
 * The `otpauth://totp/…` URI that a QR code carries (Google Authenticator's Key Uri
 * Format). The issuer is in both the label and the parameter, as the format recommends
 * for apps that read only one of them.
 */
export function otpauthUri({ secret, accountName, issuer }: OtpauthUriInput): string {
  // The label's colon separates issuer from account, so neither may hold one itself.
  if (issuer.includes(':') || accountName.includes(':')) {
    throw new TotpError('issuer and account name may not contain a colon');
  }
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  // encodeURIComponent rather than URLSearchParams: some apps show a `+` for a space.
  const parameters: [string, string][] = [
    ['secret', secret],
    ['issuer', issuer],
    ['algorithm', 'SHA1'],
    ['digits', String(TOTP_DIGITS)],
    ['period', String(TOTP_PERIOD_SECONDS)],
  ];
  const query = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return `otpauth://totp/${label}?${query.join('&')}`;
}
