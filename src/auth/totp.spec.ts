import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  TotpError,
  base32Decode,
  base32Encode,
  generateTotpSecret,
  otpauthUri,
  totpAt,
  totpCounter,
  verifyTotp,
} from './totp.js';

/** The SHA-1 seed of RFC 6238 Appendix B, the ASCII string "12345678901234567890". */
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const seconds = (s: number) => s * 1000;

describe('base32', () => {
  // RFC 4648 §10; we write no padding and read either form.
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];

  it.each(vectors)('encodes %j as the RFC 4648 vector %s without padding', (text, encoded) => {
    expect(base32Encode(Buffer.from(text, 'ascii'))).toBe(encoded.replace(/=+$/, ''));
  });

  it.each(vectors)(
    'decodes the RFC 4648 vector for %j with or without padding',
    (text, encoded) => {
      expect(base32Decode(encoded).toString('ascii')).toBe(text);
      expect(base32Decode(encoded.replace(/=+$/, '')).toString('ascii')).toBe(text);
      expect(base32Decode(encoded.toLowerCase()).toString('ascii')).toBe(text);
    },
  );

  it('gives back any bytes it encoded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const encoded = base32Encode(bytes);
        expect(encoded).toMatch(/^[A-Z2-7]*$/);
        expect(base32Decode(encoded)).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('refuses text that is not base32', () => {
    expect(() => base32Decode('MY1')).toThrow(TotpError);
    expect(() => base32Decode('MZXW 6YTB')).toThrow(TotpError);
    // One, three or six characters in a last group cannot come from whole bytes.
    expect(() => base32Decode('M')).toThrow(TotpError);
    expect(() => base32Decode('MZXW6YTBO')).toThrow(TotpError);
  });
});

describe('TOTP', () => {
  // RFC 6238 Appendix B, SHA-1 column: the last six digits of the eight-digit values.
  const rfcVectors: [number, number, string][] = [
    [59, 0x1, '287082'],
    [1111111109, 0x23523ec, '081804'],
    [1111111111, 0x23523ed, '050471'],
    [1234567890, 0x273ef07, '005924'],
    [2000000000, 0x3f940aa, '279037'],
    [20000000000, 0x27bc86aa, '353130'],
  ];

  it.each(rfcVectors)('matches RFC 6238 at %i s (step %i): %s', (time, counter, code) => {
    expect(totpCounter(seconds(time))).toBe(counter);
    expect(totpAt(RFC_SECRET, seconds(time))).toBe(code);
    expect(verifyTotp(RFC_SECRET, code, seconds(time))).toBe(counter);
  });

  it('accepts the previous and the next step with the default window of one', () => {
    const now = seconds(1234567890);
    const step = totpCounter(now);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - seconds(30)), now)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + seconds(30)), now)).toBe(step + 1);
  });

  it('refuses a code two steps away with a window of one', () => {
    const now = seconds(1234567890);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - seconds(60)), now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + seconds(60)), now)).toBeNull();
  });

  it('accepts only the current step with a window of zero', () => {
    const now = seconds(1234567890);
    const previous = totpAt(RFC_SECRET, now - seconds(30));
    expect(verifyTotp(RFC_SECRET, previous, now, { window: 0 })).toBeNull();
    expect(verifyTotp(RFC_SECRET, '005924', now, { window: 0 })).toBe(totpCounter(now));
  });

  it('refuses anything that is not exactly six ASCII digits', () => {
    const now = seconds(1234567890);
    for (const code of [
      '',
      '05924',
      '0059240',
      '00592',
      ' 005924',
      '005924 ',
      '00 5924',
      '00592a',
      '００５９２４', // full-width digits
      '٠٠٥٩٢٤', // Arabic-Indic digits
    ]) {
      expect(verifyTotp(RFC_SECRET, code, now)).toBeNull();
    }
  });

  it('returns the step a code belongs to, for any secret and time', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 32 }),
        fc.integer({ min: 0, max: seconds(4_000_000_000) }),
        (key, now) => {
          const secret = base32Encode(key);
          expect(verifyTotp(secret, totpAt(secret, now), now, { window: 0 })).toBe(
            totpCounter(now),
          );
        },
      ),
    );
  });

  it('refuses a negative window', () => {
    expect(() => verifyTotp(RFC_SECRET, '005924', 0, { window: -1 })).toThrow(TotpError);
  });
});

describe('secrets and enrolment', () => {
  it('generates 20 random bytes as unpadded base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('writes the otpauth URI of the Key Uri Format', () => {
    expect(
      otpauthUri({
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        accountName: 'ada+staff@example.org',
        issuer: 'Relational Intake',
      }),
    ).toBe(
      'otpauth://totp/Relational%20Intake:ada%2Bstaff%40example.org' +
        '?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Relational%20Intake' +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('refuses an issuer or account name with a colon, which would split the label', () => {
    expect(() => otpauthUri({ secret: 'MY', accountName: 'a:b', issuer: 'X' })).toThrow(TotpError);
    expect(() => otpauthUri({ secret: 'MY', accountName: 'a', issuer: 'X:Y' })).toThrow(TotpError);
  });
});
