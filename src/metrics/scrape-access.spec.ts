import { describe, expect, it } from '@jest/globals';
import { scrapeAccess } from './scrape-access.js';

const TOKEN = 'scrape-token-0123456789';

describe('scrapeAccess', () => {
  it('hides the metrics in production while no token is configured, whatever is sent', () => {
    const settings = { production: true, token: undefined };
    expect(scrapeAccess(settings, undefined)).toBe('hidden');
    expect(scrapeAccess(settings, `Bearer ${TOKEN}`)).toBe('hidden');
  });

  it('serves them outside production while no token is configured', () => {
    expect(scrapeAccess({ production: false, token: undefined }, undefined)).toBe('allowed');
  });

  it('with a token, serves them only to a request bearing exactly it', () => {
    for (const production of [true, false]) {
      const settings = { production, token: TOKEN };
      expect(scrapeAccess(settings, `Bearer ${TOKEN}`)).toBe('allowed');
      expect(scrapeAccess(settings, `bearer  ${TOKEN} `)).toBe('allowed');
      for (const wrong of [
        undefined,
        '',
        TOKEN,
        'Bearer',
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Basic ${TOKEN}`,
        `Bearer ${TOKEN} ${TOKEN}`,
      ]) {
        expect(scrapeAccess(settings, wrong)).toBe('hidden');
      }
    }
  });
});
