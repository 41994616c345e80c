import { IntlMessageFormat } from 'intl-messageformat';

const compiled = new Map<string, IntlMessageFormat>();

/**
 * An ICU message compiled once per locale and text, for the pages, the embed and the staff
 * app alike: parsing is the costly part, formatting a compiled message is cheap.
 */
export function icuMessage(message: string, locale: string): IntlMessageFormat {
  const id = `${locale}\u0000${message}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(message, locale);
    compiled.set(id, format);
  }
  return format;
}
