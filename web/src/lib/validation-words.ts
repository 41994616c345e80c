import { icuMessage } from './icu';
import {
  type Language,
  VALIDATION_CODES,
  VALIDATION_MESSAGES,
  type ValidationCode,
  type ValidationParams,
  validationValues,
} from './vocabulary';

const isCode = (code: unknown): code is ValidationCode =>
  typeof code === 'string' && (VALIDATION_CODES as readonly string[]).includes(code);

/**
 * What a page shows for a 422 item, in its own language: the catalogue's sentence for
 * the item's stable `code` (the same catalogue the server speaks Spanish from).
 * Undefined for an item without a code we know: the page shows the server's message.
 */
export function codeMessage(
  code: unknown,
  language: Language,
  params: ValidationParams = {},
): string | undefined {
  if (!isCode(code)) return undefined;
  return String(
    icuMessage(VALIDATION_MESSAGES[language][code], language).format(validationValues(params)),
  );
}
