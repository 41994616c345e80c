import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { addressOf, calendarInvite, consultationUid } from './calendar-invite.js';
import { timeWords } from './consultation-mail.js';

const facts = {
  consultationId: '3f0c5a8e-6a55-4f5e-9d7c-1f4f3c1b2a10',
  sequence: 0,
  method: 'REQUEST' as const,
  startsAt: new Date('2027-03-15T13:00:00Z'),
  endsAt: new Date('2027-03-15T13:30:00Z'),
  summary: 'Consultation with Riverside Therapy',
  practiceName: 'Riverside Therapy',
  organizerEmail: 'intake@riverside.example',
  attendeeEmail: 'client@example.com',
  host: 'intake.riverside.example',
  language: 'en' as const,
};

const parsed = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
};

describe('calendarInvite', () => {
  it('is a REQUEST with a stable UID, the SEQUENCE, UTC times and the practice as organizer', () => {
    const text = calendarInvite(facts);
    const { calendar, event } = parsed(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(consultationUid(facts.consultationId, facts.host));
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-15T13:30:00.000Z');
    expect(text).toContain('DTSTART:20270315T130000Z');
    expect(text).not.toContain('TZID');
    const organizer = event.component.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).toBe('Riverside Therapy');
    expect(String(organizer.getFirstValue())).toMatch(/^mailto:intake@riverside\.example$/i);
  });

  it('a cancellation keeps the UID, raises the SEQUENCE and says CANCEL', () => {
    const { calendar, event } = parsed(calendarInvite({ ...facts, method: 'CANCEL', sequence: 1 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(consultationUid(facts.consultationId, facts.host));
    expect(event.sequence).toBe(1);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('calendarInvite in the client’s language', () => {
  it('says its language in the PRODID and carries the summary and description given', () => {
    const text = calendarInvite({
      ...facts,
      summary: 'Consulta con Riverside Therapy',
      description: 'Primera conversación con Dana Reyes, de Riverside Therapy.',
      language: 'es',
    });
    const { calendar, event } = parsed(text);
    expect(String(calendar.getFirstPropertyValue('prodid'))).toMatch(/\/\/ES$/);
    expect(event.summary).toBe('Consulta con Riverside Therapy');
    expect(event.description).toBe('Primera conversación con Dana Reyes, de Riverside Therapy.');
    expect(String(parsed(calendarInvite(facts)).calendar.getFirstPropertyValue('prodid'))).toMatch(
      /\/\/EN$/,
    );
    expect(parsed(calendarInvite(facts)).event.description).toBeFalsy();
  });
});

describe('addressOf', () => {
  it('takes the address out of "Name <address>"', () => {
    expect(addressOf('Riverside Therapy <intake@riverside.example>')).toBe(
      'intake@riverside.example',
    );
    expect(addressOf('intake@riverside.example')).toBe('intake@riverside.example');
  });
});

describe('timeWords', () => {
  it('writes the local time with its zone, and the UTC time', () => {
    expect(timeWords(new Date('2027-03-15T13:00:00Z'), 'America/New_York')).toBe(
      'Monday, March 15, 2027 at 9:00 AM EDT (13:00 UTC)',
    );
  });

  it('writes a natural Spanish time, with the zone’s Spanish name and the UTC time', () => {
    expect(timeWords(new Date('2026-12-08T14:00:00Z'), 'America/New_York', 'es')).toBe(
      'el martes 8 de diciembre de 2026 a las 9:00 a. m. (hora estándar oriental; 14:00 UTC)',
    );
    // One o'clock takes "a la"; summer time has its own name.
    expect(timeWords(new Date('2027-07-08T17:30:00Z'), 'America/New_York', 'es')).toBe(
      'el jueves 8 de julio de 2027 a la 1:30 p. m. (hora de verano oriental; 17:30 UTC)',
    );
  });
});
