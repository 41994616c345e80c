/**
 * The words of a consultation's emails (no framework code here): to the client, in the
 * lead's language, the booked time, the clinician's name and a link to manage the booking;
 * to the clinician, in English, the time and the lead's reference and page. Never a
 * message, an answer or a flag.
 */
import { DateTime } from 'luxon';
import {
  type PracticeDetails,
  type RenderedMessage,
  headerSafe,
  mailLayout,
  pageLink,
  say,
  staffSigned,
} from '../notifications/messages.js';
import type { ClientWordKey } from '../vocabulary/client-words.js';
import type { Language } from '../vocabulary/languages.js';

export type ConsultationMailKind =
  'consultation_confirmation' | 'consultation_reminder' | 'consultation_cancellation';

export interface ConsultationMailFacts {
  readonly kind: ConsultationMailKind;
  /** The practice and its signature; for the client, `language` is the lead's. */
  readonly practice: PracticeDetails;
  readonly clinicianName: string;
  readonly startsAt: Date;
  /** The zone the time is written in (the clinician's hours'). */
  readonly timeZone: string;
}

/** Spaces that a locale's time may carry (a narrow no-break space before "p. m."). */
const ODD_SPACES = /[\u00a0\u202f]/g;

/**
 * The time of a consultation in the reader's language, with its zone and the UTC time:
 * "Tuesday, December 8, 2026 at 9:00 AM EST (14:00 UTC)";
 * "el martes 8 de diciembre de 2026 a las 9:00 a. m. (hora estándar oriental; 14:00 UTC)".
 */
export function timeWords(at: Date, timeZone: string, language: Language = 'en'): string {
  const utc = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat('HH:mm');
  if (language === 'es') {
    const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale('es');
    // "a la una", "a las dos, tres …": the article follows the hour read on the clock.
    const article = local.hour % 12 === 1 ? 'a la' : 'a las';
    const date = local.toFormat("cccc d 'de' LLLL 'de' yyyy");
    const time = local.toFormat('h:mm a').replace(ODD_SPACES, ' ');
    return `el ${date} ${article} ${time} (${local.toFormat('ZZZZZ')}; ${utc} UTC)`;
  }
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-US');
  return `${local.toFormat('cccc, LLLL d, yyyy')} at ${local.toFormat('h:mm a ZZZZ')} (${utc} UTC)`;
}

/** What each kind says to the client: subject, two paragraphs and the label of its link. */
const CLIENT_WORDS: Record<
  ConsultationMailKind,
  { subject: ClientWordKey; when: ClientWordKey; next: ClientWordKey; link: ClientWordKey }
> = {
  consultation_confirmation: {
    subject: 'mail.consultation.confirmation.subject',
    when: 'mail.consultation.confirmation.booked',
    next: 'mail.consultation.confirmation.calendar',
    link: 'mail.consultation.manageLink',
  },
  consultation_reminder: {
    subject: 'mail.consultation.reminder.subject',
    when: 'mail.consultation.reminder.on',
    next: 'mail.consultation.reminder.cancel',
    link: 'mail.consultation.manageLink',
  },
  consultation_cancellation: {
    subject: 'mail.consultation.cancellation.subject',
    when: 'mail.consultation.cancellation.cancelled',
    next: 'mail.consultation.cancellation.again',
    link: 'mail.consultation.againLink',
  },
};

/** To the client, in `practice.language`; `bookingLink` is their booking page, when they have one. */
export function clientConsultationMail(
  facts: ConsultationMailFacts,
  bookingLink?: string,
): RenderedMessage {
  const { practice } = facts;
  const words = CLIENT_WORDS[facts.kind];
  const values = {
    practice: practice.name,
    clinician: facts.clinicianName,
    when: timeWords(facts.startsAt, facts.timeZone, practice.language ?? 'en'),
  };
  return {
    subject: headerSafe(say(practice, words.subject, values)),
    ...mailLayout(
      practice,
      [
        say(practice, 'mail.greeting'),
        say(practice, words.when, values),
        say(practice, words.next),
      ],
      bookingLink
        ? { href: pageLink(practice, bookingLink), label: say(practice, words.link) }
        : undefined,
    ),
  };
}

/** The calendar's words for the client's invitation, in `practice.language`. */
export function clientCalendarWords(
  facts: Omit<ConsultationMailFacts, 'kind' | 'startsAt' | 'timeZone'>,
) {
  const values = { practice: facts.practice.name, clinician: facts.clinicianName };
  return {
    summary: say(facts.practice, 'calendar.consultation.summary', values),
    description: say(facts.practice, 'calendar.consultation.description', values),
  };
}

/** To the clinician, in English, signed with the practice's name only. */
export function clinicianConsultationMail(
  facts: ConsultationMailFacts,
  lead: { reference?: string; link: string },
): RenderedMessage {
  const when = timeWords(facts.startsAt, facts.timeZone);
  const reference = lead.reference ? ` (lead ${lead.reference})` : '';
  const words: Record<ConsultationMailKind, { subject: string; line: string }> = {
    consultation_confirmation: {
      subject: `Consultation booked: ${when}${reference}`,
      line: `A consultation with you is booked for ${when}${reference}.`,
    },
    consultation_reminder: {
      subject: `Consultation tomorrow: ${when}${reference}`,
      line: `A reminder: you have a consultation on ${when}${reference}.`,
    },
    consultation_cancellation: {
      subject: `Consultation cancelled: ${when}${reference}`,
      line: `The consultation on ${when}${reference} is cancelled.`,
    },
  };
  const { subject, line } = words[facts.kind];
  return {
    subject: headerSafe(subject),
    ...mailLayout(staffSigned(facts.practice), [line], { href: lead.link, label: 'Open the lead' }),
  };
}
