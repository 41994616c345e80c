import type { Urgency } from '../vocabulary/urgency.js';

/**
 * The words of every email (no framework code here). Staff mail carries only what
 * docs/api.md#mail-to-staff allows: reference, service type, urgency, time received and a
 * link; never a name, a message, an answer or a flag. Every message has a plain-text part; every
 * value placed in HTML is escaped, and nothing user-written reaches a header.
 */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation sent with the message (`text/calendar; method=…`). */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface PracticeDetails {
  name: string;
  /** Base URL of this service, for links. */
  baseUrl: string;
}

export interface LeadFacts {
  leadId: string;
  reference: string;
  serviceType: string;
  urgency: Urgency;
  receivedAt: Date;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Subjects are one line: control characters (CR, LF …) become spaces. */
export function headerSafe(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

const URGENCY_WORDS: Record<Urgency, string> = {
  crisis: 'CRISIS',
  high: 'high',
  routine: 'routine',
};

const leadLink = (practice: PracticeDetails, leadId: string) =>
  `${practice.baseUrl}/admin/leads/${encodeURIComponent(leadId)}`;

function layout(
  practice: PracticeDetails,
  paragraphs: string[],
  link?: { href: string; label: string },
) {
  const text = [
    ...paragraphs,
    ...(link ? [`${link.label}: ${link.href}`] : []),
    '',
    `— ${practice.name}`,
  ].join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
    `<p>— ${escapeHtml(practice.name)}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

function leadSummary(lead: LeadFacts): string[] {
  return [
    `Reference: ${lead.reference}`,
    `Service: ${lead.serviceType}`,
    `Urgency: ${URGENCY_WORDS[lead.urgency]}`,
    `Received: ${lead.receivedAt.toISOString()}`,
  ];
}

export function staffNewLead(practice: PracticeDetails, lead: LeadFacts): RenderedMessage {
  const flag = lead.urgency === 'routine' ? '' : ` [${URGENCY_WORDS[lead.urgency]}]`;
  return {
    subject: headerSafe(`New lead ${lead.reference}${flag}`),
    ...layout(practice, ['A new lead is waiting for triage.', leadSummary(lead).join('\n')], {
      href: leadLink(practice, lead.leadId),
      label: 'Open the lead',
    }),
  };
}

export function crisisAlert(practice: PracticeDetails, lead: LeadFacts): RenderedMessage {
  return {
    subject: headerSafe(`CRISIS: lead ${lead.reference} needs attention now`),
    ...layout(
      practice,
      [
        'A submission suggests a crisis. Please review this lead now.',
        leadSummary(lead).join('\n'),
      ],
      { href: leadLink(practice, lead.leadId), label: 'Open the lead' },
    ),
  };
}

export function overdueReminder(
  practice: PracticeDetails,
  lead: LeadFacts,
  stage: 'reminder' | 'escalation',
): RenderedMessage {
  const escalation = stage === 'escalation';
  return {
    subject: headerSafe(
      escalation
        ? `Escalation: lead ${lead.reference} is well past its response target`
        : `Reminder: lead ${lead.reference} is past its response target`,
    ),
    ...layout(
      practice,
      [
        escalation
          ? 'This lead has waited twice its response-time target without first contact.'
          : 'This lead has passed its response-time target without first contact.',
        leadSummary(lead).join('\n'),
      ],
      { href: leadLink(practice, lead.leadId), label: 'Open the lead' },
    ),
  };
}

export function clientAcknowledgement(
  practice: PracticeDetails,
  submission: { reference: string; bookingLink?: string | null },
): RenderedMessage {
  return {
    subject: headerSafe(`We received your message (${submission.reference})`),
    ...layout(
      practice,
      [
        'Hello,',
        `Thank you for reaching out to ${practice.name}. We have received your message and someone from our team will contact you soon.`,
        `Your reference is ${submission.reference}. Please mention it if you call us.`,
        ...(submission.bookingLink
          ? [
              'If you like, you can choose a time for a first conversation now. The link works for 14 days.',
            ]
          : []),
        'If you are in crisis or thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) now, or call 911 in an emergency.',
      ],
      submission.bookingLink
        ? { href: submission.bookingLink, label: 'Book a first conversation' }
        : undefined,
    ),
  };
}

export function partnerInvitation(
  practice: PracticeDetails,
  invitation: { invitedByFirstName: string; link: string; expiresAt: Date },
): RenderedMessage {
  return {
    subject: headerSafe(`${practice.name}: you are invited to complete an intake`),
    ...layout(
      practice,
      [
        'Hello,',
        `${invitation.invitedByFirstName} has asked ${practice.name} about couples therapy and named you as their partner.`,
        'Each partner answers a short questionnaire privately: your answers are never shown to your partner.',
        `This link works once and until ${invitation.expiresAt.toISOString().slice(0, 10)}.`,
      ],
      { href: invitation.link, label: 'Start your questionnaire' },
    ),
  };
}

/** A time a person reads in an email: minutes, UTC, said so. */
const untilWords = (when: Date) => `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function staffInvitation(
  practice: PracticeDetails,
  invitation: { role: string; link: string; expiresAt: Date },
): RenderedMessage {
  return {
    subject: headerSafe(`${practice.name}: your staff account is ready`),
    ...layout(
      practice,
      [
        'Hello,',
        `An admin of ${practice.name} has created a staff account for you on its intake system, with the role ${invitation.role}.`,
        `Choose your password with the link below. It works once, until ${untilWords(invitation.expiresAt)}; after that, ask an admin to send a new invitation.`,
        'If you did not expect this email, you can ignore it.',
      ],
      { href: invitation.link, label: 'Choose your password' },
    ),
  };
}

export function passwordReset(
  practice: PracticeDetails,
  reset: { link: string; expiresAt: Date },
): RenderedMessage {
  return {
    subject: headerSafe(`${practice.name}: reset your password`),
    ...layout(
      practice,
      [
        'Hello,',
        `Someone asked to reset the password of your staff account at ${practice.name}.`,
        `To choose a new password, use the link below. It works once, until ${untilWords(reset.expiresAt)}. Choosing a new password signs you out everywhere.`,
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      { href: reset.link, label: 'Choose a new password' },
    ),
  };
}
