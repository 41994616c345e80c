import { describe, expect, it } from '@jest/globals';
import { ATTRIBUTION_STORAGE_KEY, attributionOf, firstTouch, withAttribution } from './attribution';

/** A sessionStorage stand-in: a Map behind the two methods the capture uses. */
function aStore(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

describe('attributionOf', () => {
  it('reads the UTM parameters, the referrer and the landing page', () => {
    expect(
      attributionOf(
        'https://practice.example/reach-out?utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=couples%20therapy&utm_content=banner',
        'https://mail.example.org/',
      ),
    ).toEqual({
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'spring',
      utmTerm: 'couples therapy',
      utmContent: 'banner',
      referrer: 'https://mail.example.org/',
      landingPage:
        'https://practice.example/reach-out?utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=couples+therapy&utm_content=banner',
    });
  });

  it('keeps other parameters and the fragment out of the landing page', () => {
    expect(
      attributionOf('https://practice.example/intake/couples?ref=RI-7KQ2M9XD&draft=abc#top', ''),
    ).toEqual({ landingPage: 'https://practice.example/intake/couples' });
  });

  it('leaves out empty parameters and clips each field to 500 characters', () => {
    const long = 'x'.repeat(600);
    const attribution = attributionOf(
      `https://practice.example/?utm_source=&utm_campaign=${long}`,
      `https://a.example/${long}`,
    );
    expect(attribution.utmSource).toBeUndefined();
    expect(attribution.utmCampaign).toHaveLength(500);
    expect(attribution.referrer).toHaveLength(500);
    expect(attribution.landingPage!.length).toBeLessThanOrEqual(500);
  });

  it('is empty for a landing URL it cannot read', () => {
    expect(attributionOf('not a url', 'https://a.example/')).toEqual({});
  });
});

describe('firstTouch', () => {
  it('stores the first page view of the session and answers it ever after', () => {
    const store = aStore();
    const first = { utmSource: 'newsletter', landingPage: 'https://practice.example/' };
    expect(firstTouch(store, first)).toEqual(first);
    expect(firstTouch(store, { utmSource: 'later' })).toEqual(first);
    expect([...store.map.keys()]).toEqual([ATTRIBUTION_STORAGE_KEY]);
  });

  it('a direct first visit stays the first touch', () => {
    const store = aStore();
    firstTouch(store, { landingPage: 'https://practice.example/' });
    expect(firstTouch(store, { utmSource: 'ads' })).toEqual({
      landingPage: 'https://practice.example/',
    });
  });

  it('keeps only known text fields of what is stored, and survives a refusing storage', () => {
    const store = aStore({
      [ATTRIBUTION_STORAGE_KEY]: JSON.stringify({ utmSource: 'ads', email: 'a@b.c', referrer: 7 }),
    });
    expect(firstTouch(store, {})).toEqual({ utmSource: 'ads' });
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => undefined,
    };
    expect(firstTouch(refusing, { utmSource: 'now' })).toEqual({ utmSource: 'now' });
    expect(firstTouch(null, { utmSource: 'now' })).toEqual({ utmSource: 'now' });
    expect(firstTouch(aStore({ [ATTRIBUTION_STORAGE_KEY]: '{bad' }), { utmTerm: 't' })).toEqual({
      utmTerm: 't',
    });
  });
});

describe('withAttribution', () => {
  it('adds attribution only when there is some', () => {
    expect(withAttribution(undefined)).toEqual({});
    expect(withAttribution({ utmSource: 'a' })).toEqual({ attribution: { utmSource: 'a' } });
  });
});
