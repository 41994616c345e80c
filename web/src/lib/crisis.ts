import type { Schemas } from '../api/client';

/** Sent with a submission that suggests a crisis (docs/survey.md#crisis-phrases). */
export type CrisisResource = Schemas['CrisisResourceDto'];

/**
 * Splits "Call or text 988" around its number, so the number can be a tel: link that a
 * phone dials in one tap. Undefined when the contact holds no number.
 */
export function splitContact(
  contact: string,
): { before: string; number: string; after: string } | undefined {
  const match = /\d{3,}/.exec(contact);
  if (!match) return undefined;
  return {
    before: contact.slice(0, match.index),
    number: match[0],
    after: contact.slice(match.index + match[0].length),
  };
}
