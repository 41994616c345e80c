/**
 * What the `q` of the lead list looks for (docs/api.md#leads, `GET /v1/admin/leads`). No framework
 * code here. A reference (`RI-7KQ2M9XD`, any case, the dash optional) is looked up
 * exactly; anything else is a case-insensitive substring of the name or the email, and
 * when it reads as a phone number, a run of digits of the phone.
 */
import { normalizeReference } from '../leads/reference-code.js';

/** Trigram indexes answer substrings of three characters or more. */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 200;

export type LeadSearch =
  | { kind: 'reference'; reference: string }
  | {
      kind: 'text';
      /** For `name ILIKE`: one word; null for several words or a text with an `@`. */
      namePattern: string | null;
      /**
       * For several words: each must start a word of the name, in any order ("ken john"
       * finds Kenneth Johnson). Lower case, letters and digits only; looked up in the
       * index of the name's word starts (`lead_name_prefixes`, migration LeadDeskNameSearch).
       */
      nameWords: string[] | null;
      /** For `email_normalized LIKE` (already lower case); null when the text holds a space. */
      emailPattern: string | null;
      /** For `phone LIKE`, when the text is a phone number or part of one. */
      phonePattern: string | null;
    };

/** `%` `_` and `\` stand for themselves in a LIKE pattern (backslash is the default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const PHONE_PUNCTUATION = /[\s().+-]/g;
const PHONE_DIGITS = /^\d{3,15}$/;
/** Only a text that starts with the RI prefix is read as a reference: names never become codes. */
const REFERENCE_LIKE = /^ri[\s-]?[a-z0-9]{8}$/i;

export function leadSearch(q: string): LeadSearch {
  const text = q.trim();
  const reference = REFERENCE_LIKE.test(text) ? normalizeReference(text) : undefined;
  if (reference) return { kind: 'reference', reference };
  const digits = text.replace(PHONE_PUNCTUATION, '');
  // Words as PostgreSQL's `simple` text search splits a name: letters and digits only,
  // so nothing of the text can be read as tsquery syntax.
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const several = /\s/.test(text);
  return {
    kind: 'text',
    // A column that cannot match is left out: each trigram index scan costs milliseconds
    // at a million leads (BENCHMARKS.md), and a full name or an address is searched often.
    namePattern: text.includes('@') || several ? null : `%${escapeLike(text)}%`,
    nameWords: text.includes('@') || !several || words.length === 0 ? null : words,
    emailPattern: /\s/.test(text) ? null : `%${escapeLike(text.toLowerCase())}%`,
    phonePattern: PHONE_DIGITS.test(digits) ? `%${digits}%` : null,
  };
}
