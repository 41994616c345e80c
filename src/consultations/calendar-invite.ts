/**
 * The iCalendar invitation of a consultation (RFC 5545/5546). No framework code here.
 * One UID per consultation for its whole life, a SEQUENCE that rises with each change,
 * times in UTC, the practice as organizer; nothing clinical and nothing the client wrote.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language } from '../vocabulary/languages.js';

export interface InviteFacts {
  readonly consultationId: string;
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** What the recipient's calendar shows, e.g. "Consultation with Riverside Therapy". */
  readonly summary: string;
  /** More words for the recipient's calendar, in their language; none for staff. */
  readonly description?: string;
  /** The language of the summary and description (the PRODID says it). */
  readonly language: Language;
  readonly practiceName: string;
  /** The address replies to the invitation go to (the practice's sending address). */
  readonly organizerEmail: string;
  readonly attendeeEmail: string;
  /** Host of the service's public address: the UID's domain. */
  readonly host: string;
}

/** The same for every message about one consultation: calendars match changes by it. */
export function consultationUid(consultationId: string, host: string): string {
  return `consultation-${consultationId}@${host}`;
}

export function calendarInvite(facts: InviteFacts): string {
  const calendar = ical({
    prodId: {
      company: facts.practiceName,
      product: 'consultations',
      language: facts.language.toUpperCase(),
    },
    method: facts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: consultationUid(facts.consultationId, facts.host),
    sequence: facts.sequence,
    start: facts.startsAt,
    end: facts.endsAt,
    stamp: new Date(),
    summary: facts.summary,
    ...(facts.description ? { description: facts.description } : {}),
    status: facts.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: facts.practiceName, email: facts.organizerEmail },
    attendees: [{ email: facts.attendeeEmail, rsvp: false }],
  });
  return calendar.toString();
}

/** The address inside "Name <address>" (MAIL_FROM), or the text as it is. */
export function addressOf(from: string): string {
  const match = /<([^<>]+)>\s*$/.exec(from);
  return (match ? match[1]! : from).trim();
}
