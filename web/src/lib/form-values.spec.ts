import { describe, expect, it } from '@jest/globals';
import { clientBody, consentBody, inquiryBody } from './form-values';
import { PRIVACY_NOTICE_VERSION } from './vocabulary';

const STARTED = '2026-11-24T10:00:00.000Z';

describe('inquiryBody', () => {
  it('sends every field of the reach-out form, trimmed, with the phone in E.164', () => {
    expect(
      inquiryBody(
        {
          name: ' Alex Rivera ',
          email: 'alex@example.com',
          phone: '(503) 555-0142',
          preferredContact: 'text',
          serviceType: 'couples',
          state: 'OR',
          message: 'We keep having the same fight.',
          referralSource: 'blog',
          'consent.contact': true,
          website: '',
        },
        STARTED,
      ),
    ).toEqual({
      name: 'Alex Rivera',
      email: 'alex@example.com',
      phone: '+15035550142',
      preferredContact: 'text',
      serviceType: 'couples',
      state: 'OR',
      message: 'We keep having the same fight.',
      referralSource: 'blog',
      consent: { contact: true, privacyNoticeVersion: PRIVACY_NOTICE_VERSION },
      website: '',
      formStartedAt: STARTED,
    });
  });

  it('leaves out optional fields left empty, so the API sees them as not given', () => {
    const body = inquiryBody(
      { name: 'Alex', email: 'a@example.com', phone: ' ', state: '' },
      STARTED,
    );
    expect(Object.keys(body).sort()).toEqual(
      ['consent', 'email', 'formStartedAt', 'name', 'preferredContact', 'website'].sort(),
    );
    expect(body.preferredContact).toBe('email');
    expect(body.consent).toEqual({ contact: false, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
  });

  it('passes the honeypot on as the browser filled it', () => {
    expect(inquiryBody({ website: 'http://spam.example' }, STARTED).website).toBe(
      'http://spam.example',
    );
  });
});

describe('clientBody and consentBody', () => {
  it('build the respondent part of an intake from client.* and consent.* fields', () => {
    expect(
      clientBody({
        'client.name': 'Sam Rivera',
        'client.email': 'sam@example.com',
        'client.phone': '',
        'client.dateOfBirth': '1990-04-12',
        'client.state': 'OR',
        'client.pronouns': 'they/them',
      }),
    ).toEqual({
      name: 'Sam Rivera',
      email: 'sam@example.com',
      dateOfBirth: '1990-04-12',
      state: 'OR',
      pronouns: 'they/them',
    });
    expect(consentBody({ 'consent.contact': true, 'consent.telehealth': true })).toEqual({
      contact: true,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      telehealth: true,
    });
    expect(consentBody({})).toEqual({
      contact: false,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    });
  });
});
