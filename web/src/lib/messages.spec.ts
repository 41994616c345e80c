import { describe, expect, it } from '@jest/globals';
import { pageWords } from '../pages/i18n/words';
import { inlineMessage, shortLabel, summaryLine } from './messages';

const en = pageWords('en');
const es = pageWords('es');
const missing = { message: 'is required' };

describe('inlineMessage', () => {
  it('asks for a missing answer in the words of the control', () => {
    expect(inlineMessage(en, 'name', missing)).toBe('Please fill this in.');
    expect(inlineMessage(en, 'answers.anx1', missing, 'choice')).toBe('Please choose an answer.');
    expect(inlineMessage(en, 'consent.telehealth', missing, 'checkbox')).toBe(
      'Please tick this box to continue.',
    );
  });

  it('explains the consent box instead of "must be true"', () => {
    expect(inlineMessage(en, 'consent.contact', missing, 'checkbox')).toBe(
      'Please tick this box so the practice may contact you.',
    );
    expect(
      inlineMessage(en, 'consent.contact', { message: 'must be true to be contacted' }, 'checkbox'),
    ).toBe('Please tick this box so the practice may contact you.');
  });

  it('shows any other message of the API as a sentence in English', () => {
    expect(
      inlineMessage(en, 'email', { code: 'invalid_email', message: 'must be an email address' }),
    ).toBe('Must be an email address.');
    expect(
      inlineMessage(en, 'client.phone', {
        message: 'must be a phone number in E.164 form, e.g. +15035550142',
      }),
    ).toBe('Must be a phone number in E.164 form, e.g. +15035550142.');
  });

  it('says the error’s code in Spanish, whatever language the message came in', () => {
    expect(
      inlineMessage(es, 'email', { code: 'invalid_email', message: 'must be an email address' }),
    ).toBe('Por favor, escriba un correo electrónico, por ejemplo nombre@ejemplo.com.');
    expect(
      inlineMessage(es, 'name', { code: 'too_long', message: 'too long', params: { max: 200 } }),
    ).toBe('Por favor, use como máximo 200 caracteres.');
    expect(inlineMessage(es, 'name', { code: 'required', message: 'x' })).toBe(
      'Por favor, complete este campo.',
    );
    expect(inlineMessage(es, 'answers.anx1', missing, 'choice')).toBe(
      'Por favor, elija una respuesta.',
    );
    expect(
      inlineMessage(es, 'consent.contact', { code: 'must_be_true', message: 'x' }, 'checkbox'),
    ).toBe('Por favor, marque esta casilla para que el consultorio pueda comunicarse con usted.');
  });
});

describe('summaryLine', () => {
  it('names the field, then what to change', () => {
    expect(summaryLine(en, 'Your email', 'email', { message: 'must be an email address' })).toBe(
      'Your email: Must be an email address.',
    );
  });

  it('cuts a long question to a readable length', () => {
    const label =
      'When my partner is away or out of touch, I worry they may lose interest in me and more.';
    expect(shortLabel(label, 40)).toBe('When my partner is away or out of touch…');
  });
});
