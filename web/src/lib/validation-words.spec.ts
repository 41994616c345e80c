import { describe, expect, it } from '@jest/globals';
import { codeMessage } from './validation-words';

describe('codeMessage', () => {
  it('says each stable code in the page’s language', () => {
    expect(codeMessage('required', 'es')).toBe('Por favor, complete este campo.');
    expect(codeMessage('required', 'en')).toBe('Please fill this in.');
    expect(codeMessage('too_long', 'es', { max: 200 })).toBe(
      'Por favor, use como máximo 200 caracteres.',
    );
  });

  it('leaves an unknown code to the server’s message', () => {
    expect(codeMessage('made_up', 'es')).toBeUndefined();
    expect(codeMessage(undefined, 'es')).toBeUndefined();
  });
});
