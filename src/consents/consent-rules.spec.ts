import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type ServedDocument,
  checkSignatures,
  namesMatch,
  signedText,
  textSha256,
} from './consent-rules.js';

const consent: ServedDocument = {
  slug: 'informed-consent',
  version: 2,
  title: 'Informed consent',
  body: '# Our work\n\nSessions last 50 minutes.',
};
const privacy: ServedDocument = { slug: 'privacy', version: 1, title: 'Privacy', body: 'Kept.' };
const signed = (document: ServedDocument, signedName = 'Alex Rivera') => ({
  slug: document.slug,
  version: document.version,
  signedName,
  agreed: true,
});

describe('the signed text and its hash', () => {
  it('is the title, a blank line and the body, as served', () => {
    expect(signedText(consent)).toBe('Informed consent\n\n# Our work\n\nSessions last 50 minutes.');
  });

  it('is the SHA-256 of that text in UTF-8, lower-case hex', () => {
    const document = { title: 'Consentimiento', body: 'Información — sí' };
    expect(textSha256(document)).toBe(
      createHash('sha256').update('Consentimiento\n\nInformación — sí', 'utf8').digest('hex'),
    );
  });

  it('changes when one character of the title or the body changes', () => {
    expect(textSha256({ ...consent, body: `${consent.body}.` })).not.toBe(textSha256(consent));
    expect(textSha256({ ...consent, title: 'Informed Consent' })).not.toBe(textSha256(consent));
  });
});

describe('the signed name', () => {
  it('matches the person’s name with case and spacing ignored', () => {
    expect(namesMatch('  alex   RIVERA ', 'Alex Rivera')).toBe(true);
    expect(namesMatch('AlexRivera', 'Alex Rivera')).toBe(true);
  });

  it('does not match another name, or an empty one', () => {
    expect(namesMatch('Sam Rivera', 'Alex Rivera')).toBe(false);
    expect(namesMatch('Alex Rivera Jr', 'Alex Rivera')).toBe(false);
    expect(namesMatch('   ', '')).toBe(false);
  });

  it('matches any name against itself re-cased and re-spaced', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}$/), (name) => {
        const respaced = ` ${name.toUpperCase().split('').join('  ')} `;
        expect(namesMatch(respaced, name)).toBe(true);
      }),
    );
  });
});

describe('checking the signatures of a submission', () => {
  it('accepts every required document signed, agreed and in its current version', () => {
    const { errors, accepted } = checkSignatures(
      [consent, privacy],
      [signed(privacy), signed(consent, 'alex rivera')],
      'Alex Rivera',
    );
    expect(errors).toEqual([]);
    expect(accepted.map((a) => [a.document.slug, a.signedName])).toEqual([
      ['informed-consent', 'alex rivera'],
      ['privacy', 'Alex Rivera'],
    ]);
  });

  it('asks for nothing when no document is required', () => {
    expect(checkSignatures([], undefined, 'Alex')).toEqual({ errors: [], accepted: [] });
  });

  it('names signatures.<slug> for each missing, stale, unagreed or misnamed signature', () => {
    const third = { ...privacy, slug: 'telehealth' };
    const fourth = { ...privacy, slug: 'fees' };
    const { errors, accepted } = checkSignatures(
      [consent, privacy, third, fourth],
      [
        { ...signed(consent), version: 1 },
        { ...signed(third), agreed: false },
        signed(fourth, 'Sam Rivera'),
      ],
      'Alex Rivera',
    );
    expect(errors.map((error) => error.field)).toEqual([
      'signatures.informed-consent',
      'signatures.privacy',
      'signatures.telehealth',
      'signatures.fees',
    ]);
    expect(errors[0]!.message).toMatch(/version 1.*current version is 2/);
    expect(accepted).toEqual([]);
  });

  it('refuses a document nobody asked for, and a document signed twice', () => {
    const { errors } = checkSignatures(
      [consent],
      [signed(consent), signed(consent), signed(privacy)],
      'Alex Rivera',
    );
    expect(errors.map((error) => [error.field, error.message])).toEqual([
      ['signatures.informed-consent', 'is signed more than once'],
      ['signatures.privacy', 'is not a document you are asked to sign'],
    ]);
  });
});
