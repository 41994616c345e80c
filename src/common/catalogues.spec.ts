import { describe, expect, it } from '@jest/globals';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGUAGES } from '../vocabulary/languages.js';
import { VALIDATION_CODES, VALIDATION_MESSAGES } from '../vocabulary/validation-codes.js';
import { CLIENT_WORDS, type ClientWordKey } from '../vocabulary/client-words.js';
import { CRISIS_RESOURCES_BY_LANGUAGE } from '../vocabulary/urgency.js';
import { formatMessage, validationMessage } from './i18n.js';

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

describe('the client words of emails', () => {
  const keys = Object.keys(CLIENT_WORDS.en).sort() as ClientWordKey[];

  it('has every key in every language, non-empty, with the same arguments as English', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(CLIENT_WORDS[language]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(CLIENT_WORDS[language][key].trim()).not.toBe('');
        expect(argumentsOf(CLIENT_WORDS[language][key])).toEqual(argumentsOf(CLIENT_WORDS.en[key]));
      }
    }
  });

  it('formats every message in every language', () => {
    for (const language of LANGUAGES) {
      for (const key of keys) {
        const values = Object.fromEntries(
          argumentsOf(CLIENT_WORDS.en[key]).map((name) => [name, 'X']),
        );
        expect(formatMessage(language, CLIENT_WORDS[language][key], values)).not.toMatch(/[{}]/);
      }
    }
  });

  it('names 988 with its Spanish option and 911 in Spanish', () => {
    const spanish = CRISIS_RESOURCES_BY_LANGUAGE.es.map((resource) => resource.contact).join(' ');
    expect(spanish).toContain('marque 2 para español');
    expect(spanish).toContain('911');
    expect(CLIENT_WORDS.es['crisis.mail']).toContain('marque 2 para español');
  });
});
