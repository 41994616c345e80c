import { describe, expect, it } from '@jest/globals';
import {
  type ConsultationMailKind,
  clientCalendarWords,
  clientConsultationMail,
  clinicianConsultationMail,
} from './consultation-mail.js';

const practice = {
  name: 'Riverside <Therapy>',
  baseUrl: 'https://intake.riverside.example',
  contact: { phone: '(503) 555-0100' },
};
const facts = {
  clinicianName: 'Dana Reyes',
  startsAt: new Date('2026-12-08T14:00:00Z'),
  timeZone: 'America/New_York',
};
const bookingLink = 'https://intake.riverside.example/book?token=abc';
const KINDS: ConsultationMailKind[] = [
  'consultation_confirmation',
  'consultation_reminder',
  'consultation_cancellation',
];

describe('a consultation’s email to the client', () => {
  it('in English: the time with its zone and UTC, the link, the practice’s signature', () => {
    const message = clientConsultationMail(
      { ...facts, kind: 'consultation_confirmation', practice },
      bookingLink,
    );
    expect(message.subject).toBe('Riverside <Therapy>: your consultation is booked');
    expect(message.text).toBe(
      [
        'Hello,',
        'Your first conversation with Dana Reyes of Riverside <Therapy> is booked for Tuesday, December 8, 2026 at 9:00 AM EST (14:00 UTC).',
        'The invitation attached adds it to your calendar. You can cancel it, or choose another time, with the link below.',
        'Manage your booking: https://intake.riverside.example/book?token=abc&lang=en',
        '',
        '— Riverside <Therapy>\nPhone: (503) 555-0100',
      ].join('\n\n'),
    );
    expect(message.html).toContain('Riverside &lt;Therapy&gt;');
    expect(message.html).not.toContain('<Therapy>');
  });

  it('in Spanish: every word, the date and the link label in Spanish; the link opens the page in Spanish', () => {
    const spanish = { ...practice, language: 'es' as const };
    const confirmation = clientConsultationMail(
      { ...facts, kind: 'consultation_confirmation', practice: spanish },
      bookingLink,
    );
    expect(confirmation.subject).toBe('Riverside <Therapy>: su consulta está reservada');
    expect(confirmation.text).toBe(
      [
        'Hola:',
        'Su primera conversación con Dana Reyes, de Riverside <Therapy>, quedó reservada para el martes 8 de diciembre de 2026 a las 9:00 a. m. (hora estándar oriental; 14:00 UTC).',
        'La invitación adjunta la añade a su calendario. Con el enlace de abajo puede cancelarla o elegir otro horario.',
        'Ver o cambiar su cita: https://intake.riverside.example/book?token=abc&lang=es',
        '',
        '— Riverside <Therapy>\nTeléfono: (503) 555-0100',
      ].join('\n\n'),
    );
    const reminder = clientConsultationMail(
      { ...facts, kind: 'consultation_reminder', practice: spanish },
      bookingLink,
    );
    expect(reminder.subject).toBe('Riverside <Therapy>: su consulta es mañana');
    expect(reminder.text).toContain(
      'Le recordamos que su primera conversación con Dana Reyes, de Riverside <Therapy>, es el martes 8 de diciembre de 2026',
    );
    const cancellation = clientConsultationMail(
      { ...facts, kind: 'consultation_cancellation', practice: spanish },
      bookingLink,
    );
    expect(cancellation.subject).toBe('Riverside <Therapy>: su consulta ha sido cancelada');
    expect(cancellation.text).toContain(
      'Su consulta con Dana Reyes, prevista para el martes 8 de diciembre de 2026 a las 9:00 a. m. (hora estándar oriental; 14:00 UTC), ha sido cancelada.',
    );
    expect(cancellation.text).toContain(
      'Elegir otro horario: https://intake.riverside.example/book',
    );
    for (const message of [confirmation, reminder, cancellation]) {
      expect(`${message.subject}\n${message.text}`).not.toMatch(
        /\b(Hello|your|booking|Tuesday|December|Phone)\b/,
      );
    }
  });

  it('without a booking link it has no link line', () => {
    for (const kind of KINDS) {
      const message = clientConsultationMail({ ...facts, kind, practice });
      expect(message.text).not.toContain('http');
    }
  });

  it('the calendar’s summary and description are in the client’s language', () => {
    expect(clientCalendarWords({ practice, clinicianName: 'Dana Reyes' }).summary).toBe(
      'Consultation with Riverside <Therapy>',
    );
    expect(
      clientCalendarWords({
        practice: { ...practice, language: 'es' },
        clinicianName: 'Dana Reyes',
      }),
    ).toEqual({
      summary: 'Consulta con Riverside <Therapy>',
      description:
        'Primera conversación con Dana Reyes, de Riverside <Therapy>. Para cancelarla o elegir otro horario, use el enlace del correo con el que llegó esta invitación.',
    });
  });
});

describe('a consultation’s email to the clinician', () => {
  it('stays English, with the reference and the lead’s page, signed with the name only', () => {
    const message = clinicianConsultationMail(
      { ...facts, kind: 'consultation_cancellation', practice: { ...practice, language: 'es' } },
      { reference: 'RI-7KQ2M9XD', link: 'https://intake.riverside.example/admin/leads/1' },
    );
    expect(message.subject).toBe(
      'Consultation cancelled: Tuesday, December 8, 2026 at 9:00 AM EST (14:00 UTC) (lead RI-7KQ2M9XD)',
    );
    expect(message.text).toBe(
      [
        'The consultation on Tuesday, December 8, 2026 at 9:00 AM EST (14:00 UTC) (lead RI-7KQ2M9XD) is cancelled.',
        'Open the lead: https://intake.riverside.example/admin/leads/1',
        '',
        '— Riverside <Therapy>',
      ].join('\n\n'),
    );
  });
});
