import { describe, expect, it } from '@jest/globals';
import { DIRECT_SOURCE, leadSource } from './attribution.js';

describe('leadSource', () => {
  it('is the utmSource first, trimmed', () => {
    expect(
      leadSource({ utmSource: ' Newsletter ', referrer: 'https://bing.com/' }, 'a friend'),
    ).toBe('Newsletter');
  });

  it('is the referralSource when there is no utmSource', () => {
    expect(leadSource({ utmSource: '  ', referrer: 'https://bing.com/' }, 'Blog')).toBe('Blog');
    expect(leadSource(null, 'podcast')).toBe('podcast');
  });

  it("is the referrer's host name (without www.) when neither is given", () => {
    expect(
      leadSource({ referrer: 'https://www.PsychologyToday.com/us/therapists?x=1' }, null),
    ).toBe('psychologytoday.com');
    expect(leadSource({ referrer: 'http://localhost:5173/reach-out' }, '')).toBe('localhost');
  });

  it('is direct when nothing says where the visitor came from', () => {
    expect(leadSource(undefined, undefined)).toBe(DIRECT_SOURCE);
    expect(leadSource({ referrer: 'not a url', landingPage: 'https://x.test/' }, null)).toBe(
      'direct',
    );
    expect(leadSource({}, '   ')).toBe('direct');
  });

  it('keeps at most 500 characters', () => {
    expect(leadSource({ utmSource: 'a'.repeat(600) }, null)).toHaveLength(500);
  });
});
