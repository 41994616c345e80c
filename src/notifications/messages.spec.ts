import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  clientAcknowledgement,
  clientReferral,
  crisisAlert,
  escapeHtml,
  headerSafe,
  overdueReminder,
  pageLink,
  paperworkRequest,
  partnerInvitation,
  passwordReset,
  staffInvitation,
  staffFollowUp,
  staffNewLead,
} from './messages.js';

const practice = { name: 'Willow & Oak <Therapy>', baseUrl: 'https://intake.example.com' };
const lead = {
  leadId: '4ef9c698-7659-459c-a860-d158956356ea',
  reference: 'RI-7KQ2M9XD',
  serviceType: 'couples',
  urgency: 'high' as const,
  receivedAt: new Date('2026-11-25T10:00:00Z'),
};

describe('messages', () => {
  it('a staff notice holds reference, service, urgency, time and link, and nothing else', () => {
    const message = staffNewLead(practice, lead);
    expect(message.subject).toBe('New lead RI-7KQ2M9XD [high]');
    expect(message.text).toBe(
      [
        'A new lead is waiting for triage.',
        'Reference: RI-7KQ2M9XD\nService: couples\nUrgency: high\nReceived: 2026-11-25T10:00:00.000Z',
        'Open the lead: https://intake.example.com/admin/leads/4ef9c698-7659-459c-a860-d158956356ea',
        '',
        '— Willow & Oak <Therapy>',
      ].join('\n\n'),
    );
  });

  it('a follow-up notice says so, with the same facts as a new lead and nothing else', () => {
    const message = staffFollowUp(practice, lead);
    expect(message.subject).toBe('Follow-up on lead RI-7KQ2M9XD [high]');
    expect(message.text).toBe(
      [
        'Follow-up: someone on an open lead wrote again.',
        'Reference: RI-7KQ2M9XD\nService: couples\nUrgency: high\nReceived: 2026-11-25T10:00:00.000Z',
        'Open the lead: https://intake.example.com/admin/leads/4ef9c698-7659-459c-a860-d158956356ea',
        '',
        '— Willow & Oak <Therapy>',
      ].join('\n\n'),
    );
  });

  it('escapes every value placed in HTML', () => {
    for (const message of [
      staffFollowUp(practice, lead),
      staffNewLead(practice, lead),
      crisisAlert(practice, lead),
      overdueReminder(practice, lead, 'escalation'),
      clientAcknowledgement(practice, { reference: lead.reference }),
      partnerInvitation(practice, {
        invitedByFirstName: '<script>alert(1)</script>',
        link: 'https://intake.example.com/partner?token=a"b',
        expiresAt: new Date('2026-12-09T00:00:00Z'),
      }),
      staffInvitation(practice, {
        role: 'coordinator',
        link: 'https://intake.example.com/admin/accept-invitation?token=a"b',
        expiresAt: new Date('2026-12-09T00:00:00Z'),
      }),
      passwordReset(practice, {
        link: 'https://intake.example.com/admin/reset-password?token=a"b',
        expiresAt: new Date('2026-12-09T00:00:00Z'),
      }),
    ]) {
      expect(message.html).not.toContain('<Therapy>');
      expect(message.html).not.toContain('<script>');
      expect(message.html).not.toContain('a"b');
      expect(message.text.length).toBeGreaterThan(0);
    }
  });

  it('an acknowledgement echoes nothing the person wrote', () => {
    const message = clientAcknowledgement(practice, { reference: 'RI-7KQ2M9XD' });
    expect(message.text).toContain('RI-7KQ2M9XD');
    expect(message.text).toContain('988');
  });

  it('every client email ends with the practice’s name and contact, and never names this product', () => {
    const signed = {
      ...practice,
      contact: {
        phone: '(503) 555-0100',
        email: 'hello@willow.example',
        website: 'https://willow.example',
      },
    };
    for (const message of [
      clientAcknowledgement(signed, { reference: 'RI-7KQ2M9XD' }),
      partnerInvitation(signed, {
        invitedByFirstName: 'Sam',
        link: 'https://intake.example.com/partner?token=t',
        expiresAt: new Date('2026-12-09T00:00:00Z'),
      }),
      clientReferral(signed, { resources: [] }),
    ]) {
      expect(message.text).toMatch(
        /— Willow & Oak <Therapy>\nPhone: \(503\) 555-0100\nEmail: hello@willow\.example\nWeb: https:\/\/willow\.example$/,
      );
      expect(message.html).toContain('— Willow &amp; Oak &lt;Therapy&gt;<br>Phone: (503) 555-0100');
      expect(`${message.subject}${message.text}${message.html}`).not.toMatch(/relational intake/i);
    }
  });

  it('a Spanish client or partner reads every word in Spanish, signature and crisis lines included', () => {
    const spanish = {
      ...practice,
      language: 'es' as const,
      contact: { phone: '(503) 555-0100', email: 'hola@willow.example' },
    };
    const acknowledgement = clientAcknowledgement(spanish, { reference: 'RI-7KQ2M9XD' });
    expect(acknowledgement.subject).toBe('Hemos recibido su mensaje (RI-7KQ2M9XD)');
    expect(acknowledgement.text).toContain('Gracias por comunicarse con nosotros.');
    expect(acknowledgement.text).toContain('marque 2 para español');
    expect(acknowledgement.text).toMatch(
      /— Willow & Oak <Therapy>\nTeléfono: \(503\) 555-0100\nCorreo electrónico: hola@willow\.example$/,
    );
    const invitation = partnerInvitation(spanish, {
      invitedByFirstName: 'Alex',
      link: 'https://intake.example.com/partner?token=t&lang=es',
      expiresAt: new Date('2026-12-09T00:00:00Z'),
    });
    expect(invitation.text).toContain('Alex se ha comunicado con Willow & Oak <Therapy>');
    expect(invitation.text).toContain('hasta el 9 de diciembre de 2026');
    expect(invitation.text).toContain(
      'Comenzar su cuestionario: https://intake.example.com/partner',
    );
    const referral = clientReferral(spanish, {
      resources: [{ name: 'Clínica', phone: '503 555 0199' }],
    });
    expect(referral.text).toContain('Clínica\nTeléfono: 503 555 0199');
    expect(referral.text).toContain(
      'Llame o envíe un mensaje de texto al 988 (marque 2 para español)',
    );
    for (const message of [acknowledgement, invitation, referral]) {
      expect(message.text).not.toMatch(/\b(Hello|Thank you|Phone|Email)\b/);
    }
  });

  it('a paperwork request in English: until when, in UTC, and the link', () => {
    const message = paperworkRequest(practice, {
      link: 'https://intake.example.com/paperwork?token=t',
      expiresAt: new Date('2026-12-19T10:05:00Z'),
    });
    expect(message.subject).toBe('Willow & Oak <Therapy>: documents to sign before we begin');
    expect(message.text).toContain('This link works once and until 2026-12-19 10:05 UTC.');
    expect(message.text).toContain(
      'Read and sign: https://intake.example.com/paperwork?token=t&lang=en',
    );
  });

  it('a paperwork request in Spanish: every word, the date and the page in Spanish', () => {
    const spanish = { ...practice, language: 'es' as const, contact: { phone: '(503) 555-0100' } };
    const message = paperworkRequest(spanish, {
      link: 'https://intake.example.com/paperwork?token=t',
      expiresAt: new Date('2026-12-19T10:05:00Z'),
    });
    expect(message.subject).toBe(
      'Willow & Oak <Therapy>: documentos para firmar antes de comenzar',
    );
    expect(message.text).toBe(
      [
        'Hola:',
        'Willow & Oak <Therapy> le pide que lea y firme algunos documentos antes de que comencemos a trabajar juntos.',
        'Este enlace se puede usar una sola vez, hasta el 19 de diciembre de 2026 a las 10:05 (UTC).',
        'Si no esperaba este correo, puede ignorarlo.',
        'Leer y firmar: https://intake.example.com/paperwork?token=t&lang=es',
        '',
        '— Willow & Oak <Therapy>\nTeléfono: (503) 555-0100',
      ].join('\n\n'),
    );
    expect(
      paperworkRequest(spanish, {
        link: 'https://intake.example.com/paperwork?token=t',
        expiresAt: new Date('2026-12-19T01:00:00Z'),
      }).text,
    ).toContain('hasta el 19 de diciembre de 2026 a la 01:00 (UTC).');
  });

  it('a link to a public page opens it in the message’s language, its token kept', () => {
    const link = pageLink(
      { ...practice, language: 'es' },
      'https://intake.example.com/book?token=a_b-c',
    );
    expect(new URL(link).searchParams.get('token')).toBe('a_b-c');
    expect(new URL(link).searchParams.get('lang')).toBe('es');
    expect(pageLink(practice, 'https://intake.example.com/book?token=a&lang=es')).toBe(
      'https://intake.example.com/book?token=a&lang=en',
    );
  });

  it('staff mail is signed with the name only', () => {
    const signed = { ...practice, contact: { phone: '(503) 555-0100' } };
    expect(staffNewLead(signed, lead).text).not.toContain('555-0100');
  });

  it('a referral lists each fitting resource with its contact, then the 988 line', () => {
    const message = clientReferral(practice, {
      resources: [
        { name: 'Riverside Clinic', phone: '503 555 0199', website: 'https://r.example' },
        { name: 'Open Path <Collective>', note: 'Sliding scale' },
      ],
    });
    expect(message.subject).toBe('Willow & Oak <Therapy>: places that may help you');
    expect(message.text).toContain(
      'Riverside Clinic\nPhone: 503 555 0199\nWeb: https://r.example\n\nOpen Path <Collective>\nSliding scale',
    );
    expect(message.text).toContain('988 Suicide & Crisis Lifeline: Call or text 988');
    expect(message.html).toContain('Open Path &lt;Collective&gt;<br>Sliding scale');
  });

  it('a referral without fitting resources still points somewhere, and to 988', () => {
    const message = clientReferral(practice, { resources: [] });
    expect(message.text).toContain('a local directory of therapists');
    expect(message.text).toContain('Call or text 988');
  });

  it('a staff invitation gives the role, the link and until when it works, in plain text too', () => {
    const link = 'https://intake.example.com/admin/accept-invitation?token=abc_DEF-123';
    const message = staffInvitation(practice, {
      role: 'clinician',
      link,
      expiresAt: new Date('2026-12-09T15:30:00Z'),
    });
    expect(message.subject).toBe('Willow & Oak <Therapy>: your staff account is ready');
    expect(message.text).toContain(`Choose your password: ${link}`);
    expect(message.text).toContain('the role clinician');
    expect(message.text).toContain('until 2026-12-09 15:30 UTC');
    expect(message.html).toContain(`href="${link}"`);
  });

  it('a password-reset email holds the link and says what happens if it was not you', () => {
    const link = 'https://intake.example.com/admin/reset-password?token=abc_DEF-123';
    const message = passwordReset(practice, { link, expiresAt: new Date('2026-12-09T15:30:00Z') });
    expect(message.subject).toBe('Willow & Oak <Therapy>: reset your password');
    expect(message.text).toContain(`Choose a new password: ${link}`);
    expect(message.text).toContain('until 2026-12-09 15:30 UTC');
    expect(message.text).toContain('If it was not you, ignore this email');
  });

  it('headerSafe leaves no line break in a header value', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(headerSafe(text)).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
    );
  });

  it('escapeHtml leaves no markup', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });
});
