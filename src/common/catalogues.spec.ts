import { describe, expect, it } from '@jest/globals';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGUAGES } from '../vocabulary/languages.js';
import { VALIDATION_CODES, VALIDATION_MESSAGES } from '../vocabulary/validation-codes.js';
import { validationMessage } from './i18n.js';

/** The argument names an ICU message uses, nested ones included. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('the validation catalogue', () => {
  it('says every code in every language, with the same arguments as English', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(VALIDATION_MESSAGES[language]).sort()).toEqual(
        [...VALIDATION_CODES].sort(),
      );
      for (const code of VALIDATION_CODES) {
        const message = VALIDATION_MESSAGES[language][code];
        expect(message.trim()).not.toBe('');
        expect(argumentsOf(message)).toEqual(argumentsOf(VALIDATION_MESSAGES.en[code]));
      }
    }
  });

  it('names the limits when it has them and reads well without them', () => {
    expect(validationMessage('es', 'too_long', { max: 200 })).toBe(
      'Por favor, use como máximo 200 caracteres.',
    );
    expect(validationMessage('es', 'too_long')).toBe('El texto es demasiado largo.');
    expect(validationMessage('es', 'out_of_range', { min: 1, max: 7 })).toBe(
      'Por favor, elija un número del 1 al 7.',
    );
  });
});
