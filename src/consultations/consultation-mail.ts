/**
 * The words of a consultation's emails (no framework code here): to the client, the
 * booked time, the clinician's name and a link to manage the booking; to the clinician,
 * the time and the lead's reference and page. Never a message, an answer or a flag.
 */
import { DateTime } from 'luxon';
import { escapeHtml, headerSafe, type RenderedMessage } from '../notifications/messages.js';

export type ConsultationMailKind =
  'consultation_confirmation' | 'consultation_reminder' | 'consultation_cancellation';

export interface ConsultationMailFacts {
  readonly kind: ConsultationMailKind;
  readonly practiceName: string;
  readonly clinicianName: string;
  readonly startsAt: Date;
  /** The zone the time is written in (the clinician's hours'). */
  readonly timeZone: string;
  /** Client: the booking page of their link; clinician: the lead's page. */
  readonly link?: { href: string; label: string };
  /** Clinician only: the lead's reference. */
  readonly reference?: string;
}

/** "Tuesday, December 8, 2026 at 9:00 AM EST (14:00 UTC)". */
export function timeWords(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-US');
  const utc = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat('HH:mm');
  return `${local.toFormat('cccc, LLLL d, yyyy')} at ${local.toFormat('h:mm a ZZZZ')} (${utc} UTC)`;
}

function layout(
  practiceName: string,
  paragraphs: string[],
  link?: { href: string; label: string },
) {
  const text = [
    ...paragraphs,
    ...(link ? [`${link.label}: ${link.href}`] : []),
    '',
    `— ${practiceName}`,
  ].join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
    `<p>— ${escapeHtml(practiceName)}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

const SUBJECTS: Record<ConsultationMailKind, (practice: string) => string> = {
  consultation_confirmation: (practice) => `${practice}: your consultation is booked`,
  consultation_reminder: (practice) => `${practice}: your consultation is tomorrow`,
  consultation_cancellation: (practice) => `${practice}: your consultation is cancelled`,
};

export function clientConsultationMail(facts: ConsultationMailFacts): RenderedMessage {
  const when = timeWords(facts.startsAt, facts.timeZone);
  const lines: Record<ConsultationMailKind, string[]> = {
    consultation_confirmation: [
      'Hello,',
      `Your first conversation with ${facts.clinicianName} of ${facts.practiceName} is booked for ${when}.`,
      'The invitation attached adds it to your calendar. You can cancel it, or choose another time, with the link below.',
    ],
    consultation_reminder: [
      'Hello,',
      `A reminder: your first conversation with ${facts.clinicianName} of ${facts.practiceName} is on ${when}.`,
      'If you cannot make it, please cancel with the link below so we can offer the time to someone else.',
    ],
    consultation_cancellation: [
      'Hello,',
      `Your consultation with ${facts.clinicianName} on ${when} is cancelled.`,
      'You can choose another time with the link below, or wait for us to contact you.',
    ],
  };
  return {
    subject: headerSafe(SUBJECTS[facts.kind](facts.practiceName)),
    ...layout(facts.practiceName, lines[facts.kind], facts.link),
  };
}

export function clinicianConsultationMail(facts: ConsultationMailFacts): RenderedMessage {
  const when = timeWords(facts.startsAt, facts.timeZone);
  const reference = facts.reference ? ` (lead ${facts.reference})` : '';
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
    ...layout(facts.practiceName, [line], facts.link),
  };
}
