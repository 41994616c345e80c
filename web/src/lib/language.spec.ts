import { describe, expect, it } from '@jest/globals';
import { addressIn, linkIn, pageLanguage } from './language';

describe('pageLanguage', () => {
  it('takes ?lang= first, then the browser, then English', () => {
    expect(pageLanguage('?lang=es', ['en-US'])).toBe('es');
    expect(pageLanguage('?lang=en', ['es-MX'])).toBe('en');
    expect(pageLanguage('?lang=fr', ['es-MX', 'en'])).toBe('es');
    expect(pageLanguage('', ['de-DE'])).toBe('en');
  });
});

describe('addressIn', () => {
  it('keeps the path, the other parameters and the fragment', () => {
    expect(addressIn('https://x.example/partner?token=abc#top', 'es')).toBe(
      '/partner?token=abc&lang=es#top',
    );
    expect(addressIn('https://x.example/reach-out?lang=es', 'en')).toBe('/reach-out?lang=en');
  });
});

describe('linkIn', () => {
  it('names the language only when the browser would choose another', () => {
    expect(linkIn('/intake/couples?ref=RI-X', 'en', ['en-US'])).toBe('/intake/couples?ref=RI-X');
    expect(linkIn('/intake/couples?ref=RI-X', 'es', ['en-US'])).toBe(
      '/intake/couples?ref=RI-X&lang=es',
    );
    expect(linkIn('/reach-out', 'en', ['es-MX'])).toBe('/reach-out?lang=en');
    expect(linkIn('/reach-out', 'es', ['es-MX'])).toBe('/reach-out');
  });
});
