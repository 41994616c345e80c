import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be misheard or misread: no 0/O, 1/I/L. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_PATTERN = /^RI-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** A fresh `RI-XXXXXXXX` code; 31^8 ≈ 8.5·10^11 values, drawn uniformly. */
export function newReferenceCode(random: (max: number) => number = randomInt): string {
  let code = 'RI-';
  for (let i = 0; i < 8; i++) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return code;
}

/** Accepts what a person reads out or types: any case, spaces or a missing prefix. */
export function normalizeReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const code = compact.startsWith('RI') ? compact.slice(2) : compact;
  const candidate = `RI-${code}`;
  return REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}
