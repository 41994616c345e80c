import { describe, expect, it } from '@jest/globals';
import { preferredLanguage } from './languages.js';

describe('preferredLanguage', () => {
  it('takes the first of our languages by quality, a region counting as its language', () => {
    expect(preferredLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(preferredLanguage('fr-FR, es;q=0.5, en;q=0.4')).toBe('es');
    expect(preferredLanguage('en;q=0.2, es;q=0.9')).toBe('es');
    expect(preferredLanguage(['es-US', 'en-US'])).toBe('es');
  });

  it('falls back to English when nothing asked for is ours, or es is refused', () => {
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage('')).toBe('en');
    expect(preferredLanguage('fr, de;q=0.5')).toBe('en');
    expect(preferredLanguage('es;q=0')).toBe('en');
  });
});
