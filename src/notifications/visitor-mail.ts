/**
 * The rules for email a public route sends to an address a visitor typed (an
 * acknowledgement, a partner invitation): such a route is a relay an attacker would
 * love, so what it may carry and how often it may write are kept small. No framework
 * code here.
 */

/** At most this many emails to one address in any 24 hours from public routes. */
export const VISITOR_MAILS_PER_ADDRESS = 3;
export const VISITOR_MAIL_WINDOW_HOURS = 24;

/** The longest first name an email repeats. */
export const MAIL_NAME_MAX_LENGTH = 40;
/** What an email says instead of a name it will not repeat. */
export const UNNAMED = 'someone';

/** Letters (any script, with their combining marks), spaces, hyphens and apostrophes. */
const NAME_CHARACTERS = /^[\p{L}\p{M} '\u2019-]+$/u;
const LETTER = /\p{L}/u;

/**
 * The first name an email to a visitor-typed address may carry: the first word of the
 * name the visitor typed, when the whole name is letters, spaces, hyphens and
 * apostrophes and that first name has at most 40 characters; otherwise "someone".
 * A name holding a link, markup or digits is never half-repeated.
 */
export function nameForMail(typedName: string): string {
  const name = typedName.normalize('NFC').trim();
  if (!NAME_CHARACTERS.test(name)) return UNNAMED;
  const first = name.split(/ +/u)[0] ?? '';
  if (!LETTER.test(first) || [...first].length > MAIL_NAME_MAX_LENGTH) return UNNAMED;
  return first;
}
