import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Trims and NFC-normalises a string field before validation; other types pass through. */
export const NormalizedText = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.normalize('NFC').trim() : value,
  );

/**
 * One line of text (names, addresses, codes: anything that may end up in a header, a
 * subject, a CSV cell or a list): no control characters, no line or paragraph separator.
 */
export const SINGLE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;

/** Free text (a message): line breaks and tabs are fine, other control characters are not. */
export const MULTI_LINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

export const SingleLine = () =>
  Matches(SINGLE_LINE, { message: 'must not contain control characters or line breaks' });

export const MultiLine = () =>
  Matches(MULTI_LINE, { message: 'must not contain control characters other than line breaks' });
