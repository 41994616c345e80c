import { randomInt } from 'node:crypto';

/** How many recovery codes an enrolment gives (each works once). */
export const RECOVERY_CODE_COUNT = 10;

// Lower-case letters and digits without 0/o, 1/l/i: read off paper without doubt.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A fresh code: 16 characters in four groups (`abcd-efgh-jkmn-pqrs`), about 79 bits. */
export function newRecoveryCode(): string {
  return Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
}

/** A code as typed (any case, spaces or dashes anywhere) in the form it was issued, or null. */
export function normalizeRecoveryCode(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  if (plain.length !== GROUPS * GROUP_LENGTH) return null;
  if (![...plain].every((character) => ALPHABET.includes(character))) return null;
  return plain.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}
