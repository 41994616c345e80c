import type { Language } from './languages.js';

/**
 * The stable `code` of every item of a 422's `errors` (docs/api.md#validation-codes): a
 * page shows its own words for the code, so a message never has to be parsed.
 */
export const VALIDATION_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid_email',
  'invalid_phone',
  'not_an_option',
  'out_of_range',
  'unknown_field',
  'must_be_true',
  'invalid_type',
  'invalid_date',
  'invalid_format',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** Numbers a message may name: `{max}` characters, `{min}` to `{max}`. */
export interface ValidationParams {
  readonly min?: number;
  readonly max?: number;
}

/** The values a catalogue message is formatted with: an absent number reads as `none`. */
export function validationValues(
  params: ValidationParams = {},
): Record<'min' | 'max', number | string> {
  return { min: params.min ?? 'none', max: params.max ?? 'none' };
}

/**
 * What a person reads for each code, as ICU MessageFormat. The server uses these for
 * every language but English (whose messages stay the precise ones the checks wrote);
 * the public pages use them for every language. `{max}` and `{min}` may be absent, so
 * each message reads well without them (`select` on `other`).
 */
export const VALIDATION_MESSAGES: Record<Language, Record<ValidationCode, string>> = {
  en: {
    required: 'Please fill this in.',
    too_long:
      '{max, select, other {Please keep this to {max} characters or fewer.} none {This is too long.}}',
    too_short: 'This is too short.',
    invalid_email: 'Please enter an email address, like name@example.com.',
    invalid_phone: 'Please enter a phone number with its country code, like +1 503 555 0142.',
    not_an_option: 'Please choose one of the options.',
    out_of_range:
      '{min, select, none {This number is out of range.} other {Please choose a number from {min} to {max}.}}',
    unknown_field: 'This is not part of the form.',
    must_be_true: 'Please tick this box to continue.',
    invalid_type: 'This answer is not in the form we expected.',
    invalid_date: 'Please enter a real date.',
    invalid_format: 'Please check this answer.',
  },
  es: {
    required: 'Por favor, complete este campo.',
    too_long:
      '{max, select, other {Por favor, use como máximo {max} caracteres.} none {El texto es demasiado largo.}}',
    too_short: 'El texto es demasiado corto.',
    invalid_email: 'Por favor, escriba un correo electrónico, por ejemplo nombre@ejemplo.com.',
    invalid_phone:
      'Por favor, escriba un número de teléfono con el código de país, por ejemplo +1 503 555 0142.',
    not_an_option: 'Por favor, elija una de las opciones.',
    out_of_range:
      '{min, select, none {El número está fuera del rango.} other {Por favor, elija un número del {min} al {max}.}}',
    unknown_field: 'Este dato no forma parte del formulario.',
    must_be_true: 'Por favor, marque esta casilla para continuar.',
    invalid_type: 'Esta respuesta no tiene el formato esperado.',
    invalid_date: 'Por favor, escriba una fecha válida.',
    invalid_format: 'Por favor, revise esta respuesta.',
  },
};
