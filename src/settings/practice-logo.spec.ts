import { describe, expect, it } from '@jest/globals';
import { checkLogo, LOGO_MAX_BYTES, sniffLogoType } from './practice-logo.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const gif = new TextEncoder().encode('GIF89a....');

describe('sniffLogoType', () => {
  it('tells PNG and JPEG by their first bytes, and nothing else', () => {
    expect(sniffLogoType(png)).toBe('image/png');
    expect(sniffLogoType(jpeg)).toBe('image/jpeg');
    expect(sniffLogoType(gif)).toBeNull();
    expect(sniffLogoType(png.slice(0, 8))).toBeNull();
    expect(sniffLogoType(new Uint8Array())).toBeNull();
  });
});

describe('checkLogo', () => {
  it('takes a PNG or JPEG declared as what it is (parameters and case aside)', () => {
    expect(checkLogo(png, 'image/png')).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkLogo(jpeg, 'Image/JPEG; q=1')).toEqual({ ok: true, contentType: 'image/jpeg' });
  });

  it('refuses bytes that only claim to be an image, or claim the other type', () => {
    expect(checkLogo(gif, 'image/png')).toEqual({ ok: false, problem: 'not-an-image' });
    expect(checkLogo(png, 'image/jpeg')).toEqual({ ok: false, problem: 'not-an-image' });
    expect(checkLogo(png, undefined)).toEqual({ ok: false, problem: 'not-an-image' });
  });

  it('refuses more than 256 KiB, and takes exactly 256 KiB', () => {
    const exact = new Uint8Array(LOGO_MAX_BYTES);
    exact.set(png);
    expect(checkLogo(exact, 'image/png').ok).toBe(true);
    const over = new Uint8Array(LOGO_MAX_BYTES + 1);
    over.set(png);
    expect(checkLogo(over, 'image/png')).toEqual({ ok: false, problem: 'too-large' });
  });
});
