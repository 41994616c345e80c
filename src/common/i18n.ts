import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../vocabulary/languages.js';
import {
  VALIDATION_MESSAGES,
  type ValidationCode,
  type ValidationParams,
  validationValues,
} from '../vocabulary/validation-codes.js';

const compiled = new Map<string, IntlMessageFormat>();

/** Formats one ICU message of a catalogue; compiled once per language and text. */
export function formatMessage(
  language: Language,
  message: string,
  values: Record<string, string | number> = {},
): string {
  const key = `${language}\u0000${message}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, language);
    compiled.set(key, format);
  }
  return String(format.format(values));
}

/** A validation code in a person's words; an absent number reads as `none` in the message. */
export function validationMessage(
  language: Language,
  code: ValidationCode,
  params: ValidationParams = {},
): string {
  return formatMessage(language, VALIDATION_MESSAGES[language][code], validationValues(params));
}
