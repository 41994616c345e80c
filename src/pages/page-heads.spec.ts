import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '../vocabulary/languages.js';
import {
  HEAD_PLACEHOLDERS,
  PAGE_HEADS,
  PAGES_WITH_HEADS,
  servedLanguage,
  withPageHead,
} from './page-heads.js';

const TEMPLATE = Object.values(HEAD_PLACEHOLDERS).join('|');

describe('withPageHead', () => {
  it('fills every mark of every page in every language', () => {
    for (const language of LANGUAGES) {
      for (const page of PAGES_WITH_HEADS) {
        const written = withPageHead(TEMPLATE, page, language);
        expect(written).not.toContain('__RI_');
        expect(written.split('|')[0]).toBe(language);
      }
    }
  });

  it('writes no English into a Spanish page', () => {
    const spanish = PAGES_WITH_HEADS.map((page) => withPageHead(TEMPLATE, page, 'es')).join('\n');
    expect(spanish).not.toMatch(/\b(the|your|page|please|crisis\?|call)\b/i);
    expect(spanish).toContain('(marque 2 para español)');
  });

  it('escapes the texts as HTML and keeps the crisis line’s own links', () => {
    const written = withPageHead('<title>__RI_TITLE__</title>__RI_CRISIS_LINE__', 'partner', 'en');
    expect(written).toContain("<title>Your partner's invitation</title>");
    expect(written).toContain('<a href="tel:988">988</a>');
    expect(PAGE_HEADS.en.pages.partner.title).toBe("Your partner's invitation");
  });

  it('refuses a page whose HTML holds a mark it has no text for', () => {
    expect(() => withPageHead('<p>__RI_SOMETHING_ELSE__</p>', 'book', 'es')).toThrow(
      '__RI_SOMETHING_ELSE__',
    );
  });
});

describe('servedLanguage', () => {
  it('takes ?lang= when it names one of ours, else Accept-Language, else English', () => {
    expect(servedLanguage('/reach-out?lang=es', 'en-US')).toBe('es');
    expect(servedLanguage('/reach-out?lang=en', 'es-MX,es;q=0.9')).toBe('en');
    expect(servedLanguage('/partner?token=a&lang=es', undefined)).toBe('es');
    expect(servedLanguage('/reach-out?lang=fr', 'es-US,en;q=0.5')).toBe('es');
    expect(servedLanguage('/reach-out', 'es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(servedLanguage('/reach-out', 'fr, de;q=0.5')).toBe('en');
    expect(servedLanguage('/reach-out', undefined)).toBe('en');
  });
});
