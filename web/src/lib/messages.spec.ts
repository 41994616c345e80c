import { describe, expect, it } from '@jest/globals';
import { inlineMessage, shortLabel, summaryLine } from './messages';

describe('inlineMessage', () => {
  it('asks for a missing answer in the words of the control', () => {
    expect(inlineMessage('name', 'is required')).toBe('Please fill this in.');
    expect(inlineMessage('answers.anx1', 'is required', 'choice')).toBe('Please choose an answer.');
    expect(inlineMessage('consent.telehealth', 'is required', 'checkbox')).toBe(
      'Please tick this box to continue.',
    );
  });

  it('explains the consent box instead of "must be true"', () => {
    expect(inlineMessage('consent.contact', 'is required', 'checkbox')).toBe(
      'Please tick this box so the practice may contact you.',
    );
    expect(inlineMessage('consent.contact', 'must be true to be contacted', 'checkbox')).toBe(
      'Please tick this box so the practice may contact you.',
    );
  });

  it('shows any other message of the API as a sentence', () => {
    expect(inlineMessage('email', 'must be an email address')).toBe('Must be an email address.');
    expect(
      inlineMessage('client.phone', 'must be a phone number in E.164 form, e.g. +15035550142'),
    ).toBe('Must be a phone number in E.164 form, e.g. +15035550142.');
  });
});

describe('summaryLine', () => {
  it('names the field, then what to change', () => {
    expect(summaryLine('Your email', 'email', 'must be an email address')).toBe(
      'Your email: Must be an email address.',
    );
  });

  it('cuts a long question to a readable length', () => {
    const label =
      'When my partner is away or out of touch, I worry they may lose interest in me and more.';
    expect(shortLabel(label, 40)).toBe('When my partner is away or out of touch…');
  });
});
