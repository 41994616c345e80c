/**
 * What a practice logo may be: a PNG or a JPEG of at most 256 KiB, told by its first
 * bytes (the declared Content-Type must agree with them). No framework code here.
 */

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length > signature.length && signature.every((byte, index) => bytes[index] === byte);

/** The image type the bytes start with, if PNG or JPEG. */
export function sniffLogoType(bytes: Uint8Array): LogoContentType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

export type LogoCheck =
  { ok: true; contentType: LogoContentType } | { ok: false; problem: 'too-large' | 'not-an-image' };

/**
 * Whether an upload may become the logo. The declared type (`Content-Type`, parameters
 * ignored) must be PNG or JPEG and match what the bytes are: a file that only claims to
 * be an image is refused, and so is one served under the wrong type.
 */
export function checkLogo(bytes: Uint8Array, declaredType: string | undefined): LogoCheck {
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, problem: 'too-large' };
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const actual = sniffLogoType(bytes);
  if (actual === null || actual !== declared) return { ok: false, problem: 'not-an-image' };
  return { ok: true, contentType: actual };
}
