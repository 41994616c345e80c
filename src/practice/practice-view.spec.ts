import { describe, expect, it } from '@jest/globals';
import { etagMatches, publicPractice } from './practice-view.js';

const identity = {
  name: 'Willow Counseling',
  timeZone: 'America/Denver',
  privacyNoticeVersion: '2026-12',
  bookingEnabled: false,
};
const facts = {
  baseUrl: 'https://intake.example',
  captcha: { provider: 'none' as const, siteKey: null },
};

describe('publicPractice', () => {
  it('shows the name, zone, languages, notice and booking, and no field that is not set', () => {
    expect(publicPractice(identity, facts)).toEqual({
      name: 'Willow Counseling',
      timeZone: 'America/Denver',
      languages: ['en', 'es'],
      privacyNoticeVersion: '2026-12',
      booking: { enabled: false },
    });
  });

  it('adds contact, a versioned logo address and the CAPTCHA site key when they exist', () => {
    const view = publicPractice(
      { ...identity, phone: '503 555 0100', website: 'https://w.example', logoVersion: 'a/b' },
      { ...facts, captcha: { provider: 'turnstile', siteKey: 'site-key' } },
    );
    expect(view.phone).toBe('503 555 0100');
    expect(view.website).toBe('https://w.example');
    expect(view.logoUrl).toBe('https://intake.example/v1/practice/logo?v=a%2Fb');
    expect(view.captcha).toEqual({ provider: 'turnstile', siteKey: 'site-key' });
  });
});

describe('etagMatches', () => {
  it('matches the same tag, weak or strong, among several, or *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
    expect(etagMatches('', '"abc"')).toBe(false);
  });
});
